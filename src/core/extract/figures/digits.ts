// Numbers written in digits: 1,234,567, Indian 12,34,567, 1 234 567, 4.8, .08, 1.111,11, 1e10, 1.3x10^6.

export interface DigitsRead {
  end: number;
  value: number;
  /** Digits only, no separators or decimals ("2014", not "2,014" or "20.14"). */
  plain: boolean;
  integer: boolean;
}

// Tried in order at one position; the first whose match is not followed by more digit groups wins.
const FORMS: { re: RegExp; parse: (s: string) => number }[] = [
  // 1,234,567.89 (groups of three)
  { re: /\d{1,3}(?:,\d{3})+(?:\.\d+)?/y, parse: (s) => Number(s.replace(/,/g, "")) },
  // Indian grouping: 12,34,567 and 1,00,000 (pairs, then a final three)
  { re: /\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?/y, parse: (s) => Number(s.replace(/,/g, "")) },
  // Continental: 1.111,11
  { re: /\d{1,3}(?:\.\d{3})+,\d+/y, parse: (s) => Number(s.replace(/\./g, "").replace(",", ".")) },
  // Thin-space or no-break-space thousands: 1 234 567 (narrow no-break space, no-break space)
  { re: /\d{1,3}(?:[\u00a0\u202f]\d{3})+(?:\.\d+)?/y, parse: (s) => Number(s.replace(/[\u00a0\u202f]/g, "")) },
  // Plain-space thousands with at least two groups, or a first group of two or three digits: 1 234 567, 40 000
  { re: /(?:\d{1,3}(?: \d{3}){2,}|\d{2,3} \d{3})(?:\.\d+)?/y, parse: (s) => Number(s.replace(/ /g, "")) },
  // Decimal comma with one or two decimals: 5,00 1,3
  { re: /\d{1,3},\d{1,2}(?![\d,])/y, parse: (s) => Number(s.replace(",", ".")) },
  { re: /\d+\.\d+|\d+|\.\d+/y, parse: Number },
];

const MORE_GROUPS = /[.,]\d/y;
const EXPONENT = /(?:[eE]([+-]?\d+)|\s?[x×]\s?10\^([+-]?\d+)|\^([+-]*)(\d+))(?![\p{L}\d])/uy;

function followedBy(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  return re.test(text);
}

/** Reads a number in digits starting exactly at `pos`, or null. */
export function readDigits(text: string, pos: number): DigitsRead | null {
  for (let i = 0; i < FORMS.length; i++) {
    const form = FORMS[i]!;
    form.re.lastIndex = pos;
    const m = form.re.exec(text);
    if (!m) continue;
    // "22,24,26,31" is a list: no decimal comma inside it.
    if (i === 5 && pos > 1 && text[pos - 1] === "," && /\d/.test(text[pos - 2]!)) continue;
    let end = pos + m[0].length;
    // "192.168.1.2", "22,24,26": a separator then more digits means this form read too little or too much.
    if (followedBy(MORE_GROUPS, text, end) && i < FORMS.length - 1) continue;
    if (text[end] !== undefined && /\d/.test(text[end]!)) continue;
    let value = form.parse(m[0]);
    if (i === FORMS.length - 1 && followedBy(MORE_GROUPS, text, end)) {
      // A dotted run such as an IP address or version: the first integer, the run consumed.
      const run = /\d+(?:\.\d+)*/y; // "22,24,26": a list, read one by one
      run.lastIndex = pos;
      const rm = run.exec(text)!;
      return { end: pos + rm[0].length, value: Number(/^\d+/.exec(rm[0])![0]), plain: true, integer: true };
    }
    EXPONENT.lastIndex = end;
    const e = EXPONENT.exec(text);
    if (e) {
      if (e[1] !== undefined) value *= 10 ** Number(e[1]);
      else if (e[2] !== undefined) value *= 10 ** Number(e[2]);
      else value = value ** (((e[3]!.split("-").length - 1) % 2 ? -1 : 1) * Number(e[4]));
      end += e[0].length;
    }
    const plain = /^\d+$/.test(m[0]) && !e;
    return { end, value, plain, integer: Number.isInteger(value) };
  }
  return null;
}

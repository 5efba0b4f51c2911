// One figure's core at a position: the number, its abbreviated scale, and a percent sign, currency or unit
// right after it ("$2.3bn", "7.5%", "35 lakh rupees", "25 lakh tonnes", "30 MUSD").
import { CODES, currencyAfter, currencyBefore, type CurrencyHit } from "./money.js";
import { VULGAR } from "./lexicon.js";
import { readNumber, type NumberRead } from "./numbers.js";
import { unitAfter, type Unit } from "./context.js";

export interface Core {
  start: number;
  end: number;
  value: number;
  n: NumberRead;
  currency: CurrencyHit | null;
  /** Where the currency written before the number starts. */
  currencyStart: number | null;
  percent: string | null;
  unit: Unit | null;
  /** A scale was applied: a word ("million") or an abbreviation ("bn"). */
  scaled: boolean;
}

// "£700million": a scale word written onto the digits is read like an abbreviation.
const ABBR = /([ \t]{0,2})(million|billion|trillion|bn|mn|mln|bln|tn|tln|trn|mil|MM|k|K|M|m|b|B|G)(?![\p{L}\d])/uy;
const ABBR_VALUE: Record<string, number> = {
  million: 1e6, billion: 1e9, trillion: 1e12,
  G: 1e9, bn: 1e9, mn: 1e6, mln: 1e6, bln: 1e9, tn: 1e12, tln: 1e12, trn: 1e12, mil: 1e6, MM: 1e6, k: 1e3, K: 1e3, M: 1e6, m: 1e6, b: 1e9, B: 1e9,
};
const PERCENT = /[ \t\u00a0]?(%|per ?cent(?:age)?s?(?![\p{L}])|percent(?:age)?s?(?![\p{L}])|pct(?![\p{L}]))(?:[ \t]+(points?)(?![\p{L}]))?/iuy;
const CODE_SCALE = /[ \t]+(thousand|million|billion|trillion|lakh|crore)(?![\p{L}])/iuy;
const SCALE_OF: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, lakh: 1e5, crore: 1e7 };
const MINOR_AFTER = /[ \t]+(?:and[ \t]+)?/y;
const MINOR_END = /[ \t]*(?:cents?\b|[.,;:!?)]|$)/iy;
const M_NOUN = /[ \t]+(?:people\b|[a-z]+s\b)/y;
const M_METRES = /(?:[ \t]+(?:of|from|away|high|long|tall|wide|deep|above|below|under|in|into|across)\b|-)/y;
const LETTER_NEXT = /[\p{L}\d]/u;

/** Reads number, scale abbreviation, percent, currency and unit at `pos`; `neg` when a minus sign came before;
 * `after`: where the previous figure ended. */
export function readCore(text: string, pos: number, neg: boolean, after = 0): Core | null {
  const n = readNumber(text, pos);
  if (!n || n.ordinal) return null;
  let value = neg ? -n.value : n.value;
  let end = n.end;
  // "8½ hours": a vulgar fraction written onto whole digits.
  const half = /\d/.test(text[end - 1] ?? "") && !n.scaled ? VULGAR[text[end] ?? ""] : undefined;
  if (half !== undefined) {
    value += neg ? -half : half;
    end += 1;
  }
  let scaled = n.scaled;
  // A currency already read as the previous figure's suffix ("10 rmb 20 usd") is not this one's prefix.
  const prefix = currencyBefore(text, pos - (neg ? 1 : 0));
  const before = prefix && prefix.at >= after ? prefix : null;
  let currency = before;
  if (before && before.scale !== 1) {
    value *= before.scale; // "MAUD 60"
    scaled = true;
  }
  const lastIsDigit = /\d/.test(text[end - 1] ?? "");

  if (lastIsDigit && !n.scaled) {
    ABBR.lastIndex = end;
    const a = ABBR.exec(text);
    if (a) {
      const [, space, abbr] = a as unknown as [string, string, string];
      const attached = space === "";
      let ok = (abbr.length > 1 && (abbr.length <= 3 || attached)) || attached || abbr === "k" || abbr === "K" || abbr === "M";
      if (abbr === "m") {
        // "£1m", "1m people": a million; "500m from the shore": metres; "1m isn't": too unsure to list.
        M_NOUN.lastIndex = end + a[0].length;
        ok = attached && (before !== null || M_NOUN.test(text));
        if (!ok && attached) {
          M_METRES.lastIndex = end + a[0].length;
          if (!M_METRES.test(text)) return null;
          return { start: n.start, end: end + 1, value, n, currency: null, currencyStart: null, percent: null, unit: { end: end + 1, unit: "m", duration: false, age: false }, scaled };
        }
      }
      if ((abbr === "b" || abbr === "B") && !(before !== null || !n.integer)) ok = false;
      // "1,674.5 G" is giga; "5G", "4G" name networks.
      if (abbr === "G") ok = !attached && !n.integer;
      if (ok) {
        value *= ABBR_VALUE[abbr]!;
        end += a[0].length;
        scaled = true;
      }
    }
  }
  let percent: string | null = null;
  let unit: Unit | null = null;
  PERCENT.lastIndex = end;
  const p = PERCENT.exec(text);
  if (p && !currency) {
    percent = p[2] ? "percentage points" : "%";
    end += p[0].length;
  } else if (!currency) {
    const after = currencyAfter(text, end);
    if (after) {
      currency = after;
      end = after.at;
      if (after.scale !== 1) {
        value *= after.scale;
        scaled = true;
      }
      CODE_SCALE.lastIndex = end;
      const cs = CODES.some((c) => c === after.unit) ? CODE_SCALE.exec(text) : null;
      if (cs && !scaled) {
        value *= SCALE_OF[cs[1]!.toLowerCase()]!;
        end += cs[0].length;
        scaled = true;
      }
      // "3 dollars 50 cents", "twelve dollars and sixty-five cents", "17 USD 25".
      if (!after.minor && !scaled) {
        MINOR_AFTER.lastIndex = end;
        const sep = MINOR_AFTER.exec(text);
        const y = sep && sep[0].length ? readNumber(text, end + sep[0].length) : null;
        if (y && y.integer && y.value > 0 && y.value < 100 && !y.scaled) {
          MINOR_END.lastIndex = y.end;
          const tail = MINOR_END.exec(text);
          if (tail) {
            value += (neg ? -y.value : y.value) / 100;
            end = y.end + (/^[ \t]*cents?/i.test(tail[0]) ? tail[0].length : 0);
          }
        }
      }
    } else {
      unit = unitAfter(text, end);
      if (unit) end = unit.end;
    }
  }
  if (!percent && !currency && !unit && lastIsDigit && end === n.end && LETTER_NEXT.test(text[end] ?? "")) {
    // "5G", "3B", "737MAX": a name or code, not a quantity.
    if (!/^(st|nd|rd|th|s)\b/i.test(text.slice(end, end + 3))) return null;
  }
  return {
    start: n.start, end, value, n, currency, currencyStart: before ? before.at : null, percent, unit, scaled,
  };
}

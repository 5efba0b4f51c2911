// Reads one number at a position: digits, words or both ("4 thousand 3 hundred and 21", "one and a half",
// "three lakh crore", "two thirds of a million"). A small left-to-right accumulator, no backtracking search.
import { readDigits } from "./digits.js";
import { SCALES, SMALL, TENS, VULGAR, denominatorValue, ordinalValue } from "./lexicon.js";

export interface NumberRead {
  start: number;
  end: number;
  value: number;
  /** Some part is written as a word. */
  words: boolean;
  /** The whole number is one run of plain digits ("2014"). */
  plain: boolean;
  integer: boolean;
  ordinal: boolean;
  fraction: boolean;
  /** A scale word applied ("million", "lakh"). */
  scaled: boolean;
  /** The single word when the number is one word ("one", "half"). */
  single: string | null;
}

type Kind =
  | "digits" | "small" | "tens" | "hundred" | "scale" | "dozen" | "a" | "half" | "quarter" | "denom"
  | "ordinal" | "and" | "point" | "neg" | "vulgar" | "ofa";

interface Atom {
  kind: Kind;
  start: number;
  end: number;
  value: number;
  word: string;
  plural?: boolean;
  plain?: boolean;
  integer?: boolean;
}

const FRACTION_CUE = /\b(?:by|than|nearly|almost|about|around|roughly|some|over|under|just|only|least)[ \t]+$/i;
const SEP = /[ \t\u00a0]*(?:(-)[ \t\u00a0]*)?/y;
const WORD = /[A-Za-z]+/y;
const OF_A = /of\s+an?\s+(thousand|million|billion|trillion|lakh|crore)\b/iy;
const COMPOUND_ORDINAL = /([- ])(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)(s?)\b/iy;

function wordAtom(text: string, p: number, word: string): Atom | null {
  const w = word.toLowerCase();
  const end = p + word.length;
  const atom = (kind: Kind, value: number, extra: Partial<Atom> = {}): Atom => ({ kind, start: p, end, value, word: w, ...extra });
  if (SMALL[w] !== undefined) return atom("small", SMALL[w]!);
  if (TENS[w] !== undefined) {
    // "twenty-first", "thirty-fifths", "twenty firsts": a compound ordinal.
    COMPOUND_ORDINAL.lastIndex = end;
    const m = COMPOUND_ORDINAL.exec(text);
    if (m && (m[1] === "-" || /^(first|second)$/i.test(m[2]!))) {
      const v = ordinalValue(`${w}-${m[2]!.toLowerCase()}`)!;
      return { kind: "denom", start: p, end: end + m[0].length, value: v, word: w, plural: m[3] === "s" || m[3] === "S" };
    }
    return atom("tens", TENS[w]!);
  }
  if (w === "hundred" || w === "hundreds") return atom("hundred", 100, { plural: w === "hundreds" });
  if (SCALES[w] !== undefined) return atom("scale", SCALES[w]!, { plural: w.endsWith("s") });
  if (/^(dozens?|dz|dzs|doz|dozs)$/.test(w)) return atom("dozen", 12);
  if (w === "a" || w === "an") return atom("a", 1);
  if (w === "half" || w === "halves") return atom("half", 2, { plural: w === "halves" });
  if (w === "quarter" || w === "quarters") return atom("quarter", 4, { plural: w === "quarters" });
  if (w === "and") return atom("and", 0);
  if (w === "point") return atom("point", 0);
  if (w === "minus" || w === "negative") return atom("neg", 0);
  if (w === "of") {
    OF_A.lastIndex = p;
    const m = OF_A.exec(text);
    return m ? { kind: "ofa", start: p, end: p + m[0].length, value: SCALES[m[1]!.toLowerCase()]!, word: w } : null;
  }
  const d = denominatorValue(w);
  if (d !== undefined) return atom("denom", d, { plural: /s$/.test(w) });
  const o = ordinalValue(w);
  if (o !== undefined) return atom("ordinal", o);
  return null;
}

/** The atom at `pos` (after separators unless `first`). Digits never follow a hyphen ("10-20"). */
function atomAt(text: string, pos: number, first: boolean): Atom | null {
  let p = pos;
  let hyphen = false;
  if (!first) {
    SEP.lastIndex = pos;
    const s = SEP.exec(text)!;
    p = pos + s[0].length;
    hyphen = s[1] !== undefined;
    if (p === pos && /[A-Za-z\d]/.test(text[p] ?? "")) return null; // atoms are separated
  }
  const c = text[p];
  if (c === undefined) return null;
  if (/\d/.test(c) || (c === "." && /\d/.test(text[p + 1] ?? ""))) {
    if (hyphen) return null;
    const d = readDigits(text, p);
    if (!d) return null;
    return { kind: "digits", start: p, end: d.end, value: d.value, word: "", plain: d.plain, integer: d.integer };
  }
  if (VULGAR[c] !== undefined) return { kind: "vulgar", start: p, end: p + 1, value: VULGAR[c]!, word: c };
  WORD.lastIndex = p;
  const m = WORD.exec(text);
  if (!m || /[\p{L}\d]/u.test(text[p + m[0].length] ?? "")) return null;
  return wordAtom(text, p, m[0]);
}

/** Reads the decimals after "point": digit words one by one ("zero three"), or one number word ("seventy-one"). */
function decimalsAfter(text: string, pos: number): { end: number; digits: string } | null {
  let at = pos;
  let digits = "";
  for (;;) {
    const a = atomAt(text, at, false);
    if (!a || a.kind !== "small" || a.value > 9) break;
    digits += String(a.value);
    at = a.end;
  }
  if (digits) return { end: at, digits };
  const a = atomAt(text, pos, false);
  if (!a || (a.kind !== "small" && a.kind !== "tens")) return null;
  let v = a.value;
  let end = a.end;
  const b = a.kind === "tens" ? atomAt(text, end, false) : null;
  if (b && b.kind === "small" && b.value > 0 && b.value < 10) {
    v += b.value;
    end = b.end;
  }
  return { end, digits: String(v) };
}

interface State {
  total: number;
  cur: number;
  have: boolean;
  last: Kind | "none" | "fraction" | "andStart" | "pointDone";
  lastScale: number;
  groupHundred: boolean;
  lastAtom: number;
  fraction: boolean;
  scaled: boolean;
  words: boolean;
  atoms: number;
  end: number;
  /** The value before the last "and" that opened a segment ("one hundred | and three"). */
  base: number | null;
  baseMag: number;
  baseScale: number;
  segFraction: boolean;
  segScaled: boolean;
  firstPlain: boolean;
  firstWord: string | null;
}

const magnitude = (s: State): number =>
  s.last === "hundred" ? 100 : s.last === "scale" ? s.lastScale : s.last === "tens" ? 10 : 1;

function segmentValue(s: State): number {
  const v = s.total + s.cur;
  if (s.base === null) return v;
  // "3 million and a half": the fraction is of the scale before "and".
  if (s.segFraction && !s.segScaled && s.baseScale > 0) return s.base + v * s.baseScale;
  return s.base + v;
}

/** A segment after "and" stands only if it is a fraction or smaller than what it follows. */
function segmentOk(s: State): boolean {
  if (s.base === null) return true;
  const v = s.total + s.cur;
  return v > 0 && (s.segFraction || v < s.baseMag);
}

/** Reads a number starting exactly at `start`, or returns null. */
export function readNumber(text: string, start: number): NumberRead | null {
  let s: State = {
    total: 0, cur: 0, have: false, last: "none", lastScale: Infinity, groupHundred: false, lastAtom: 0,
    fraction: false, scaled: false, words: false, atoms: 0, end: start, base: null, baseMag: 0, baseScale: 0,
    segFraction: false, segScaled: false, firstPlain: false, firstWord: null,
  };
  let checkpoint: State | null = null;
  let neg = false;
  let at = start;
  let ordinal: number | null = null;

  loop: for (;;) {
    const a = atomAt(text, at, at === start);
    if (!a) break;
    const accept = (last: State["last"]) => {
      s.last = last;
      s.end = a.end;
      s.atoms++;
      if (a.kind !== "digits") s.words = true;
      at = a.end;
    };
    const startSegment = a.kind === "and";
    if (!startSegment && s.last === "andStart" && !["small", "tens", "digits", "a"].includes(a.kind)) break;
    switch (a.kind) {
      case "neg":
        if (s.have || neg) break loop;
        neg = true;
        at = a.end;
        continue;
      case "digits":
        if (!s.have) {
          s.cur = a.value;
          s.have = true;
          s.firstPlain = a.plain === true;
          s.lastAtom = a.value;
          accept("digits");
        } else if ((s.last === "scale" && a.integer && a.value < s.lastScale) || s.last === "andStart") {
          s.cur += a.value;
          s.lastAtom = a.value;
          accept("digits");
        } else break loop;
        continue;
      case "small":
        if (!s.have || s.last === "hundred" || s.last === "scale" || s.last === "andStart" ||
          (s.last === "tens" && a.value > 0 && a.value < 10 && s.cur % 10 === 0)) {
          if (!s.have) s.firstWord = a.word;
          s.cur += a.value;
          s.have = true;
          s.lastAtom = a.value;
          accept("small");
        } else break loop;
        continue;
      case "tens":
        if (!s.have || s.last === "hundred" || s.last === "scale" || s.last === "andStart") {
          if (!s.have) s.firstWord = a.word;
          s.cur += a.value;
          s.have = true;
          s.lastAtom = a.value;
          accept("tens");
        } else break loop;
        continue;
      case "hundred":
        if (!s.have && !a.plural) {
          s.cur = 100;
          s.have = true;
          s.groupHundred = true;
          accept("hundred");
        } else if (s.have && ["small", "tens", "digits", "a"].includes(s.last) && !s.groupHundred && s.cur > 0) {
          s.cur *= 100;
          s.groupHundred = true;
          accept("hundred");
        } else break loop;
        continue;
      case "scale":
        if (!s.have) break loop;
        if (s.base !== null && s.baseScale === 0 && (s.segFraction || (s.baseMag === 100 && s.base < 1000))) {
          // "five and a half million", "three hundred and fifty thousand": the scale takes the whole.
          s.cur += s.base;
          s.base = null;
          checkpoint = null;
        }
        if (s.cur > 0 && a.value < s.lastScale && s.last !== "scale") {
          s.total += s.cur * a.value;
          s.cur = 0;
        } else if (s.cur === 0 && s.last === "scale" && s.total > 0 && a.value > s.lastScale) {
          s.total *= a.value; // "lakh crore"
        } else break loop;
        s.lastScale = a.value;
        s.groupHundred = false;
        s.scaled = true;
        if (s.base !== null) s.segScaled = true;
        accept("scale");
        continue;
      case "dozen":
        if (!s.have || !["small", "tens", "digits", "a", "half"].includes(s.last)) break loop;
        s.cur += s.lastAtom * 11;
        s.scaled = true;
        accept("dozen");
        continue;
      case "a": {
        const next = atomAt(text, a.end, false);
        if (!next) break loop;
        if (s.last === "half" && next.kind === "dozen") {
          at = a.end; // "half a dozen"
          continue;
        }
        if ((s.have && s.last !== "andStart") || !["hundred", "scale", "dozen", "half", "quarter", "denom"].includes(next.kind)) break loop;
        if (next.kind === "scale" && next.plural) break loop;
        s.cur += 1;
        s.have = true;
        s.lastAtom = 1;
        s.last = "a";
        at = a.end;
        continue;
      }
      case "half":
      case "quarter":
      case "denom": {
        if (text[a.end] === "-") break loop; // "third-quarter", "fourth-largest": an ordinal adjective
        if (!s.have) {
          if (a.kind === "denom") {
            ordinal = a.value;
            s.end = a.end;
            break loop;
          }
          const next = atomAt(text, a.end, false);
          if (a.kind === "quarter" && (!next || next.kind !== "scale")) break loop;
          if (a.plural) break loop;
          s.cur = 1 / a.value;
          s.have = true;
          s.fraction = true;
          s.firstWord = a.word;
          s.lastAtom = s.cur;
          if (s.base !== null) s.segFraction = true;
          accept("half");
          continue;
        }
        if (!["small", "tens", "digits", "a", "hundred", "scale"].includes(s.last)) break loop;
        // "a third of voters", but "a third time" is an ordinal.
        // "by a third", "more than a fifth" are fractions whatever follows.
        if (s.last === "a" && a.kind === "denom" && /^[ \t]+(?!of\b)\p{L}/u.test(text.slice(a.end, a.end + 5)) &&
          !FRACTION_CUE.test(text.slice(Math.max(0, start - 12), start))) break loop;
        const num = s.total + s.cur;
        // English: "one fifth", "a fifth", "two fifths". Digits are not read as numerators: "100 millionths"
        // and "2 thirds" are rare and more often a slip than a fraction.
        if (s.last === "digits" || (num === 1) === Boolean(a.plural)) break loop;
        s.total = 0;
        s.cur = num / a.value;
        s.fraction = true;
        s.lastScale = Infinity;
        if (s.base !== null) s.segFraction = true;
        accept("fraction");
        continue;
      }
      case "ordinal":
        if (!s.have) {
          ordinal = a.value;
          s.end = a.end;
        }
        break loop;
      case "ofa":
        if (s.last !== "fraction" && s.last !== "half") break loop;
        s.cur *= a.value;
        s.scaled = true;
        accept("scale");
        s.lastScale = a.value;
        continue;
      case "vulgar":
        if (s.have) break loop;
        s.cur = a.value;
        s.have = true;
        s.fraction = true;
        accept("fraction");
        continue;
      case "point": {
        if (!s.have || s.fraction || !["small", "tens", "hundred", "scale"].includes(s.last)) break loop;
        const d = decimalsAfter(text, a.end);
        if (!d) break loop;
        s.cur += Number(`0.${d.digits}`);
        s.end = d.end;
        s.last = "pointDone";
        s.words = true;
        s.atoms++;
        at = d.end;
        continue;
      }
      case "and": {
        if (!s.have) break loop;
        const next = atomAt(text, a.end, false);
        if (!next || !["small", "tens", "digits", "a"].includes(next.kind)) break loop;
        if (s.base !== null) {
          if (!segmentOk(s)) break loop;
        }
        const value = segmentValue(s);
        const mag = magnitude(s);
        const scale = s.last === "scale" ? s.lastScale : 0;
        checkpoint = { ...s };
        s.base = value;
        s.baseMag = mag;
        s.baseScale = scale;
        s.total = 0;
        s.cur = 0;
        s.segFraction = false;
        s.segScaled = false;
        s.groupHundred = false;
        s.lastScale = Infinity;
        s.last = "andStart";
        at = a.end;
        continue;
      }
    }
  }

  if (ordinal !== null && !s.have) {
    return { start, end: s.end, value: ordinal, words: true, plain: false, integer: true, ordinal: true, fraction: false, scaled: false, single: null };
  }
  if (s.base !== null && (!segmentOk(s) || s.last === "andStart" || s.last === "a")) s = checkpoint ?? s;
  if (!s.have || s.end === start || s.last === "a") return null;
  let value = segmentValue(s);
  if (neg) value = -value;
  const plain = s.atoms === 1 && s.firstPlain && !neg;
  return {
    start, end: s.end, value, words: s.words, plain, integer: Number.isInteger(value), ordinal: false,
    fraction: s.fraction, scaled: s.scaled, single: s.atoms === 1 && !neg ? s.firstWord : null,
  };
}

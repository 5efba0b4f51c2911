// Text -> figures. One global regex finds where numbers may start; each is read locally, once, left to right.
import { sentenceAt, type Doc } from "../../text/index.js";
import type { Figure, FigureKind } from "../../types.js";
import { countedAfter, nounAfter, ofPhraseAfter, qualifierAfter, qualifierBefore, subjectBefore, wordBefore } from "./context.js";
import { LABELS, MONTHS, SMALL, TENS } from "./lexicon.js";
import { CODES } from "./money.js";
import { readNumber } from "./numbers.js";
import { readCore, type Core } from "./read.js";

const SCALE_WORDS: ReadonlyArray<[RegExp, number]> = [
  [/trillion|\btn\b/i, 1e12],
  [/billion|\bbn\b/i, 1e9],
  [/crore/i, 1e7],
  [/million|\bmn\b/i, 1e6],
  [/lakh/i, 1e5],
  [/thousand/i, 1e3],
];
/** The scale a number's words carry ("10 billion" -> 1e9), or 1. */
const scaleIn = (s: string): number => SCALE_WORDS.find(([re]) => re.test(s))?.[1] ?? 1;


const ORDINAL_WORDS =
  "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|" +
  "sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth";
const NUMBER_WORDS = [...Object.keys(SMALL), ...Object.keys(TENS), "hundred", "half", "quarter", "minus", "negative"].join("|");
const A_NEXT = `hundred|thousand|million|billion|trillion|lakh|crore|dozen|half|quarter|${Object.keys(TENS).join("|")}|${ORDINAL_WORDS}|[a-z]+ths?`;
// The engine tries every alternative at every position of the text, and a lookbehind that opens an
// alternative is looked at even where the character that must follow is not there: each alternative
// that needs a digit or a minus first reads that one character, then looks behind it (the same matches,
// about a third of the time over the eval texts).
const ANCHOR = new RegExp(
  [
    "(?=\\.?\\d)(?<![\\p{L}\\p{N}_\\-−/:'’])\\.?\\d",
    "[-−](?<![\\p{L}\\p{N}_.,\\-−)][-−])(?=\\.?\\d)",
    "(?<=^|[\\n(\\[:;])[ \\t]*[-−][ ](?=\\.?\\d)",
    `\\d(?<=(?:${CODES.join("|")}|rs|mex|aud|cad|nzd)\\$?\\d)`,
    "[½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞]",
    `\\b(?:${NUMBER_WORDS}|${ORDINAL_WORDS})\\b`,
    `\\ban?[ \\t]+(?=(?:${A_NEXT})\\b)`,
  ].join("|"),
  "giu",
);
const URL = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\w+/g;
const TIME = /\d{1,2}(?::\d{2}(?::\d{2})?|[.:]\d{2}[ \t]?(?:a\.?m\.?|p\.?m\.?)|[ \t]?(?:a\.m\.|p\.m\.|am|pm))(?![\p{L}\d])/iuy;
const DATE = /(?:\d{1,2}[/-]\d{1,2}[/-](\d{4}|\d{2})|(\d{4})-\d{2}-\d{2})(?![\d/])/y;
const SLASH = /(\d{1,2})\/(\d{1,3})(?![\d/])/y;
const MIXED = /[ \t]+(\d{1,2})\/(\d{1,3})(?![\d/])/y;
const ORD_SUFFIX = /(?:st|nd|rd|th)(?![\p{L}])/iuy;
const NEXT_WORD = /[ \t,]*([\p{L}]+)/uy;
const OVER = /[ \t]+over[ \t]+/y;
const OUT_OF = /[ \t]+out[ \t]+of[ \t]+/y;
const IN = /[ \t]+in[ \t]+/y;
const CLAUSE_END = /[ \t]*(?:[.,;:!?)]|$)/y;
const RANGE_SEP = /[ \t]*(?:[-–—]|(?:to|through)(?![\p{L}]))[ \t]*/uy;
const AND_SEP = /[ \t]+and[ \t]+/y;
const MORE_AFTER = /[ \t]+(?:more|others|additional)\b/y;
const STRONG = /-strong[ \t]+(\p{Ll}+)/uy; // "a 5,000-strong force"
const ERA = /[ \t]+(?:AD|BC|BCE|CE)\b/y; // "1100 AD": a year, the era kept out of the text
const DECADE = /(?:s|'s|’s)(?![\p{L}])/uy;
const PROPER_DENOMINATORS = new Set([2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 32, 64, 100]);
const YEAR_CUES = new Set("in since by from until till of during before after between to and early late mid the".split(" "));
const PRONOUN_BEFORE = new Set("the this that which each every any no another some someone anyone such last one a".split(" "));
const PRONOUN_AFTER = new Set(
  "of another you i he she we they is was are were do does did has have had can could will would should must might may who that which day thing way side hand".split(" "),
);
const CHANGE_NEAR =
  /\b(?:rose|risen|rises?|fell|fallen|falls?|grew|grown|grows?|went|moved|up|down|(?:increase|decrease|decline|climb|jump|drop|surge|soar|plunge|slide|slip|reduce|raise|lower|boost|cut|shift|change|swing|swung|tumble|rebound)(?:d|s|ed|ped|ping|ing)?)\b/i;
const CHANGE_VERBS = new Set("rose fell grew dropped climbed jumped increased decreased declined slid gained lost up down by raised cut".split(" "));

const sticky = (re: RegExp, text: string, at: number): RegExpExecArray | null => {
  re.lastIndex = at;
  return re.exec(text);
};
const nextWord = (text: string, at: number) => (sticky(NEXT_WORD, text, at)?.[1] ?? "").toLowerCase();

/** A figure before its text and sentence are cut from the article. */
type Draft = Omit<Figure, "text" | "sentence">;

function kindOf(c: Core): FigureKind {
  if (c.currency) return "money";
  if (c.percent) return "percent";
  if (c.unit) return "measure";
  return "number";
}

/** A fraction written "X over Y", "X out of Y", "X in Y", or null. */
function ratioAfter(text: string, c: Core): { end: number; value: number } | null {
  if (c.currency || c.percent || c.unit || c.n.fraction) return null;
  for (const [re, needSmaller, needEnd] of [[OVER, false, true], [OUT_OF, true, false], [IN, true, false]] as const) {
    const sep = sticky(re, text, c.end);
    if (!sep) continue;
    const y = readNumber(text, c.end + sep[0].length);
    if (!y || y.ordinal || y.value === 0) continue;
    if (needEnd && !sticky(CLAUSE_END, text, y.end)) continue;
    if (needSmaller && !(c.value < y.value && c.n.integer && y.integer && c.value >= 1)) continue;
    if (re === IN && ((y.plain && y.value >= 1000) || /^[ \t]*(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b/i.test(text.slice(y.end, y.end + 12)))) continue;
    return { end: y.end, value: c.value / y.value };
  }
  return null;
}

/** Extracts every figure in document order. */
export function extractFigures(doc: Doc): Figure[] {
  const text = doc.text;
  // URL's second alternative tries a word at every position of the text; most texts have none of its marks.
  const linked = text.includes("@") || text.includes("www.") || text.includes("http");
  const urls = linked ? [...text.matchAll(URL)].map((m) => [m.index, m.index + m[0].length] as const) : [];
  const drafts: Draft[] = [];
  // The one anchor expression, from the text's start (made once: building it per card cost ~2% of a card).
  const re = ANCHOR;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let u = 0;
  while ((m = re.exec(text))) {
    const at = m.index;
    re.lastIndex = at + Math.max(1, m[0].length);
    while (u < urls.length && urls[u]![1] <= at) u++;
    if (u < urls.length && urls[u]![0] <= at) {
      re.lastIndex = urls[u]![1];
      continue;
    }
    const d = readAt(text, at, m[0], drafts);
    if (d === null) continue;
    if (typeof d === "number") {
      re.lastIndex = Math.max(re.lastIndex, d);
      continue;
    }
    drafts.push(d);
    re.lastIndex = Math.max(re.lastIndex, d.end);
  }
  return drafts.map((d) => {
    const f: Figure = {
      text: text.slice(d.start, d.end), start: d.start, end: d.end, value: d.value, kind: d.kind, unit: d.unit,
      qualifier: d.qualifier, about: d.about, sentence: sentenceAt(doc, d.start)?.text ?? "",
    };
    if (d.valueMax !== undefined) f.valueMax = d.valueMax;
    if (d.currency) f.currency = d.currency;
    return f;
  });
}

/** Reads the figure at an anchor: a draft, a position to skip to (dates, times), or null. */
function readAt(text: string, at: number, anchor: string, prior: Draft[]): Draft | number | null {
  let pos = at;
  const neg = /^[-−]/.test(anchor);
  if (neg) pos = at + anchor.length - (anchor.endsWith(".") ? 1 : 0);
  if (/\d/.test(text[pos] ?? "")) {
    const t = sticky(TIME, text, pos);
    if (t && !neg) return pos + t[0].length;
    const date = sticky(DATE, text, pos);
    if (date && !neg) {
      const y = date[1] ?? date[2];
      if (y && y.length === 4) return { start: pos, end: pos + date[0].length, value: Number(y), kind: "year", unit: null, qualifier: null, about: null };
      return pos + date[0].length;
    }
    const sl = sticky(SLASH, text, pos);
    if (sl && Number(sl[1]) < Number(sl[2]) && PROPER_DENOMINATORS.has(Number(sl[2]))) {
      const v = Number(sl[1]) / Number(sl[2]);
      return { start: at, end: pos + sl[0].length, value: neg ? -v : v, kind: "number", unit: null, qualifier: null, about: null };
    }
    if (sl) return pos + sl[0].length;
  }
  const c = readCore(text, pos, neg, prior.at(-1)?.end ?? 0);
  if (!c) {
    const n = readNumber(text, pos);
    if (n?.ordinal) return { start: at, end: n.end, value: n.value, kind: "ordinal", unit: null, qualifier: null, about: null };
    return null;
  }
  const start = Math.min(neg ? at : c.start, c.currencyStart ?? Infinity);
  let end = c.end;
  let value = c.value;
  const before = wordBefore(text, start);
  const d: Draft = { start, end, value, kind: kindOf(c), unit: null, qualifier: null, about: null };

  // Digits: ordinals ("4th"), dates ("May 4", "4 May"), mixed fractions ("2 1/4"), decades.
  if (c.n.plain && !c.currency && !c.percent && !c.unit && !c.scaled) {
    const ord = sticky(ORD_SUFFIX, text, c.end);
    const dayLike = value >= 1 && value <= 31;
    const monthNear = MONTHS.has(before) && /^\p{Lu}/u.test(text.slice(Math.max(0, start - 12), start).trim().split(/\s+/).pop() ?? "");
    if (dayLike && (monthNear || (MONTHS.has(nextWord(text, c.end + (ord ? ord[0].length : 0))) && /^[ \t]+(?:of[ \t]+)?\p{Lu}/u.test(text.slice(c.end + (ord ? ord[0].length : 0)))))) {
      return c.end + (ord ? ord[0].length : 0);
    }
    if (ord) return { start, end: c.end + ord[0].length, value, kind: "ordinal", unit: null, qualifier: null, about: null };
    const mixed = sticky(MIXED, text, c.end);
    if (mixed && Number(mixed[1]) < Number(mixed[2]) && PROPER_DENOMINATORS.has(Number(mixed[2]))) {
      const frac = Number(mixed[1]) / Number(mixed[2]);
      d.value = value = value + (neg ? -frac : frac);
      d.end = end = c.end + mixed[0].length;
    }
  }

  const ratio = ratioAfter(text, c);
  // "one" as a pronoun ("the one you mentioned", "one of them"), "half" in "the first half".
  if (c.n.single && !c.currency && !c.percent && !c.unit && !ratio) {
    const next = nextWord(text, c.end);
    const compound = /^[ \t]*-/.test(text.slice(c.end, c.end + 3));
    if (/^(one|zero)$/.test(c.n.single) && compound) return c.end; // "one-time", "zero-coupon"
    // "to prevent one." stands for a noun already named.
    const standsAlone = /^[ \t]*(?:[.,;:!?”"’)]|$)/.test(text.slice(c.end, c.end + 2));
    // "the only one to emerge": look past "only", "just" for the determiner.
    const det = /^(only|just)$/.test(before) ? wordBefore(text, text.lastIndexOf(" ", start - 2)) : before;
    if (c.n.single === "one" && (PRONOUN_BEFORE.has(det) || PRONOUN_AFTER.has(next) || standsAlone)) return c.end;
    if (c.n.single === "half" && (/^(first|second|the|a|in|one|other)$/.test(before) || text[c.end] === "-" || /^(an?|hour|time|century|decade)$/.test(next))) return c.end;
  }

  // A capitalised number word inside a sentence is part of a name: "One Direction", "the Six Nations".
  if (c.n.words && /^\p{Lu}/u.test(text[c.start]!) && !/(^|[.!?"“”‘’'\n:(]\s*)$/.test(text.slice(Math.max(0, c.start - 3), c.start))) return c.end;

  if (ratio) {
    d.value = value = ratio.value;
    d.end = end = ratio.end;
  }

  if (c.currency) {
    d.unit = c.currency.unit;
    if (c.currency.iso) d.currency = c.currency.iso;
  } else if (c.percent) d.unit = c.percent;
  else if (c.unit) {
    d.unit = c.unit.unit;
    if (c.unit.age) {
      d.about = "age";
    }
  }

  // Ranges: "between 20 and 30", "20 to 30 people", "5-10%", "$5bn-$7bn".
  const between = before === "between";
  const sep = between ? sticky(AND_SEP, text, end) : sticky(RANGE_SEP, text, end);
  // "rose from $1bn to $2bn" is a change, not a range; "ages from 18 to 25", "from 2019 to 2021" are ranges.
  const fromRange = before === "from" && !CHANGE_NEAR.test(text.slice(Math.max(0, start - 45), start));
  if (sep && !CHANGE_VERBS.has(before) && (before !== "from" || fromRange)) {
    let ypos = end + sep[0].length;
    const ycur = /[$£€¥₹]/.test(text[ypos] ?? "") ? 1 : 0;
    ypos += ycur;
    const y = /[\d.]/.test(text[ypos] ?? "") || /\p{L}/u.test(text[ypos] ?? "") ? readCore(text, ypos, false) : null;
    const hyphen = /^[ \t]*[-–—]/.test(sep[0]);
    if (y && !y.n.ordinal && (y.n.plain || !hyphen || !c.n.plain || c.unit || c.percent || c.currency || y.percent || y.unit || y.scaled || y.currency)) {
      let lo = d.value;
      const hiBase = y.n.value;
      // "2 to 3 million", "$5-7bn", "8 and 10 billion euros": the scale written once applies to both ends.
      if (!c.scaled && y.scaled) {
        const scale = y.n.scaled ? scaleIn(text.slice(y.n.start, y.n.end)) : y.value / hiBase;
        if (lo * scale <= y.value) lo *= scale;
      }
      const sameKind = (!c.percent || y.percent || !y.currency) && !(c.currency && y.percent);
      const yearish = c.n.plain && y.n.plain && lo >= 1000 && lo <= 2100;
      if (sameKind && y.value > lo && !(hyphen && lo < 10 && !y.percent && !y.unit && !y.currency && !c.unit)) {
        d.value = lo;
        d.valueMax = y.value;
        d.end = end = y.end;
        const word = between ? /between\s+[$£€¥₹]?$/i.exec(text.slice(Math.max(0, d.start - 12), d.start)) : null;
        if (word) {
          d.qualifier = "between";
          d.start -= word[0].length - (/[$£€¥₹]$/.test(word[0]) ? 1 : 0);
        }
        if (yearish && y.value <= 2100 && !y.unit && !y.percent && !y.currency) d.kind = "year";
        if (!d.unit && (y.percent || y.currency || y.unit)) {
          d.kind = kindOf(y);
          d.unit = y.percent ?? y.currency?.unit ?? y.unit?.unit ?? null;
          if (y.currency?.iso) d.currency = y.currency.iso;
        }
      }
    }
  }

  // Qualifier before ("over 1 lakh"), or after ("100 or more").
  const q = qualifierBefore(text, d.start);
  if (q && !(q.qualifier === "over" && c.unit?.duration && !YEAR_CUES.has(wordBefore(text, q.start)) && !/^(for|than|in)$/.test(wordBefore(text, q.start)))) {
    d.qualifier = q.qualifier;
    d.start = q.start;
  }

  // Years: a plain four-digit number with no unit, unless it counts something ("1200 people"); "1100 AD".
  const era = d.kind === "number" && c.n.plain && value <= 2100 ? sticky(ERA, text, end) : null;
  if (d.kind === "number" && c.n.plain && ((value >= 1500 && value <= 2100) || era) && d.valueMax === undefined) {
    const decade = sticky(DECADE, text, end) ?? era;
    const counted = countedAfter(text, end, false);
    // "the 1945 German guards", "the 2014 World Cup": a capitalised word after a year-like number.
    if (decade || !counted || YEAR_CUES.has(before) || MONTHS.has(before) || /^\p{Lu}/u.test(counted.about)) {
      d.kind = "year";
      if (decade && decade[0] === "s") d.end = end = end + 1;
      return d;
    }
  }

  if (LABELS.has(before) && d.kind === "number" && !d.qualifier && !c.n.words) {
    d.about = before;
    return d;
  }
  if ((before === "aged" || before === "age") && (d.kind === "number" || d.unit === "years")) {
    d.kind = "measure";
    d.unit = "years";
    d.about = "age";
    return d;
  }

  // What it counts or measures.
  if (d.kind === "percent" || d.kind === "money") {
    const of = ofPhraseAfter(text, d.end, d.kind === "money");
    if (of) d.about = of;
    else if (d.kind === "money") d.about = nounAfter(text, d.end);
    // "Inflation hit 10.1%": the subject of the rise or fall.
    if (!d.about) d.about = subjectBefore(text, d.start);
  } else if (d.kind === "number") {
    const strong = sticky(STRONG, text, d.end);
    const counted = strong
      ? { end: d.end + strong[0].length, about: strong[1]!, head: strong[1]!.toLowerCase() }
      : countedAfter(text, d.end, value === 1);
    if (counted) {
      d.kind = "count";
      d.unit = counted.head;
      d.about = counted.about;
      d.end = counted.end;
    } else if (sticky(MORE_AFTER, text, d.end)) {
      // "30,000 more are engaged": the same thing as the count just before.
      const prev = [...prior].reverse().find((p) => p.kind === "count" && d.start - p.end < 400);
      if (prev) {
        d.kind = "count";
        d.unit = prev.unit;
        d.about = prev.about;
      }
    } else if (c.n.fraction) {
      const of = ofPhraseAfter(text, d.end);
      if (of) d.about = of;
    }
  } else if (d.kind === "measure" && !d.about && !c.unit?.duration) {
    const of = ofPhraseAfter(text, d.end);
    if (of) d.about = of;
  }
  if (!d.qualifier) {
    // "100 or more", "50,000-plus", after the number or after what it counts.
    const qa = qualifierAfter(text, d.end);
    if (qa) {
      d.qualifier = qa.qualifier;
      d.end = qa.end;
    }
  }
  return d;
}

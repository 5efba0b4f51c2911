// The words around a number: its qualifier ("over", "at least"), its unit of measure, what it counts.
import { isCardinalWord, ordinalValue } from "./lexicon.js";

export interface Unit {
  end: number;
  unit: string;
  /** A length of time ("3 years"): ranked below other measures. */
  duration: boolean;
  age: boolean;
}

const MEASURES: [string, string][] = [
  ["square (?:kilometres|kilometers|km|miles|metres|meters|feet)|sq\\.? ?(?:km|mi|m|ft)|km2|km²", "sq km"],
  ["kilometres|kilometers|kilometre|kilometer|km", "km"],
  ["miles|mile|mi", "miles"],
  ["metres|meters|metre|meter", "m"],
  ["centimetres|centimeters|centimetre|centimeter|cm", "cm"],
  ["millimetres|millimeters|millimetre|millimeter|mm", "mm"],
  ["kilograms|kilogram|kilos|kilo|kg", "kg"],
  ["grams|gram", "g"],
  ["tonnes|tonne|tons|ton|metric tons", "tonnes"],
  ["lbs|lb", "lb"],
  ["stones|stone", "stone"],
  ["magnitude", "magnitude"],
  ["ounces|ounce|oz", "oz"],
  ["litres|liters|litre|liter", "litres"],
  ["millilitres|milliliters|ml", "ml"],
  ["gallons|gallon", "gallons"],
  ["barrels|barrel|bpd", "barrels"],
  ["hectares|hectare|ha", "hectares"],
  ["acres|acre", "acres"],
  ["feet|foot|ft", "feet"],
  ["inches|inch", "inches"],
  ["yards|yard", "yards"],
  ["mph|km/h|kmph|kph|knots", "speed"],
  ["degrees (?:celsius|fahrenheit|c|f)|degrees|°[cf]?", "degrees"],
  ["megawatts|gigawatts|mw|gw|kw|kwh|mwh|gwh|twh", "power"],
  ["gb|mb|tb|ghz|mhz|decibels|db|calories|kcal", "other"],
];
const MEASURE_RE = new RegExp(
  `(?:[ \\t\\u00a0]?-?[ \\t]?)(${MEASURES.map(([a]) => a).join("|")})(?![\\p{L}\\d])`,
  "iuy",
);
// "40C", "-5°F": degrees written with the letter attached (upper case, or "c" would be cents).
const DEGREES_RE = /°?[CF](?![\p{L}\d])/uy;
const DURATION_RE = /[ \t\u00a0-]*(years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|decades?|centuries|century)(?![\p{L}\d])/iuy;
const OLD_RE = /[ \t-]*old\b/iy;

/** A unit of measure or length of time right after `pos`. */
export function unitAfter(text: string, pos: number): Unit | null {
  MEASURE_RE.lastIndex = pos;
  const m = MEASURE_RE.exec(text);
  if (m) {
    const written = m[1]!.toLowerCase();
    const unit = MEASURES.find(([a]) => new RegExp(`^(?:${a})$`, "i").test(written))![1];
    return { end: pos + m[0].length, unit: unit === "power" || unit === "other" || unit === "speed" ? written : unit, duration: false, age: false };
  }
  DEGREES_RE.lastIndex = pos;
  const deg = DEGREES_RE.exec(text);
  if (deg) return { end: pos + deg[0].length, unit: "degrees", duration: false, age: false };
  DURATION_RE.lastIndex = pos;
  const d = DURATION_RE.exec(text);
  if (!d) return null;
  let end = pos + d[0].length;
  OLD_RE.lastIndex = end;
  const old = OLD_RE.exec(text);
  if (old && /^years?$/i.test(d[1]!)) end += old[0].length;
  const unit = d[1]!.toLowerCase().replace(/^yrs?$/, "years").replace(/^hrs?$/, "hours").replace(/^mins?$/, "minutes");
  return { end, unit: unit.endsWith("s") || unit === "century" ? unit : `${unit}s`, duration: true, age: Boolean(old) };
}

// Longest first, so "just over" wins over "over".
const QUALIFIERS = [
  "no more than", "no less than", "no fewer than", "not more than", "not less than", "more than", "less than", "fewer than", "greater than", "at least", "at most", "up to", "as many as", "as much as",
  "as few as", "as little as", "as young as", "as old as", "a maximum of", "a minimum of", "maximum", "minimum", "in excess of", "upwards of", "close to", "just over", "just under", "well over",
  "well above", "well below", "an estimated", "a total of", "nearly", "almost", "about", "around", "approximately",
  "roughly", "some", "over", "under", "above", "below", "only", "just", "estimated", "approx.", "barely", "exactly",
  "precisely",
];
const QUAL_RE = new RegExp(`(?:^|[^\\p{L}])(${QUALIFIERS.map((q) => q.replace(".", "\\.")).join("|")})[ \\t\\u00a0]+$`, "iu");

/** The qualifier written right before `pos`, with where it starts. */
export function qualifierBefore(text: string, pos: number): { start: number; qualifier: string } | null {
  const from = Math.max(0, pos - 24);
  const m = QUAL_RE.exec(text.slice(from, pos));
  if (!m) return null;
  const q = m[1]!.toLowerCase();
  const qualifier = q === "an estimated" ? "estimated" : q === "approx." ? "approximately" : q.replace(/^a (maximum|minimum) of$/, "$1");
  return { start: from + m.index + m[0].indexOf(m[1]!), qualifier };
}

const TRAILING_RE = /(?:[ \t]+or (?:more|so)|[ \t]*-?plus|\+)(?![\p{L}\d])/iuy;

/** "100 or more", "50,000-plus", "40+": a qualifier written after. */
export function qualifierAfter(text: string, pos: number): { end: number; qualifier: string } | null {
  TRAILING_RE.lastIndex = pos;
  const m = TRAILING_RE.exec(text);
  if (!m) return null;
  const q = m[0].trim().toLowerCase();
  return { end: pos + m[0].length, qualifier: q.startsWith("or") ? q : "plus" };
}

// Words that end a noun phrase after a number (function words, auxiliaries, common verbs of news).
const STOP = new Set(
  ("of in on at to for from by with and or but nor the a an is are was were be been being has have had will would " +
    "can could should may might must shall do does did that which who whom whose this these those it its their his her " +
    "our your my as than per each every if when while where since until after before into onto over under about " +
    "against between during through across up down out off so yet also not no said says say told according " +
    "more less most least only just about around nearly almost some all both among amid within without near via " +
    "like unlike toward towards upon beyond behind beside besides inside outside throughout despite except " +
    "he she they we i you him them us me").split(" "),
);
const IRREGULAR_PLURALS = new Set(
  "people police children men women staff personnel cattle sheep fish aircraft livestock militia crew youth clergy folk deer".split(" "),
);
const looksPlural = (w: string) => IRREGULAR_PLURALS.has(w.toLowerCase()) || (/[a-z]s$/i.test(w) && !/(ss|us|is)$/i.test(w));
const isNumberWord = (w: string) => isCardinalWord(w) || ordinalValue(w) !== undefined;
const ADJECTIVE = /^(?:\p{Ll}+(?:al|ent|ant|ous|ive|ic|ful|less|able|ible|ary|ern)|new|old|big|small|single|recent|former|major|other|young|senior|junior|key|top|local|last|first|whole)$/u;
const VERBS = new Set("took took made came went got saw said told left won lost fell rose died says makes comes goes gets sees".split(" "));
const NEXT_WORD = /[ \t\u00a0]+(?:-[ \t]*)?([\p{L}][\p{L}'’]*(?:-[\p{L}]+)*)/uy;

/** What a number counts, right after `pos`: "troops", "Russian troops", "new jobs". */
export function countedAfter(text: string, pos: number, one: boolean): { end: number; about: string; head: string } | null {
  const words: { w: string; end: number }[] = [];
  let at = pos;
  for (let i = 0; i < 4; i++) {
    NEXT_WORD.lastIndex = at;
    const m = NEXT_WORD.exec(text);
    if (!m) break;
    const w = m[1]!;
    if (isNumberWord(w)) break;
    if (STOP.has(w.toLowerCase()) && !(i === 0 && /^(more|additional|extra|other|new)$/i.test(w))) break;
    at += m[0].length;
    words.push({ w, end: at });
    if (!one && looksPlural(w) && !/^(more|additional|extra|other|new)$/i.test(w)) {
      // "police officers", "staff members": a collective noun used as a modifier.
      if (IRREGULAR_PLURALS.has(w.toLowerCase())) {
        NEXT_WORD.lastIndex = at;
        const n = NEXT_WORD.exec(text);
        if (n && /\p{Ll}s$/u.test(n[1]!) && !STOP.has(n[1]!.toLowerCase()) && !VERBS.has(n[1]!)) {
          at += n[0].length;
          words.push({ w: n[1]!, end: at });
          const kept = words.filter((x) => !/^(more|additional|extra|other)$/i.test(x.w));
          return { end: at, about: kept.map((x) => x.w).join(" "), head: n[1]!.toLowerCase() };
        }
      }
      const kept = words.filter((x) => !/^(more|additional|extra|other)$/i.test(x.w));
      return { end: at, about: kept.map((x) => x.w).join(" "), head: w.toLowerCase() };
    }
    if (one && i === 1) break;
  }
  // One thing: only a lower-case noun right after ("one man"), not a verb ("one took") or a name ("One Direction").
  const w0 = words[0]?.w;
  if (one && w0 && /^\p{Ll}/u.test(w0) && !/^(more|additional|extra|other|new)$/i.test(w0) && !/(ed|ing|ly)$/.test(w0) && !VERBS.has(w0)) {
    // "one recent poll": an adjective first, then its noun.
    const w1 = words[1]?.w;
    if (w1 && ADJECTIVE.test(w0) && /^\p{Ll}/u.test(w1) && !/(ed|ing|ly)$/.test(w1) && !VERBS.has(w1)) {
      return { end: words[1]!.end, about: `${w0} ${w1}`, head: w1.toLowerCase() };
    }
    return { end: words[0]!.end, about: w0, head: w0.toLowerCase() };
  }
  return null;
}

const OF_PHRASE = /[ \t]+(of (?:(?:the|a|an|its|their|all|his|her|our|this|that|those|these) )?[\p{L}][\p{L}'’-]*(?: [\p{L}][\p{L}'’-]*)?|in (?!the |a |an |this |that )[\p{Ll}][\p{L}'’-]*(?: [\p{Ll}][\p{L}'’-]*)?)/uy;

/** "of the vote", "in aid" (for a sum): the phrase after a percentage or a sum, up to two content words. */
export function ofPhraseAfter(text: string, pos: number, money = false): string | null {
  OF_PHRASE.lastIndex = pos;
  const m = OF_PHRASE.exec(text);
  if (!m || (!money && m[1]!.startsWith("in "))) return null;
  const ws = m[1]!.split(" ");
  // Stop before a second word that is a function word or verb-like ("of the vote was").
  while (ws.length > 2 && (STOP.has(ws[ws.length - 1]!.toLowerCase()) || ADVERBS.has(ws[ws.length - 1]!.toLowerCase()))) ws.pop();
  if (ws.length >= 3 && /(ed|ing)$/.test(ws[ws.length - 1]!)) ws.pop();
  // "of Hillary Clinton's supporters": a possessive needs the noun after it.
  if (/['’]s$/.test(ws[ws.length - 1]!)) {
    NEXT_WORD.lastIndex = pos + m[0].length;
    const n = NEXT_WORD.exec(text);
    if (!n || STOP.has(n[1]!.toLowerCase())) return null;
    ws.push(n[1]!);
  }
  const phrase = ws.join(" ");
  return STOP.has(ws[ws.length - 1]!.toLowerCase()) ? null : phrase;
}

/** The word right before `pos` (lower case, without a trailing period). */
export function wordBefore(text: string, pos: number): string {
  const m = /([\p{L}][\p{L}.'’]*)[ \t\u00a0]*$/u.exec(text.slice(Math.max(0, pos - 20), pos));
  return m ? m[1]!.toLowerCase().replace(/\.$/, "") : "";
}

const ADVERBS = new Set("worldwide overall annually today yesterday now ago apiece alone abroad last next this year month week".split(" "));
const LOWER_WORD = /[ \t]+(\p{Ll}[\p{Ll}-]*)/uy;

/** "contract", "aid package": up to two lower-case words naming what a sum is for. */
export function nounAfter(text: string, pos: number): string | null {
  const out: string[] = [];
  let at = pos;
  while (out.length < 2) {
    LOWER_WORD.lastIndex = at;
    const m = LOWER_WORD.exec(text);
    if (!m) break;
    const w = m[1]!;
    if (STOP.has(w) || VERBS.has(w) || ADVERBS.has(w) || isNumberWord(w) || /(ed|ing|ly)$/.test(w) || /^(rather|each|apiece|per|a|an)$/.test(w)) break;
    out.push(w);
    at += m[0].length;
  }
  return out.length ? out.join(" ") : null;
}

const CHANGE =
  "(?:has[ \\t]+|have[ \\t]+|had[ \\t]+)?(?:rose|fell|grew|dropped|climbed|jumped|increased|decreased|declined|slid|" +
  "slipped|gained|surged|soared|risen|fallen|grown|plunged|tumbled|was|were|is|are|stood[ \\t]+at|hit|reached|topped|" +
  "totalled|totaled)[ \\t]+(?:by[ \\t]+|to[ \\t]+|at[ \\t]+)?$";
const SUBJECT_BEFORE = new RegExp(`(?:^|[\\s,;(])((?:\\p{L}+[ \\t])?\\p{L}+)[ \\t]+${CHANGE}`, "u");
// "Shares in the firm have fallen by 40%", "profit at Harbour Lines fell": the noun before the prepositional
// phrase (its object one word, or a name of up to three).
const SUBJECT_OF_BEFORE = new RegExp(
  `(?:^|[\\s,;(])(\\p{L}+)[ \\t]+(?:in|of|at|for)[ \\t]+(?:(?:the|a|an|its|their)[ \\t]+)?\\p{L}+(?:[ \\t]\\p{Lu}\\p{L}*){0,2}[ \\t]+${CHANGE}`,
  "u",
);
const PRONOUNS = new Set("it they he she we this that which who there what".split(" "));

/** "Inflation hit 10.1%", "Unemployment fell to 3.9%": the subject of a rise or fall just before `pos`. */
export function subjectBefore(text: string, pos: number): string | null {
  let slice = text.slice(Math.max(0, pos - 60), pos);
  const cut = /^.*[.!?;:]["”’)]?\s/su.exec(slice);
  if (cut) slice = slice.slice(cut[0].length);
  const m = SUBJECT_OF_BEFORE.exec(slice) ?? SUBJECT_BEFORE.exec(slice);
  if (!m) return null;
  const ws = m[1]!.split(/[ \t]+/);
  while (ws.length && (STOP.has(ws[0]!.toLowerCase()) || PRONOUNS.has(ws[0]!.toLowerCase()))) ws.shift();
  const last = ws[ws.length - 1];
  if (!last || STOP.has(last.toLowerCase()) || PRONOUNS.has(last.toLowerCase()) || isNumberWord(last)) return null;
  return ws.join(" ");
}

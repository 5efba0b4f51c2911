// Numbers that are no figures: part of a name or code ("Channel 9", "Route 66 Diner", "Model 3 cars"), a
// label ("No 7", "level two"), a phone number, a day of a date, or a year that only dates an event.
// Read from the figure's sentence tokens, after extraction (figures/describe.ts).
import type { TaggedToken } from "../../text/index.js";
import type { Figure } from "../../types.js";
import { LABELS, MONTHS, ordinalValue } from "./lexicon.js";

/** A figure with the tokens of its sentence: tokens a..b cover it; n is its last number token. */
export interface Placed {
  f: Figure;
  toks: readonly TaggedToken[];
  a: number;
  b: number;
  n: number;
  /** The sentence's text, and the figure's offsets in it. */
  text: string;
  start: number;
  end: number;
}

const WEEKDAYS = new Set("monday tuesday wednesday thursday friday saturday sunday".split(" "));
// A year after these words bounds a span of time ("since 2014", "by 2030"): a reader wants it.
const SPAN_WORDS = new Set("since from until till by before after between through to".split(" "));
const PHONE_VERBS = new Set(["call", "dial", "ring", "text"]);
const IRREGULAR_PLURALS = new Set("people police children men women staff personnel".split(" "));

// "ex-Premier": the last part of a hyphenated word tells.
const isCap = (t: TaggedToken | undefined) => t !== undefined && /(?:^|-)\p{Lu}[^-]*$/u.test(t.text);
const lower = (t: TaggedToken | undefined) => t?.text.toLowerCase() ?? "";
export const isPluralWord = (w: string) =>
  IRREGULAR_PLURALS.has(w.toLowerCase()) || (/\p{L}s$/u.test(w) && !/(ss|us|is)$/i.test(w));
const adjacent = (x: TaggedToken, y: TaggedToken) => y.start - x.end <= 1;
const CLOSES = new Set([".", ",", ";", ")", ":"]);

/** Most words of four letters or more capitalised: a headline, where capitals tell nothing. */
function titleCased(toks: readonly TaggedToken[]): boolean {
  const long = toks.filter((t) => /^\p{L}{4,}/u.test(t.text));
  return long.length > 0 && long.filter(isCap).length / long.length >= 0.8;
}

/** True when a bare number (no currency, percent or measure) names, labels or dates something. */
export function isNoFigure(p: Placed): boolean {
  const { f, toks, a, n } = p;
  const bare = (f.kind === "number" || f.kind === "count") && !f.qualifier && f.valueMax === undefined;
  const prev = toks[a - 1];
  const next = toks[p.b + 1];
  const after = p.text.slice(p.start, p.text.length);
  // "16-Dana Reyes", "A320-200NX": a number joined to a name or a code.
  if (/^[\d.,]+-(?:\p{Lu}|\d+\p{Lu})/u.test(after) || /^\d+:\d/.test(after)) return true;
  if (f.kind === "measure" && f.valueMax === undefined && isCap(toks[n + 1]) && a > 0 && f.unit !== "degrees" && !titleCased(toks)) {
    // "a film called 9 Years Later": a unit word capitalised inside a sentence is part of a title.
    return true;
  }
  // Days: "Monday 14", "from 3 to 6 June".
  const dayLike = (f.kind === "number" || f.kind === "count") && !f.qualifier && Number.isInteger(f.value) && f.value >= 1 && f.value <= 31;
  if (dayLike && ((prev && WEEKDAYS.has(lower(prev))) || (MONTHS.has(lower(toks[p.b + 1])) && isCap(toks[p.b + 1])))) return true;
  if (!bare) return false;
  // "No 7", "level two", "Article 12".
  const label = prev?.text === "." ? toks[a - 2] : prev;
  // Digits only: "version two" is read as a number as often as a label.
  if (label && LABELS.has(lower(label)) && /\d/.test(f.text)) return true;
  if (prev && PHONE_VERBS.has(prev.lemma)) return true;
  if (titleCased(toks)) return false;
  // "Channel 9", "Model 3": a number right after a capitalised noun inside the sentence.
  if (prev && isCap(prev) && adjacent(prev, toks[a]!) && (prev.pos === "PROPN" || (prev.pos === "NOUN" && a > 1)) && !MONTHS.has(lower(prev))) {
    return true;
  }
  // "9 Mile Road", "40 Winks Street": capitalised words after the number, with no plural noun they count.
  if (next && isCap(next) && adjacent(toks[p.b]!, next) && f.value !== 1) {
    // The capitalised run, across "and" or a comma between capitalised words ("9 Senate and House seats").
    let k = p.b + 1;
    for (;;) {
      if (isCap(toks[k + 1]) && adjacent(toks[k]!, toks[k + 1]!)) k++;
      else if ((toks[k + 1]?.pos === "CCONJ" || toks[k + 1]?.text === ",") && isCap(toks[k + 2])) k += 2;
      else break;
    }
    const run = toks.slice(p.b + 1, k + 1);
    if (ordinalValue(run[0]!.text) !== undefined) return true;
    if (isPluralWord(run[run.length - 1]!.text)) return false; // "255 Britons", "3 Liberal Democrats"
    const after = toks[k + 1];
    if (after && after.pos === "NOUN" && isPluralWord(after.text)) return false; // "3 BBC journalists"
    return true;
  }
  // "user 48213 said", "as patient 7 was": digits right after a singular common noun, closing its phrase
  // before a verb or the clause's end, say which one. Not "the fee 300 times", "halftime 1-1", "36 off 30 balls".
  if (prev && prev.pos === "NOUN" && /^\p{Ll}+$/u.test(prev.text) && !isPluralWord(prev.text) && adjacent(prev, toks[a]!) && /^\d+$/.test(f.text) &&
    (!next || next.pos === "VERB" || next.pos === "AUX" || (CLOSES.has(next.text) && adjacent(toks[p.b]!, next)))) {
    return true;
  }
  // "a 9 train", "the rush-hour 9 train": a number inside a noun phrase, before a singular common noun, is a
  // label, not a count ("won 9 gold" counts: no determiner or modifier before it).
  const inPhrase = prev && (prev.pos === "DET" || prev.pos === "ADJ" || prev.pos === "NOUN");
  if (f.kind === "number" && f.value !== 1 && inPhrase && next && next.pos === "NOUN" && adjacent(toks[p.b]!, next) &&
    !isPluralWord(next.text) && /^\p{Ll}+$/u.test(next.text)) {
    return true;
  }
  return false;
}

/** A year that only dates an event ("in 2012", "the 2009 final", "Act 1998"), not one that bounds a span. */
export function yearDatesOnly(f: Figure, before: string): boolean {
  if (/[/]/.test(f.text)) return false; // a written date ("5/17/2018") keeps its year
  // "since May 2014", "by 3 June 2030": look past the month and day.
  const words = before.toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean);
  let i = words.length - 1;
  while (i >= 0 && (MONTHS.has(words[i]!) || /^\d{1,2}(?:st|nd|rd|th)?$/.test(words[i]!))) i--;
  return !SPAN_WORDS.has(words[i] ?? "");
}

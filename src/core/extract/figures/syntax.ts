// The phrases around a figure in its sentence, read from part-of-speech tags and lemmas: the noun it modifies
// or is "of", the verb before or after it, its subject, the dimension a measure measures.
import { isCommonWord, type TaggedToken } from "../../text/index.js";
import type { Figure } from "../../types.js";
import type { Placed } from "./names.js";

// Verbs that say nothing of what is counted.
const LIGHT_VERBS = new Set("be have do get make include say tell show reach total stand mean".split(" "));
export const CLAUSE_END = new Set([",", ";", ":", "(", ")", "-", "–", "—", ".", "!", "?", "\"", "“", "”"]);

export const lower = (t: TaggedToken | undefined) => t?.text.toLowerCase() ?? "";

// English verbs whose past participle is their base form ("jobs cut", "prices set").
const SAME_PAST = new Set("bet bid broadcast burst cast cost cut forecast hit hurt let offset quit set shed shut slit split spread thrust upset".split(" "));

/** A past tense or participle: "-ed", or an irregular form that differs from its lemma ("lost", "given"). */
export function isPastForm(t: TaggedToken): boolean {
  const w = t.text.toLowerCase();
  if (/ed$/.test(w) || SAME_PAST.has(w)) return true;
  if (/ing$/.test(w)) return false;
  return !!t.lemma && w !== t.lemma.toLowerCase() && !/s$/.test(w);
}
export const isNoun = (t: TaggedToken | undefined) => t?.pos === "NOUN";

/** "a crowd of 9,000", "a maximum sentence of 5 years": the noun phrase that the figure is "of". */
export function nounBeforeOf(toks: readonly TaggedToken[], a: number): { words: string[] } | null {
  if (lower(toks[a - 1]) !== "of") return null;
  let i = a - 2;
  // "a narrow lead of 9": a base-form word the tagger read as a verb, inside a noun phrase, is its head noun.
  const head = toks[i];
  const misread = head?.pos === "VERB" && head.text === head.lemma && /^(NOUN|ADJ|DET)$/.test(toks[i - 1]?.pos ?? "");
  const words: string[] = [];
  if (misread) words.unshift(lower(toks[i--]));
  while (i >= 0 && words.length < 3 && (isNoun(toks[i]) || toks[i]!.pos === "ADJ" || (toks[i]!.pos === "VERB" && /ing$/.test(toks[i]!.text) && words.length > 0))) {
    words.unshift(lower(toks[i]));
    i--;
  }
  if (!words.length || !isNoun(toks[a - 2]) && !misread && !/^(maximum|minimum|total|average)$/.test(lower(toks[a - 2]))) return null;
  return { words };
}

// Time words after a figure that date it ("$810m last year").
const DEICTIC = new Set(["last", "next", "this", "that", "each", "every", "previous", "following"]);
const TIME_NOUNS = new Set("year years month months week weeks day days night nights quarter quarters season seasons decade decades century summer winter spring autumn fall weekend morning evening afternoon time".split(" "));

/** "a 40-foot yacht", "a £50 parking fine", "a 12-point lead": the noun right after the figure. */
export function modifiedNoun(toks: readonly TaggedToken[], b: number): string | null {
  let i = b + 1;
  // Skip a conversion in brackets: "a 9,000 euro (£7,700) fine".
  if (toks[i]?.text === "(") {
    const close = toks.findIndex((t, k) => k > i && t.text === ")");
    if (close > 0 && close - i <= 6) i = close + 1;
  }
  // "a 12-point lead": the hyphenated unit, then the noun.
  if (toks[i]?.text === "-" && toks[i - 1]!.end === toks[i]!.start) i++;
  // "9 Senate and House seats": capitalised words, then the plural noun they qualify.
  if (/^\p{Lu}/u.test(toks[i]?.text ?? "")) {
    let k = i;
    while (/^\p{Lu}/u.test(toks[k + 1]?.text ?? "") || (toks[k + 1]?.pos === "CCONJ" && /^\p{Lu}/u.test(toks[k + 2]?.text ?? ""))) k++;
    const noun = toks[k + 1];
    if (noun && isNoun(noun) && /^\p{Ll}+s$/u.test(noun.text)) return toks.slice(i, k + 2).map(lower).join(" ");
    return null;
  }
  // "$810m last year", "9% next month": time after the figure dates it; the figure modifies no noun there.
  if (DEICTIC.has(lower(toks[i])) && TIME_NOUNS.has(lower(toks[i + 1]))) return null;
  const words: string[] = [];
  while (i < toks.length && words.length < 3) {
    const t = toks[i]!;
    if (isNoun(t) || (t.pos === "ADJ" && (isNoun(toks[i + 1]) || CLAUSE_END.has(toks[i + 1]?.text ?? ".")))) words.push(lower(t));
    // "a 12-point lead over": a base-form word the tagger read as a verb, where only a noun can stand.
    else if (words.length && t.pos === "VERB" && t.text === t.lemma && (toks[i + 1]?.pos === "ADP" || CLAUSE_END.has(toks[i + 1]?.text ?? "."))) words.push(lower(t));
    else break;
    i++;
  }
  return words.length ? words.join(" ") : null;
}

/** "10 tonnes of frozen fish": the phrase after "of", up to three words. */
export function ofPhrase(toks: readonly TaggedToken[], b: number): string | null {
  const at = pastAside(toks, b + 1);
  if (lower(toks[at]) !== "of") return null;
  let i = at + 1;
  if (toks[i]?.pos === "DET" || toks[i]?.pos === "PRON") i++;
  // "9 of the last 11 races", "56 of the 59 seats": the whole they are part of.
  while (toks[i]?.pos === "NUM" || lower(toks[i]) === "last" || lower(toks[i]) === "first") i++;
  const words: string[] = [];
  while (i < toks.length && words.length < 3 && (isNoun(toks[i]) || toks[i]!.pos === "ADJ" || toks[i]!.pos === "PROPN")) {
    words.push(toks[i]!.text);
    i++;
  }
  return words.length ? words.join(" ") : null;
}

// Words of standing after a count: "12 points clear", "9 holes left".
const STANDING = new Set("behind ahead clear short left remaining".split(" "));
// Verbs that introduce a clause rather than tell an event.
const FRAME_VERBS = new Set("include accord follow compare".split(" "));

/** Past an aside right after `i`: "(about 9%)", "- or 9 acres -", ", including 9 children,". */
function pastAside(toks: readonly TaggedToken[], i: number): number {
  const open = toks[i]?.text ?? "";
  const closer = open === "(" ? ")" : /^[-–—]$/.test(open) ? open : open === "," && toks[i + 1]?.lemma === "include" ? "," : null;
  if (!closer) return i;
  const close = toks.findIndex((t, k) => k > i && t.text === closer);
  return close > 0 && close - i <= 8 ? close + 1 : i;
}

/** Words after a count that add to the count before it ("injured 30 more", "12 others"): no noun or state of their own. */
export const ADDS_TO_COUNT = /^(?:more|others|additional|extra)$/;

/** "people were injured", "jobs cut", "40% are retired", "2 have not recovered", "the 9 he scored". */
export function eventAfter(toks: readonly TaggedToken[], a: number, b: number, f: Figure): string | null {
  let i = b + 1;
  // Past an "of" phrase ("60% of voters have..."), an aside (", including 9 children,"), a relative pronoun.
  if (lower(toks[i]) === "of") {
    i++;
    while (i < toks.length && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(toks[i]!.pos)) i++;
  }
  // "15% - about 9,000 - are", and the end of an aside the figure opens: "- 9,000 - are".
  i = pastAside(toks, i);
  if (/^[-–—]$/.test(toks[i]?.text ?? "") && /^[-–—]$/.test(toks[a - 1]?.text ?? "")) i++;
  const first = toks[i];
  // "one man dead", "20 people missing", "19 years younger", "9 outright": a state right after the figure.
  // "40 more", "12 others" add to a count before: no state.
  const state = first && !ADDS_TO_COUNT.test(lower(first)) && (first.pos === "ADJ" || (first.pos === "ADV" && f.kind === "number" && /ly$/.test(first.text) === false && first.text.length > 3));
  if (first && state && i === b + 1 && (f.kind === "count" || f.kind === "measure" || f.kind === "number")) {
    const after = toks[i + 1];
    if (!after || CLAUSE_END.has(after.text) || after.pos === "CCONJ" || after.pos === "ADP" || after.pos === "SCONJ") return lower(first);
  }
  if (first && i === b + 1 && STANDING.has(lower(first)) && f.kind === "count") return lower(first);
  if (lower(toks[i]) === "who" || lower(toks[i]) === "that") i++;
  // "the 40 he scored": a relative clause without "who".
  else if (toks[i]?.pos === "PRON" && toks[i + 1]?.pos === "VERB" && /ed$/.test(toks[i + 1]!.text)) return lower(toks[i + 1]);
  const neg: string[] = [];
  let aux = false;
  for (let k = 0; k < 5 && i < toks.length; k++, i++) {
    const t = toks[i]!;
    if (t.pos === "AUX" || t.lemma === "be" || t.lemma === "have") aux = true;
    else if (t.pos === "PART" && /^(not|n't)$/.test(lower(t))) neg.push("not");
    else if (t.pos === "ADV") continue;
    else break;
  }
  const t = toks[i];
  if (!t) return null;
  if (t.pos === "VERB") {
    // "are known to have died", "are thought to be missing": the verb after the raising verb.
    let v = t;
    if (lower(toks[i + 1]) === "to") {
      let j = i + 2;
      if (toks[j]?.lemma === "have" || toks[j]?.lemma === "be") j++;
      const w = toks[j];
      if (w && (w.pos === "VERB" || w.pos === "ADJ")) v = w;
    }
    if (/^(show|get|make|take|gain|lose)$/.test(v.lemma)) {
      // "60% showed a clear gain": the verb says little, its object tells.
      let j = (v === t ? i : toks.indexOf(v)) + 1;
      if (toks[j]?.pos === "DET") j++;
      const words: string[] = [];
      while (words.length < 3 && (toks[j]?.pos === "ADJ" || isNoun(toks[j]))) words.push(lower(toks[j++]));
      if (words.length && isNoun(toks[j - 1])) return `${lower(v)} ${words.join(" ")}`;
    }
    if (LIGHT_VERBS.has(v.lemma) || FRAME_VERBS.has(v.lemma) || (!aux && /ing$/.test(v.text))) return null;
    // After the noun only a participle reads as a description ("people injured", "jobs lost"): "people
    // retire", "flyers requires" or "rallies going" is half a clause, not what is counted.
    if (!isPastForm(v)) return null;
    return [...neg, v.text.toLowerCase()].join(" ");
  }
  // "40% are retired", "30% were men": the predicate of a figure that is the subject, when nothing is counted.
  if (aux && f.kind !== "count" && (t.pos === "ADJ" || t.pos === "NOUN")) return [...neg, lower(t)].join(" ");
  // "30% is in severe drought": where the figure is.
  if (aux && f.kind !== "count" && (lower(t) === "in" || lower(t) === "on")) {
    let j = i + 1;
    if (toks[j]?.pos === "DET") j++;
    const words: string[] = [];
    while (words.length < 3 && (toks[j]?.pos === "ADJ" || isNoun(toks[j]))) words.push(lower(toks[j++]));
    if (words.length && isNoun(toks[j - 1])) return `${lower(t)} ${words.join(" ")}`;
  }
  return null;
}

// Verbs of size: "measuring 40 metres", "weighing 3kg".
const MEASURE_VERBS = new Set("measure weigh span stretch".split(" "));
// Verbs of change and level: what changed is their subject ("the death toll rose to 86", "profit fell to £2m").
const CHANGE_VERBS = new Set(
  "rise fall climb jump drop increase decrease decline grow slip slide soar surge plunge tumble reach hit top stand double treble halve shrink".split(" "),
);

/** "killed 40 people", "jailed for six years", "fined the club £300", "gone up by 12": the verb before the figure. */
export function eventBefore(toks: readonly TaggedToken[], a: number, money = false, duration = false, count = false): string | null {
  let object: string | null = null;
  let path = false;
  let away: string | null = null;
  for (let i = a - 1, k = 0; i >= 0 && k < 6; i--, k++) {
    const t = toks[i]!;
    // "is said to have cost £9m": a word after "to" or an auxiliary is a verb, whatever the tagger read.
    const verb = t.pos === "VERB" || (isNoun(t) && (/^(to|have|has|had|will|would|could|may|might)$/.test(lower(toks[i - 1])) ||
      (toks[i - 1]?.pos === "VERB" && toks[i + 1]?.pos === "DET")));
    if (verb) {
      // "banned from driving for a year": the verb that governs the gerund.
      if (/ing$/.test(t.text) && toks[i - 1]?.pos === "ADP" && toks[i - 2]?.pos === "VERB") continue;
      if (CHANGE_VERBS.has(t.lemma)) return subjectOf(toks, i) ?? lower(t);
      // "a kite measuring 40 metres", "the bridge spans 300m": what is measured is the subject.
      if (MEASURE_VERBS.has(t.lemma)) return subjectOf(toks, i) ?? lower(t);
      // "saw pre-tax profit rise by": after a light verb, its object tells what changed.
      if (LIGHT_VERBS.has(t.lemma) || FRAME_VERBS.has(t.lemma) || t.lemma === "see") return object;
      // "went up", "closed down": the particle belongs to the verb.
      // Not the figure's own first word ("lost up to half": "up to" qualifies the figure).
      const particle = /^(up|down|off|out)$/.test(lower(toks[i + 1])) && i + 1 < a ? ` ${lower(toks[i + 1])}` : away ? ` ${away}` : "";
      // A participle follows what it tells of ("the club fined", "people killed"); any other form of the
      // verb ("cut emissions", "unlock aid", "put estimates at") leaves the object alone as what is counted.
      // Before a sum a lone verb tells what it is ("owe", "earn", "spend"); before a count it does not
      // ("to carry 9,000 cars"), and a gerund never does.
      // "after waiting for 9 hours": a gerund right before "for" a length of time is the activity that lasted.
      if (/ing$/.test(t.text) && !object && lower(toks[i + 1]) === "for" && duration) return lower(t);
      if (!isPastForm(t)) return object ?? (money && !/ing$/.test(t.text) ? lower(t) + particle : null);
      // "took place": the idiom is no object.
      if (object === "place" && t.lemma === "take") return null;
      return [object, lower(t) + particle].filter(Boolean).join(" ");
    }
    // "the limit is set to be 40 km/h", "the prize was worth £9m": the subject of "be".
    if (t.lemma === "be" && (isNoun(toks[i - 1]) || toks[i - 1]?.pos === "VERB" || toks[i - 1]?.pos === "AUX" || lower(toks[i - 1]) === "to")) {
      let j = i - 1;
      while (j >= 0 && (toks[j]!.pos === "AUX" || (toks[j]!.pos === "VERB" && /^(mean|expect|set|due|likely|think|say|believe)$/.test(toks[j]!.lemma)) || lower(toks[j]) === "to")) j--;
      return isNoun(toks[j]) ? subjectOf(toks, j + 1) : null;
    }
    // "kept the player out for 3 weeks": the particle left behind the object.
    if (t.pos === "ADP" && /^(up|down|off|out)$/.test(lower(t)) && !away) away = lower(t);
    if (t.pos === "ADP" && /^(from|to|between)$/.test(lower(t))) path = true;
    if (t.pos === "DET" || t.pos === "ADJ" || t.pos === "ADV" || t.pos === "PART" || (t.pos === "ADP" && /^(for|to|by|at|of|from|up|down|between|out|off)$/.test(lower(t)))) continue;
    // One object between verb and sum: "fined the club £300", "cut global emissions by 5%"; not one a
    // count is the source or goal of ("took money from 14 accounts": the money is not what is counted).
    if (isNoun(t) && !object && path && count) return null;
    if (isNoun(t) && !object) {
      let j = i - 1;
      while (j >= 0 && (isNoun(toks[j]) || toks[j]!.pos === "ADJ")) j--;
      if (toks[j]?.pos === "DET" || toks[j]?.pos === "VERB") {
        object = toks.slice(j + 1, i + 1).filter((x) => isNoun(x) || x.pos === "ADJ").map(lower).join(" ");
        i = j + (toks[j]!.pos === "VERB" ? 1 : 0);
        continue;
      }
    }
    return null;
  }
  return null;
}

/**
 * A noun, or a common word the tagger read as a name only because it opens the sentence ("Profit fell",
 * "Sales at the group rose"): alone, not the first word of a longer name.
 */
const nounAt = (toks: readonly TaggedToken[], i: number): boolean =>
  isNoun(toks[i]) || (toks[i]?.pos === "PROPN" && (i === 0 || toks[i - 1]!.pos === "PUNCT") && toks[i + 1]?.pos !== "PROPN" && isCommonWord(toks[i]!.text));

/** The noun phrase right before a verb (past an auxiliary): "the death toll has risen" -> "deaths". */
function subjectOf(toks: readonly TaggedToken[], v: number): string | null {
  const counted = numberOf(toks, v);
  if (counted) return counted;
  let i = v - 1;
  while (i >= 0 && (toks[i]!.pos === "AUX" || toks[i]!.pos === "ADV")) i--;
  const words: string[] = [];
  while (i >= 0 && words.length < 3 && (nounAt(toks, i) || (toks[i]!.pos === "ADJ" && words.length > 0))) words.unshift(lower(toks[i--]));
  if (!words.length) {
    // "profit at Harbour Lines fell": the head before a prepositional phrase of a name.
    let j = i;
    while (j >= 0 && toks[j]!.pos === "PROPN") j--;
    if (j < i && toks[j]?.pos === "ADP" && lower(toks[j]) !== "of" && nounAt(toks, j - 1)) return subjectOf(toks, j);
    return null;
  }
  // "the average fare on that route was": the head before the prepositional phrase.
  if ((toks[i]?.pos === "DET" || toks[i]?.pos === "PRON") && toks[i - 1]?.pos === "ADP" && nounAt(toks, i - 2) && lower(toks[i - 1]) !== "of") {
    return subjectOf(toks, i - 1);
  }
  const phrase = words.join(" ");
  // "death toll" -> "deaths": a toll counts its events.
  return /^(?:\p{L}+ )*death toll$/u.test(phrase) ? "deaths" : phrase;
}

/**
 * "The number of people waiting for surgery has risen to ...": a subject that is the number of something
 * counts that thing (and what they do, a participle right after it). Read back from the verb at `v`, within
 * its clause (no other finite verb between).
 */
function numberOf(toks: readonly TaggedToken[], v: number): string | null {
  for (let i = v - 1; i >= 2 && v - i < 16; i--) {
    const t = toks[i]!;
    if ((t.pos === "VERB" && !/(?:ing|ed)$/.test(t.text)) || CLAUSE_END.has(t.text)) return null;
    if (lower(t) !== "of" || !/^(?:number|total|count)$/.test(lower(toks[i - 1])) || toks[i - 2]!.pos !== "DET") continue;
    const words: string[] = [];
    let j = i + 1;
    while (j < v && words.length < 3 && (toks[j]!.pos === "ADJ" || isNoun(toks[j]))) words.push(lower(toks[j++]));
    if (!words.length || !isNoun(toks[j - 1])) return null;
    const doing = toks[j]?.pos === "VERB" && /ing$/.test(toks[j]!.text) ? ` ${lower(toks[j])}` : "";
    return words.join(" ") + doing;
  }
  return null;
}

/** "the most tickets, 9 million,", "the stockpile - 30 tonnes -", "the highest score (86)": the noun a figure restates. */
export function apposedTo(toks: readonly TaggedToken[], a: number, b: number): string | null {
  const open = toks[a - 1]?.text;
  if (open !== "," && open !== "(" && open !== "-" && open !== "–" && open !== "—") return null;
  const close = toks[b + 1]?.text ?? ".";
  if (!CLAUSE_END.has(close)) return null;
  let i = a - 2;
  const words: string[] = [];
  while (i >= 0 && words.length < 3 && isNoun(toks[i])) words.unshift(lower(toks[i--]));
  // "£9m (€10m)": the "m" belongs to the number before.
  if (toks[i]?.pos === "NUM" || lower(toks[i]) === "per") return null;
  // A plural noun before a comma, any noun before a bracket or dash ("the score (86)").
  if (!words.length || (open === "," && !/s$/.test(words[words.length - 1]!))) return null;
  return words.join(" ");
}

const DIMENSIONS: Record<string, string> = { away: "distance", from: "distance", north: "distance", south: "distance", east: "distance", west: "distance", high: "height", tall: "height", height: "height", deep: "depth", depth: "depth", long: "length", length: "length", wide: "width", width: "width" };
const MASS = new Set("kg g tonnes lb oz stone".split(" "));

/** "2 miles away", "from 200 yards", "7ft in height", "she was 9 stone": what a measure measures. */
export function dimensionOf(p: Placed): string | null {
  const { f, toks, a, b } = p;
  let i = b + 1;
  if (toks[i]?.text === "(") {
    const close = toks.findIndex((t, k) => k > i && t.text === ")");
    if (close > 0 && close - i <= 6) i = close + 1;
  }
  if (lower(toks[i]) === "in") i++;
  const after = lower(toks[i]);
  // "30km north of the city".
  if (/^(north|south|east|west)$/.test(after) && lower(toks[i + 1]) === "of") return `distance ${after} of`;
  if (DIMENSIONS[after]) return DIMENSIONS[after]!;
  if (lower(toks[a - 1]) === "from" && /^(m|km|miles|yards|feet)$/.test(f.unit ?? "")) return "distance";
  if (MASS.has(f.unit ?? "") && !f.about) return "weight";
  if (f.unit === "degrees" && !f.about) return "temperature";
  return null;
}

/** "$50 on books", "£9m for the new wing": what a sum is spent on. */
export function purposeAfter(toks: readonly TaggedToken[], b: number): string | null {
  let i = b + 1;
  while (toks[i]?.pos === "ADV" || lower(toks[i]) === "overall") i++;
  const prep = lower(toks[i]);
  // "on books", "for the new wing", "wiped £9m off the value".
  if (prep !== "on" && prep !== "for" && prep !== "off") return null;
  i++;
  if (toks[i]?.pos === "DET") i++;
  const words: string[] = [];
  while (i < toks.length && words.length < 3 && (isNoun(toks[i]) || (toks[i]!.pos === "ADJ" && isNoun(toks[i + 1])))) words.push(lower(toks[i++]));
  return words.length ? `${prep} ${words.join(" ")}` : null;
}

/** "5 million in the public sector": a sector or field after a bare number. */
export function sectorAfter(toks: readonly TaggedToken[], b: number): string | null {
  if (lower(toks[b + 1]) !== "in" || lower(toks[b + 2]) !== "the") return null;
  const words: string[] = [];
  let i = b + 3;
  while (i < toks.length && words.length < 3 && (isNoun(toks[i]) || (toks[i]!.pos === "ADJ" && isNoun(toks[i + 1])))) words.push(lower(toks[i++]));
  return words.length >= 2 ? words.join(" ") : null;
}

/** "six years in prison", "two years behind bars": where a length of time is spent. */
export function placeAfter(toks: readonly TaggedToken[], b: number): string | null {
  const prep = lower(toks[b + 1]);
  if (prep !== "in" && prep !== "behind") return null;
  // No determiner: "in prison", "in special measures", not "in the city".
  const words: string[] = [];
  let i = b + 2;
  while (words.length < 3 && (toks[i]?.pos === "ADJ" || isNoun(toks[i])) && /^\p{Ll}/u.test(toks[i]!.text)) words.push(lower(toks[i++]));
  return words.length && isNoun(toks[i - 1]) ? `${prep} ${words.join(" ")}` : null;
}

/** "over the last 40 years", "in nine years", "during 3 months": a span in which something happened. */
export function spanBefore(toks: readonly TaggedToken[], a: number): boolean {
  let i = a - 1;
  while (i >= 0 && (toks[i]!.pos === "DET" || /^(last|past|next|first)$/.test(lower(toks[i])))) i--;
  return /^(in|over|during|within)$/.test(lower(toks[i]));
}


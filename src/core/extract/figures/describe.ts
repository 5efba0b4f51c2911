// What each figure counts, read from its sentence's syntax once the figures are found: the noun the number
// modifies ("a 40-foot yacht"), the noun it is "of" ("a crowd of 9,000"), the event ("people injured" vs
// "people killed", "jailed for six years"), an age ("Ms Ward, 61,"), the predicate of a figure that is the
// subject ("40% are retired"). Part-of-speech tags and lemmas come from text/pos (wink-nlp).
import { sentenceAt, tagText, type Doc, type TaggedToken } from "../../text/index.js";
import type { Figure } from "../../types.js";
import { isNoFigure, type Placed } from "./names.js";

/** The figures that are quantities, each with what it counts in `about` (and "maximum"/"minimum" read). */
export function describeFigures(doc: Doc, figures: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  let last: { p: Placed; f: Figure } | null = null;
  for (const f of figures) {
    if (f.kind === "ordinal") {
      out.push(f);
      continue;
    }
    const p = place(doc, f);
    if (!p) {
      out.push(f);
      continue;
    }
    if (isNoFigure(p)) continue;
    const prior: { p: Placed; f: Figure } | null = last && last.p.text === p.text && last.p.end <= p.start ? last : null;
    const d: Figure = sameAsBefore(p, prior) ?? describe(p);
    out.push(d);
    last = { p, f: d };
  }
  return out;
}

// Between two figures of a sentence, text that makes the second count the same thing as the first: a conversion
// in brackets ("£9m ($11m; €10m)"), "or" ("4,000 hectares - or 9,900 acres -"), a comparison ("12% compared with
// 9%"), a score ("by 300 votes to 41").
const SAME_GAP = /^\s*(?:[(\[]|;|[-–—,]?\s*or|\)?,?\s*compared (?:to|with)(?: the| a)?|to)\s*$/;

/** The description of the figure before, when the words between say this one counts the same. */
function sameAsBefore(p: Placed, prior: { p: Placed; f: Figure } | null): Figure | null {
  if (!prior || !prior.f.about || prior.f.about === "age") return null;
  // "12% of the vote, compared with 9%": the "of" phrase belongs to the figure before.
  const gap = p.text.slice(prior.p.end, p.start).replace(/^\s+of\s+[^,;()]*/, "");
  // A list of bracketed figures after names: "Ana (86), Ben (85)".
  const bracketed = (x: Placed) => x.toks[x.a - 1]?.text === "(" && x.toks[x.b + 1]?.text === ")" && x.f.kind === "number";
  if (bracketed(p) && bracketed(prior.p) && p.toks[p.a - 2]?.pos === "PROPN") return { ...p.f, about: prior.f.about };
  if (!/^,?\s*to\s*$/.test(gap) && !SAME_GAP.test(gap)) return null;
  // "from 10 to 20": a range, not a score, unless the first counts something ("300 votes to 41") or both are
  // sums ("rose by £2m, to £9m").
  if (/^,?\s*to\s*$/.test(gap) && !(prior.f.kind === "count" && p.f.kind === "number") && !(prior.f.kind === "money" && p.f.kind === "money")) return null;
  return { ...p.f, about: prior.f.about };
}

function place(doc: Doc, f: Figure): Placed | null {
  const s = sentenceAt(doc, f.start);
  if (!s) return null;
  const toks = tagText(s.text);
  const start = f.start - s.start;
  const end = f.end - s.start;
  let a = -1;
  let b = -1;
  let n = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.end <= start) continue;
    if (t.start >= end) break;
    if (a < 0) a = i;
    b = i;
    if (t.pos === "NUM" || /\d/.test(t.text)) n = i;
  }
  if (a < 0) return null;
  return { f, toks, a, b, n: n < 0 ? b : n, text: s.text, start, end };
}

// Ages: "Ms Ward, 61," "She was 61." "turned 61" "at the age of 61".
const AGE_VERBS = new Set(["turn"]);
// The count of a place's people: "a city of 9 million".
const SETTLEMENTS = new Set("city town village country nation state island region capital metropolis population".split(" "));
// Verbs that say nothing of what is counted.
const LIGHT_VERBS = new Set("be have do get make include say tell show reach total stand mean".split(" "));
const CLAUSE_END = new Set([",", ";", ":", "(", ")", "-", "–", "—", ".", "!", "?", "\"", "“", "”"]);

const lower = (t: TaggedToken | undefined) => t?.text.toLowerCase() ?? "";
const isNoun = (t: TaggedToken | undefined) => t?.pos === "NOUN";

function describe(p: Placed): Figure {
  const { f, toks, a, b } = p;
  const out: Figure = { ...f };
  const age = ageOf(p);
  if (age) {
    out.about = "age";
    return out;
  }
  const parts: string[] = [];
  // The noun the figure counts, from extraction ("people"), or the noun it modifies, or its "of" phrase.
  let noun = f.kind === "count" ? f.about : null;
  const head = nounBeforeOf(toks, a);
  if (head) {
    if (/^(maximum|minimum)$/.test(head.words[0]!) && !out.qualifier) out.qualifier = head.words[0]!;
    const rest = head.words.filter((w) => !/^(maximum|minimum|total|average|record|further)$/.test(w) || head.words.length === 1);
    const last = rest[rest.length - 1] ?? "";
    if (SETTLEMENTS.has(last) && f.kind === "number") noun = "people";
    else if (!/^(maximum|minimum|total)$/.test(last) || !noun) parts.push(rest.join(" "));
  }
  if (!noun && f.kind !== "count") noun = modifiedNoun(toks, b) ?? ofPhrase(toks, b) ?? apposedTo(toks, a, b) ?? null;
  if (noun) parts.push(noun.replace(/^(?:death )?toll$/, "deaths"));
  const event = eventAfter(toks, b, f) ?? eventBefore(toks, a);
  if (event && !parts.some((x) => x.includes(event))) parts.push(event);
  if (f.qualifier === "a total of" && !parts.length) parts.push("total");
  const duration = f.kind === "measure" && /^(years|months|weeks|days|hours|decades|minutes)$/.test(f.unit ?? "");
  if (duration && !parts.length && spanBefore(toks, a)) parts.push("period");
  if (f.kind === "measure" || f.kind === "count") {
    const where = duration || f.kind === "count" ? placeAfter(toks, b) : dimensionOf(p);
    if (where && !parts.includes(where)) parts.push(where);
  } else if (f.kind === "money" || f.kind === "percent") {
    const use = purposeAfter(toks, b);
    if (use) parts.push(use);
  } else if (f.kind === "number" && !parts.length) {
    // "5 million in the public sector": where the people of a bare number are.
    const where = sectorAfter(toks, b);
    if (where) parts.push(where);
  }
  const about = parts.join(" ").trim();
  if (about) out.about = f.about && !about.includes(f.about) && !f.about.includes(about) && f.kind !== "count" ? `${f.about} ${about}` : f.about && f.about.includes(about) ? f.about : about;
  return out;
}

function ageOf(p: Placed): boolean {
  const { f, toks, a, b } = p;
  if (f.about === "age") return true;
  // "35-40 years old", "five to 15-year-olds".
  if (f.unit === "years" && (lower(toks[b + 1]) === "old" || /\bold$/.test(f.text))) return true;
  if (/^-(?:year-)?olds?\b/.test(p.text.slice(p.end, p.end + 12))) return true;
  if (f.kind !== "number" || !Number.isInteger(f.value) || f.value < 1 || f.value > 120 || f.valueMax !== undefined) return false;
  if (f.qualifier && /^as (young|old) as$/.test(f.qualifier)) return true;
  const prev = toks[a - 1];
  const next = toks[b + 1];
  const ends = !next || CLAUSE_END.has(next.text) || next.pos === "CCONJ";
  // "Dana Reyes, 34, said": an apposition after a name.
  if (prev?.text === "," && toks[a - 2]?.pos === "PROPN" && ends && next?.text !== "-") return true;
  // "She was 34." "turned 34 on Monday".
  if (prev && (prev.lemma === "be" || AGE_VERBS.has(prev.lemma)) && (toks[a - 2]?.pos === "PRON" || toks[a - 2]?.pos === "PROPN") && (ends || next?.pos === "ADP")) return true;
  // "at the age of 34".
  return prev?.text === "of" && lower(toks[a - 2]) === "age";
}

/** "a crowd of 9,000", "a maximum sentence of 5 years": the noun phrase that the figure is "of". */
function nounBeforeOf(toks: readonly TaggedToken[], a: number): { words: string[] } | null {
  if (lower(toks[a - 1]) !== "of") return null;
  let i = a - 2;
  const words: string[] = [];
  while (i >= 0 && words.length < 3 && (isNoun(toks[i]) || toks[i]!.pos === "ADJ" || (toks[i]!.pos === "VERB" && /ing$/.test(toks[i]!.text) && words.length > 0))) {
    words.unshift(lower(toks[i]));
    i--;
  }
  if (!words.length || !isNoun(toks[a - 2]) && !/^(maximum|minimum|total|average)$/.test(lower(toks[a - 2]))) return null;
  return { words };
}

/** "a 40-foot yacht", "a £50 parking fine", "a 12-point lead": the noun right after the figure. */
function modifiedNoun(toks: readonly TaggedToken[], b: number): string | null {
  let i = b + 1;
  // Skip a conversion in brackets: "a 9,000 euro (£7,700) fine".
  if (toks[i]?.text === "(") {
    const close = toks.findIndex((t, k) => k > i && t.text === ")");
    if (close > 0 && close - i <= 6) i = close + 1;
  }
  // "a 12-point lead": the hyphenated unit, then the noun.
  if (toks[i]?.text === "-" && toks[i - 1]!.end === toks[i]!.start) i++;
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
function ofPhrase(toks: readonly TaggedToken[], b: number): string | null {
  if (lower(toks[b + 1]) !== "of") return null;
  let i = b + 2;
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

/** "people were injured", "jobs cut", "40% are retired", "2 have not recovered", "the 9 he scored". */
function eventAfter(toks: readonly TaggedToken[], b: number, f: Figure): string | null {
  let i = b + 1;
  // Past an "of" phrase ("60% of voters have..."), an aside (", including 9 children,"), a relative pronoun.
  if (lower(toks[i]) === "of") {
    i++;
    while (i < toks.length && /^(DET|ADJ|NOUN|PROPN|NUM)$/.test(toks[i]!.pos)) i++;
  }
  if (toks[i]?.text === "," && toks[i + 1]?.lemma === "include") {
    const close = toks.findIndex((t, k) => k > i + 1 && t.text === ",");
    if (close > 0 && close - i <= 8) i = close + 1;
  }
  const first = toks[i];
  // "one man dead", "20 people missing", "19 years younger": a state right after the figure.
  if (first && first.pos === "ADJ" && i === b + 1 && (f.kind === "count" || f.kind === "measure")) {
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
    return [...neg, v.text.toLowerCase()].join(" ");
  }
  // "40% are retired", "30% were men": the predicate of a figure that is the subject, when nothing is counted.
  if (aux && f.kind !== "count" && (t.pos === "ADJ" || t.pos === "NOUN")) return [...neg, lower(t)].join(" ");
  // "30% is in severe drought": where the figure is.
  if (aux && f.kind !== "count" && lower(t) === "in") {
    let j = i + 1;
    if (toks[j]?.pos === "DET") j++;
    const words: string[] = [];
    while (words.length < 3 && (toks[j]?.pos === "ADJ" || isNoun(toks[j]))) words.push(lower(toks[j++]));
    if (words.length && isNoun(toks[j - 1])) return `in ${words.join(" ")}`;
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
function eventBefore(toks: readonly TaggedToken[], a: number): string | null {
  let object: string | null = null;
  for (let i = a - 1, k = 0; i >= 0 && k < 6; i--, k++) {
    const t = toks[i]!;
    // "is said to have cost £9m": a word after "to" or an auxiliary is a verb, whatever the tagger read.
    const verb = t.pos === "VERB" || (isNoun(t) && /^(to|have|has|had|will|would|could|may|might)$/.test(lower(toks[i - 1])));
    if (verb) {
      // "banned from driving for a year": the verb that governs the gerund.
      if (/ing$/.test(t.text) && toks[i - 1]?.pos === "ADP" && toks[i - 2]?.pos === "VERB") continue;
      if (CHANGE_VERBS.has(t.lemma)) return subjectOf(toks, i) ?? lower(t);
      // "a kite measuring 40 metres", "the bridge spans 300m": what is measured is the subject.
      if (MEASURE_VERBS.has(t.lemma)) return subjectOf(toks, i) ?? lower(t);
      // "saw pre-tax profit rise by": after a light verb, its object tells what changed.
      if (LIGHT_VERBS.has(t.lemma) || FRAME_VERBS.has(t.lemma) || t.lemma === "see") return object;
      // "went up", "closed down": the particle belongs to the verb.
      const particle = /^(up|down|off|out)$/.test(lower(toks[i + 1])) ? ` ${lower(toks[i + 1])}` : "";
      return [lower(t) + particle, object].filter(Boolean).join(" ");
    }
    // "the limit is set to be 40 km/h", "the prize was worth £9m": the subject of "be".
    if (t.lemma === "be" && (isNoun(toks[i - 1]) || toks[i - 1]?.pos === "VERB" || toks[i - 1]?.pos === "AUX" || lower(toks[i - 1]) === "to")) {
      let j = i - 1;
      while (j >= 0 && (toks[j]!.pos === "AUX" || (toks[j]!.pos === "VERB" && /^(mean|expect|set|due|likely|think|say|believe)$/.test(toks[j]!.lemma)) || lower(toks[j]) === "to")) j--;
      return isNoun(toks[j]) ? subjectOf(toks, j + 1) : null;
    }
    if (t.pos === "DET" || t.pos === "ADJ" || t.pos === "ADV" || t.pos === "PART" || (t.pos === "ADP" && /^(for|to|by|at|of|from|up|down|between|out)$/.test(lower(t)))) continue;
    // One object between verb and sum: "fined the club £300", "cut global emissions by 5%".
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

/** The noun phrase right before a verb (past an auxiliary): "the death toll has risen" -> "deaths". */
function subjectOf(toks: readonly TaggedToken[], v: number): string | null {
  let i = v - 1;
  while (i >= 0 && (toks[i]!.pos === "AUX" || toks[i]!.pos === "ADV")) i--;
  const words: string[] = [];
  while (i >= 0 && words.length < 3 && (isNoun(toks[i]) || (toks[i]!.pos === "ADJ" && words.length > 0))) words.unshift(lower(toks[i--]));
  if (!words.length) return null;
  // "the average fare on that route was": the head before the prepositional phrase.
  if ((toks[i]?.pos === "DET" || toks[i]?.pos === "PRON") && toks[i - 1]?.pos === "ADP" && isNoun(toks[i - 2]) && lower(toks[i - 1]) !== "of") {
    return subjectOf(toks, i - 1);
  }
  const phrase = words.join(" ");
  // "death toll" -> "deaths": a toll counts its events.
  return /^(?:\p{L}+ )*death toll$/u.test(phrase) ? "deaths" : phrase;
}

/** "the most tickets, 9 million,", "the stockpile - 30 tonnes -", "the highest score (86)": the noun a figure restates. */
function apposedTo(toks: readonly TaggedToken[], a: number, b: number): string | null {
  const open = toks[a - 1]?.text;
  if (open !== "," && open !== "(" && open !== "-" && open !== "–" && open !== "—") return null;
  const close = toks[b + 1]?.text ?? ".";
  if (!CLAUSE_END.has(close)) return null;
  let i = a - 2;
  const words: string[] = [];
  while (i >= 0 && words.length < 3 && isNoun(toks[i])) words.unshift(lower(toks[i--]));
  // "£9m (€10m)": the "m" belongs to the number before.
  if (toks[i]?.pos === "NUM") return null;
  // A plural noun before a comma, any noun before a bracket or dash ("the score (86)").
  if (!words.length || (open === "," && !/s$/.test(words[words.length - 1]!))) return null;
  return words.join(" ");
}

const DIMENSIONS: Record<string, string> = { away: "distance", from: "distance", north: "distance", south: "distance", east: "distance", west: "distance", high: "height", tall: "height", height: "height", deep: "depth", depth: "depth", long: "length", length: "length", wide: "width", width: "width" };
const MASS = new Set("kg g tonnes lb oz stone".split(" "));

/** "2 miles away", "from 200 yards", "7ft in height", "she was 9 stone": what a measure measures. */
function dimensionOf(p: Placed): string | null {
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
  return null;
}

/** "$50 on books", "£9m for the new wing": what a sum is spent on. */
function purposeAfter(toks: readonly TaggedToken[], b: number): string | null {
  let i = b + 1;
  while (toks[i]?.pos === "ADV" || lower(toks[i]) === "overall") i++;
  const prep = lower(toks[i]);
  if (prep !== "on" && prep !== "for") return null;
  i++;
  if (toks[i]?.pos === "DET") i++;
  const words: string[] = [];
  while (i < toks.length && words.length < 3 && (isNoun(toks[i]) || (toks[i]!.pos === "ADJ" && isNoun(toks[i + 1])))) words.push(lower(toks[i++]));
  return words.length ? `${prep} ${words.join(" ")}` : null;
}

/** "5 million in the public sector": a sector or field after a bare number. */
function sectorAfter(toks: readonly TaggedToken[], b: number): string | null {
  if (lower(toks[b + 1]) !== "in" || lower(toks[b + 2]) !== "the") return null;
  const words: string[] = [];
  let i = b + 3;
  while (i < toks.length && words.length < 3 && (isNoun(toks[i]) || (toks[i]!.pos === "ADJ" && isNoun(toks[i + 1])))) words.push(lower(toks[i++]));
  return words.length >= 2 ? words.join(" ") : null;
}

/** "six years in prison", "two years behind bars": where a length of time is spent. */
function placeAfter(toks: readonly TaggedToken[], b: number): string | null {
  const prep = lower(toks[b + 1]);
  if (prep !== "in" && prep !== "behind") return null;
  // No determiner: "in prison", "in special measures", not "in the city".
  const words: string[] = [];
  let i = b + 2;
  while (words.length < 3 && (toks[i]?.pos === "ADJ" || isNoun(toks[i])) && /^\p{Ll}/u.test(toks[i]!.text)) words.push(lower(toks[i++]));
  return words.length && isNoun(toks[i - 1]) ? `${prep} ${words.join(" ")}` : null;
}

/** "over the last 40 years", "in nine years", "during 3 months": a span in which something happened. */
function spanBefore(toks: readonly TaggedToken[], a: number): boolean {
  let i = a - 1;
  while (i >= 0 && (toks[i]!.pos === "DET" || /^(last|past|next|first)$/.test(lower(toks[i])))) i--;
  return /^(in|over|during|within)$/.test(lower(toks[i]));
}


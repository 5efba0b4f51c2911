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
    out.push(describe(p));
  }
  return out;
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
const LIGHT_VERBS = new Set("be have do get make include say tell show reach total stand".split(" "));
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
  if (!noun && f.kind !== "count") noun = modifiedNoun(toks, b) ?? ofPhrase(toks, b) ?? null;
  if (noun) parts.push(noun.replace(/^(?:death )?toll$/, "deaths"));
  const event = eventAfter(toks, b, f) ?? eventBefore(toks, a);
  if (event && !parts.some((x) => x.includes(event))) parts.push(event);
  if (f.kind === "measure" && /^(years|months|weeks|days|hours)$/.test(f.unit ?? "")) {
    const where = placeAfter(toks, b);
    if (where) parts.push(where);
  }
  const about = parts.join(" ").trim();
  if (about) out.about = f.about && !about.includes(f.about) && f.kind !== "count" ? `${f.about} ${about}` : about;
  return out;
}

function ageOf(p: Placed): boolean {
  const { f, toks, a, b } = p;
  if (f.about === "age") return true;
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
  if (!words.length || !isNoun(toks[a - 2]) && !/^(maximum|minimum)$/.test(lower(toks[a - 2]))) return null;
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
  const words: string[] = [];
  while (i < toks.length && words.length < 3) {
    const t = toks[i]!;
    if (isNoun(t) || (t.pos === "ADJ" && (isNoun(toks[i + 1]) || CLAUSE_END.has(toks[i + 1]?.text ?? ".")))) words.push(lower(t));
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
  const words: string[] = [];
  while (i < toks.length && words.length < 3 && (isNoun(toks[i]) || toks[i]!.pos === "ADJ" || toks[i]!.pos === "PROPN")) {
    words.push(toks[i]!.text);
    i++;
  }
  return words.length ? words.join(" ") : null;
}

/** "people were injured", "jobs cut", "40% are retired", "2 have not recovered": what follows the figure. */
function eventAfter(toks: readonly TaggedToken[], b: number, f: Figure): string | null {
  let i = b + 1;
  if (lower(toks[i]) === "who" || lower(toks[i]) === "that") i++;
  const neg: string[] = [];
  let aux = false;
  for (let k = 0; k < 5 && i < toks.length; k++, i++) {
    const t = toks[i]!;
    if (t.pos === "AUX" || t.lemma === "be" || t.lemma === "have") aux = true;
    else if (t.pos === "PART" && /^(not|n't)$/.test(lower(t))) neg.push("not");
    else if (t.pos === "ADV" && !/^(also|still|now|reportedly|already|since|so|far|just|only|all|each)$/.test(lower(t))) return null;
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
    if (LIGHT_VERBS.has(v.lemma) || (!aux && /ing$/.test(v.text))) return null;
    // A verb that takes the figure as its subject in the present ("40,000 live there") says little; a
    // participle ("killed", "injured") or past tense ("died") tells the event.
    if (!aux && !/(ed|en|t|wn|ung|ied)$/.test(v.text) && v.text === v.lemma) return null;
    return [...neg, v.text.toLowerCase()].join(" ");
  }
  // "40% are retired", "30% were men": the predicate of a figure that is the subject, when nothing is counted.
  if (aux && f.kind !== "count" && (t.pos === "ADJ" || t.pos === "NOUN")) return [...neg, lower(t)].join(" ");
  return null;
}

// Verbs of change and level: what changed is their subject ("the death toll rose to 86", "profit fell to £2m").
const CHANGE_VERBS = new Set(
  "rise fall climb jump drop increase decrease decline grow slip slide soar surge plunge tumble reach hit top stand double treble halve shrink".split(" "),
);

/** "killed 40 people", "jailed for six years", "fined £300", "scored 12": the verb the figure follows. */
function eventBefore(toks: readonly TaggedToken[], a: number): string | null {
  for (let i = a - 1, k = 0; i >= 0 && k < 4; i--, k++) {
    const t = toks[i]!;
    if (t.pos === "VERB" && CHANGE_VERBS.has(t.lemma)) return subjectOf(toks, i);
    if (t.pos === "VERB") return LIGHT_VERBS.has(t.lemma) || /ing$/.test(t.text) ? null : lower(t);
    if (t.pos === "DET" || t.pos === "ADJ" || (t.pos === "ADP" && /^(for|to|by|at|of)$/.test(lower(t))) || t.pos === "ADV") continue;
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
  const phrase = words.join(" ");
  // "death toll" -> "deaths": a toll counts its events.
  return /^(?:\p{L}+ )*death toll$/u.test(phrase) ? "deaths" : phrase;
}

/** "six years in prison", "two years behind bars": where a length of time is spent. */
function placeAfter(toks: readonly TaggedToken[], b: number): string | null {
  const prep = lower(toks[b + 1]);
  if (prep !== "in" && prep !== "behind") return null;
  const t = toks[b + 2];
  return t && t.pos === "NOUN" && /^\p{Ll}/u.test(t.text) ? `${prep} ${t.text}` : null;
}


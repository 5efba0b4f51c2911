// What each figure counts, read from its sentence's syntax once the figures are found: the noun the number
// modifies ("a 40-foot yacht"), the noun it is "of" ("a crowd of 9,000"), the event ("people injured" vs
// "people killed", "jailed for six years"), an age ("Ms Ward, 61,"), the predicate of a figure that is the
// subject ("40% are retired"). Part-of-speech tags and lemmas come from text/pos (wink-nlp).
import { sentenceAt, tagIn, type Doc } from "../../text/index.js";
import type { Figure } from "../../types.js";
import { isNoFigure, isPluralWord, yearDatesOnly, type Placed } from "./names.js";
import {
  ADDS_TO_COUNT, apposedTo, CLAUSE_END, dimensionOf, eventAfter, eventBefore, isNoun, lower, modifiedNoun, nounBeforeOf, ofPhrase, placeAfter,
  purposeAfter, sectorAfter, spanBefore,
} from "./syntax.js";
import { SHARE_PRICE } from "./rank.js";

/** The figures that are quantities, each with what it counts in `about` (and "maximum"/"minimum" read). */
export function describeFigures(doc: Doc, figures: readonly Figure[]): Figure[] {
  const out: Figure[] = [];
  let last: { p: Placed; f: Figure } | null = null;
  for (const f of figures) {
    // A year needs no tags: the word before tells whether it bounds a span ("since 2014") or only dates.
    if (f.kind === "year") {
      const s = sentenceAt(doc, f.start);
      if (!s || !yearDatesOnly(f, doc.text.slice(Math.max(s.start, f.start - 40), f.start))) out.push(f);
      continue;
    }
    const p = f.kind === "ordinal" ? null : place(doc, f);
    if (!p) {
      out.push(f);
      continue;
    }
    if (isNoFigure(p)) continue;
    // The figure before, in the same sentence, may tell what this one counts ("€9m (£7.7m)").
    const prior = last && last.p.text === p.text && last.p.end <= p.start ? last : null;
    const d: Figure = sameAsBefore(p, prior) ?? describe(p);
    out.push(d);
    last = { p, f: d };
  }
  return out;
}

// Between two figures of a sentence, text that makes the second count the same thing as the first: a conversion
// in brackets ("£9m ($11m; €10m)"), "or" ("4,000 hectares - or 9,900 acres -"), a comparison ("12% compared with
// 9%"), the value before a change ("to 2.9% from 3.4%"); and "to" between a count and a bare number ("by 300 votes to 41") or two sums ("by £2m, to £9m").
const SAME_GAP = /^\s*(?:[(\[]|;|[-–—,]?\s*or|\)?,?\s*compared (?:to|with)(?: the| a)?)\s*$/;
const TO_GAP = /^,?\s*to\s*$/;
// "fell to 2.9% in October from 3.4%", "rose to £5m, up from £4m": the value the same thing had before.
const FROM_GAP = /^\s*(?:(?:in|on|at|for|during|last|this)\s+[\p{L}\d]+(?:\s+[\p{L}\d]+)?\s*)?,?\s*(?:(?:up|down)\s+)?from\s*$|^[^;()"“”]{0,60},\s*(?:up|down)\s+from\s*$/u;

/** The description of the figure before, when the words between say this one counts the same. */
function sameAsBefore(p: Placed, prior: { p: Placed; f: Figure } | null): Figure | null {
  if (!prior || !prior.f.about || prior.f.about === "age") return null;
  // "12% of the vote, compared with 9%": the "of" phrase belongs to the figure before.
  const gap = p.text.slice(prior.p.end, p.start).replace(/^\s+of\s+[^,;()]*/, "");
  // A list of bracketed figures after names: "Ana (86), Ben (85)".
  const bracketed = (x: Placed) => x.toks[x.a - 1]?.text === "(" && x.toks[x.b + 1]?.text === ")" && x.f.kind === "number";
  if (bracketed(p) && bracketed(prior.p) && p.toks[p.a - 2]?.pos === "PROPN") return { ...p.f, about: prior.f.about };
  if (FROM_GAP.test(gap)) {
    if (prior.f.kind !== p.f.kind || prior.f.unit !== p.f.unit) return null;
  } else if (TO_GAP.test(gap)) {
    // Otherwise "from 10 to 20" is a range or a change, two different things.
    const score = prior.f.kind === "count" && p.f.kind === "number";
    if (!score && !(prior.f.kind === "money" && p.f.kind === "money")) return null;
  } else if (!SAME_GAP.test(gap)) return null;
  return { ...p.f, about: prior.f.about };
}

function place(doc: Doc, f: Figure): Placed | null {
  const s = sentenceAt(doc, f.start);
  if (!s) return null;
  const toks = tagIn(doc, s.text);
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
// Days named from today, which the tagger reads as nouns: "turned 57 yesterday".
const DEICTIC_DAYS = new Set(["yesterday", "today", "tonight", "tomorrow"]);
// The count of a place's people: "a city of 9 million".
const SETTLEMENTS = new Set("city town village country nation state island region capital metropolis population".split(" "));

/** "shares closed at 412p", "the stock rose 3% to $45.20", "£2.10 a share": a price of one share. */
function sharePrice(p: Placed): boolean {
  const { f, toks, a, b } = p;
  if (f.kind !== "money") return false;
  const perShare = /^(a|per)$/.test(lower(toks[b + 1])) && /^shares?$/.test(lower(toks[b + 2]));
  const closing = /^(at|to)$/.test(lower(toks[a - 1])) && toks.some((t) => t.lemma === "share" || t.lemma === "stock");
  return perShare || closing;
}

function describe(p: Placed): Figure {
  const { f, toks, a, b } = p;
  const out: Figure = { ...f };
  if (sharePrice(p)) {
    out.about = SHARE_PRICE;
    return out;
  }
  const age = ageOf(p);
  if (age) {
    out.about = "age";
    return out;
  }
  const parts: string[] = [];
  // The noun the figure counts, from extraction ("people"), or the noun it modifies, or its "of" phrase.
  let noun = f.kind === "count" ? f.about : null;
  // "11 grands prix", "40 bank branches": a count's noun that goes on past the word read at extraction.
  const more = toks[b + 1];
  // Not "40 more" or "12 others": the count's noun is the one it takes from the count before it.
  if (noun && more && isNoun(more) && /^\p{Ll}+$/u.test(more.text) && !ADDS_TO_COUNT.test(more.text) && more.start - toks[b]!.end === 1 && toks[b + 2]?.pos !== "NOUN") noun = `${noun} ${more.text}`;
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
  // "9,000 men and women who": a count's noun joined by "and" to a second plural noun.
  let end = b;
  if (noun && toks[b + 1]?.pos === "CCONJ" && isNoun(toks[b + 2]) && /^\p{Ll}+$/u.test(toks[b + 2]!.text) && isPluralWord(toks[b + 2]!.text)) {
    noun = `${noun} ${lower(toks[b + 1])} ${lower(toks[b + 2])}`;
    parts[parts.length - 1] = noun;
    end = b + 2;
  }
  const after = eventAfter(toks, a, end, f);
  const isDuration = f.kind === "measure" && /^(years|months|weeks|days|hours|minutes)$/.test(f.unit ?? "");
  const event = after ?? eventBefore(toks, a, f.kind === "money", isDuration, f.kind === "count");
  // "12,000 miles needed": a measure's unit is what the event happens to.
  if (after && f.kind === "measure" && f.unit && /^\p{Ll}{3,}$/u.test(f.unit) && !parts.length) parts.push(f.unit);
  if (event && !parts.some((x) => x.includes(event))) {
    // "charged an annual fee" already says "annual fee": keep the longer phrase once.
    for (let k = parts.length - 1; k >= 0; k--) if (event.includes(parts[k]!)) parts.splice(k, 1);
    parts.push(event);
  }
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
  // What extraction read ("of unpaid work") is kept unless the description already says it; each word once.
  const read = f.about?.replace(/^of (?:the |a |an )?/, "") ?? "";
  if (about) out.about = onceEach(read && !about.includes(read) && !read.includes(about) && f.kind !== "count" ? `${f.about} ${about}` : read && read.includes(about) ? f.about! : about);
  return out;
}

/** Each word once, whatever its case: the noun and the event often name the same thing ("depth struck depth" -> "depth struck"). */
const onceEach = (about: string) => {
  const ws = about.split(/\s+/);
  const low = ws.map((w) => w.toLowerCase());
  return ws.filter((w, i) => w.length < 3 || low.indexOf(low[i]!) === i).join(" ");
};

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
  const person = toks[a - 2]?.pos === "PRON" || toks[a - 2]?.pos === "PROPN";
  if (prev && prev.lemma === "be" && person && (ends || next?.pos === "ADP")) return true;
  // After "turned" anything but what the number counts: "turned 34 last week", "turned 34 in May".
  if (prev && AGE_VERBS.has(prev.lemma) && (ends || !next || !/^(NOUN|PROPN|NUM|SYM)$/.test(next.pos) || DEICTIC_DAYS.has(lower(next)))) return true;
  // "at the age of 34".
  return prev?.text === "of" && lower(toks[a - 2]) === "age";
}

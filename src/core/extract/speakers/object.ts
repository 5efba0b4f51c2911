// The phrase after an inverted verb: "said Blinken", "said MSNBC host Chris Matthews", "said a lawyer for the family".
import type { Mention } from "../entities.js";
import { DETERMINERS, PHRASAL, PRONOUNS, speakerNoun } from "./lexicon.js";
import { TITLES } from "../entities/lexicon.js";
import { officeHeadAfter } from "./unnamed.js";
import { isAdverb, NOT_HEADS, NOT_NAMES_CAP, personNoun, STOP_NP, SUBJECT_PRONOUN, type GrammarContext, type SpeakerRef } from "./grammar.js";

/** The noun phrase right after an inverted verb ("said Blinken", "added MSNBC host Chris Matthews"). */
export function objectAfter(ctx: GrammarContext, v: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  let k = v + 1;
  if (k < hi && tokens[k]!.word && PHRASAL.has(tokens[v]!.norm)) k++;
  // A role before the name ("MSNBC host Chris Matthews"): the first person within a few words, else the first name.
  let found: Mention | undefined;
  for (let i = k; i < hi && i - k < 9; i++) {
    const t = tokens[i]!;
    const m = ctx.mentionFrom.get(i);
    if (m) {
      // "said the Varga campaign", "said Moss's office": the office speaks, not the person.
      const office = ctx.isPerson(m) ? officeHeadAfter(tokens, m.from, m.to) : undefined;
      if (office !== undefined) {
        const from = tokens[m.from - 1]?.norm === "the" && m.from - 1 >= k ? m.from - 1 : m.from;
        return { kind: "nominal", from, to: office + 1, text: ctx.text.slice(tokens[from]!.start, tokens[office]!.end) };
      }
      if (ctx.isPerson(m)) return possessed(ctx, m, hi) ?? { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
      // "said a Vermont Democrat": a place or body before the noun only describes the speaker.
      const after = tokens[m.to];
      const modifier = m.from === k + 1 && DETERMINERS.has(tokens[k]!.norm) && !!after?.word && !STOP_NP.has(after.norm) && !ctx.mentionFrom.has(m.to) && (speakerNoun(after.norm) || after.cap);
      if (!modifier) found ??= m;
      i = m.to - 1;
      continue;
    }
    // "said Acme chief economist, Ana Ruiz": the person in apposition after the body's role.
    const next = ctx.mentionFrom.get(i + 1);
    if (t.text === "," && found && next && ctx.isPerson(next)) return { kind: "name", from: next.from, to: next.to, text: ctx.text.slice(next.start, next.end), mention: next };
    if (!t.word && !/^[.\-’'/]$/.test(t.text)) break;
    // "said master of ceremonies Ada Moss": "of" inside a role, a lower-case word after it.
    const roleOf = t.norm === "of" && i > k && !tokens[i - 1]!.cap && tokens[i + 1]?.word && !tokens[i + 1]!.cap && !DETERMINERS.has(tokens[i + 1]!.norm);
    if (STOP_NP.has(t.norm) && !(i === k && DETERMINERS.has(t.norm)) && !roleOf) break;
  }
  if (found) return { kind: "name", from: found.from, to: found.to, text: ctx.text.slice(found.start, found.end), mention: found };
  const first = tokens[k];
  if (!first || k >= hi) return undefined;
  const bare = capitalisedName(ctx, k, hi);
  if (bare) return bare;
  if (PRONOUNS.has(first.norm) && SUBJECT_PRONOUN(first.norm)) return { kind: "pronoun", from: k, to: k + 1, text: first.text };
  if (!OPENERS.has(first.norm)) return undefined;
  const nominal = nominalAfter(ctx, k, hi);
  return nominal && (namedInApposition(ctx, nominal.to, hi) ?? nominal);
}

/**
 * "said the firm's security chief, Ivo Brand.": a person named right after the description, between
 * its comma and the end of the clause, is the one who speaks (the description is their role).
 */
function namedInApposition(ctx: GrammarContext, at: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  const m = tokens[at]?.text === "," ? ctx.mentionFrom.get(at + 1) : undefined;
  if (!m || !ctx.isPerson(m) || m.to > hi) return undefined;
  const after = tokens[m.to];
  if (after && after.sentence === tokens[at]!.sentence && (after.word || !/^[.,;:!?"”’]$/.test(after.text))) return undefined;
  return { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
}

/** "said Moss's deputy campaign manager, Ana Ruiz": the person named after the possessor's role speaks. */
function possessed(ctx: GrammarContext, m: Mention, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  if (!m.possessive) return undefined;
  for (let i = m.to; i < hi && i - m.to < 6; i++) {
    const t = tokens[i]!;
    if (t.text === "," || t.text === "’s" || t.text === "'s" || t.text === "’" || t.text === "'") continue;
    const p = ctx.mentionFrom.get(i);
    if (p && i > m.to && ctx.isPerson(p) && (tokens[i - 1]!.text === "," || personNoun(tokens[i - 1]!.norm))) return { kind: "name", from: p.from, to: p.to, text: ctx.text.slice(p.start, p.end), mention: p };
    if (!t.word || t.cap || STOP_NP.has(t.norm) || NOT_HEADS.has(t.norm)) return undefined;
  }
  return undefined;
}

/**
 * A name the entity pass did not take (a surname that is also a word or a title: "said Ann Cook",
 * "said Rep. Ed King of Ohio"): capitalised words and initials right after an inverted verb, up to the
 * first lower-case word or mark, titles before it left out. Two words at least, so "said Tuesday" is none.
 */
function capitalisedName(ctx: GrammarContext, k: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  while (k < hi && tokens[k]!.cap && (TITLES.has(tokens[k]!.norm) || TITLES.has(tokens[k]!.norm.replace(/\.$/, ""))) && tokens[k + 1]?.cap) k++;
  if (k < hi && tokens[k]!.text === ".") k++;
  let j = k;
  while (j < hi && j - k < 5 && tokens[j]!.sentence === tokens[k]!.sentence && (tokens[j]!.cap && tokens[j]!.word || (tokens[j]!.text === "." && j > k && tokens[j - 1]!.text.length === 1))) j++;
  const words = tokens.slice(k, j).filter((t) => t.word);
  const surname = words.length === 1 && !!ctx.personNamed?.(words[0]!.text);
  if ((words.length < 2 && !surname) || NOT_NAMES_CAP.has(tokens[k]!.norm) || words.some((t) => ctx.mentionFrom.has(tokens.indexOf(t)))) return undefined;
  const end = tokens[j - 1]!.text === "." ? j - 1 : j;
  return { kind: "name", from: k, to: end, text: ctx.text.slice(tokens[k]!.start, tokens[end - 1]!.end) };
}

// Words that open a description after a verb ("said the senior official"); "that" opens a clause instead.
const OPENERS = new Set(["the", "a", "an", "one", "another", "his", "her", "their", "its"]);

/** A description starting at token k, cut after its last word that names someone ("the shooter had ..." -> "the shooter"). */
export function nominalAfter(ctx: GrammarContext, k: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  let j = k;
  let end = -1;
  while (j < hi && j - k < 8 && tokens[j]!.word && !STOP_NP.has(tokens[j]!.norm) && !NOT_HEADS.has(tokens[j]!.norm) && !isAdverb(tokens[j]!)) {
    if (j > k || !OPENERS.has(tokens[j]!.norm)) if (speakerNoun(tokens[j]!.norm) || (tokens[j]!.cap && !NOT_NAMES_CAP.has(tokens[j]!.norm))) end = j;
    j++;
  }
  if (end < 0) return undefined;
  // "said a lawyer for the family", "said an official at the port": the body they speak for comes along.
  // "a person close to the family": the adjective before the preposition goes with it.
  const close = tokens[end + 1]?.norm === "close" && tokens[end + 2]?.norm === "to" && end + 2 === j;
  const prep = tokens[close ? end + 2 : end + 1];
  if (prep && (close || end + 1 === j) && AFTER_OF.has(prep.norm) && personNoun(tokens[end]!.norm)) {
    let e = prep === tokens[end + 2] ? end + 3 : end + 2;
    const from = e;
    while (e < hi && e - from < 6 && tokens[e]!.word && !NOT_HEADS.has(tokens[e]!.norm) && !isAdverb(tokens[e]!) && (e === from ? DETERMINERS.has(tokens[e]!.norm) || QUANTIFIERS.has(tokens[e]!.norm) || tokens[e]!.cap : !STOP_NP.has(tokens[e]!.norm))) e++;
    if (e > from + (DETERMINERS.has(tokens[from]?.norm ?? "") ? 1 : 0)) end = e - 1;
  }
  return { kind: "nominal", from: k, to: end + 1, text: ctx.text.slice(tokens[k]!.start, tokens[end]!.end) };
}

const AFTER_OF = new Set(["for", "of", "at", "from", "to"]);
// Words that may open the body after the preposition besides a determiner ("an adviser to both parties").
const QUANTIFIERS = new Set(["both", "all", "several", "two", "three", "many"]);


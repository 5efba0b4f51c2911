// Cues beyond the quote's own sentence: earlier sentences of the paragraph, colon and dash
// introductions, the sentence's subject, the possessor of a speech noun, a headline's first name.
import { sentenceAt, verbLemma, type Doc } from "../../text/index.js";
import { tokenAt } from "../entities/tokens.js";
import { NOT_NAMES, ROLE_MODIFIERS } from "../entities/lexicon.js";
import type { QuotedSpan } from "../quotes/marks.js";
import { clauseSubject, cueBefore, type Cue, type GrammarContext, type SpeakerRef } from "./grammar.js";
import { ADVERBS, DOCUMENT_NOUNS, SPEECH_NOUNS, SPEECH_VERBS, speakerNoun } from "./lexicon.js";

/** A cue in an earlier sentence of the quote's paragraph, or a colon introduction at the end of the one before. */
export function earlierCue(doc: Doc, ctx: GrammarContext, span: QuotedSpan, prevClose: number, partial: boolean): { cue: Cue; how: "paragraph" | "colon" } | undefined {
  const { tokens } = ctx;
  const first = sentenceAt(doc, span.open);
  if (!first) return undefined;
  // Sentences of the same paragraph before the quote, nearest first, not reaching back past the previous quote.
  for (let s = first.index - 1; s >= 0 && first.index - s <= 3; s--) {
    const sent = doc.sentences[s]!;
    if (sent.paragraph !== first.paragraph || sent.end <= prevClose) break;
    const lo = tokenAt(tokens, Math.max(sent.start, prevClose));
    const cue = cueBefore(ctx, lo, tokenAt(tokens, sent.end), partial);
    if (cue && !partial) return { cue, how: "paragraph" };
  }
  // "The New York Times reports:" closing the paragraph before a quote that opens its own.
  const para = doc.paragraphs[first.paragraph - 1];
  if (para && span.open === doc.paragraphs[first.paragraph]!.start && /:\s*$/.test(doc.text.slice(Math.max(para.start, para.end - 3), para.end))) {
    const last = sentenceAt(doc, para.end - 1);
    if (last && last.start >= prevClose) {
      const lo = tokenAt(tokens, last.start);
      const hi = tokenAt(tokens, para.end);
      const cue = cueBefore(ctx, lo, hi, partial) ?? colonSubject(ctx, lo, hi) ?? introducedBy(ctx, lo, hi) ?? sentenceSubject(ctx, lo, hi);
      if (cue) return { cue, how: "colon" };
    }
  }
  return undefined;
}

// Opening words of a sentence that put off its subject: "At Monday's debate, Clinton cited ...".
const LEADING_PREPOSITIONS = new Set(["at", "in", "on", "during", "after", "before", "since", "while", "when", "with", "for", "from", "as", "by", "following", "despite", "unlike", "like", "although", "though", "because", "if", "once", "until", "last", "earlier", "later"]);

/** The subject of the sentence a fragment stands in: its first name or pronoun, after an opening phrase. */
export function sentenceSubject(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
  const { tokens } = ctx;
  let i = lo;
  while (i < hi && !tokens[i]!.word) i++;
  // An opening phrase before a comma that names nobody ("Last week,", "Although the fund ..., it").
  const leading = i < hi && LEADING_PREPOSITIONS.has(tokens[i]!.norm);
  let comma = i;
  while (comma < hi && comma - i < (leading ? 40 : 12) && tokens[comma]!.text !== ",") comma++;
  const opener = tokens[comma]?.text === "," && (leading || ![...Array(comma - i).keys()].some((k) => ctx.mentionFrom.has(i + k)));
  if (i < hi && opener) {
    while (i < hi && tokens[i]!.text !== ",") i++;
    // "On July 6, 2015, Sanders ...": the date's year and commas go too.
    while (i < hi && (tokens[i]!.text === "," || /^\d+$/.test(tokens[i]!.text))) i++;
  }
  const m = ctx.mentionFrom.get(i);
  // "Pence: Trump was ‘mocking’ ..." (headlines): the name before a colon.
  if (m && tokens[m.to]?.text === ":") return { text: ":", verb: m.to, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
  if (i >= hi) return undefined;
  const s = clauseSubject(ctx, i, hi);
  if (s) {
    // "Trump's claim that ...", "Hoff's letter makes the case:": the possessor of a word for speech or of a
    // document is its source; other possessors are not.
    const owned = tokens[s.to]?.norm ?? "";
    if (s.mention?.possessive && !SPEECH_NOUNS.has(owned) && !DOCUMENT_NOUNS.has(owned)) return undefined;
    return { text: "", verb: s.to, speaker: s, inverted: false };
  }
  const t = tokens[i]!;
  // A capitalised name the entity pass left alone ("Haines flatly dismissed ...").
  const nx = tokens[i + 1];
  if (t.cap && ctx.midCaps.has(t.norm) && !NOT_NAMES.has(t.norm) && nx && nx.word && !nx.cap && i + 1 < hi) return { text: "", verb: i + 1, speaker: { kind: "name", from: i, to: i + 1, text: t.text }, inverted: false };
  // "the Harbour Board of Trade was firm: ...": a body named after "the", before its verb, is the subject.
  const body = t.norm === "the" ? ctx.mentionFrom.get(i + 1) : undefined;
  const after = body && body.to < hi ? tokens[body.to]! : undefined;
  if (body && after && !body.possessive && !ctx.isPerson(body) && after.word && !after.cap && (FINITE.has(after.norm) || /[^s]s$|ed$/.test(after.norm))) {
    return { text: "", verb: body.to, speaker: { kind: "name", from: body.from, to: body.to, text: ctx.text.slice(body.start, body.end), mention: body }, inverted: false };
  }
  // A description that opens the sentence ("The Republican nominee also vowed ..."), up to its verb;
  // its last word must name a person, a body or a document ("The memo also ..." -> "The memo").
  if (!DESCRIPTION_OPENERS.has(t.norm)) return undefined;
  let j = i + 1;
  while (j < hi && j - i < 6 && tokens[j]!.word && !ADVERBS.has(tokens[j]!.norm) && !/ly$/.test(tokens[j]!.norm) && !SPEECH_VERBS.has(tokens[j]!.norm) && !(j > i + 1 && !tokens[j]!.cap && /(ed|s|ing)$/.test(tokens[j]!.norm) && !speakerNoun(tokens[j]!.norm) && !ROLE_MODIFIERS.has(tokens[j]!.norm))) j++;
  if (j === i + 1 || j >= hi || !speakerNoun(tokens[j - 1]!.norm)) return undefined;
  const speaker: SpeakerRef = { kind: "nominal", from: i, to: j, text: ctx.text.slice(t.start, tokens[j - 1]!.end) };
  return { text: "", verb: j, speaker, inverted: false };
}

/** "Donald Trump's claim that “...”", "his claim that ''...''": the possessor of the nearest speech noun. */
export function speechNounBefore(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
  const { tokens } = ctx;
  for (let k = hi - 1; k > lo; k--) {
    if (!SPEECH_NOUNS.has(tokens[k]!.norm)) continue;
    const p = tokens[k - 1]!;
    const m = ctx.mentionTo.get(k - 1);
    if (m && m.possessive) return { text: tokens[k]!.text, verb: k, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
    if (p.norm === "his" || p.norm === "her" || p.norm === "their" || p.norm === "its") {
      const pronoun = p.norm === "his" ? "he" : p.norm === "her" ? "she" : p.norm === "its" ? "it" : "they";
      return { text: tokens[k]!.text, verb: k, speaker: { kind: "pronoun", from: k - 1, to: k, text: pronoun }, inverted: false };
    }
    return undefined;
  }
  return undefined;
}

// Verbs and auxiliaries with no -s or -ed that can follow a singular subject.
const FINITE = new Set(["was", "is", "has", "had", "will", "would", "could", "can", "may", "might", "must", "should", "did", "does", "made", "took", "gave", "put", "sent", "set", "found", "held", "kept", "left", "led", "saw", "went", "came", "got"]);

const DESCRIPTION_OPENERS = new Set(["the", "a", "an", "one", "another", "his", "her", "their", "its"]);

/** A name or clause subject introducing the quote with a dash or colon: "... Ada Moss -- ''...''", "Obama has a message: "...". */
export function introducedBy(ctx: GrammarContext, lo: number, hi: number, sentenceLo: number = lo): Cue | undefined {
  const { tokens } = ctx;
  if (hi <= lo) return undefined;
  const last = tokens[hi - 1]!;
  let k = hi - 1;
  while (k >= lo && /^[-—–:]$/.test(tokens[k]!.text)) k--;
  const m = ctx.mentionTo.get(k);
  // "X told the Harbour Gazette:": the verb's own cue tells who speaks.
  if (m && m.from >= lo && listenerOf(ctx, m.from, lo)) return undefined;
  if (k < hi - 1 && m && m.from >= lo) return { text: last.text, verb: hi - 1, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
  if (last.text === ":") {
    const s = sentenceSubject(ctx, sentenceLo, hi - 1);
    if (s) return { ...s, text: ":" };
  }
  return undefined;
}

/** The name at token `from` is the one a verb of saying addresses ("told the Harbour Gazette:", "said to Ruiz:"). */
function listenerOf(ctx: GrammarContext, from: number, lo: number): boolean {
  const { tokens } = ctx;
  let p = from - 1;
  if (p >= lo && (tokens[p]!.norm === "the" || tokens[p]!.norm === "to")) p--;
  const v = tokens[p];
  // An inflected verb ("told", "telling", "says"): a bare form may be a noun ("secretary of state Ana Ruiz:").
  return p >= lo && !!v && v.word && !v.cap && SPEECH_VERBS.has(v.norm) && verbLemma(v.norm) !== v.norm;
}

/** In a headline ("Haines Calls Varga ‘A Danger’"), the first person it names, outside the quote. */
export function headlineSpeaker(doc: Doc, ctx: GrammarContext, span: QuotedSpan): Cue | undefined {
  const para = doc.paragraphs[span.firstParagraph]!;
  const head = doc.text.slice(para.start, para.end);
  if (span.firstParagraph > 1 || head.length > 160 || /[.!?]["”’']?\s*$/.test(head) && !/^(\p{Lu}\S*\s+){3}/u.test(head)) return undefined;
  const lo = tokenAt(ctx.tokens, para.start);
  const hi = tokenAt(ctx.tokens, para.end);
  for (let i = lo; i < hi; i++) {
    const m = ctx.mentionFrom.get(i);
    if (!m || (m.start >= span.open && m.start < span.close) || !ctx.isPerson(m)) continue;
    return { text: "", verb: i, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
  }
  return undefined;
}

/** "Varga continued:" or "The Times:" with no verb in the lexicon: the name that opens the sentence. */
function colonSubject(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
  const m = ctx.mentionFrom.get(lo);
  if (!m || hi - m.to > 4) return undefined;
  return { text: ":", verb: hi - 1, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
}

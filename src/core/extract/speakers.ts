// Who said each quote: a cue beside it, else a cue earlier in the paragraph or a colon introduction,
// else the speaker of the quote it continues; pronouns and descriptions resolved by Coref.
import { sentenceAt, type Doc } from "../text/index.js";
import type { Entity, Speaker } from "../types.js";
import type { EntityIndex, Mention } from "./entities.js";
import { tokenAt } from "./entities/tokens.js";
import { Coref, type SpeakerEvent } from "./speakers/coref.js";
import { clauseSubject, cueAfter, cueBefore, type Cue, type GrammarContext, type SpeakerRef } from "./speakers/grammar.js";
import { DETERMINERS } from "./speakers/lexicon.js";
import { NOT_NAMES, ROLE_MODIFIERS, ROLE_NOUNS } from "./entities/lexicon.js";
import type { QuotedSpan } from "./quotes/marks.js";

export interface Attribution {
  speaker: Speaker | null;
  confidence: number;
  cue?: string;
}

export interface AttributionInput {
  span: QuotedSpan;
  kind: "direct" | "partial";
}

/** How far a cue may be from its quote, in tokens, before it stops counting. */
const MAX_WINDOW = 60;

export function attributeQuotes(doc: Doc, ix: EntityIndex, quotes: readonly AttributionInput[]): Attribution[] {
  const mentionFrom = new Map<number, Mention>();
  const mentionTo = new Map<number, Mention>();
  for (const m of ix.mentions) {
    mentionFrom.set(m.from, m);
    mentionTo.set(m.to - 1, m);
  }
  const ctx: GrammarContext = { text: doc.text, tokens: ix.tokens, mentionFrom, mentionTo, isPerson: (m) => ix.entities[m.entity]?.type === "person" };
  const coref = new Coref(ix, quotes.map((q) => q.span), doc.sentences.map((s) => s.paragraph));
  const history: SpeakerEvent[] = [];
  const out: Attribution[] = [];
  const tokens = ix.tokens;
  let prev: { q: AttributionInput; a: Attribution; entity?: Entity } | undefined;
  let prevCue: Cue | undefined;

  quotes.forEach((q, i) => {
    const { span } = q;
    const partial = q.kind === "partial";
    const para = doc.paragraphs[span.lastParagraph]!;
    const openSentence = sentenceAt(doc, span.open) ?? sentenceAt(doc, span.start);
    // The sentence the words after the closing mark belong to ("?” Trump said." is split after the mark).
    let after = span.close;
    while (after < doc.text.length && /\s/.test(doc.text[after]!)) after++;
    const closeSentence = (after < para.end ? sentenceAt(doc, after) : undefined) ?? sentenceAt(doc, Math.max(span.open, span.close - 1)) ?? openSentence;
    const prevClose = i > 0 ? quotes[i - 1]!.span.close : 0;
    const nextOpen = i + 1 < quotes.length ? quotes[i + 1]!.span.open : doc.text.length;

    // Words before the quote in its sentence, and after it to the end of its sentence, other quotes excluded.
    const bLo = Math.max(tokenAt(tokens, Math.max(openSentence?.start ?? span.open, prevClose)), tokenAt(tokens, span.open) - MAX_WINDOW);
    const bHi = tokenAt(tokens, span.open);
    const aLo = tokenAt(tokens, span.close);
    let aEnd = Math.min(closeSentence ? Math.max(closeSentence.end, span.close) : para.end, nextOpen, para.end);
    // Words on a new line, or a new sentence that leads into another quote, are no cue for this one.
    const nl = doc.text.indexOf("\n", span.close);
    if (nl >= 0 && nl < aEnd) aEnd = Math.max(span.close, nl);
    if (closeSentence && closeSentence.start >= span.close && nextOpen < closeSentence.end) aEnd = span.close;
    const aHi = Math.min(tokenAt(tokens, aEnd), aLo + MAX_WINDOW);

    let cue: Cue | undefined;
    let how: "beside" | "paragraph" | "colon" = "beside";
    if (partial) {
      // A fragment belongs to the clause around it: look back to the sentence start, past other fragments.
      const sLo = Math.max(tokenAt(tokens, openSentence?.start ?? span.open), bHi - MAX_WINDOW);
      cue = cueBefore(ctx, sLo, bHi, true) ?? speechNounBefore(ctx, sLo, bHi) ?? cueAfter(ctx, aLo, aHi, true);
      if (!cue) {
        cue = sentenceSubject(ctx, sLo, bHi);
        how = "paragraph";
      }
    }
    else {
      const sLo = Math.max(tokenAt(tokens, openSentence?.start ?? span.open), bHi - MAX_WINDOW);
      const after = cueAfter(ctx, aLo, aHi, false);
      const before = cueBefore(ctx, bLo, bHi, false, sLo);
      // Cues that touch the quote win: "” he said", "” ― Hill", "Hill said: “", "... Romney -- “".
      const afterAdjacent = after && Math.min(after.verb, after.speaker.from) <= aLo + 2;
      const beforeAdjacent = before && before.verb >= bHi - 4 && /[:,]|that/.test(doc.text.slice(tokens[before.verb]!.end, span.open));
      const intro = introducedBy(ctx, bLo, bHi, sLo);
      // A split quote: the cue between the two halves serves both ("A," she said, "B.").
      const between = doc.text.slice(prevClose, span.open);
      const split = prevCue && prevCue.text !== "―" && prevCue.verb >= tokenAt(tokens, prevClose) && prevCue.verb < bHi && !between.includes("\n") ? prevCue : undefined;
      cue = afterAdjacent ? after : beforeAdjacent ? before : intro ?? split ?? after ?? before;
      // A quote inside a sentence with no speech verb: the sentence's subject ("Trump attacked “...”").
      if (!cue && bHi > sLo && !continuesFrom(prev, span)) {
        const subject = sentenceSubject(ctx, sLo, bHi);
        if (subject) [cue, how] = [subject, "paragraph"];
      }
    }

    const continues = !partial && continuesFrom(prev, span);
    // A cue-less quote: an earlier sentence of its paragraph, or a colon ending the paragraph before.
    if (!cue) {
      const found = earlierCue(doc, ctx, span, prevClose, partial);
      if (found) [cue, how] = [found.cue, found.how];
    }
    if (!cue) {
      const found = headlineSpeaker(doc, ctx, span);
      if (found) [cue, how] = [found, "paragraph"];
    }
    let attribution: Attribution;
    let entity: Entity | undefined;
    if (cue) {
      const r = resolveRef(cue.speaker, ix, coref, history);
      entity = r.entity;
      const base = how === "beside" ? 0.9 : 0.7;
      attribution = { speaker: r.speaker, confidence: r.speaker ? round(base * r.certainty) : 0.1, cue: cue.text };
      // A pronoun that finds nobody, right after a quote: it is the same speaker still talking.
      if (!r.speaker && continues) attribution = { ...prev!.a, confidence: round(prev!.a.confidence * 0.8) };
    } else if (continues) {
      entity = prev!.entity;
      attribution = { speaker: prev!.a.speaker, confidence: round(prev!.a.confidence * 0.75) };
      if (prev!.a.cue) attribution.cue = prev!.a.cue;
    } else attribution = { speaker: null, confidence: 0 };
    if (entity && openSentence) history.push({ entity, sentence: openSentence.index });
    out.push(attribution);
    if (!partial) {
      prev = entity ? { q, a: attribution, entity } : { q, a: attribution };
      prevCue = cue;
    }
  });
  return out;
}

/** The previous direct quote is close enough (this paragraph or the one before) to hand on its speaker. */
function continuesFrom(prev: { q: AttributionInput; a: Attribution } | undefined, span: QuotedSpan): boolean {
  return !!prev && prev.q.span.lastParagraph >= span.firstParagraph - 1 && !!prev.a.speaker;
}

/** A cue in an earlier sentence of the quote's paragraph, or a colon introduction at the end of the one before. */
function earlierCue(doc: Doc, ctx: GrammarContext, span: QuotedSpan, prevClose: number, partial: boolean): { cue: Cue; how: "paragraph" | "colon" } | undefined {
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
function sentenceSubject(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
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
    // "Trump's claim that ...": the possessor of a word for speech is its source; other possessors are not.
    if (s.mention?.possessive && !SPEECH_NOUNS.has(tokens[s.to]?.norm ?? "")) return undefined;
    return { text: "", verb: s.to, speaker: s, inverted: false };
  }
  const t = tokens[i]!;
  // A capitalised name the entity pass left alone ("Gingrich cynically dismissed ...").
  const nx = tokens[i + 1];
  if (t.cap && !NOT_NAMES.has(t.norm) && nx && nx.word && !nx.cap && i + 1 < hi) return { text: "", verb: i + 1, speaker: { kind: "name", from: i, to: i + 1, text: t.text }, inverted: false };
  // A description that opens the sentence ("The Republican nominee also vowed ..."), up to its verb.
  if (!DETERMINERS.has(t.norm)) return undefined;
  let j = i + 1;
  while (j < hi && j - i < 6 && tokens[j]!.word && !(j > i + 1 && !tokens[j]!.cap && /(ed|s)$/.test(tokens[j]!.norm) && !ROLE_NOUNS.has(tokens[j]!.norm) && !ROLE_MODIFIERS.has(tokens[j]!.norm))) j++;
  if (j === i + 1 || j >= hi) return undefined;
  const speaker: SpeakerRef = { kind: "nominal", from: i, to: j, text: ctx.text.slice(t.start, tokens[j - 1]!.end) };
  return { text: "", verb: j, speaker, inverted: false };
}

/** "Donald Trump's claim that “...”", "his claim that ''...''": the possessor of the nearest speech noun. */
function speechNounBefore(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
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

// Nouns for what someone said: their possessor is the source ("Trump's claim that ...").
const SPEECH_NOUNS = new Set(["claim", "claims", "statement", "statements", "comment", "comments", "remark", "remarks", "words", "assertion", "argument", "promise", "pledge", "warning", "description", "view", "views", "tweet", "tweets", "speech", "answer", "response", "reply", "suggestion", "contention", "charge", "accusation"]);

/** A name or clause subject introducing the quote with a dash or colon: "... Mitt Romney -- ''...''", "Obama has a message: "...". */
function introducedBy(ctx: GrammarContext, lo: number, hi: number, sentenceLo: number = lo): Cue | undefined {
  const { tokens } = ctx;
  if (hi <= lo) return undefined;
  const last = tokens[hi - 1]!;
  let k = hi - 1;
  while (k >= lo && /^[-—–:]$/.test(tokens[k]!.text)) k--;
  const m = ctx.mentionTo.get(k);
  if (k < hi - 1 && m && m.from >= lo) return { text: last.text, verb: hi - 1, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
  if (last.text === ":") {
    const s = sentenceSubject(ctx, sentenceLo, hi - 1);
    if (s) return { ...s, text: ":" };
  }
  return undefined;
}

/** In a headline ("Christie Calls Clinton ‘A Disgrace’"), the first person it names, outside the quote. */
function headlineSpeaker(doc: Doc, ctx: GrammarContext, span: QuotedSpan): Cue | undefined {
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

/** "Caddell continued:" or "The Times:" with no verb in the lexicon: the name that opens the sentence. */
function colonSubject(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
  const m = ctx.mentionFrom.get(lo);
  if (!m || hi - m.to > 4) return undefined;
  return { text: ":", verb: hi - 1, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
}

function resolveRef(ref: SpeakerRef, ix: EntityIndex, coref: Coref, history: readonly SpeakerEvent[]): { speaker: Speaker | null; entity?: Entity; certainty: number } {
  if (ref.kind === "name") {
    const e = ref.mention ? ix.entities[ref.mention.entity] : ix.resolve(ref.text);
    if (e) return { speaker: speakerOf(e), entity: e, certainty: 1 };
    return { speaker: { name: ref.text.replace(/['’]s$/, "") }, certainty: 0.8 };
  }
  if (ref.kind === "pronoun") {
    const e = coref.pronoun(ref, history);
    return e ? { speaker: speakerOf(e), entity: e, certainty: 0.85 } : { speaker: null, certainty: 0 };
  }
  const e = coref.description(ref, history);
  if (e) return { speaker: speakerOf(e), entity: e, certainty: 0.7 };
  // An unresolved description still tells the reader who spoke ("a spokesman for the campaign").
  return { speaker: { name: ref.text }, certainty: 0.4 };
}

function speakerOf(e: Entity): Speaker {
  return e.role ? { name: e.name, role: e.role } : { name: e.name };
}

const round = (x: number) => Math.round(x * 100) / 100;

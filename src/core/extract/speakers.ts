// Who said each quote: a cue beside it, else a cue earlier in the paragraph or a colon introduction,
// else the speaker of the quote it continues; pronouns and descriptions resolved by Coref.
import { sentenceAt, type Doc } from "../text/index.js";
import type { Entity, Speaker } from "../types.js";
import type { EntityIndex, Mention } from "./entities.js";
import { tokenAt } from "./entities/tokens.js";
import { Coref, SALIENCE, type Salience, type SpeakerEvent } from "./speakers/coref.js";
import { cueAfter, cueBefore, type Cue, type GrammarContext, type SpeakerRef } from "./speakers/grammar.js";
import { earlierCue, headlineSpeaker, introducedBy, sentenceSubject, speechNounBefore } from "./speakers/context.js";
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
// A name and a comma before a fragment: the fragment sits in an appositive ("” Ada Moss, wearing “Vote Moss” pins, said").
const APPOSITIVE_LEAD = /^\s*[A-Z][^.!?;:\n“”"]*,[^.!?;:\n“”"]*$/;

export function attributeQuotes(doc: Doc, ix: EntityIndex, quotes: readonly AttributionInput[], salience: Salience = SALIENCE): Attribution[] {
  const mentionFrom = new Map<number, Mention>();
  const mentionTo = new Map<number, Mention>();
  for (const m of ix.mentions) {
    mentionFrom.set(m.from, m);
    mentionTo.set(m.to - 1, m);
  }
  const midCaps = new Set<string>();
  ix.tokens.forEach((t, i) => {
    const p = ix.tokens[i - 1];
    if (t.cap && t.word && p && p.sentence === t.sentence && !/^["“”‘’'(]$/.test(p.text)) midCaps.add(t.norm);
  });
  const ctx: GrammarContext = { text: doc.text, tokens: ix.tokens, mentionFrom, mentionTo, midCaps, isPerson: (m) => ix.entities[m.entity]?.type === "person", personNamed: (w) => ix.resolve(w)?.type === "person" };
  const coref = new Coref(ix, quotes.map((q) => q.span), doc.sentences.map((s) => s.paragraph), salience);
  const history: SpeakerEvent[] = [];
  const out: Attribution[] = [];
  const tokens = ix.tokens;
  let prev: { q: AttributionInput; a: Attribution; entity?: Entity } | undefined;
  let prevCue: Cue | undefined;
  // The last quote of either kind that found a speaker: a fragment with no cue of its own carries it.
  let lastSpoken: { q: AttributionInput; a: Attribution; entity?: Entity } | undefined;

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
    // A fragment quoted inside an appositive after the quote is no end to its cue ("” Ada Moss, wearing “Vote Moss” pins, said").
    const inner = quotes[i + 1];
    const skipInner = inner?.kind === "partial" && APPOSITIVE_LEAD.test(doc.text.slice(span.close, inner.span.open));
    const windowEnd = skipInner ? (quotes[i + 2]?.span.open ?? doc.text.length) : nextOpen;
    let aEnd = Math.min(closeSentence ? Math.max(closeSentence.end, span.close) : para.end, windowEnd, para.end);
    // Words on a new line, or a new sentence that leads into another quote, are no cue for this one.
    for (let k = span.close; k < aEnd; k++) {
      if (doc.text.charCodeAt(k) === 10) {
        aEnd = k;
        break;
      }
    }
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
      // Cues that touch the quote win: "” he said", "” ― Hill", "Hill said: “", "... Ada Moss -- “".
      const afterAdjacent = after && Math.min(after.verb, after.speaker.from) <= aLo + 2;
      // "Lee said: “", "Lee said that “", and "Lee said “" with nothing between the verb and the mark.
      const lead = before ? doc.text.slice(tokens[before.verb]!.end, span.open) : "";
      const beforeAdjacent = before && before.verb >= bHi - 4 && (/[:,]|that/.test(lead) || /^\s+$/.test(lead));
      const intro = introducedBy(ctx, bLo, bHi, sLo);
      // A split quote: the cue between the two halves serves both ("A," she said, "B.").
      const between = doc.text.slice(prevClose, span.open);
      // Not when a sentence of the writer's own stands between them ("A," she said. But Lee said: "B.").
      const split = prevCue && prevCue.text !== "―" && prevCue.verb >= tokenAt(tokens, prevClose) && prevCue.verb < bHi && !between.includes("\n") && !ownSentenceBefore(doc, prevClose, span.open, tokens[prevCue.verb]!.start) ? prevCue : undefined;
      // "Moss said that “... .” Lee agreed.": a cue in the next sentence loses to one that leads into the quote.
      const afterNextSentence = !!closeSentence && closeSentence.start >= span.close && /[.!?]\s*$/.test(doc.text.slice(span.start, span.end));
      cue = afterAdjacent && !(beforeAdjacent && afterNextSentence) ? after : beforeAdjacent ? before : intro ?? split ?? after ?? before;
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
      // A reply ("You're right, ...") is not spoken by the one whose words it answers, just reported.
      const last = history[history.length - 1];
      const words = doc.text.slice(span.start, span.end);
      // After someone's fragment ("claimed that ..."), only words addressed to them answer it ("You're right"): a bare "Yes," may go on with the speaker's own point.
      const answered = !partial && last && openSentence && openSentence.index - last.sentence <= 2 && REPLY.test(words) && !(last.partial && BARE_REPLY.test(words)) ? last.entity : undefined;
      const r = resolveRef(cue.speaker, ix, coref, history, answered);
      entity = r.entity;
      const base = how === "beside" ? 0.9 : 0.7;
      attribution = { speaker: r.speaker, confidence: r.speaker ? round(base * r.certainty) : 0.1, cue: cue.text };
      // A pronoun that finds nobody, right after a quote: it is the same speaker still talking.
      if (!r.speaker && continues) attribution = { ...prev!.a, confidence: round(prev!.a.confidence * 0.8) };
    } else if (continues) {
      entity = prev!.entity;
      attribution = { speaker: prev!.a.speaker, confidence: round(prev!.a.confidence * 0.75) };
      if (prev!.a.cue) attribution.cue = prev!.a.cue;
    } else if (partial && carriesFrom(doc, lastSpoken, span)) {
      // A fragment with no cue in the paragraph of an attributed quote goes on with that quote's speaker
      // ("“We are out of sandbags,” Okoro said. Without them, “the levee goes by Friday.”").
      entity = lastSpoken!.entity;
      attribution = { speaker: lastSpoken!.a.speaker, confidence: round(lastSpoken!.a.confidence * 0.7) };
      if (lastSpoken!.a.cue) attribution.cue = lastSpoken!.a.cue;
    } else attribution = { speaker: null, confidence: 0 };
    if (attribution.speaker) lastSpoken = entity ? { q, a: attribution, entity } : { q, a: attribution };
    if (entity && openSentence) history.push({ entity, sentence: openSentence.index, partial });
    out.push(attribution);
    if (!partial) {
      prev = entity ? { q, a: attribution, entity } : { q, a: attribution };
      prevCue = cue;
    }
  });
  return out;
}

/**
 * A sentence begins after `from` with words of its own before `open`: the writer's, between two quotes. The
 * sentence of the cue at `cue` is the quote's own ("“... paid!” Lee declared, ... . “...”").
 */
function ownSentenceBefore(doc: Doc, from: number, open: number, cue: number): boolean {
  for (let s = sentenceAt(doc, open); s && s.end > from; s = doc.sentences[s.index - 1]) {
    const ofCue = s.start <= cue && cue < s.end;
    if (s.start > from && !ofCue && /\p{L}/u.test(doc.text.slice(s.start, Math.min(s.end, open)))) return true;
    if (s.index === 0) break;
  }
  return false;
}

/** The previous direct quote is close enough (this paragraph or the one before) to hand on its speaker. */
function continuesFrom(prev: { q: AttributionInput; a: Attribution } | undefined, span: QuotedSpan): boolean {
  return !!prev && prev.q.span.lastParagraph >= span.firstParagraph - 1 && !!prev.a.speaker;
}

const CARRIED_WORDS = 4;

/** The quote `last` stands in the same paragraph as `span`, before it, with a speaker to hand on. */
function carriesFrom(doc: Doc, last: { q: AttributionInput; a: Attribution } | undefined, span: QuotedSpan): boolean {
  if (!last || !last.a.speaker || last.q.span.lastParagraph !== span.firstParagraph || last.q.span.close > span.open) return false;
  // A clause's worth of words: one to three words in marks with no cue are a scare quote or a name ("the “autopsy”").
  return doc.text.slice(span.start, span.end).split(/\s+/).filter((w) => /\p{L}/u.test(w)).length >= CARRIED_WORDS;
}

// Openings that answer someone: agreement or disagreement with what was just said.
const REPLY = /^(?:(?:yes|yeah|no|exactly|absolutely|correct)[,.!]|(?:you['’]re|you are|that['’]s|that is) (?:right|wrong|correct|not true)\b|i (?:agree|disagree)\b)/i;

const BARE_REPLY = /^(?:yes|yeah|no|exactly|absolutely|correct)[,.!]/i;

function resolveRef(ref: SpeakerRef, ix: EntityIndex, coref: Coref, history: readonly SpeakerEvent[], notThis?: Entity): { speaker: Speaker | null; entity?: Entity; certainty: number } {
  if (ref.kind === "name") {
    const e = ref.mention ? ix.entities[ref.mention.entity] : ix.resolve(ref.text);
    // A person by their full name; an organisation or place as the text names it here ("IMF", not its long form).
    if (e) return { speaker: e.type === "person" || !ref.mention ? speakerOf(e) : { name: ref.text.replace(/['’]s$/, "") }, entity: e, certainty: 1 };
    return { speaker: { name: ref.text.replace(/['’]s$/, "") }, certainty: 0.8 };
  }
  if (ref.kind === "pronoun") {
    const e = coref.pronoun(ref, history, notThis);
    return e ? { speaker: speakerOf(e, coref), entity: e, certainty: coref.unnamed(e) ? UNNAMED : 0.85 } : { speaker: null, certainty: 0 };
  }
  const e = coref.description(ref, history);
  if (e) return { speaker: speakerOf(e, coref), entity: e, certainty: coref.unnamed(e) ? UNNAMED : 0.7 };
  // An unresolved description still tells the reader who spoke ("a spokesman for the campaign").
  return { speaker: { name: ref.text }, certainty: 0.4 };
}

// A quote taken back to someone the article never names is given to the description that introduced
// them ("a senior official at the ministry"): it tells the reader who spoke, where null tells nothing and
// the named person further back would be wrong. Its confidence stays low, as a description's as written.
const UNNAMED = 0.45;

function speakerOf(e: Entity, coref?: Coref): Speaker {
  const unnamed = coref?.unnamed(e);
  if (unnamed) return { name: unnamed };
  return e.role ? { name: e.name, role: e.role } : { name: e.name };
}

const round = (x: number) => Math.round(x * 100) / 100;

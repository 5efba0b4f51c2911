// Quotes and their speakers: marks paired into spans (quotes/marks.ts), each span judged direct, partial
// or no quote (quotes/kind.ts), then attributed (speakers.ts).
import { sentenceAt, words, type Doc } from "../text/index.js";
import type { Quote } from "../types.js";
import type { EntityIndex } from "./entities.js";
import { findQuotedSpans, type QuotedSpan } from "./quotes/marks.js";
import { nestedReport, spanKind } from "./quotes/kind.js";
import { afterForwardReport, afterReversedReport, continuesAcrossParagraph, continuesParaphrase } from "./quotes/continues.js";
import { attributeQuotes, type AttributionInput } from "./speakers.js";
import type { Salience } from "./speakers/coref.js";
import { ATTITUDE_VERBS, PARTIAL_CUES, SPEECH_NOUNS, SPEECH_VERBS } from "./speakers/lexicon.js";

export { findQuotedSpans, type QuotedSpan } from "./quotes/marks.js";

/** `salience` overrides the fitted weights of pronoun and description resolution (for bench/fit-speakers.ts). */
export function extractQuotes(doc: Doc, entities: EntityIndex, salience?: Salience): Quote[] {
  const inputs: AttributionInput[] = [];
  const spans = findQuotedSpans(doc);
  for (const [i, span] of spans.entries()) {
    const kind = spanKind(doc, span, spans[i - 1], spans[i + 1]);
    if (kind !== "title") inputs.push({ span, kind });
  }
  const attributions = attributeQuotes(doc, entities, inputs, salience);
  const out: Quote[] = [];
  inputs.forEach(({ span, kind: spanKindOf }, i) => {
    let kind = spanKindOf;
    const a = attributions[i]!;
    // Decided once speakers are known: a cue-less sentence in marks after the same speaker's paraphrase.
    const prev = inputs[i - 1];
    const prevSpeaker = attributions[i - 1]?.speaker;
    // It keeps the paraphrase's speaker when it found none of its own.
    let speaker = a.speaker;
    let cue = a.cue;
    if (kind === "direct" && prev?.kind === "partial" && prevSpeaker && (!speaker || prevSpeaker.name === speaker.name) && (continuesParaphrase(doc, span, prev.span) || continuesAcrossParagraph(doc, span, prev.span)) && !directBefore(doc, inputs, i - 1)) {
      kind = "partial";
      speaker ??= prevSpeaker;
    }
    // The next sentence in marks after a report of a report ("“...,” Dorn said, according to the Ledger. “...”")
    // goes on with the same words, reported the same way: the same speaker, not the second source.
    if (kind === "direct" && prev?.kind === "partial" && prevSpeaker && continuesParaphrase(doc, span, prev.span) && nestedReport(doc, prev.span)) {
      kind = "partial";
      speaker = prevSpeaker;
      cue = attributions[i - 1]!.cue;
    }
    // A cue-less sentence in marks after a report of the speaker's words in the writer's own, the speaker named at
    // its end ("..., Okafor said. “...”") or at its start ("Okafor says the pumps held. “...”"): part of that
    // report, with the speaker the report gave it.
    if (kind === "direct" && (afterReversedReport(doc, span) || afterForwardReport(doc, span))) kind = "partial";
    // A short fragment in marks that nobody said is a scare quote ("so-called “experts”"), not a quote;
    // in a headline, marks quote someone even when the headline does not say who, and in a sentence
    // that reports speech ("the memo warned of “grave risks”") they quote a source we could not name.
    if (kind === "partial" && !speaker && span.end - span.start < 40 && !inHeadline(doc, span) && !reportsSpeech(doc, span)) return;
    const q: Quote = { text: spokenText(doc.text.slice(span.start, span.end), span), start: span.start, end: span.end, kind, speaker, confidence: speaker === a.speaker ? a.confidence : attributions[i - 1]!.confidence };
    if (cue) q.cue = cue;
    out.push(q);
  });
  return out;
}

/**
 * A quote's words: one that goes on over paragraphs is said as one passage, its breaks and the marks that
 * reopen each paragraph ("... a fine day.\n\n“Nobody will forget it") read as spaces, so that chat shows it
 * whole. Its offsets stay those of the span in the article.
 */
function spokenText(inner: string, span: QuotedSpan): string {
  if (span.firstParagraph === span.lastParagraph) return inner;
  return inner.replace(/[ \t]*(?:\r?\n[ \t]*)+(?:["“‘«]|''|``)?[ \t]*/g, " ");
}

/** A direct quote stands in the sentence of quote `last` (a title in a cue, “..., ” she told “This Week”, is no paraphrase). */
function directBefore(doc: Doc, inputs: readonly AttributionInput[], last: number): boolean {
  const sentence = sentenceAt(doc, inputs[last]!.span.open)?.index;
  for (let k = last; k >= 0; k--) {
    const { span, kind } = inputs[k]!;
    const at = sentenceAt(doc, Math.max(span.start, span.close - 1))?.index;
    if (at === undefined || sentence === undefined || at < sentence - 1) return false;
    if (kind === "direct" && at >= sentence) return true;
  }
  return false;
}

/** A verb or noun of saying stands in the sentence around the span, outside its marks ("said", "called", "a report"). */
function reportsSpeech(doc: Doc, span: QuotedSpan): boolean {
  const from = sentenceAt(doc, span.open)?.start ?? span.open;
  const to = sentenceAt(doc, Math.max(span.open, span.close - 1))?.end ?? span.close;
  // "so-called" marks the writer's distance from a word, not anyone's speech.
  const outside = words((doc.text.slice(from, span.open) + " " + doc.text.slice(span.close, to)).replace(/\bso[-\s]called\b/gi, " "));
  return outside.some((w) => SPEECH_VERBS.has(w) || PARTIAL_CUES.has(w) || SPEECH_NOUNS.has(w) || ATTITUDE_VERBS.has(w));
}

/** The span stands in the article's first paragraph and that paragraph is a headline (short, no full stop inside). */
function inHeadline(doc: Doc, span: QuotedSpan): boolean {
  const p = doc.paragraphs[0];
  if (!p || span.firstParagraph !== 0 || doc.paragraphs.length < 2) return false;
  const head = doc.text.slice(p.start, p.end);
  return head.length <= 160 && !/[.!?]\s+\p{Ll}/u.test(head) && !head.includes("\n");
}

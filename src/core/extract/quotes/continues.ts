// Quotes that go on with a report before them: decided once speakers are known (quotes.ts), each a direct quote
// by its own look that the annotators' content span, and the report's grammar, make part of a partial report.
import { sentenceAt, type Doc, type Sentence } from "../../text/index.js";
import type { QuotedSpan } from "./marks.js";
import { PHRASAL, SPEECH_VERBS } from "../speakers/lexicon.js";

// A blank within a line: a space, a tab, or a no-break space, never a line break.
export const BLANK = /[^\S\n\r]/;

/** The first offset from `from` that is neither punctuation nor a blank, on the same line (a line break stops it). */
function punctuationEnd(text: string, from: number): number {
  let k = from;
  while (k < text.length && /[\s.,;:!?]/.test(text[k]!) && text[k] !== "\n") k++;
  return k;
}

/**
 * A quote that is a sentence of its own, with no cue, right after a sentence of the same paragraph that
 * paraphrased the same speaker around a partial quote: it goes on with that paraphrase, so it is part of
 * a partial report ("Okafor said the city could “run short” soon. “We have sandbags for two days.”").
 */
export function continuesParaphrase(doc: Doc, span: QuotedSpan, prev: QuotedSpan): boolean {
  const { text } = doc;
  if (span.firstParagraph !== prev.lastParagraph || prev.close > span.open) return false;
  // The quote opens a new sentence: an end of sentence, with nothing but marks and blanks after it.
  if (text.slice(prev.close, span.open).includes("\n") || !/[.!?…]["”’']*\s*$/.test(text.slice(Math.max(0, span.open - 8), span.open))) return false;
  const opened = sentenceAt(doc, span.open);
  const prevSentence = sentenceAt(doc, Math.max(prev.start, prev.close - 1));
  if (!opened || !prevSentence) return false;
  // The next sentence, or the one after a sentence of the writer's with no marks ("... to “run short” soon. And
  // she means it. “We have sandbags for two days.”").
  const between = doc.sentences[prevSentence.index + 1];
  if (opened.index !== prevSentence.index + 1 && !(opened.index === prevSentence.index + 2 && between && !/["“”‘’]|''/.test(text.slice(between.start, between.end)))) return false;
  // Nothing after the quote in its sentence: the next words, if any, open a sentence of their own.
  const after = punctuationEnd(text, span.close);
  if (after >= text.length || text[after] === "\n") return true;
  return sentenceAt(doc, after)?.start === after && sentenceAt(doc, span.end - 1)?.index !== sentenceAt(doc, after)?.index;
}

/**
 * A paragraph that is nothing but a quote with no cue, right after a paragraph whose last sentence holds a
 * partial quote of four words or more ("Okafor said the city could “run short of sandbags by Friday.”" then
 * "“We have two days.”"): it goes on with the same report, so it is part of it, as in one paragraph.
 */
export function continuesAcrossParagraph(doc: Doc, span: QuotedSpan, prev: QuotedSpan): boolean {
  const { text } = doc;
  const para = doc.paragraphs[span.firstParagraph];
  if (!para || span.open !== para.start || prev.lastParagraph !== span.firstParagraph - 1 || !prev.closed) return false;
  if (text.slice(prev.start, prev.end).split(/\s+/).length < 4) return false;
  // The previous quote stands in its paragraph's last sentence.
  const prevPara = doc.paragraphs[prev.lastParagraph]!;
  if (sentenceAt(doc, Math.max(prev.start, prev.close - 1))?.index !== sentenceAt(doc, prevPara.end - 1)?.index) return false;
  // Nothing after the quote in its paragraph but punctuation.
  const after = punctuationEnd(text, span.close);
  return after >= text.length || text[after] === "\n" || after >= para.end;
}

/**
 * A sentence in marks with no cue of its own, right after a sentence of the same paragraph that opens (after at
 * most a short phrase and a comma) with the speaker and a verb of saying and goes on, in the writer's words, with
 * what was said ("Okoro says the pumps held all night. “We were lucky.”"): part of that report. Not after "told"
 * or "asked" (a listener follows, and the quote is often the answer), nor after a sentence that follows a quote
 * (a cue split from it: "“...?” Okoro asked."). Decided once speakers are known, like the one below.
 */
export function afterForwardReport(doc: Doc, span: QuotedSpan): boolean {
  const { text } = doc;
  const report = reportBefore(doc, span);
  if (!report) return false;
  let b = report.start - 1;
  while (b >= 0 && BLANK.test(text[b]!)) b--;
  if (b >= 0 && /[”"’']/.test(text[b]!)) return false;
  const body = text.slice(report.start, span.open).replace(/^[^,]{0,40},\s*/, "");
  // The speaker (up to four capitalised words, or a pronoun after an opening phrase), the verb, what was said.
  const m = /^((?:[\p{Lu}][\p{L}.’'-]*\s+){1,4}|(?:he|she|they|I|we)\s+)(?:also\s+|further\s+)?([\p{Ll}]+)\s+(that\s+|how\s+)?(.*)$/su.exec(body);
  if (!m || !SPEECH_VERBS.has(m[2]!) || /^(?:told|tells|tell|asked|asks|ask)$/.test(m[2]!)) return false;
  if (m[4]!.split(/\s+/).filter(Boolean).length < 4) return false;
  return endsWithoutCue(doc, span);
}

/**
 * A sentence in marks with no cue of its own, right after a sentence of the same paragraph that reports the
 * speaker's words in the writer's own and names the speaker at its end ("The pumps may fail by Friday, Okafor
 * said. “We have sandbags for two days.”"): the quote goes on with that report, as part of it. The report has
 * no marks, at least four words before its last comma, then at most four words of subject and a verb of saying.
 * Decided once speakers are known, so that the quote keeps the speaker the report names.
 */
export function afterReversedReport(doc: Doc, span: QuotedSpan): boolean {
  const { text } = doc;
  const report = reportBefore(doc, span);
  if (!report) return false;
  const m = /,\s*((?:[\p{L}.’'-]+\s+){0,3}[\p{L}.’'-]+)\s+([\p{L}]+)\s*[.!?]\s*$/u.exec(text.slice(report.start, span.open));
  if (!m || !SPEECH_VERBS.has(m[2]!.toLowerCase()) || m[1]!.split(/\s+/).some((w) => SPEECH_VERBS.has(w.toLowerCase()))) return false;
  if (text.slice(report.start, report.start + m.index).split(/\s+/).filter(Boolean).length < 4) return false;
  return endsWithoutCue(doc, span);
}

/**
 * Nothing after the quote but punctuation, then a paragraph break or a new sentence, and that sentence is no cue
 * (the sentence splitter may part "“...?” Okoro asked." after the mark: a verb of saying in its first words).
 */
export function endsWithoutCue(doc: Doc, span: QuotedSpan): boolean {
  const { text } = doc;
  let k = span.close;
  while (k < text.length && /[.,;:!?)\]]/.test(text[k]!)) k++;
  while (k < text.length && BLANK.test(text[k]!)) k++;
  if (k >= text.length || text[k] === "\n" || text[k] === "\r") return true;
  if (sentenceAt(doc, k)?.start !== k || !/^[\p{Lu}"“‘(]/u.test(text[k]!)) return false;
  const first = (/^[^.!?\n]*/.exec(text.slice(k, k + 80))?.[0] ?? "").match(/[\p{L}’'-]+/gu) ?? [];
  return !first.slice(0, 6).some((w) => SPEECH_VERBS.has(w.toLowerCase()) || PHRASAL.has(w));
}

/**
 * The sentence right before the span's, with no marks, when the span opens a sentence: in its paragraph, or the
 * last of the paragraph before when the span's paragraph holds nothing but the quote.
 */
function reportBefore(doc: Doc, span: QuotedSpan): Sentence | undefined {
  const { text } = doc;
  const para = doc.paragraphs[span.firstParagraph];
  if (!para || !span.closed) return undefined;
  if (span.open === para.start) {
    // A paragraph that is only the quote, after a paragraph that ends in the report with a full stop (a colon
    // leads into the quote: "X put it this way:" is a cue).
    const prevPara = doc.paragraphs[span.firstParagraph - 1];
    if (!prevPara || !/[.!?]\s*$/.test(text.slice(prevPara.start, prevPara.end))) return undefined;
    const e = punctuationEnd(text, span.close);
    if (!(e >= text.length || text[e] === "\n" || e >= para.end)) return undefined;
    const report = sentenceAt(doc, prevPara.end - 1);
    if (!report || report.start < prevPara.start || /["“”‘’]|''/.test(text.slice(report.start, prevPara.end))) return undefined;
    return report;
  }
  if (!/[.!?…]\s*$/.test(text.slice(Math.max(para.start, span.open - 4), span.open))) return undefined;
  const report = sentenceAt(doc, span.open - 2);
  if (!report || report.start < para.start || /["“”‘’]|''/.test(text.slice(report.start, span.open))) return undefined;
  return report;
}

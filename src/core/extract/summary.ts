// Summary bullets and titles. First version: the lead sentences.
import type { Doc } from "../text/index.js";
import type { Quote } from "../types.js";

export interface SummaryOptions {
  maxBullets: number;
  quotes: Quote[];
  /** Index of the first sentence that is body text (after a headline line). */
  firstBodySentence: number;
}

export function summarize(doc: Doc, options: SummaryOptions): string[] {
  return doc.sentences.slice(options.firstBodySentence, options.firstBodySentence + Math.min(3, options.maxBullets)).map((s) => s.text);
}

/** A title for an article that came without one: its first sentence, at most 15 words. */
export function makeTitle(doc: Doc): string {
  const first = doc.sentences[0]?.text ?? "";
  return first.split(/\s+/).slice(0, 15).join(" ");
}

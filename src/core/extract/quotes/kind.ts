// Direct quote, partial quote, or no quote at all (a title, a heading, a scare-quoted word).
import type { Doc } from "../../text/index.js";
import type { QuotedSpan } from "./marks.js";

export type SpanKind = "direct" | "partial" | "title";

// Words that announce a title in quotation marks ("the book “The Art of the Deal”").
const TITLE_BEFORE = /\b(book|books|film|movie|song|album|show|series|episode|article|essay|column|op-ed|headline|poem|play|documentary|podcast|titled|entitled|called|named|dubbed|report|memoir|novel|speech|segment|program|programme|campaign|slogan|ad|video)\s*,?\s*$/i;

export function spanKind(doc: Doc, span: QuotedSpan): SpanKind {
  const { text } = doc;
  const inner = text.slice(span.start, span.end);
  const words = inner.split(/\s+/).filter(Boolean);
  let i = span.open - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  const left = i >= 0 ? text[i]! : "\n";
  const para = doc.paragraphs[span.firstParagraph]!;
  const alone = span.open === para.start && span.close >= para.end - 1;
  // A heading in marks: a short paragraph of capitalised words.
  if (alone && words.length <= 8 && titleCase(words)) return "title";
  if (/[\p{L}\p{N}]/u.test(left)) {
    // Inside a clause: a title when it is capitalised like one after a title noun, else a partial quote.
    const before = text.slice(Math.max(0, span.open - 30), span.open);
    if (words.length >= 2 && titleCase(words) && (TITLE_BEFORE.test(before) || !/[.!?,]$/.test(inner))) return "title";
    return "partial";
  }
  return "direct";
}

const SMALL = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "vs", "v"]);

function titleCase(words: string[]): boolean {
  let caps = 0;
  for (const w of words) {
    const clean = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!clean) continue;
    if (/^[\p{Lu}\p{N}]/u.test(clean)) caps++;
    else if (!SMALL.has(clean.toLowerCase())) return false;
  }
  return caps >= 2;
}

// Pairs quotation marks into quoted spans: “ ” " '' ‘ ’ ', wrong-way marks, quotes over several
// paragraphs, paragraphs of quoted speech that never close, inch marks and markup attributes left out.
import type { Doc } from "../../text/index.js";

export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offsets of the quoted words (inside the marks, trimmed). */
  start: number;
  end: number;
  /** Offset just after the closing mark, or `end` when the quote never closes. */
  close: number;
  closed: boolean;
  /** Paragraph indexes the quote starts and ends in. */
  firstParagraph: number;
  lastParagraph: number;
  /** Written with single marks (‘ ’ or '). */
  single: boolean;
}

interface Mark {
  at: number;
  len: number;
  /** What the glyph says: "open" (“ ‘), "close" (” ’), "both" (" '). */
  glyph: "open" | "close" | "both";
  /** What the neighbours say. */
  openish: boolean;
  closeish: boolean;
  single: boolean;
}

const OPENING_LEFT = /[\s([{—–\-/>]/;
const CLOSING_RIGHT = /[\s.,;:!?)\]}—–\-<…]/;

function marksIn(text: string, from: number, to: number, masked: (at: number) => boolean, singles: boolean): Mark[] {
  const out: Mark[] = [];
  for (let i = from; i < to; i++) {
    const c = text[i]!;
    let len = 1;
    let glyph: Mark["glyph"];
    let single = false;
    if (c === "“" || c === "«" || c === "„") glyph = "open";
    else if (c === "”" || c === "»") glyph = "close";
    else if (c === '"') glyph = "both";
    else if ((c === "'" || c === "’" || c === "`" || c === "‘") && (text[i + 1] === c || (c === "`" && text[i + 1] === "`"))) {
      // Two apostrophes or backticks stand for one double mark (older wire copy).
      len = 2;
      glyph = c === "`" || c === "‘" ? "open" : c === "’" ? "close" : "both";
    } else if (singles && (c === "‘" || c === "’" || c === "'")) {
      single = true;
      glyph = c === "‘" ? "open" : c === "’" ? "close" : "both";
    } else continue;
    if (masked(i)) {
      i += len - 1;
      continue;
    }
    const left = i > from ? text[i - 1]! : " ";
    const right = i + len < to ? text[i + len]! : " ";
    // At the start of a paragraph a mark can only open ("” … what I learned").
    const openish = (OPENING_LEFT.test(left) && !/\s/.test(right)) || (i === from && !single);
    const closeish = CLOSING_RIGHT.test(right) && !/\s/.test(left);
    // Apostrophes inside or after words ("don't", "voters'") are no single marks.
    if (single && !openish && !(closeish && glyph !== "open")) continue;
    if (single && closeish && !openish && /\p{L}/u.test(left) && c !== "’" && c !== "'") continue;
    // An inch or seconds mark: a digit right before a mark that does not open anything.
    out.push({ at: i, len, glyph, openish, closeish, single });
    i += len - 1;
  }
  return out;
}

/** Ranges of markup tags (`<tweet author="...">`) whose attribute quotes are no quotation marks. */
function markupMask(text: string): (at: number) => boolean {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(/<\/?[A-Za-z][^<>]{0,2000}>/g)) ranges.push([m.index, m.index + m[0].length]);
  if (!ranges.length) return () => false;
  return (at) => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = ranges[mid]!;
      if (at < a) hi = mid - 1;
      else if (at >= b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

const isOpening = (m: Mark) => (m.glyph === "open" ? !m.closeish || m.openish : m.glyph === "both" ? m.openish || !m.closeish : m.openish && !m.closeish);
const isClosing = (m: Mark) => (m.glyph === "close" ? !m.openish || m.closeish : m.glyph === "both" ? m.closeish || !m.openish : m.closeish && !m.openish);

export function findQuotedSpans(doc: Doc): QuotedSpan[] {
  const { text, paragraphs } = doc;
  const masked = markupMask(text);
  const out: QuotedSpan[] = [];
  let pending: { mark: Mark; paragraph: number } | null = null;
  const emit = (open: Mark, openPara: number, endAt: number, closeLen: number, lastPara: number, closed: boolean) => {
    let start = open.at + open.len;
    let end = endAt;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    // A comma before the closing mark punctuates the writer's sentence, not the speech.
    if (closed && text[end - 1] === "," ) end--;
    if (end - start < 1) return;
    out.push({ open: open.at, start, end, close: closed ? endAt + closeLen : end, closed, firstParagraph: openPara, lastParagraph: lastPara, single: open.single });
  };
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const hasDouble = /["“”«»]|''|``|’’/.test(text.slice(p.start, p.end));
    const marks = marksIn(text, p.start, p.end, masked, !hasDouble);
    let mi = 0;
    // A quote left open at the end of the last paragraph goes on here when this paragraph opens with a mark.
    if (pending) {
      const m0 = marks[0];
      if (m0 && m0.at === p.start && isOpening(m0) && m0.single === pending.mark.single) mi = 1;
      else {
        const prev = paragraphs[pi - 1]!;
        emit(pending.mark, pending.paragraph, prev.end, 0, pi - 1, false);
        pending = null;
      }
    }
    for (; mi < marks.length; mi++) {
      const m = marks[mi]!;
      if (!pending) {
        if (/\d/.test(text[m.at - 1] ?? "") && m.closeish && !m.single) continue; // 6'2", a 65" screen
        if (isOpening(m)) pending = { mark: m, paragraph: pi };
        continue;
      }
      if (m.single !== pending.mark.single) continue;
      // A quote inside a quote (“... what she calls “the pit” and ...”): an opening followed by two closings
      // before the next opening is nested; skip it and its closing.
      if (isOpening(m) && !isClosing(m) && lastNewline(text, pending.mark.at, m.at) < 0) {
        let closings = 0;
        let k = mi + 1;
        for (; k < marks.length && closings < 2; k++) {
          const n = marks[k]!;
          if (n.single !== m.single) continue;
          if (isOpening(n) && !isClosing(n)) break;
          closings++;
        }
        if (closings === 2) {
          let skip = mi + 1;
          while (marks[skip] && marks[skip]!.single !== m.single) skip++;
          mi = skip;
          continue;
        }
      }
      if (isClosing(m) || !isOpening(m)) {
        emit(pending.mark, pending.paragraph, m.at, m.len, pi, true);
        pending = null;
      } else if (pending.paragraph === pi) {
        // Two openings in a row: the first never closed. It ends at a line break between them, or
        // is kept whole when it opened the paragraph; otherwise it was a stray mark.
        // Paragraphs run together on one line ("... for this. “Next year ..."): an opening after a
        // sentence's end inside an open quote starts the next paragraph of the same quote.
        const nl = lastNewline(text, pending.mark.at, m.at);
        if (nl > pending.mark.at) emit(pending.mark, pending.paragraph, nl, 0, pi, false);
        else if (pending.mark.at === paragraphs[pending.paragraph]!.start || /[.!?…]\s+$/.test(text.slice(Math.max(pending.mark.at, m.at - 4), m.at))) emit(pending.mark, pending.paragraph, m.at, 0, pi, false);
        pending = { mark: m, paragraph: pi };
      }
    }
  }
  if (pending) emit(pending.mark, pending.paragraph, paragraphs[paragraphs.length - 1]!.end, 0, paragraphs.length - 1, false);
  return out;
}

/** The last line break in text[from, to), or -1; bounded so that no search runs past the quote. */
function lastNewline(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (text.charCodeAt(i) === 10) return i;
  return -1;
}

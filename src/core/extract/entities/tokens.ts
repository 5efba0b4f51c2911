// Word and punctuation tokens with exact offsets, shared by the entity and speaker passes.
import type { Doc } from "../../text/index.js";

export interface Token {
  /** The token as written. */
  text: string;
  /** Lower-case, without a possessive "'s" and typographic apostrophes made plain. */
  norm: string;
  start: number;
  end: number;
  sentence: number;
  /** Written with a possessive "'s" or a bare trailing apostrophe ("Clinton's", "voters'"). */
  possessive: boolean;
  /** A word (letters or digits), not punctuation. */
  word: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
}

// Words keep inner apostrophes, hyphens and dots ("O'Neill", "Holtz-Eakin", "U.S"); anything else is one token:
// the tokens of /([\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu, read by hand (a card reads a few
// thousand; a match array each was a good part of what the card builder allocated).
const ALNUM = /^[\p{L}\p{N}]$/u;
const SPACE = /^\s$/u;
const CAPITAL = /^\p{Lu}/u;

/** Code units of the letter or digit at `i` (a letter beyond the BMP takes two), or 0 when there is none. */
function alnumAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  if (Number.isNaN(c)) return 0;
  const n = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  return ALNUM.test(text.slice(i, i + n)) ? n : 0;
}

/** Code units of the whitespace at `i`, or 0. */
function spaceAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return c === 32 || (c >= 9 && c <= 13) ? 1 : 0;
  return SPACE.test(text[i]!) ? 1 : 0;
}

/** End of the word that starts at `i` (a letter or digit there). */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    let n: number;
    while ((n = alnumAt(text, j))) j += n;
    const c = text.charCodeAt(j);
    // ’ ' - . joined to a letter or digit after it
    if ((c === 0x2019 || c === 39 || c === 45 || c === 46) && alnumAt(text, j + 1)) j++;
    else return j;
  }
}

const CONTRACTED = new Set(["he", "she", "it", "that", "there", "here", "what", "who", "where", "when", "how", "let", "everyone", "nobody", "somebody", "someone"]);

export function tokenize(doc: Doc): Token[] {
  const out: Token[] = [];
  const { text, sentences } = doc;
  let si = 0;
  let s = sentences[0];
  // One pass over the text, walking the sentences alongside (they are in order and do not overlap).
  let at = 0;
  while (at < text.length) {
    const blank = spaceAt(text, at);
    if (blank) {
      at += blank;
      continue;
    }
    const first = alnumAt(text, at);
    const word = first > 0;
    // A mark is one code point.
    const end = word ? wordEnd(text, at) : at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
    while (s && s.end <= at) s = sentences[++si];
    if (!s) break;
    if (at < s.start) {
      at = end;
      continue;
    }
    const t = text.slice(at, end);
    let norm = t.toLowerCase();
    if (norm.includes("’")) norm = norm.replace(/’/g, "'");
    let possessive = false;
    if (word && norm.length > 2 && norm.endsWith("'s")) {
      norm = norm.slice(0, -2);
      // "He's", "it's", "that's" are contractions of "is" or "has", not possessives.
      possessive = !CONTRACTED.has(norm);
    }
    // A mark is never a capital; an ASCII letter needs no Unicode test.
    const c = t.charCodeAt(0);
    const cap = word && (c < 128 ? c >= 65 && c <= 90 : CAPITAL.test(t));
    out.push({ text: t, norm, start: at, end, sentence: s.index, possessive, word, cap });
    at = end;
  }
  return out;
}

/** Index of the first token that starts at or after `at` (binary search). */
export function tokenAt(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** An initial: "J" or "J.R" (its dot is the next token). */
export const isInitial = (t: Token) => /^(?:\p{Lu}\.)*\p{Lu}$/u.test(t.text);

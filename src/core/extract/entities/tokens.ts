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

// Words keep inner apostrophes, hyphens and dots ("O'Neill", "Holtz-Eakin", "U.S"); anything else is one token.
// Group 1 is a word (letters or digits), else the match is one mark.
const TOKEN = /([\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu;
const CAPITAL = /^\p{Lu}/u;

const CONTRACTED = new Set(["he", "she", "it", "that", "there", "here", "what", "who", "where", "when", "how", "let", "everyone", "nobody", "somebody", "someone"]);

export function tokenize(doc: Doc): Token[] {
  const out: Token[] = [];
  const { text, sentences } = doc;
  let si = 0;
  let s = sentences[0];
  // One pass over the text, walking the sentences alongside (they are in order and do not overlap).
  for (const m of text.matchAll(TOKEN)) {
    const at = m.index;
    while (s && s.end <= at) s = sentences[++si];
    if (!s) break;
    if (at < s.start) continue;
    const t = m[0];
    const word = m[1] !== undefined;
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
    out.push({ text: t, norm, start: at, end: at + t.length, sentence: s.index, possessive, word, cap });
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

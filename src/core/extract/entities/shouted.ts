// Lines in capitals: a wire headline ("HARBOUR BOARD BACKS QUAY PLAN") or a dateline ("OSLO 2024-05-02",
// "TROMSO, Norway (Wire) -"). Capitals there say nothing about names, so these words are no name
// sequences of their own; a run in them is a name only when the body names it, or a gazetteer knows it
// as a place, or it opens a dateline.
import { isCommonWord } from "../../text/index.js";
import { placeKind } from "./places.js";
import type { Token } from "./tokens.js";

// A word opening with a-z has a lower-case letter: no Unicode test needed.
const allCaps = (t: Token) => !(t.text.charCodeAt(0) >= 97 && t.text.charCodeAt(0) <= 122) && /\p{Lu}/u.test(t.text) && !/\p{Ll}/u.test(t.text);

/** Sentences whose words are all in capitals, with at least one word of four letters or more. */
export function shoutedSentences(tokens: readonly Token[]): Set<number> {
  const letters = new Map<number, { caps: number; words: number; long: boolean }>();
  for (const t of tokens) {
    if (!t.word || !/\p{L}\p{L}/u.test(t.text)) continue;
    const s = letters.get(t.sentence) ?? { caps: 0, words: 0, long: false };
    s.words++;
    if (allCaps(t)) {
      s.caps++;
      if (t.text.length >= 4) s.long = true;
    }
    letters.set(t.sentence, s);
  }
  const out = new Set<number>();
  for (const [i, s] of letters) if (s.caps === s.words && s.long) out.add(i);
  return out;
}

/** "SRI LANKA" -> "Sri Lanka", "ST. LOUIS" -> "St. Louis". */
export const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s\-.'’(])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());

export interface ShoutedName {
  from: number;
  to: number;
  kind: "person" | "organization" | "place" | "single";
  name: string;
}

/**
 * A dateline's place: the run of capitals that opens a sentence and is followed by a comma, a
 * parenthesis, a dash or a date ("OSLO 2024-05-02", "NEW YORK, May 2"). Token range, or undefined.
 */
export function datelineAt(tokens: readonly Token[], i: number): [number, number] | undefined {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  if (prev && prev.sentence === t.sentence) return undefined;
  let j = i;
  while (j < tokens.length && j - i < 4 && tokens[j]!.sentence === t.sentence && (allCaps(tokens[j]!) || (tokens[j]!.text === "." && j > i))) j++;
  if (j === i || !tokens.slice(i, j).some((x) => x.word && /\p{L}{3}/u.test(x.text))) return undefined;
  const next = tokens[j];
  if (!next || next.sentence !== t.sentence) return undefined;
  if (!(next.text === "," || next.text === "(" || next.text === "-" || next.text === "—" || /^\d/.test(next.text))) return undefined;
  // A slug before a dash or a date ("SPORT - ...", "MARKET REPORT 2024") is everyday words; a place is not.
  const words = tokens.slice(i, j).filter((x) => x.word);
  const form = words.map((x) => x.text).join(" ");
  if (!placeKind(form) && words.every((x) => isCommonWord(x.text))) return undefined;
  return [i, j];
}

/** Names inside one shouted sentence: the body's names (lower-case key -> kind) and gazetteer places. */
export function shoutedNames(text: string, tokens: readonly Token[], sentence: readonly number[], known: ReadonlyMap<string, ShoutedName["kind"]>): ShoutedName[] {
  const out: ShoutedName[] = [];
  let a = 0;
  while (a < sentence.length) {
    let matched = 0;
    for (let n = Math.min(4, sentence.length - a); n >= 1 && !matched; n--) {
      const toks = sentence.slice(a, a + n).map((x) => tokens[x]!);
      if (!toks.every((t) => t.word) || toks.some((t, x) => x > 0 && t.start - toks[x - 1]!.end > 1)) continue;
      const form = text.slice(toks[0]!.start, toks[n - 1]!.end).replace(/['’]S$/, "");
      const key = form.toLowerCase();
      let kind = known.get(key);
      if (!kind) {
        const place = placeKind(form);
        if (place === "country" || (place === "city" && (n > 1 || !isCommonWord(key)))) kind = "place";
      }
      if (kind) {
        out.push({ from: sentence[a]!, to: sentence[a + n - 1]! + 1, kind, name: titleCase(form) });
        matched = n;
      }
    }
    a += matched || 1;
  }
  return out;
}

// Word-level helpers for matching questions to stored text: stop words, edit distance, fuzzy alignment.
export { tokens } from "../store/index.js";
import { editDistance } from "../core/index.js";
export { editDistance };

// Function words: they carry little meaning in a search, so they rank low and leave the index query.
export const STOP_WORDS = new Set(
  (
    "a an the and or but if of to in on at by for with from as into onto over under about than then so " +
    "is are was were be been being am do does did done have has had having will would shall should can could may might must " +
    "i me my we us our you your he him his she her it its they them their this that these those there here " +
    "not no nor what which who whom whose when where why how all any some each every very just also only too " +
    "s t"
  ).split(" "),
);

/** 1 for the same word; less for a typo or a shared stem; 0 for a different word. */
export function wordSimilarity(q: string, w: string): number {
  if (q === w) return 1;
  const len = Math.min(q.length, w.length);
  if (len >= 4 && (w.startsWith(q) || q.startsWith(w))) return 0.75;
  if (q.length >= 4) {
    const max = q.length >= 8 ? 2 : 1;
    const d = editDistance(q, w, max);
    if (d === 1) return 0.8;
    if (d === 2 && max === 2) return 0.6;
  }
  return 0;
}

export interface Alignment {
  /** Weighted share of the question's words found (0..1). */
  coverage: number;
  /** Share of the question's words found in the question's order (0..1). */
  order: number;
}

/** How well `text` holds the words of `question`, typos and dropped or extra words allowed. */
export function align(question: string[], text: string[]): Alignment {
  if (!question.length) return { coverage: 0, order: 0 };
  // Exact words by position first; the edit-distance scan only for words not found as such.
  const at = new Map<string, number[]>();
  text.forEach((w, i) => (at.get(w) ?? at.set(w, []).get(w)!).push(i));
  let got = 0, total = 0, inOrder = 0, last = -1;
  for (const q of question) {
    const weight = STOP_WORDS.has(q) ? 0.3 : 1;
    total += weight;
    let best = 0;
    let positions = at.get(q);
    if (positions) best = 1;
    else {
      positions = [];
      for (const [w, ps] of at) {
        const sim = wordSimilarity(q, w);
        if (sim > best) (best = sim), (positions = ps);
      }
    }
    got += best * weight;
    const next = positions.find((p) => p > last);
    if (best > 0 && next !== undefined) {
      inOrder++;
      last = next;
    }
  }
  return { coverage: got / total, order: inOrder / question.length };
}

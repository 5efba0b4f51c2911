// Which sentences make the summary. Each content word of the article is worth the sum, over the
// sentences that use it, of a position prior (news says what happened first): words the article
// repeats early are what it is about. Sentences are then picked greedily by the worth of the words
// they add that the summary does not have yet, per word of length, times their own position prior
// (a budgeted maximum-coverage summary in the manner of Gillick & Favre 2009 and Lin & Bilmes 2010),
// until the word budget is reached, and put back in article order.
import { contentTerms } from "../../text/terms.js";
import type { Unit } from "./units.js";

export interface SelectParams {
  maxBullets: number;
  /** Word budget for all bullets together: ROUGE F1 against ~50-word highlights peaks at 80-90 (85 tuned on half the data). */
  budget: number;
  /** A word's worth from one sentence is exp(-position / termDecay). */
  termDecay: number;
  /** A sentence's own position prior is exp(-position / unitDecay). */
  unitDecay: number;
  /** Photo captions are the editor's summary of the story: their prior is that of this position. */
  captionPosition: number;
  /** Sentences longer than this many words are not candidates (caption runs, lists). */
  maxWords: number;
  /** Sentences considered: the first N of the body. */
  window: number;
}

export const DEFAULT_SELECT = {
  maxBullets: 4,
  budget: 85,
  termDecay: 3,
  unitDecay: 4,
  captionPosition: 3,
  maxWords: 60,
  window: 20,
} as const satisfies SelectParams;

export interface Candidate {
  /** Positions of the units the bullet is made of (one, or a sentence and the one leaning on it). */
  positions: number[];
  text: string;
  caption?: boolean;
}

interface Scored extends Candidate {
  words: number;
  terms: Set<string>;
  prior: number;
}

export const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function selectBullets(units: readonly Unit[], candidates: readonly Candidate[], p: SelectParams): Candidate[] {
  const worth = new Map<string, number>();
  const seen = new Map<string, number>();
  for (const u of units) {
    // Positions count the article's sentences: captions split off a sentence do not push the rest down.
    const prior = Math.exp(-u.sentence / p.termDecay);
    for (const t of new Set(contentTerms(u.text))) {
      worth.set(t, (worth.get(t) ?? 0) + prior);
      seen.set(t, (seen.get(t) ?? 0) + 1);
    }
  }
  let pool: Scored[] = [];
  for (const c of candidates) {
    const words = wordCount(c.text);
    const first = c.positions[0]!;
    if (first >= p.window || words > p.maxWords) continue;
    // A word used once in the article says nothing about what the article is about.
    const terms = new Set(contentTerms(c.text).filter((t) => (seen.get(t) ?? 0) > 1));
    const sentence = units[first]?.sentence ?? first;
    const at = c.caption ? Math.min(sentence, p.captionPosition) : sentence;
    pool.push({ ...c, words, terms, prior: Math.exp(-at / p.unitDecay) });
  }
  const covered = new Set<string>();
  const used = new Set<number>();
  const chosen: Scored[] = [];
  let total = 0;
  while (chosen.length < p.maxBullets && pool.length > 0) {
    let best: Scored | undefined;
    let bestScore = -1;
    for (const c of pool) {
      let gain = 0;
      for (const t of c.terms) if (!covered.has(t)) gain += worth.get(t) ?? 0;
      const score = (gain / c.words) * c.prior;
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    // Stop at the budget rather than reach for a weaker sentence that fits: ROUGE prefers it.
    if (!best || (total + best.words > p.budget && chosen.length > 0)) break;
    chosen.push(best);
    total += best.words;
    for (const t of best.terms) covered.add(t);
    for (const q of best.positions) used.add(q);
    pool = pool.filter((c) => c !== best && !c.positions.some((q) => used.has(q)));
  }
  return chosen.sort((a, b) => a.positions[0]! - b.positions[0]!);
}

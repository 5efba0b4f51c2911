// The relaxation plan every store follows, so that a typo or an extra word in a question
// still finds the quote, while the common case stays an AND look-up in the index.
import { tokens } from "./rows.js";
import type { Terms } from "./types.js";

/** Terms as groups of alternative tokens; empty groups dropped. */
export function termGroups(terms: Terms): string[][] {
  const out: string[][] = [];
  for (const t of terms) {
    // A plain string may hold several words: one group each. Alternatives are single words.
    if (typeof t === "string") for (const w of tokens(t)) out.push([w]);
    else {
      const alts = [...new Set(t.flatMap((w) => tokens(w).slice(0, 1)))];
      if (alts.length) out.push(alts);
    }
  }
  return dedupe(out);
}

function dedupe(groups: string[][]): string[][] {
  const seen = new Set<string>();
  const out: string[][] = [];
  for (const g of groups) {
    const key = [...g].sort().join("|");
    if (!seen.has(key)) (seen.add(key), out.push(g));
  }
  return out;
}

export interface Stage {
  groups: string[][];
  /** How many of the query's groups the stage requires (for scoring). */
  matched: number;
  /** True for the last resort: any group matches (OR). */
  any: boolean;
}

/** All terms; then each term left out in turn; then any term. */
export function stages(groups: string[][]): Stage[] {
  const n = groups.length;
  if (n === 0) return [];
  const out: Stage[] = [{ groups, matched: n, any: false }];
  if (n >= 2) for (let i = 0; i < n; i++) out.push({ groups: groups.filter((_, j) => j !== i), matched: n - 1, any: false });
  if (n >= 3) out.push({ groups, matched: 1, any: true });
  return out;
}

/**
 * Runs the stages until `limit` hits are found (the drop-one stages run together, as they
 * rank alike). `exec` returns keys best first. Score: groups matched, then rank within the stage.
 */
export async function runStages<K>(
  groups: string[][],
  limit: number,
  exec: (stage: Stage, limit: number) => Promise<K[]>,
): Promise<Array<{ key: K; score: number }>> {
  const seen = new Map<K, number>();
  const all = stages(groups);
  for (let i = 0; i < all.length; ) {
    const level = all[i]!.matched;
    // Any-term matching is slow on a big index and weak: only when nothing better matched.
    if (all[i]!.any && seen.size > 0) break;
    const batch: Stage[] = [];
    while (i < all.length && all[i]!.matched === level) batch.push(all[i++]!);
    const results = await Promise.all(batch.map((s) => exec(s, limit)));
    for (const keys of results) {
      keys.forEach((k, rank) => {
        const score = level + 0.5 / (1 + rank);
        if ((seen.get(k) ?? -1) < score) seen.set(k, score);
      });
    }
    if (seen.size >= limit) break;
  }
  return [...seen].map(([key, score]) => ({ key, score })).sort((a, b) => b.score - a.score).slice(0, limit);
}

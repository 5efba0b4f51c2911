// A trend from the store: the question's words -> figure look-up -> one series (series.ts).
import type { BriefingStore, Terms } from "../store/index.js";
import { FIGURE_NOISE, FIGURE_SYNONYMS, TREND_NOISE } from "../ask/figure-words.js";
import { STOP_WORDS, tokens } from "../ask/words.js";
import { buildSeries } from "./series.js";
import type { TrendSeries } from "./types.js";

export interface TrendOptions {
  /** Figures fetched from the index before grouping (newest first). */
  candidates: number;
  /** Points kept, the most recent. */
  maxPoints: number;
}

export const DEFAULT_TREND_OPTIONS = { candidates: 400, maxPoints: 50 } as const satisfies TrendOptions;

/** What a trend asks about, as words with their alternatives; empty when it names nothing countable. */
export function trendWords(what: string): string[][] {
  const words = tokens(what).filter((w) => !STOP_WORDS.has(w) && !FIGURE_NOISE.has(w) && !TREND_NOISE.has(w));
  return words.map((w) => [...new Set([w, ...(FIGURE_SYNONYMS[w] ?? []), ...(w.endsWith("s") ? [] : [`${w}s`])])]);
}

/**
 * The series for `what`, within `topics` (a topic's forms, as ask/aliases gives them) when given;
 * undefined when no stored figure counts it.
 */
export async function findTrend(
  store: BriefingStore,
  what: string,
  topics: readonly string[] | undefined,
  options: Partial<TrendOptions> = {},
): Promise<TrendSeries | undefined> {
  const opts = { ...DEFAULT_TREND_OPTIONS, ...options };
  const words = trendWords(what);
  if (!words.length) return undefined;
  const terms: Terms = words;
  const hits = await store.figureSeries(terms, opts.candidates, topics?.length ? topics : undefined);
  const series = buildSeries(hits, { what: what.trim(), words, ...(topics?.length ? { topics } : {}) });
  if (series && series.series.length > opts.maxPoints) series.series = series.series.slice(-opts.maxPoints);
  return series;
}

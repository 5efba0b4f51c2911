// A figure followed across articles: what the asker answers and the chart draws.
import type { FigureKind } from "../core/index.js";
import type { ArticleMeta } from "../store/index.js";

export interface TrendPoint {
  /** The normalised value (the lower bound of a range). */
  value: number;
  /** The upper bound of a range ("between 20 and 30"). */
  valueMax?: number;
  /** "over", "nearly", "at least"... as the article wrote it; null when exact. */
  qualifier: string | null;
  /** The figure as written ("more than 9,000 people"). */
  text: string;
  /** The sentence it stands in. */
  sentence: string;
  article: ArticleMeta;
  /** The article's publication date (ISO), or when it was stored when it gives none. */
  publishedAt: string;
}

export interface TrendSeries {
  /** What the series counts, as asked ("troops at the border"). */
  what: string;
  /** The figures' unit ("troops", "people", "USD", "%"), null for bare numbers. */
  unit: string | null;
  figureKind: FigureKind;
  /** The topic the points share, when one does. */
  topic: string | null;
  /** One point per article, oldest first. */
  series: TrendPoint[];
}

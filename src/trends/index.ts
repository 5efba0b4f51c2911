export type { TrendPoint, TrendSeries } from "./types.js";
export { buildSeries } from "./series.js";
export type { SeriesQuery } from "./series.js";
export { DEFAULT_TREND_OPTIONS, findTrend, trendWords } from "./find.js";
export type { TrendOptions } from "./find.js";

export { DEFAULT_CHART_OPTIONS, trendSpec } from "./spec.js";
export type { ChartOptions } from "./spec.js";
export { DEFAULT_PNG_OPTIONS, trendPng, trendSvg } from "./png.js";
export type { Chart, PngOptions } from "./png.js";

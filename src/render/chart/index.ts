export { DEFAULT_CHART_OPTIONS, trendSpec } from "./spec.js";
export type { ChartOptions } from "./spec.js";
export { trendSvg } from "./svg.js";
export { DEFAULT_PNG_OPTIONS, trendPng } from "./png.js";
export type { Chart, PngOptions } from "./png.js";
export { DEFAULT_PNG_ENCODE_OPTIONS, encodePng } from "./encode.js";
export type { PngEncodeOptions } from "./encode.js";

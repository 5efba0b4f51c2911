// Vega SVG -> PNG: resvg draws the pixels with DejaVu Sans (./fonts.ts), node's zlib writes the PNG
// (./encode.ts).
import { Resvg } from "@resvg/resvg-js";
import type { TrendSeries } from "../../trends/index.js";
import { encodePng } from "./encode.js";
import { fontsFor } from "./fonts.js";
import type { ChartOptions } from "./spec.js";
import { trendSvg } from "./svg.js";

export interface PngOptions extends ChartOptions {
  /** Pixels per SVG unit (2 = sharp on high-density screens). */
  scale: number;
}

export const DEFAULT_PNG_OPTIONS = { scale: 1.5 } as const satisfies Partial<PngOptions>;

export interface Chart {
  png: Buffer;
  width: number;
  height: number;
  /** What the chart shows, in words (alt text). */
  alt: string;
}

/** The chart as a PNG. */
export async function trendPng(t: TrendSeries, options: Partial<PngOptions> = {}): Promise<Chart> {
  const o = { ...DEFAULT_PNG_OPTIONS, ...options };
  const svg = await trendSvg(t, o);
  const img = new Resvg(svg, { font: fontsFor(svg), fitTo: { mode: "zoom", value: o.scale }, background: "white" }).render();
  const alt = `Line chart: ${t.series.map((p) => `${p.publishedAt.slice(0, 10)} ${p.value}`).join(", ")}`;
  return { png: await encodePng(img.pixels, img.width, img.height), width: img.width, height: img.height, alt };
}

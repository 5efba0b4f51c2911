// Vega-Lite spec -> Vega -> SVG -> PNG (resvg), with the fonts of an npm package loaded by path and
// no system fonts, so the image is the same on a bare machine, a laptop and in Docker.
import { createRequire } from "node:module";
import { Resvg } from "@resvg/resvg-js";
import type { TrendSeries } from "../../trends/index.js";
import { trendSpec, type ChartOptions } from "./spec.js";

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

const requireHere = createRequire(__filename);
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => requireHere.resolve(`dejavu-fonts-ttf/ttf/${f}`));

// vega and vega-lite are ES modules (vega-canvas awaits an optional `canvas` at load): imported
// once, on the first chart, not at start-up.
type Libs = { vega: typeof import("vega"); vegaLite: typeof import("vega-lite") };
let libs: Promise<Libs> | undefined;
const load = (): Promise<Libs> => (libs ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vegaLite]) => ({ vega, vegaLite })));

/** The chart's SVG (vega's own renderer, no canvas: text is measured by its estimates, the same everywhere). */
export async function trendSvg(t: TrendSeries, options: Partial<ChartOptions> = {}): Promise<string> {
  const { vega, vegaLite } = await load();
  const spec = vegaLite.compile(trendSpec(t, options) as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
  const view = new vega.View(vega.parse(spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as a PNG. */
export async function trendPng(t: TrendSeries, options: Partial<PngOptions> = {}): Promise<Chart> {
  const o = { ...DEFAULT_PNG_OPTIONS, ...options };
  const svg = await trendSvg(t, o);
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
    fitTo: { mode: "zoom", value: o.scale },
    background: "white",
  });
  const img = resvg.render();
  const alt = `Line chart: ${t.series.map((p) => `${p.publishedAt.slice(0, 10)} ${p.value}`).join(", ")}`;
  return { png: img.asPng(), width: img.width, height: img.height, alt };
}

// A trend as a Vega-Lite chart: dates on x, the unit on y, each point labelled with its value
// (qualifier kept: "more than 9,000") and its outlet. Pure: data in, spec out.
import type { TrendSeries } from "../../trends/index.js";
import { pointDate, pointSource, pointValue, trendTitle } from "../trend-text.js";

export interface ChartOptions {
  width: number;
  height: number;
  /** "line" joins the points; "step" holds each value until the next article. */
  shape: "line" | "step";
  font: string;
  /** Up to this many points every point is labelled; past it only the first, last, lowest and highest. */
  labelAll: number;
}

export const DEFAULT_CHART_OPTIONS = { width: 720, height: 360, shape: "line", font: "DejaVu Sans", labelAll: 12 } as const satisfies ChartOptions;

const DAY = 86_400_000;
const PCT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0, signDisplay: "always" });

/** "3 articles, 2026-12-01 to 2026-12-03, +381%": short enough for one line under the title. */
function subtitle(t: TrendSeries): string {
  const first = t.series[0]!;
  const last = t.series.at(-1)!;
  const change = first.value ? `, ${PCT.format(((last.value - first.value) / first.value) * 100)}%` : "";
  return `${t.series.length} articles, ${pointDate(first)} to ${pointDate(last)}${change}`;
}

const AXIS_TITLE: Partial<Record<string, string>> = { percent: "%", money: "" };

/** The Vega-Lite spec (a plain object, so it serialises to the docs as it is). */
export function trendSpec(t: TrendSeries, options: Partial<ChartOptions> = {}): Record<string, unknown> {
  const o = { ...DEFAULT_CHART_OPTIONS, ...options };
  // Fifty labels overlap into a smudge (and each costs the rasteriser a text layout): key points only.
  const vals = t.series.map((p) => p.value);
  const keyPoints = new Set([0, t.series.length - 1, vals.indexOf(Math.min(...vals)), vals.indexOf(Math.max(...vals))]);
  const values = t.series.map((p, i) => ({
    labelled: t.series.length <= o.labelAll || keyPoints.has(i),
    date: p.publishedAt,
    value: p.value,
    label: pointValue(p),
    source: pointSource(p),
    title: p.article.title,
  }));
  const yTitle = t.figureKind === "money" ? (t.unit ?? "amount") : (AXIS_TITLE[t.figureKind] ?? t.unit ?? "value");
  const times = t.series.map((p) => Date.parse(p.publishedAt)).filter(Number.isFinite);
  const spanDays = times.length ? (Math.max(...times) - Math.min(...times)) / DAY : 0;
  // Within two weeks, one tick a day (vega would otherwise tick every 12 hours and print each date twice).
  const tickCount = spanDays <= 14 ? { interval: "day", step: Math.max(1, Math.ceil(spanDays / 7)) } : 8;
  const x = { field: "date", type: "temporal", title: null, scale: { padding: 48 }, axis: { format: "%d %b %Y", labelAngle: 0, tickCount, grid: false } };
  const big = Math.max(...t.series.map((p) => Math.abs(p.value))) >= 1e6;
  const y = { field: "value", type: "quantitative", title: yTitle, scale: { zero: true, nice: true }, axis: { format: big ? "~s" : ",~r" } };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: o.width,
    height: o.height,
    padding: 16,
    background: "white",
    title: { text: trendTitle(t), subtitle: subtitle(t), limit: o.width, anchor: "start", fontSize: 16, subtitleFontSize: 11, subtitleColor: "#555" },
    data: { values },
    encoding: { x, y },
    layer: [
      { mark: { type: "line", interpolate: o.shape === "step" ? "step-after" : "linear", color: "#2563eb", strokeWidth: 2.5 } },
      { mark: { type: "point", filled: true, size: 70, color: "#2563eb" } },
      // Two lines per point: the value as written, then the outlet.
      { transform: [{ filter: "datum.labelled" }], mark: { type: "text", dy: -22, fontSize: 12, fontWeight: "bold", color: "#111" }, encoding: { text: { field: "label" } } },
      { transform: [{ filter: "datum.labelled" }], mark: { type: "text", dy: -9, fontSize: 10, color: "#555" }, encoding: { text: { field: "source" } } },
    ],
    config: { font: o.font, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } },
  };
}

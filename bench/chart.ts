// npm run bench -- chart [--points N] [--runs N]: rendering a trend chart (vega-lite -> vega SVG ->
// resvg PNG) for an invented N-point series (50): p50 / p99 ms per chart, PNG size and dimensions.
import { loadavg } from "node:os";
import { trendPng, trendSvg } from "../src/render/chart/index.js";
import type { TrendSeries } from "../src/trends/index.js";
import { fmt, percentile } from "./stats.js";

export function series(points: number): TrendSeries {
  const outlets = ["Valley Courier", "Northern Ledger", "Radio Tessel", "The Morning Wire"];
  return {
    what: "evacuees", unit: "people", figureKind: "count", topic: "wildfire",
    series: Array.from({ length: points }, (_, i) => ({
      value: Math.round(1000 + i * 240 + Math.sin(i) * 400), qualifier: i % 6 === 0 ? "more than" : null, text: "", sentence: "",
      article: { id: `a${i}`, title: `Invented article ${i}`, publisher: outlets[i % outlets.length]! },
      publishedAt: new Date(Date.UTC(2026, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10),
    })),
  };
}

export async function chartBench(args: string[]): Promise<void> {
  const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const points = Number(opt("--points", "50"));
  const runs = Number(opt("--runs", "100"));
  const t = series(points);
  const c0 = performance.now();
  await trendPng(t); // loads vega and vega-lite (ES modules, imported on the first chart)
  console.log(`chart: first chart ${fmt(performance.now() - c0, 0)} ms (loads vega, vega-lite and the fonts)`);
  const svgMs: number[] = [], pngMs: number[] = [];
  let last = await trendPng(t);
  for (let i = 0; i < runs; i++) {
    const s0 = performance.now();
    await trendSvg(t);
    svgMs.push(performance.now() - s0);
    const p0 = performance.now();
    last = await trendPng(t);
    pngMs.push(performance.now() - p0);
  }
  svgMs.sort((a, b) => a - b);
  pngMs.sort((a, b) => a - b);
  console.log(`chart: ${points}-point series, ${runs} runs: PNG p50 ${fmt(percentile(pngMs, 50))} ms p99 ${fmt(percentile(pngMs, 99))} ms (goal <= 150); SVG alone p50 ${fmt(percentile(svgMs, 50))} ms p99 ${fmt(percentile(svgMs, 99))} ms`);
  console.log(`chart: ${last.width}×${last.height} PNG, ${fmt(last.png.length / 1024, 1)} KB; load average ${loadavg().map((x) => fmt(x, 1)).join(" ")}`);
}

// npm run bench -- chart [--points N] [--runs N]: rendering a trend chart (vega-lite -> vega SVG ->
// resvg PNG) for an invented N-point series (50): p50 / p99 ms per chart, PNG size and dimensions.
// Each run draws a different series (values shifted, other title), so no cache sees the same chart
// twice; the last line is a chart whose layout (here its height) has not been compiled yet.
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
  // Run i: the same dates and outlets, other values and words (what a new article does to a trend).
  const nth = (i: number): TrendSeries => ({ ...t, what: `evacuees ${i}`, series: t.series.map((p) => ({ ...p, value: p.value + i })) });
  const c0 = performance.now();
  await trendPng(t); // loads vega and vega-lite (ES modules, imported on the first chart)
  console.log(`chart: first chart ${fmt(performance.now() - c0, 0)} ms (loads vega, vega-lite and the fonts)`);
  const svgMs: number[] = [], pngMs: number[] = [], cpuMs: number[] = [];
  let last = await trendPng(t);
  for (let i = 0; i < runs; i++) {
    const s0 = performance.now();
    await trendSvg(nth(i));
    svgMs.push(performance.now() - s0);
    const p0 = performance.now();
    const c0 = process.cpuUsage();
    last = await trendPng(nth(i));
    pngMs.push(performance.now() - p0);
    // CPU time of the whole process (zlib's thread included): steadier than wall time on a busy machine.
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const freshMs: number[] = [];
  for (let i = 0; i < Math.min(runs, 20); i++) {
    const f0 = performance.now();
    await trendPng(nth(i), { height: 361 + i });
    freshMs.push(performance.now() - f0);
  }
  freshMs.sort((a, b) => a - b);
  svgMs.sort((a, b) => a - b);
  pngMs.sort((a, b) => a - b);
  cpuMs.sort((a, b) => a - b);
  console.log(`chart: ${points}-point series, ${runs} runs: PNG p50 ${fmt(percentile(pngMs, 50))} ms p99 ${fmt(percentile(pngMs, 99))} ms (goal <= 150), CPU p50 ${fmt(percentile(cpuMs, 50))} ms; SVG alone p50 ${fmt(percentile(svgMs, 50))} ms p99 ${fmt(percentile(svgMs, 99))} ms`);
  console.log(`chart: a layout not seen before (compiled on the spot), ${freshMs.length} runs: PNG p50 ${fmt(percentile(freshMs, 50))} ms p99 ${fmt(percentile(freshMs, 99))} ms`);
  console.log(`chart: ${last.width}×${last.height} PNG, ${fmt(last.png.length / 1024, 1)} KB; load average ${loadavg().map((x) => fmt(x, 1)).join(" ")}`);
}

// The trend chart: a real PNG from vega-lite -> vega -> SVG -> resvg, over the sample articles.
import { createAsker, type Answer } from "../../src/ask/index.js";
import { trendPng, trendSpec, trendSvg } from "../../src/render/chart/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import type { TrendSeries } from "../../src/trends/index.js";
import { putSamples } from "../trends/samples.js";
import { pngSize } from "../helpers/png.js";

let trend: TrendSeries;
beforeAll(async () => {
  const store = createMemoryStore();
  await putSamples(store);
  const a: Answer = await createAsker(store).ask("/trend evacuees");
  if (a.kind !== "trend") throw new Error(`expected a trend, got ${a.kind}`);
  trend = a;
});

test("the spec: dates on x, the unit on y, labels with qualifier and outlet", () => {
  const spec = trendSpec(trend) as { data: { values: Array<Record<string, unknown>> }; encoding: { y: { title: string }; x: { type: string } } };
  expect(spec.encoding.x.type).toBe("temporal");
  expect(spec.encoding.y.title).toBe("people");
  expect(spec.data.values[1]).toMatchObject({ date: "2026-12-02", value: 9000, label: "more than 9,000", source: "Northern Ledger" });
});

test("the SVG carries the labels as text", async () => {
  const svg = await trendSvg(trend);
  for (const s of ["more than 9,000", "Northern Ledger", "15,400", "Radio Tessel", "people"]) expect(svg).toContain(s);
});

test("a PNG within the platforms' upload limits, the size asked for", async () => {
  const chart = await trendPng(trend, { scale: 1 });
  const size = pngSize(chart.png);
  expect(size).toEqual({ width: chart.width, height: chart.height });
  expect(size.width).toBeGreaterThanOrEqual(720);
  expect(size.height).toBeGreaterThanOrEqual(360);
  // Discord's smallest upload limit is 10 MiB; a chart is tens of kilobytes.
  expect(chart.png.length).toBeGreaterThan(5_000);
  expect(chart.png.length).toBeLessThan(1_000_000);
  expect(chart.alt).toContain("2026-12-02 9000");
  const step = await trendPng(trend, { scale: 2, shape: "step" });
  expect(pngSize(step.png).width).toBe(size.width * 2);
  // Fonts come from the package, not the machine: the same series gives the same bytes.
  expect((await trendPng(trend, { scale: 1 })).png.equals(chart.png)).toBe(true);
});

// The trend chart: a real PNG from vega-lite -> vega -> SVG -> resvg, over the sample articles.
import { createAsker, type Answer } from "../../src/ask/index.js";
import { Resvg } from "@resvg/resvg-js";
import { encodePng, trendPng, trendSpec, trendSvg } from "../../src/render/chart/index.js";
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

// The same trend told differently: other texts (quotes and an ampersand in the y title), other values.
function variant(t: TrendSeries, what: string, unit: string, scale: number): TrendSeries {
  return { ...t, what, unit, series: t.series.map((p) => ({ ...p, value: Math.round(p.value * scale) })) };
}

// A PNG read back by resvg's own decoder (an <image> the size of the PNG): its pixels, as resvg keeps them.
function decode(png: Buffer, width: number, height: number): Buffer {
  const href = `data:image/png;base64,${png.toString("base64")}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

test("the cached layout draws the same SVG as compiling the whole spec each time", async () => {
  const vega = await import("vega");
  const vegaLite = await import("vega-lite");
  const whole = async (t: TrendSeries): Promise<string> => {
    const spec = vegaLite.compile(trendSpec(t) as unknown as Parameters<typeof vegaLite.compile>[0]).spec;
    const view = new vega.View(vega.parse(spec), { renderer: "none" });
    try {
      return await view.toSVG();
    } finally {
      view.finalize();
    }
  };
  // The second and third reuse the first's compiled layout with their own data and texts.
  for (const t of [trend, variant(trend, "homes lost", 'homes "razed" & burnt', 0.5), variant(trend, "evacués", "personnes", 3)]) {
    const svg = await trendSvg(t);
    expect(svg).toBe(await whole(t));
    expect(svg).toContain(t.unit!.replace("&", "&amp;").replace(/"/g, "&quot;"));
  }
});

test("the PNG holds the pixels resvg draws with the full fonts, Latin or not", async () => {
  const full = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
  // The second has Cyrillic in its title and outlet: the subset lacks it, so the full fonts draw it.
  const cyrillic: TrendSeries = { ...variant(trend, "евакуйовані", "people", 1), series: trend.series.map((p) => ({ ...p, article: { ...p.article, publisher: "Київ Пост" } })) };
  for (const t of [trend, cyrillic]) {
    const chart = await trendPng(t, { scale: 1 });
    const font = { loadSystemFonts: false, fontFiles: full, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" };
    const drawn = new Resvg(await trendSvg(t), { font, fitTo: { mode: "zoom", value: 1 }, background: "white" }).render();
    expect(decode(chart.png, chart.width, chart.height).equals(drawn.pixels)).toBe(true);
  }
});

test("encodePng keeps transparency (demultiplied) and refuses pixels of the wrong size", async () => {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect x="5" y="5" width="20" height="10" fill="#2563eb" fill-opacity="0.5"/><circle cx="30" cy="20" r="8" fill="red"/></svg>`;
  const img = new Resvg(svg).render();
  const png = await encodePng(img.pixels, img.width, img.height);
  expect(png[25]).toBe(6); // IHDR colour type: RGBA, as some pixels are not opaque
  expect(decode(png, 40, 30).equals(decode(img.asPng(), 40, 30))).toBe(true);
  await expect(encodePng(img.pixels, 41, 30)).rejects.toThrow(RangeError);
});

// buildSeries on invented figures: what is counted, units kept apart, one point per article, topics shared.
import type { Figure } from "../../src/core/index.js";
import type { SeriesHit } from "../../src/store/index.js";
import { buildSeries, trendWords } from "../../src/trends/index.js";

let n = 0;
function hit(day: number, text: string, value: number, unit: string | null, opts: Partial<Figure> & { topics?: string[]; article?: string; publisher?: string } = {}): SeriesHit {
  const { topics = ["wildfire"], article = `a${day}`, publisher = `Outlet ${day}`, ...fig } = opts;
  const sentence = fig.sentence ?? `By then ${text} had been counted.`;
  const figure: Figure = { text, start: n++, end: 0, value, kind: "count", unit, qualifier: null, about: unit, sentence, ...fig };
  const publishedAt = `2026-12-0${day}`;
  return { article: { id: article, title: `Story ${article}`, publisher, publishedAt }, figure, score: 1, topics, time: Date.parse(publishedAt) };
}

const query = (what: string, topics?: string[]) => ({ what, words: trendWords(what), ...(topics ? { topics } : {}) });

test("one point per article, oldest first, with value, qualifier and source", () => {
  const s = buildSeries(
    [
      hit(3, "15,400 people", 15400, "people"),
      hit(1, "3,200 people", 3200, "people"),
      hit(2, "more than 9,000 people", 9000, "people", { qualifier: "more than" }),
      hit(2, "11,000 homes", 11000, "homes"),
    ],
    query("people evacuated"),
  );
  expect(s?.unit).toBe("people");
  expect(s?.topic).toBe("wildfire");
  expect(s?.series.map((p) => [p.publishedAt, p.value, p.qualifier, p.article.publisher])).toEqual([
    ["2026-12-01", 3200, null, "Outlet 1"],
    ["2026-12-02", 9000, "more than", "Outlet 2"],
    ["2026-12-03", 15400, null, "Outlet 3"],
  ]);
});

test("figures of different units or kinds never share a series", () => {
  const s = buildSeries(
    [
      hit(1, "120 troops", 120, "troops"),
      hit(2, "300 troops", 300, "troops"),
      hit(3, "5% of the troops", 5, "%", { kind: "percent", about: "troops" }),
      hit(3, "400 troops", 400, "troops", { article: "a3b" }),
    ],
    query("troops"),
  );
  expect(s?.figureKind).toBe("count");
  expect(s?.series.map((p) => p.value)).toEqual([120, 300, 400]);
});

test("the words asked must name what is counted; years and ranks are left out", () => {
  expect(buildSeries([hit(1, "40 hectares", 40, "hectares"), hit(2, "2026", 2026, null, { kind: "year" })], query("evacuees"))).toBeUndefined();
  expect(buildSeries([hit(1, "3 shelters", 3, "shelters")], query("troop count"))).toBeUndefined();
});

test("a bare number is named by the words just before it", () => {
  const s = buildSeries(
    [
      hit(1, "9", 9, null, { kind: "number", sentence: "The death toll stood at 9 on Monday." }),
      hit(2, "14", 14, null, { kind: "number", sentence: "The death toll rose to 14, officials said." }),
      hit(2, "30", 30, null, { kind: "number", sentence: "Roads in 30 villages were shut." }),
    ],
    query("death toll"),
  );
  expect(s?.series.map((p) => p.value)).toEqual([9, 14]);
});

test("points share a topic: the one asked for, or the one most articles carry", () => {
  const hits = [
    hit(1, "3,200 people", 3200, "people"),
    hit(2, "9,000 people", 9000, "people"),
    hit(3, "70,000 people", 70000, "people", { topics: ["stadium"] }),
  ];
  expect(buildSeries(hits, query("people"))?.series.map((p) => p.value)).toEqual([3200, 9000]);
  const stadium = buildSeries(hits, query("people", ["stadium"]));
  expect(stadium?.topic).toBe("stadium");
  expect(stadium?.series.map((p) => p.value)).toEqual([70000]);
});

// Trends through the real asker over the sample articles: the wildfire's evacuees over three days.
import { createAsker, type Answer } from "../../src/ask/index.js";
import { answerToText } from "../../src/render/index.js";
import { createMemoryStore, openSqliteStore, type BriefingStore } from "../../src/store/index.js";
import { putSamples } from "./samples.js";

function only<K extends Answer["kind"]>(a: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(a.kind).toBe(kind);
  return a as Extract<Answer, { kind: K }>;
}

describe.each([
  ["memory", () => createMemoryStore()],
  ["sqlite", () => openSqliteStore(":memory:")],
])("trends over the samples (%s)", (_name, make: () => BriefingStore) => {
  let store: BriefingStore;
  beforeAll(async () => {
    store = make();
    await putSamples(store);
  });
  afterAll(() => store.close());

  test.each(["/trend evacuees", "trend people evacuated in wildfire", "how has the number of evacuees changed?", "evacuees over time"])("%s", async (q) => {
    const a = only(await createAsker(store).ask(q), "trend");
    expect(a.unit).toBe("people");
    expect(a.figureKind).toBe("count");
    // A topic every point's card shares (the event's word or its place, as the cards' topics rank them).
    expect(["wildfire", "tessel"]).toContain(a.topic);
    expect(a.series.map((p) => [p.publishedAt, p.value, p.qualifier, p.article.publisher])).toEqual([
      ["2026-12-01", 3200, null, "Valley Courier"],
      ["2026-12-02", 9000, "more than", "Northern Ledger"],
      ["2026-12-03", 15400, null, "Radio Tessel"],
    ]);
  });

  test("ask --json shape: kind, what, unit, series of value, text, article, publishedAt", async () => {
    const a = JSON.parse(JSON.stringify(await createAsker(store).ask("/trend evacuees"))) as Record<string, unknown>;
    expect(Object.keys(a).slice(0, 3)).toEqual(["kind", "what", "unit"]);
    const p = (a.series as Array<Record<string, unknown>>)[1]!;
    expect(p).toMatchObject({ value: 9000, text: "More than 9,000 people", publishedAt: "2026-12-02" });
    expect(p.article).toMatchObject({ title: "Tessel hills wildfire doubles in size as evacuations widen", publisher: "Northern Ledger" });
  });

  test("the text answer has a sparkline and a table row per article", async () => {
    const text = answerToText(await createAsker(store).ask("/trend evacuees"));
    expect(text).toContain("from 3,200 on 2026-12-01 to 15,400 on 2026-12-03 (+381.25%), in 3 articles");
    expect(text).toContain("▁▄█");
    expect(text).toMatch(/2026-12-02 +more than 9,000 +Northern Ledger +Tessel hills wildfire doubles/);
  });

  test("a series with one point says so instead of charting", async () => {
    const a = only(await createAsker(store).ask("/trend hectares in wildfire"), "trend");
    expect(a.series.length).toBe(3);
    const one = only(await createAsker(store).ask("/trend homes in wildfire"), "trend");
    expect(one.series.map((p) => p.value)).toEqual([11000]);
    expect(answerToText(one)).toMatch(/^Only one article gives homes in [a-z]+: about 11,000 \(Northern Ledger, 2026-12-02\)/);
  });

  test("nothing counted gives near topics", async () => {
    const a = only(await createAsker(store).ask("/trend giraffes in wildfre"), "not_found");
    expect(a.intent).toBe("trend");
    expect(a.suggestions).toContain("wildfire");
    const b = only(await createAsker(store).ask("/trend submarines"), "not_found");
    expect([...b.suggestions, ...(b.known ?? [])].length).toBeGreaterThan(0);
  });
});

// The contract every BriefingStore keeps: run by memory, sqlite and postgres tests.
import type { Article } from "../../src/core/index.js";
import type { BriefingStore } from "../../src/store/index.js";
import { peopleContract } from "./people-contract.js";
import { card, HARBOUR, HARBOUR_CARD, ORCHARD, ORCHARD_CARD, quote } from "./samples.js";

const T0 = Date.UTC(2026, 4, 1);

export function storeContract(make: () => Promise<BriefingStore>): void {
  let store: BriefingStore;
  beforeEach(async () => {
    store = await make();
  });
  afterEach(async () => {
    await store.close();
  });

  describe("person index", () => peopleContract(() => store));

  test("stores an article and gives its card back", async () => {
    const c = HARBOUR_CARD();
    const r = await store.put(HARBOUR, c, T0);
    expect(r).toEqual({ id: c.id, status: "ingested" });
    const got = await store.get(c.id);
    expect(got?.card).toEqual(c);
    expect(got?.url).toBe("https://news.example.org/coast/harbour-wall");
    expect(got?.ingestedAt).toBe(T0);
    expect(await store.count()).toBe(1);
    expect(await store.get("nope")).toBeUndefined();
  });

  test("the same article twice is stored once, by URL or by normalised text", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    expect((await store.put(HARBOUR, HARBOUR_CARD(), T0 + 1)).status).toBe("unchanged");
    const respaced = { ...HARBOUR, url: undefined, text: HARBOUR.text.replace(/ /g, "  ").replace(/"/g, "“") };
    delete respaced.url;
    expect((await store.put(respaced, card(respaced), T0 + 2)).status).toBe("unchanged");
    const tracked = { ...HARBOUR, url: "https://NEWS.example.org/coast/harbour-wall/?utm_medium=x" };
    expect((await store.put(tracked, HARBOUR_CARD(), T0 + 3)).status).toBe("unchanged");
    expect(await store.count()).toBe(1);
  });

  test("putMany stores a batch in one go, deduplicating inside it", async () => {
    const c = HARBOUR_CARD();
    const r = await store.putMany(
      [
        { article: HARBOUR, card: c },
        { article: HARBOUR, card: c },
        { article: ORCHARD, card: ORCHARD_CARD() },
      ],
      T0,
    );
    expect(r.map((x) => x.status)).toEqual(["ingested", "unchanged", "ingested"]);
    expect(await store.count()).toBe(2);
    expect(await store.putMany([], T0)).toEqual([]);
  });

  test("an updated article replaces its card and keeps its id", async () => {
    const first = await store.put(HARBOUR, HARBOUR_CARD(), T0);
    const text = HARBOUR.text + "\n\nWork starts in June.";
    const updated = { ...HARBOUR, text };
    const c2 = card(updated, { topics: ["port merrow", "construction"], quotes: [quote("The tide does not wait for committees", "Lena Okafor")] });
    const r = await store.put(updated, c2, T0 + 10);
    expect(r).toEqual({ id: first.id, status: "updated" });
    expect(await store.count()).toBe(1);
    expect((await store.get(first.id))?.card.quotes[0]?.text).toBe("The tide does not wait for committees");
    expect(await store.searchQuotes(["sandbag", "doors"], 5)).toEqual([]);
    expect((await store.searchQuotes(["tide", "committees"], 5))[0]?.article.id).toBe(first.id);
    const topics = await store.topics(10);
    expect(topics.find((t) => t.topic === "flooding")).toBeUndefined();
    expect(topics.find((t) => t.topic === "construction")).toEqual({ topic: "construction", count: 1 });
  });

  test("byTopic: any of the topics, most recent first, limited", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0);
    expect((await store.byTopic(["coast"], 10)).map((a) => a.card.title)).toEqual([ORCHARD.title, HARBOUR.title]);
    expect((await store.byTopic(["flooding", "farming"], 10)).map((a) => a.card.title)).toEqual([ORCHARD.title, HARBOUR.title]);
    expect((await store.byTopic(["Coast"], 1)).map((a) => a.card.title)).toEqual([ORCHARD.title]);
    expect(await store.byTopic(["mars"], 10)).toEqual([]);
  });

  test("topics: counts, most cards first, prefix filter", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0);
    const all = await store.topics(10);
    expect(all[0]).toEqual({ topic: "coast", count: 2 });
    expect(all).toHaveLength(5);
    expect(await store.topics(10, "f")).toEqual([
      { topic: "farming", count: 1 },
      { topic: "flooding", count: 1 },
    ]);
    expect(await store.topics(1)).toEqual([{ topic: "coast", count: 2 }]);
  });

  test("searchQuotes: exact words, a typo, a dropped or extra word", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0);
    const top = async (words: string) => (await store.searchQuotes([words], 5))[0];
    const exact = await top("ask families to sandbag their doors");
    expect(exact?.quote.speaker?.name).toBe("Lena Okafor");
    expect(exact?.article).toMatchObject({ title: HARBOUR.title, url: "https://news.example.org/coast/harbour-wall", publishedAt: HARBOUR.publishedAt });
    expect((await top("remembers a frsot this hard"))?.quote.speaker?.name).toBe("Tomas Reyes");
    expect((await top("nobody remembers frost this hard in"))?.quote.speaker?.name).toBe("Tomas Reyes");
    expect((await top("honestly nobody here remembers a frost"))?.quote.speaker?.name).toBe("Tomas Reyes");
    const both = await store.searchQuotes(["frost", "families"], 5);
    expect(both.map((h) => h.quote.speaker?.name).sort()).toEqual(["Lena Okafor", "Tomas Reyes"]);
    expect(await store.searchQuotes(["zebra", "quantum"], 5)).toEqual([]);
  });

  test("searchFigures: words and alternatives", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0);
    const hits = await store.searchFigures([["jobs", "employment"], "harvest"], 5);
    expect(hits[0]?.figure.value).toBe(1800);
    expect(hits[0]?.article.title).toBe(ORCHARD.title);
    expect((await store.searchFigures([["workers", "builders"]], 5))[0]?.figure.value).toBe(130);
  });

  test("figureSeries: figures with their article's topics and time, restricted to topics when given", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0 + 5);
    const all = await store.figureSeries([["jobs", "builders"]], 10);
    expect(all.map((h) => h.figure.value).sort()).toEqual([130, 1800]);
    const orchard = all.find((h) => h.figure.value === 1800)!;
    expect(orchard.topics).toEqual(["farming", "vell valley", "coast"]);
    expect(orchard.time).toBe(Date.parse(ORCHARD.publishedAt!));
    expect(orchard.article).toMatchObject({ title: ORCHARD.title, publishedAt: ORCHARD.publishedAt });
    const farming = await store.figureSeries([["jobs", "builders"]], 10, ["Farming"]);
    expect(farming.map((h) => h.figure.value)).toEqual([1800]);
    expect((await store.figureSeries([["jobs", "builders"]], 10, ["coast", "port merrow"])).length).toBe(2);
    expect(await store.figureSeries([["jobs", "builders"]], 10, ["volcanoes"])).toEqual([]);
    expect(await store.figureSeries(["zebra"], 10)).toEqual([]);
  });

  test("searchArticles: title, summary and topic words", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0);
    expect((await store.searchArticles(["sea", "wall"], 5))[0]?.article.card.title).toBe(HARBOUR.title);
    expect((await store.searchArticles([["apple", "pear"]], 5)).map((h) => h.article.card.title)).toEqual([ORCHARD.title]);
    expect(await store.searchArticles(["volcano"], 5)).toEqual([]);
  });

  test("since: stored after a time, most recent first", async () => {
    await store.put(HARBOUR, HARBOUR_CARD(), T0);
    await store.put(ORCHARD, ORCHARD_CARD(), T0 + 1000);
    expect((await store.since(T0, 10)).map((a) => a.card.title)).toEqual([ORCHARD.title]);
    expect((await store.since(0, 10)).map((a) => a.card.title)).toEqual([ORCHARD.title, HARBOUR.title]);
  });

  test("since: a window bounded at both ends, newest first, paged; later cards take no room", async () => {
    // 30 articles before the slot, then 620 after it (a backlog ingested while a digest was late).
    const article = (i: number): Article => ({ title: `Ferry timetable notice ${i}`, text: `Ferry timetable notice ${i}\n\nThe ferry number ${i} leaves the quay at a new hour.` });
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, k) => ({ article: article(from + k), card: card(article(from + k)) }));
    const slot = T0 + 10_000;
    for (let i = 0; i < 30; i++) await store.putMany(batch(i, 1), T0 + i * 100);
    await store.putMany(batch(1000, 620), slot + 1);
    const window = await store.since(T0 - 1, 500, { until: slot });
    expect(window.map((a) => a.card.title)).toEqual(Array.from({ length: 30 }, (_, k) => `Ferry timetable notice ${29 - k}`));
    expect((await store.since(T0 + 500, 500, { until: slot })).length).toBe(24);
    // Paging over ties (one putMany, one time): each card once, later stored first.
    const pages = [0, 1, 2].map((p) => store.since(slot, 250, { until: slot + 1, offset: p * 250 }));
    const titles = (await Promise.all(pages)).flat().map((a) => a.card.title);
    expect(titles).toHaveLength(620);
    expect(new Set(titles).size).toBe(620);
    expect(titles[0]).toBe("Ferry timetable notice 1619");
    expect((await store.since(T0 - 1, 1000)).length).toBe(650);
  }, 120_000); // 650 articles: slow on PostgreSQL when the machine is loaded
}

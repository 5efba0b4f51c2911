import { createMatcher, createPersonAnswers, type PersonRef } from "../../src/people/index.js";
import type { BriefingStore } from "../../src/store/index.js";
import { peopleStore } from "./samples.js";

let store: BriefingStore;
beforeAll(async () => {
  store = await peopleStore();
});
afterAll(() => store.close());

async function find(typed: string): Promise<PersonRef> {
  const m = await createMatcher(store).match(typed);
  if (m.kind !== "found") throw new Error(`${typed}: ${m.kind}`);
  return m.person;
}

describe("a person's quotes across articles", () => {
  test("newest first, grouped by article, each with its date and role", async () => {
    const groups = await createPersonAnswers(store).quotes(await find("Brandvold"));
    expect(groups.map((g) => [g.article.title, g.date, g.role, g.quotes.map((q) => q.text)])).toEqual([
      ["Ferry operator orders a second boat", "2026-10-13T09:00:00Z", null, ["A second boat means no islander waits a day for a crossing"]],
      ["Ferry crossings resume after the storm", "2026-10-12T09:00:00Z", null, ["We sail at six if the wind holds", "Passengers should bring warm coats"]],
      ["Island ferry turns back in a storm", "2026-10-11T09:00:00Z", "ferry captain", ["The swell was over four metres at the harbour mouth"]],
    ]);
    expect(groups[0]!.article.url).toBe("https://news.example.org/ferry/3");
  });

  test("about narrows by words in the quote or the article's title; a limit over all articles", async () => {
    const ferry = await find("Ottilie Brandvold");
    const about = async (w: string) => (await createPersonAnswers(store).quotes(ferry, w)).flatMap((g) => g.quotes.map((q) => q.text));
    expect(await about("the wind")).toEqual(["We sail at six if the wind holds"]);
    expect(await about("storm")).toEqual(["We sail at six if the wind holds", "Passengers should bring warm coats", "The swell was over four metres at the harbour mouth"]);
    expect(await about("boats")).toEqual(["A second boat means no islander waits a day for a crossing"]);
    expect(await about("volcano")).toEqual([]);
    const two = await createPersonAnswers(store, { maxQuotes: 2 }).quotes(ferry);
    expect(two.flatMap((g) => g.quotes)).toHaveLength(2);
    // Paging through the index a page at a time finds the same.
    const paged = await createPersonAnswers(store, { page: 1 }).quotes(ferry);
    expect(paged.flatMap((g) => g.quotes)).toHaveLength(4);
  });
});

describe("a person card", () => {
  test("roles, organisations, counts, first and last seen, topics, three most recent quotes", async () => {
    const card = await createPersonAnswers(store).card(await find("Ottilie Brandvold"));
    expect(card).toMatchObject({
      person: { name: "Ottilie Brandvold", keys: ["ottilie brandvold", "brandvold"] },
      roles: [{ role: "ferry captain", count: 1 }],
      organisations: ["Skerry Lines"],
      topics: ["ferries", "shipping", "storms"],
      quotes: 4,
      articles: 3,
      firstSeen: "2026-10-11T09:00:00.000Z",
      lastSeen: "2026-10-13T09:00:00.000Z",
    });
    expect(card.recent.map((r) => [r.quote.text, r.article.title])).toEqual([
      ["A second boat means no islander waits a day for a crossing", "Ferry operator orders a second boat"],
      ["We sail at six if the wind holds", "Ferry crossings resume after the storm"],
      ["Passengers should bring warm coats", "Ferry crossings resume after the storm"],
    ]);
  });
});

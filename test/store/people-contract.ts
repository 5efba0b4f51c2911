// The person index every BriefingStore keeps (issue 13): part of the store contract.
import type { BriefingStore } from "../../src/store/index.js";
import { LOCK_1, LOCK_1_CARD, LOCK_2, LOCK_2_CARD, LOCK_3, LOCK_3_CARD, said } from "./people-samples.js";
import { card } from "./samples.js";

const T0 = Date.UTC(2026, 8, 10);
const DAY = (d: number) => Date.parse(`2026-09-0${d}T07:00:00Z`);

export function peopleContract(store: () => BriefingStore): void {
  const putAll = async () => {
    await store().put(LOCK_1, LOCK_1_CARD(), T0);
    await store().putMany(
      [
        { article: LOCK_3, card: LOCK_3_CARD() },
        { article: LOCK_2, card: LOCK_2_CARD() },
      ],
      T0 + 1,
    );
  };

  test("people: found by a name word, by every word typed, by role words; most articles first", async () => {
    await putAll();
    const found = await store().findPeople([["halvorsen"]], 10);
    expect(found.map((p) => p.key)).toEqual(["ingrid halvorsen", "marek halvorsen"]);
    // Same person across articles: a full name, a surname alone tied to it, a name with diacritics.
    expect(found[0]).toEqual({ key: "ingrid halvorsen", name: "Ingrid Halvorsen", role: "canal authority director", articles: 3, lastSeen: DAY(3) });
    expect(found[1]).toMatchObject({ name: "Marek Halvorsen", role: "lock keeper", articles: 1 });
    expect((await store().findPeople([["halvorsen"], ["marek", "r:marek"]], 10)).map((p) => p.key)).toEqual(["marek halvorsen"]);
    expect((await store().findPeople([["r:keeper"]], 10)).map((p) => p.key)).toEqual(["marek halvorsen"]);
    expect((await store().findPeople([["r:canal"], ["r:director"]], 10)).map((p) => p.key)).toEqual(["ingrid halvorsen"]);
    expect(await store().findPeople([["nobody"]], 10)).toEqual([]);
    expect(await store().findPeople([], 10)).toEqual([]);
  });

  test("people: index keys by prefix, reversed name words for typos at the start", async () => {
    await putAll();
    expect(await store().personKeys("halv", 10)).toEqual(["halvorsen"]);
    expect(await store().personKeys("~nesr", 10)).toEqual(["~nesrovlah"]);
    expect(await store().personKeys("r:s", 10)).toEqual(["r:skipper"]);
    expect((await store().personKeys("", 100)).length).toBeGreaterThan(8);
  });

  test("people: a person's articles newest first, with their role and only their quotes", async () => {
    await putAll();
    const arts = await store().personArticles(["ingrid halvorsen"], 10);
    expect(arts.map((a) => a.article.title)).toEqual([LOCK_3.title, LOCK_2.title, LOCK_1.title]);
    expect(arts.map((a) => a.quotes.map((q) => q.text))).toEqual([
      ["Small boats can pass from noon"],
      ["The divers found a bent hinge"],
      ["The gates were never built for water this low", "We will not guess at a date"],
    ]);
    expect(arts[0]).toMatchObject({ key: "ingrid halvorsen", role: "canal authority director", sortTime: DAY(3) });
    expect(arts[0]!.article).toMatchObject({ url: "https://news.example.org/lakes/3", publishedAt: LOCK_3.publishedAt });
    expect(arts[1]!.role).toBeNull();
    expect((await store().personArticles(["ingrid halvorsen"], 1, 1)).map((a) => a.article.title)).toEqual([LOCK_2.title]);
    const both = await store().personArticles(["ingrid halvorsen", "marek halvorsen"], 10);
    expect(both.map((a) => a.key)).toEqual(expect.arrayContaining(["ingrid halvorsen", "marek halvorsen"]));
    expect(both).toHaveLength(4);
    expect(await store().personArticles([], 10)).toEqual([]);
  });

  test("people: totals over every article", async () => {
    await putAll();
    expect(await store().personTotals(["ingrid halvorsen"])).toEqual({
      articles: 3,
      quotes: 4,
      firstSeen: DAY(1),
      lastSeen: DAY(3),
      roles: [{ role: "canal authority director", count: 2 }],
    });
    expect(await store().personTotals(["nobody here"])).toEqual({ articles: 0, quotes: 0, firstSeen: null, lastSeen: null, roles: [] });
  });

  test("people: an updated article replaces what it said about people", async () => {
    await putAll();
    const text = LOCK_1.text + "\n\nA second diver was called in.";
    const updated = { ...LOCK_1, text };
    await store().put(updated, card(updated, { quotes: [said("We brought in a second team", "Ruth Amsel", "dive supervisor")] }), T0 + 5);
    expect((await store().personTotals(["ingrid halvorsen"])).articles).toBe(2);
    expect((await store().findPeople([["amsel"]], 5)).map((p) => p.name)).toEqual(["Ruth Amsel"]);
    expect((await store().personArticles(["ruth amsel"], 5))[0]?.quotes.map((q) => q.text)).toEqual(["We brought in a second team"]);
  });
}

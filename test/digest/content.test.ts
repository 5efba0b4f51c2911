// Content selection: topic match, importance, the store adapter.
import type { StoredArticle } from "../../src/store/index.js";
import { importance, selectForDigest, storeDigestSource } from "../../src/digest/index.js";
import { card } from "./harness.js";

describe("digest content", () => {
  test("attributed quotes and on-topic cards rank first; ties go to the newer card", () => {
    const items = [
      { card: card("a", "Light", ["trade"], 0), ingestedAt: 1 },
      { card: card("b", "Quoted", ["trade"], 2), ingestedAt: 2 },
      { card: card("c", "Quoted newer", ["trade"], 2), ingestedAt: 3 },
      { card: card("d", "Off topic", ["sport"], 9), ingestedAt: 4 },
      { card: card("e", "Two topics", ["trade", "energy"], 1), ingestedAt: 5 },
    ];
    expect(selectForDigest(items, ["trade", "energy"], 3)).toEqual({ cards: [items[4]?.card, items[2]?.card, items[1]?.card], matched: 4 });
    expect(selectForDigest(items, "all", 10).cards.map((c) => c.id)).toEqual(["d", "c", "b", "e", "a"]);
    expect(importance(card("q", "Q", ["x"], 3), "all")).toBe(6);
    expect(importance(card("q", "Q", ["x"], 3), ["x"])).toBe(9);
  });

  test("storeDigestSource reads since, keeps the window and the topics", async () => {
    const stored = (id: string, topics: string[], ingestedAt: number): StoredArticle => ({ id, card: card(id, id, topics), ingestedAt });
    const rows = [stored("new", ["energy"], 300), stored("mid", ["Energy"], 200), stored("sport", ["sport"], 150), stored("edge", ["energy"], 100)];
    const asked: Array<[number, number]> = [];
    const source = storeDigestSource({
      since: async (since, limit) => {
        asked.push([since, limit]);
        return rows.filter((r) => r.ingestedAt > since);
      },
    });
    const got = await source.cardsSince(100, 250, ["energy"], 10);
    expect(got.map((c) => [c.card.id, c.ingestedAt])).toEqual([["mid", 200]]);
    expect(asked).toEqual([[100, 500]]);
  });
});

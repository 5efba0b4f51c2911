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

  test("storeDigestSource reads the window bounded at both ends, a page at a time, until enough match", async () => {
    const stored = (id: string, topics: string[], ingestedAt: number): StoredArticle => ({ id, card: card(id, id, topics), ingestedAt });
    // Newest first: 5 off-topic cards in the window crowd the first two pages of 2.
    const rows = [stored("after", ["energy"], 400), ...[1, 2, 3, 4, 5].map((k) => stored(`sport${k}`, ["sport"], 300 - k)), stored("mid", ["Energy"], 200), stored("edge", ["energy"], 100)];
    const asked: Array<[number, number, number | undefined, number | undefined]> = [];
    const source = storeDigestSource(
      {
        since: async (since, limit, w = {}) => {
          asked.push([since, limit, w.until, w.offset]);
          const offset = w.offset ?? 0;
          return rows.filter((r) => r.ingestedAt > since && r.ingestedAt <= (w.until ?? Infinity)).slice(offset, offset + limit);
        },
        // No stories: each card is its own item.
        storiesOf: async () => [],
      },
      2,
    );
    const got = await source.cardsSince(100, 300, ["energy"], 10);
    expect(got.map((c) => [c.card.id, c.ingestedAt])).toEqual([["mid", 200]]);
    expect(asked).toEqual([[100, 2, 300, 0], [100, 2, 300, 2], [100, 2, 300, 4], [100, 2, 300, 6]]);
    // Enough matches end the reading early.
    asked.length = 0;
    expect((await source.cardsSince(0, 400, "all", 1)).map((c) => c.card.id)).toEqual(["after"]);
    expect(asked).toHaveLength(1);
  });
});

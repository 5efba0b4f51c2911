// A digest as Discord messages: the headline first, one embed per card, as few messages as
// 10 embeds and 6000 embed characters allow; every message within the limits, pinging nobody.
import type { BriefingCard } from "../../../src/core/index.js";
import { digestToDiscord, embedChars, withinLimits } from "../../../src/render/discord/index.js";
import { card } from "../../digest/harness.js";

const cards = (n: number, weight = 2) => Array.from({ length: n }, (_, i) => card(`c${i}`, `Harbour report ${i}`, ["harbour"], weight));

/** A card near the embed limits: a long summary and many long quotes. */
function bigCard(i: number): BriefingCard {
  const c = card(`big${i}`, `A long report ${i}`, ["harbour"], 6);
  return { ...c, summary: Array.from({ length: 4 }, (_, j) => `Bullet ${j} `.repeat(120)), quotes: c.quotes.map((q) => ({ ...q, text: "word ".repeat(300) })) };
}

describe("digestToDiscord", () => {
  test.each<[string, BriefingCard[], number[]]>([
    ["no cards: the headline alone", [], [0]],
    ["three small cards: one message", cards(3), [3]],
    ["ten small cards: one message (Discord: 10 embeds)", cards(10), [10]],
    ["twelve small cards: 10 + 2", cards(12), [10, 2]],
    ["big cards: split by the 6000 characters", [bigCard(1), bigCard(2), bigCard(3)], [1, 1, 1]],
  ])("%s", (_name, list, perMessage) => {
    const msgs = digestToDiscord("Briefing digest for 1: 2026-03-09 07:00 (UTC).", list, 40);
    expect(msgs.map((m) => m.embeds.length)).toEqual(perMessage);
    expect(msgs[0]!.content).toBe("Briefing digest for 1: 2026-03-09 07:00 \\(UTC\\).");
    expect(msgs.slice(1).every((m) => m.content === undefined)).toBe(true);
    for (const m of msgs) {
      expect(withinLimits(m)).toBe(true);
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
    }
    // Every card is there, in order.
    expect(msgs.flatMap((m) => m.embeds.map((e) => e.title))).toEqual(list.map((c) => c.title));
  });

  test("the headline leaves room for the sender's reference line and is escaped", () => {
    const [m] = digestToDiscord(`@everyone ${"x".repeat(3000)}`, [], 40);
    expect(m!.content!.length).toBeLessThanOrEqual(2000 - 40);
    expect(m!.content!.endsWith("…")).toBe(true);
    expect(m!.content!.startsWith("@\u200beveryone")).toBe(true);
  });
});

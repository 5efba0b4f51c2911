// A digest as Slack messages: one message while the cards fit in 50 blocks, else a header and a
// thread; every message within Slack's limits, article text escaped.
import { checkMessage, digestToSlack } from "../../../src/render/slack/index.js";
import { card } from "../../digest/harness.js";

const cards = (n: number, weight = 2) => Array.from({ length: n }, (_, i) => card(`c${i}`, `Harbour report ${i}`, ["harbour"], weight));

describe("digestToSlack", () => {
  test.each<[string, number, "single" | "thread", number]>([
    // 1 headline section + (divider + 7 blocks) per card with two quotes: 6 cards are 49 blocks.
    ["no cards: the headline alone", 0, "single", 1],
    ["one card", 1, "single", 9],
    ["six cards still fit in 50 blocks", 6, "single", 49],
    ["seven cards do not: header and thread", 7, "thread", 3],
    ["twenty-five cards", 25, "thread", 3],
  ])("%s", (_name, n, layout, topBlocks) => {
    const d = digestToSlack("Briefing digest for C1: 2026-03-09 07:00 (UTC).", cards(n));
    expect(d.layout).toBe(layout);
    const top = d.layout === "single" ? d.message : d.header;
    expect(top.blocks).toHaveLength(topBlocks);
    expect(top.text).toBe("Briefing digest for C1: 2026-03-09 07:00 (UTC).");
    const all = d.layout === "single" ? [d.message] : [d.header, ...d.replies];
    for (const m of all) expect(checkMessage(m)).toEqual([]);
    if (d.layout === "thread") {
      expect(d.replies).toHaveLength(n);
      expect(d.replies[0]!.text).toBe("Harbour report 0 — Harbour report 0.");
    }
  });

  test("the header lists the cards by title, escaped, and says where they are", () => {
    const many = cards(8);
    many[3] = card("x", "Rates <up> & bonds *down*", ["markets"], 2);
    const d = digestToSlack("Digest for <#C1>", many);
    if (d.layout !== "thread") throw new Error("expected a thread");
    expect(d.header.blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "*Digest for &lt;#C1&gt;*" } },
      { type: "section", text: { type: "mrkdwn", text: many.map((c, i) => `${i + 1}. ${c.title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}`).join("\n") } },
      { type: "context", elements: [{ type: "mrkdwn", text: "The cards are in the thread." }] },
    ]);
    expect(JSON.stringify(d.header.blocks[1])).toContain("4. Rates &lt;up&gt; &amp; bonds *down*");
  });
});

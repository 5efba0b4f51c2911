// The digest sends one item per story, with its sources, and marks stories whose sources differ:
// a real store holding articles of the story evaluation set (written for the project), the real
// runner, and the console, Slack and Discord renderings of what it plans.
import Database from "better-sqlite3";
import { createConsoleSender, createDigestRunner, createSqliteLedger, storeDigestSource } from "../../src/digest/index.js";
import { digestToDiscord } from "../../src/render/discord/index.js";
import { digestToSlack } from "../../src/render/slack/index.js";
import { createMemoryStore, openSqliteStore, type BriefingStore } from "../../src/store/index.js";
import { evalArticle } from "../store/stories-contract.js";
import { createTestClock } from "./harness.js";
import { at, dest } from "./world.js";

const SLOT = at("2026-06-02T07:00:00Z");
const IDS = ["troops-border-a", "troops-border-b", "troops-border-c", "troops-talks-a", "troops-talks-b", "minister-named-a"];
const FLAG = "⚠ Sources differ: 100,000 troops (Continental Wire, 09:10) vs 130,000 Kestrian soldiers (Capital Times, 11:45)";

async function fill(store: BriefingStore): Promise<void> {
  for (const [i, id] of IDS.entries()) {
    const { article, card } = evalArticle(id);
    await store.put(article, card, SLOT - 3600_000 + i * 60_000);
  }
}

describe.each([
  ["memory", async () => createMemoryStore()],
  ["sqlite", async () => openSqliteStore(":memory:")],
])("digest by story (%s store)", (_, make) => {
  test("one item per story, its sources listed, a disagreement marked", async () => {
    const store = await make();
    await fill(store);
    const source = storeDigestSource(store);
    const items = await source.cardsSince(0, SLOT, "all", 50);
    expect(items).toHaveLength(3);
    const border = items.find((c) => c.story?.sources.length === 3)!;
    expect(border.story!.flags).toHaveLength(1);
    expect(items.find((c) => c.story?.sources.length === 2)!.story!.flags).toEqual([]);

    const out: string[] = [];
    const clock = createTestClock(SLOT - 1000, async () => undefined);
    const db = new Database(":memory:");
    const runner = createDigestRunner({
      destinations: [dest("t", { platform: "console", topics: "all", maxCards: 10 })],
      ledger: createSqliteLedger(db),
      source,
      senders: [createConsoleSender((s) => out.push(s))],
      now: clock.now,
      timers: clock.timers,
    });
    await runner.start();
    await clock.advanceTo(SLOT + 60_000);
    await runner.settled();
    await runner.stop();
    expect(out).toHaveLength(1);
    expect(out[0]).toContain("3 new cards");
    expect(out[0]).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post\n" + FLAG);
    expect(out[0]).toContain("2 sources: Capital Times, Northern Ledger");
    expect(out[0]).toContain("1 source: Northern Ledger");
    db.close();
    await store.close();
  });
});

test("Slack and Discord digests carry each story's sources and mark disagreements", async () => {
  const store = createMemoryStore();
  await fill(store);
  const items = await storeDigestSource(store).cardsSince(0, SLOT, "all", 50);
  const cards = items.map((c) => c.card);
  const stories = Object.fromEntries(items.map((c) => [c.card.id, c.story!]));
  const slack = digestToSlack("Digest", cards, stories);
  const blocks = JSON.stringify(slack.layout === "single" ? slack.message.blocks : [slack.header.blocks, slack.replies.map((r) => r.blocks)]);
  expect(blocks).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
  expect(blocks).toContain(":warning: Sources differ: 100,000 troops");
  const discord = JSON.stringify(digestToDiscord("Digest", cards, 0, {}, stories));
  expect(discord).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
  expect(discord).toContain("⚠ Sources differ");
});

// Briefings by story, /story, and their words on every surface, over a real store holding articles
// of the story evaluation set (written for the project).
import { createAsker, type Answer } from "../../src/ask/index.js";
import { answerToText } from "../../src/render/index.js";
import { answerToMessage } from "../../src/render/discord/index.js";
import { answerToSlack, checkMessage } from "../../src/render/slack/index.js";
import { openSqliteStore } from "../../src/store/index.js";
import { BORDER, evalArticle, storiesWorld } from "../store/stories-contract.js";

const FLAG = "Sources differ: 100,000 troops (Continental Wire, 09:10) vs 130,000 Kestrian soldiers (Capital Times, 11:45)";

const stocked = storiesWorld;

describe("brief by story", () => {
  it("gives one entry per story with its sources, not one per article", async () => {
    const { asker } = await stocked();
    const a = await asker.ask("/brief kestria");
    expect(a.kind).toBe("brief");
    const b = a as Extract<Answer, { kind: "brief" }>;
    const border = b.stories!.find((s) => s.sources.length === 3)!;
    expect(border.sources.map((s) => s.publisher)).toEqual(["Continental Wire", "Capital Times", "Evening Standard Post"]);
    expect(b.cards).toHaveLength(b.stories!.length);
    expect(new Set(b.stories!.map((s) => s.id)).size).toBe(b.stories!.length);
    // Each card is its story's.
    b.cards.forEach((c, i) => expect(b.stories![i]!.sources.map((s) => s.id)).toContain(c.id));
    const text = answerToText(a);
    expect(text).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
    expect(text).toContain(`⚠ ${FLAG}`);
    expect(text).toContain(`/story ${border.id}`);
    // The same answer in JSON (ask --json) carries the flags.
    expect(JSON.parse(JSON.stringify(a)).stories.find((s: { id: string }) => s.id === border.id).flags).toEqual([
      { kind: "figure", articles: [border.sources[0]!.id, border.sources[1]!.id], what: "troops", values: ["100,000 troops", "130,000 Kestrian soldiers"] },
    ]);
  });

  it("shows sources and disagreements on Slack and Discord", async () => {
    const { asker } = await stocked();
    const a = await asker.ask("/brief dravia");
    const slack = answerToSlack(a);
    expect(checkMessage(slack)).toEqual([]);
    const slackText = JSON.stringify(slack.blocks);
    // A story listed under the first is marked too.
    expect(JSON.stringify(answerToSlack(await asker.ask("/brief kestria")).blocks)).toMatch(/3 sources: Continental Wire, Capital Times, Evening Standard Post · :warning: sources differ|:warning: Sources differ: 100,000/);
    expect(slackText).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
    expect(slackText).toContain(`:warning: ${FLAG}`);
    const fields = answerToMessage(a).embeds![0]!.fields!;
    expect(fields.find((f) => f.name === "Sources")!.value).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
    // Discord markdown escapes the parentheses.
    expect(fields.find((f) => f.name === "⚠ Sources differ")!.value).toBe("• 100,000 troops \\(Continental Wire, 09:10\\) vs 130,000 Kestrian soldiers \\(Capital Times, 11:45\\)");
  });
});

describe("/story", () => {
  it("lists each outlet's card, oldest first, with the disagreements", async () => {
    const { asker } = await stocked();
    const b = (await asker.ask("/brief kestria")) as Extract<Answer, { kind: "brief" }>;
    const id = b.stories!.find((s) => s.sources.length === 3)!.id;
    const a = await asker.ask(`/story ${id}`);
    expect(a.kind).toBe("story");
    const s = a as Extract<Answer, { kind: "story" }>;
    expect(s.cards.map((c) => c.source.publisher)).toEqual(["Continental Wire", "Capital Times", "Evening Standard Post"]);
    const text = answerToText(a);
    expect(text).toContain(FLAG);
    expect(text.match(/^={3,}$/gm)).toHaveLength(3);
    const slack = answerToSlack(a);
    expect(checkMessage(slack)).toEqual([]);
    expect(JSON.stringify(slack.blocks)).toContain("Evening Standard Post");
    expect(answerToMessage(a).embeds).toHaveLength(4);
  });

  it("answers an unknown id with not_found in words", async () => {
    const { asker } = await stocked();
    const a = await asker.ask("/story s0000");
    expect(a).toEqual({ kind: "not_found", intent: "story", query: "s0000", suggestions: [] });
    expect(JSON.stringify(answerToSlack(a).blocks)).toContain("I have no story");
  });

  it("works over SQLite too", async () => {
    const store = openSqliteStore(":memory:");
    await store.putMany(BORDER.map((id) => evalArticle(id)), 1);
    const [story] = await store.stories(1);
    const a = await createAsker(store).ask(`story ${story!.id}`);
    expect(a.kind === "story" && a.cards.length).toBe(3);
    await store.close();
  });
});

// The story buttons of a briefing on Slack and Discord, and what a click may carry back: rendered from
// invented stories, read back from invented (and forged) button ids.
import type { Answer, StoryRef } from "../../src/ask/index.js";
import { CARD_SCHEMA_VERSION, type BriefingCard } from "../../src/core/index.js";
import { isStoryId } from "../../src/render/index.js";
import { answerToMessage, storyFromButton } from "../../src/render/discord/index.js";
import { answerToSlack, checkMessage, STORY_ACTION } from "../../src/render/slack/index.js";

const card = (id: string, title: string): BriefingCard => ({
  schemaVersion: CARD_SCHEMA_VERSION, id, title, titleGenerated: false,
  source: { publisher: "Port Gazette", publishedAt: "2031-05-04T09:00:00Z", url: `https://gazette.example/${id}` },
  summary: [`${title}.`], quotes: [], figures: [], entities: [], topics: ["harbour"],
  stats: { words: 120, readingMinutes: 1, sentences: 4, paragraphs: 2 },
});

const story = (id: string, title: string, outlets: string[]): StoryRef => ({
  id, title, flags: [],
  sources: outlets.map((publisher, i) => ({ id: `${id}-${i}`, title, publisher, time: Date.UTC(2031, 4, 4, 9 + i) })),
});

// Three stories: told by three outlets, by one, and by two under a title too long for a label.
const LONG = "Harbour pilots & tug crews agree to a new rota after a winter of cancelled sailings and late ferries";
const brief: Answer = {
  kind: "brief", topic: "harbour",
  cards: [card("a1", "Harbour bridge reopens"), card("b1", "Ferry fares frozen"), card("c1", LONG)],
  stories: [story("sa1", "Harbour bridge reopens", ["Port Gazette", "Harbour Herald", "Coast Radio"]), story("sb1", "Ferry fares frozen", ["Port Gazette"]), story("sc1", LONG, ["Port Gazette", "Coast Radio"])],
};

test("Slack: a button for each story told by several outlets, carrying its id, within Slack's limits", () => {
  const msg = answerToSlack(brief, { postButton: true });
  expect(checkMessage(msg)).toEqual([]);
  const buttons = msg.blocks.flatMap((b) => (b.type === "actions" ? b.elements : [])).filter((e) => STORY_ACTION.test(e.action_id));
  expect(buttons.map((b) => [b.action_id, b.value, b.text.text])).toEqual([
    ["briefbot_story_0", "sa1", "All 3 sources"],
    // Slack: a button's text is at most 75 characters; the title is escaped like any Slack text.
    ["briefbot_story_2", "sc1", "All 2 sources: Harbour pilots &amp; tug crews agree to a new rota after a…"],
  ]);
  // The first story's button sits right under its sources line.
  const i = msg.blocks.findIndex((b) => b.type === "actions");
  expect(msg.blocks[i - 1]).toMatchObject({ type: "context", elements: [{ text: "3 sources: Port Gazette, Harbour Herald, Coast Radio · `/story sa1`" }] });
});

test("Discord: one row of story buttons before Post publicly, labels within 80 characters", () => {
  const msg = answerToMessage(brief);
  expect(msg.components).toEqual([
    {
      type: 1,
      components: [
        { type: 2, style: 2, label: "All 3 sources: Harbour bridge reopens", custom_id: "briefbot:story:sa1" },
        { type: 2, style: 2, label: expect.stringMatching(/^All 2 sources: Harbour pilots & tug crews .{10,}…$/) as unknown as string, custom_id: "briefbot:story:sc1" },
      ],
    },
    { type: 1, components: [{ type: 2, style: 2, label: "Post publicly", custom_id: "briefbot:public" }] },
  ]);
  expect(msg.components![0]!.components[1]!.label.length).toBeLessThanOrEqual(80);
});

test("a story whose id is not one the stores make gets no button", () => {
  const odd: Answer = { ...brief, cards: [card("x1", "Odd")], stories: [story("s x;1", "Odd", ["Port Gazette", "Coast Radio"])] };
  expect(JSON.stringify(answerToSlack(odd))).not.toContain("briefbot_story");
  expect(answerToMessage(odd, { ephemeral: false }).components).toBeUndefined();
});

test.each([
  ["briefbot:story:s0f3a9c27b1d84e55", "s0f3a9c27b1d84e55"],
  ["briefbot:story:sa1", "sa1"],
  ["briefbot:public", undefined],
  ["something:else", undefined],
  ["briefbot:story:", null],
  ["briefbot:story:s", null],
  ["briefbot:story:0f3a9c27", null],
  ["briefbot:story:s1 OR 1=1", null],
  ["briefbot:story:s../../x", null],
  [`briefbot:story:s${"9".repeat(65)}`, null],
])("storyFromButton(%j) is %j", (customId, expected) => {
  expect(storyFromButton(customId)).toBe(expected);
});

test.each([
  ["sa1", true],
  ["s0f3a9c27b1d84e55", true],
  [`s${"a".repeat(64)}`, true],
  [`s${"a".repeat(65)}`, false],
  ["", false],
  ["a1", false],
  ["s\n1", false],
  [42, false],
  [undefined, false],
])("isStoryId(%j) is %j", (id, expected) => {
  expect(isStoryId(id)).toBe(expected);
});

// /story and the story buttons of /brief on Slack (issue 14): the real Bolt app in Socket Mode and in
// HTTP mode against the fake Slack, the real asker over a store holding articles of the story
// evaluation set (written for the project): one event told by three outlets that disagree on a figure.
import type { Answer, Asker } from "../../../src/ask/index.js";
import { STORY_BUTTON_BROKEN_TEXT, STORY_GONE_TEXT } from "../../../src/render/index.js";
import { answerToSlack, checkMessage, POST_CARD_ACTION, STORY_ACTION, type SlackMessage } from "../../../src/render/slack/index.js";
import type { BriefingStore } from "../../../src/store/index.js";
import { blockAction, postToApp, slashCommand } from "../../fakes/slack/payloads.js";
import { storiesWorld } from "../../store/stories-contract.js";
import { expectNoSecrets, logged, SIGNING_SECRET, startHarness, type Harness } from "./harness.js";

const FLAG = "Sources differ: 100,000 troops (Continental Wire, 09:10) vs 130,000 Kestrian soldiers (Capital Times, 11:45)";

type Button = { type: "button"; action_id: string; value?: string; text: { text: string } };
type Block = { type: string; text?: { text: string }; elements?: Array<Button | { type: "mrkdwn"; text: string }> };
type Payload = { response_type?: string; replace_original?: boolean; text: string; blocks: Block[] };

let store: BriefingStore;
let asker: Asker;
let h: Harness;
let borderId: string;

beforeAll(async () => {
  ({ store, asker } = await storiesWorld());
  const brief = (await asker.ask("/brief kestria")) as Extract<Answer, { kind: "brief" }>;
  borderId = brief.stories!.find((s) => s.sources.length === 3)!.id;
  h = await startHarness(asker, "socket");
}, 60_000);

afterAll(async () => {
  await h?.close();
  expectNoSecrets(h?.lines ?? []);
  await store?.close();
});

const command = async (name: string, text: string, id: string) => (await h.fake.sendEnvelope("slash_commands", slashCommand(name, text, h.fake.responseUrl(id)))).ack.payload as Payload;
const buttons = (p: Payload): Button[] => p.blocks.flatMap((b) => (b.type === "actions" ? (b.elements as Button[]) : []));
const shown = (p: Payload) => p.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.elements ?? []).map((e) => (e.type === "button" ? "" : e.text))]).join("\n");

/** Clicks a button over the socket and returns what the bot answered through response_url. */
async function click(actionId: string, value: string, name: string): Promise<Payload> {
  const before = h.fake.calls("respond").length;
  const res = await h.fake.sendEnvelope("interactive", blockAction(actionId, value, h.fake.responseUrl(name)));
  expect(res.ack).toMatchObject({ payload: {} });
  const answered = (await h.fake.waitFor("respond", before + 1)).slice(before);
  expect(answered[0]!.path).toBe(`/respond/${name}`);
  return answered[0]!.body as Payload;
}

test("/story <id>: the story's title, its sources and where they differ, then each outlet's card", async () => {
  const p = await command("/story", borderId, "st1");
  expect(p.response_type).toBe("ephemeral");
  expect(p.blocks[0]!.type).toBe("header");
  const text = shown(p);
  expect(text).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
  expect(text).toContain(`:warning: ${FLAG}`);
  // One card per outlet, oldest first, each after a divider.
  expect(p.blocks.filter((b) => b.type === "divider")).toHaveLength(3);
  const publishers = [...text.matchAll(/(Continental Wire|Capital Times|Evening Standard Post) · \d{4}-\d{2}-\d{2}/g)].map((m) => m[1]);
  expect(publishers).toEqual(["Continental Wire", "Capital Times", "Evening Standard Post"]);
  expect(checkMessage(p as unknown as SlackMessage)).toEqual([]);
  expect((await command("/story", "s0000000000000000", "st2")).text).toBe("I have no story “s0000000000000000”: its id is shown under each briefing.");
});

test("/brief: a story told by several outlets has a button that answers with what /story shows", async () => {
  const brief = await command("/brief", "kestria", "b1");
  const story = buttons(brief).find((b) => b.value === borderId)!;
  expect(story).toBeDefined();
  expect(story.action_id).toMatch(STORY_ACTION);
  expect(story.text.text).toMatch(/^All 3 sources/);
  // Only stories with more than one outlet get one, and the post button is still there.
  expect(buttons(brief).filter((b) => b.action_id !== POST_CARD_ACTION).map((b) => b.value)).toEqual([borderId]);
  expect(buttons(brief).some((b) => b.action_id === POST_CARD_ACTION)).toBe(true);
  expect(checkMessage(brief as unknown as SlackMessage)).toEqual([]);

  const answer = await click(story.action_id, story.value!, "c1");
  const slash = await command("/story", borderId, "st3");
  // Only the one who clicked sees it, under the briefing rather than in its place.
  expect(answer).toEqual({ response_type: "ephemeral", replace_original: false, text: slash.text, blocks: slash.blocks });
  expect(answer).toEqual({ response_type: "ephemeral", replace_original: false, ...answerToSlack(await asker.answer({ kind: "story", id: borderId })) });
});

test("a forged or stale story button gets a short answer, no error", async () => {
  for (const forged of ["", "s", "../../admin", "s1 OR 1=1", `s${"a".repeat(65)}`, '{"topic":"kestria"}']) {
    const answer = await click("briefbot_story_0", forged, `f${forged.length}`);
    expect(answer.text).toBe(STORY_BUTTON_BROKEN_TEXT);
    expect(answer.response_type).toBe("ephemeral");
  }
  const stale = await click("briefbot_story_1", "s00000000deadbeef", "stale");
  expect(stale.text).toBe(STORY_GONE_TEXT);
  // Nothing was an error: no stack in any answer, no error line in the log.
  const all = JSON.stringify(h.fake.calls("respond").map((r) => r.body));
  expect(all).not.toMatch(/Error|\bat \S+ \(/);
  expect(logged(h, "", 50)).toEqual([]);
});

test("HTTP mode: the same button, signed as Slack signs it", async () => {
  const web = await startHarness(asker, "http");
  try {
    const signed = { secret: SIGNING_SECRET, timestampSec: Math.floor(web.clock.ms / 1000) };
    const res = await postToApp(web.url, "form", slashCommand("/brief", "kestria", web.fake.responseUrl("w1")), signed);
    const story = buttons(JSON.parse(res.body) as Payload).find((b) => b.value === borderId)!;
    expect((await postToApp(web.url, "payload", blockAction(story.action_id, story.value!, web.fake.responseUrl("w2")), signed)).status).toBe(200);
    const [answer] = await web.fake.waitFor("respond");
    expect(answer!.body).toEqual({ response_type: "ephemeral", replace_original: false, ...answerToSlack(await asker.answer({ kind: "story", id: borderId })) });
  } finally {
    await web.close();
  }
}, 60_000);

// /story and the story buttons of /brief on Discord (issue 14): the real discord.js client against
// the fake Discord gateway and REST (a click arrives as INTERACTION_CREATE, read with isButton()), the
// real asker over a store holding articles of the story evaluation set (written for the project).
import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import type { Answer, Asker } from "../../../src/ask/index.js";
import { STORY_BUTTON_BROKEN_TEXT, STORY_GONE_TEXT } from "../../../src/render/index.js";
import { answerToMessage, POST_PUBLICLY_ID, type ActionRow, type Embed } from "../../../src/render/discord/index.js";
import type { BriefingStore } from "../../../src/store/index.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { buttonInteraction, commandInteraction } from "../../fakes/discord/payloads.js";
import { FakeDiscord } from "../../fakes/discord/server.js";
import { signatureHeaders, signingKey } from "../../fakes/discord/signing.js";
import { storiesWorld } from "../../store/stories-contract.js";

const APP = "900000000000000001";

type Reply = { type: number; data: { content?: string; embeds: Embed[]; components?: ActionRow[]; flags?: number } };

let fake: FakeDiscord;
let bot: RunningDiscord;
let store: BriefingStore;
let asker: Asker;
let borderId: string;
const logger = memoryLogger();

beforeAll(async () => {
  ({ store, asker } = await storiesWorld());
  const brief = (await asker.ask("/brief kestria")) as Extract<Answer, { kind: "brief" }>;
  borderId = brief.stories!.find((s) => s.sources.length === 3)!.id;
  fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  bot = await startDiscord({ asker, logger, config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl } });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
});

/** Dispatches an interaction and returns the callback body discord.js's REST posted for it. */
async function interact(payload: { id: string; token: string }): Promise<Reply> {
  const from = fake.requests.length;
  fake.dispatch("INTERACTION_CREATE", payload);
  const req = await fake.request("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`), from);
  return req.body as Reply;
}

const buttons = (r: Reply) => (r.data.components ?? []).flatMap((row) => row.components);

test("/story id:<id>: a head embed with sources and the disagreement, then one embed per outlet", async () => {
  const r = await interact(commandInteraction(APP, "story", { id: borderId }));
  expect(r.type).toBe(4);
  const [head, ...cards] = r.data.embeds;
  expect(head!.description).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
  expect(head!.description).toContain("⚠ Sources differ: 100,000 troops \\(Continental Wire, 09:10\\) vs 130,000 Kestrian soldiers \\(Capital Times, 11:45\\)");
  expect(cards.map((c) => c.footer!.text.split(" · ")[0])).toEqual(["Continental Wire", "Capital Times", "Evening Standard Post"]);
  expect(r.data.flags).toBe(64);
  const none = await interact(commandInteraction(APP, "story", { id: "s0000000000000000" }));
  expect(none.data.content).toBe("Nothing found for “s0000000000000000”.");
});

test("/brief: a story told by several outlets has a button that answers with what /story shows", async () => {
  const brief = await interact(commandInteraction(APP, "brief", { topic: "kestria" }));
  const story = buttons(brief).find((b) => b.custom_id !== POST_PUBLICLY_ID)!;
  expect(story.custom_id).toBe(`briefbot:story:${borderId}`);
  expect(story.label).toMatch(/^All 3 sources: /);
  expect(story.label.length).toBeLessThanOrEqual(80);
  // Only that story has one; the Post publicly row is still last.
  expect(buttons(brief).map((b) => b.custom_id)).toEqual([`briefbot:story:${borderId}`, POST_PUBLICLY_ID]);

  const answer = await interact(buttonInteraction(APP, APP, story.custom_id, brief.data.embeds));
  const slash = await interact(commandInteraction(APP, "story", { id: borderId }));
  expect(answer).toEqual(slash);
  expect(answer.data).toEqual(answerToMessage(await asker.answer({ kind: "story", id: borderId }), { ephemeral: true }));
  // A public briefing keeps the story button (its answer is private to whoever clicks).
  const open = await interact(commandInteraction(APP, "brief", { topic: "kestria", public: true }));
  expect(open.data.flags).toBeUndefined();
  expect(buttons(open).map((b) => b.custom_id)).toEqual([`briefbot:story:${borderId}`]);
});

test("a forged or stale story button gets a short answer, no error", async () => {
  for (const forged of ["briefbot:story:", "briefbot:story:../../admin", "briefbot:story:s1 OR 1=1", `briefbot:story:s${"a".repeat(70)}`]) {
    const r = await interact(buttonInteraction(APP, APP, forged, []));
    expect(r).toEqual({ type: 4, data: { content: STORY_BUTTON_BROKEN_TEXT, embeds: [], allowed_mentions: { parse: [] }, flags: 64 } });
  }
  const stale = await interact(buttonInteraction(APP, APP, "briefbot:story:s00000000deadbeef", []));
  expect(stale.data.content).toBe(STORY_GONE_TEXT);
  expect(logger.lines.filter((l) => l.level === "error")).toEqual([]);
});

test("HTTP interactions mode: the same button, signed as Discord signs it", async () => {
  const key = signingKey();
  const now = 1_780_000_000_000;
  const web = (await startDiscord({
    asker, logger: memoryLogger(), now: () => now,
    config: { mode: "http", token: FAKE_TOKEN, applicationId: APP, publicKey: key.publicKeyHex, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1" },
  })) as RunningDiscord & { port: number };
  try {
    const post = async (payload: unknown): Promise<Reply> => {
      const res = await fetch(`http://127.0.0.1:${web.port}/interactions`, { method: "POST", headers: signatureHeaders(key, JSON.stringify(payload), now / 1000), body: JSON.stringify(payload) });
      expect(res.status).toBe(200);
      return (await res.json()) as Reply;
    };
    const brief = await post(commandInteraction(APP, "brief", { topic: "kestria" }));
    const story = buttons(brief).find((b) => b.custom_id !== POST_PUBLICLY_ID)!;
    const answer = await post(buttonInteraction(APP, APP, story.custom_id, brief.data.embeds));
    expect(answer).toEqual({ type: 4, data: answerToMessage(await asker.answer({ kind: "story", id: borderId }), { ephemeral: true }) });
    expect((await post(buttonInteraction(APP, APP, "briefbot:story:<script>", []))).data.content).toBe(STORY_BUTTON_BROKEN_TEXT);
  } finally {
    await web.stop();
  }
}, 60_000);

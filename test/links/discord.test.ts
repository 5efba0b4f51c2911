// Links on Discord: the real discord.js client (gateway mode) against the fake Discord, a local news
// page on 127.0.0.1 (allowlisted here only), the real link briefer and a memory store.
import { startDiscord, type RunningDiscord } from "../../src/adapters/discord/index.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import type { WiredLinks } from "../../src/links/index.js";
import { TestAsker } from "../fakes/discord/asker.js";
import { FAKE_TOKEN, memoryLogger } from "../fakes/discord/logger.js";
import { CHANNEL_ID, commandInteraction, messageCreate } from "../fakes/discord/payloads.js";
import { FakeDiscord } from "../fakes/discord/server.js";
import { startPages, STORY_TITLE, testLinks, type PageServer } from "./pages.js";

const APP = "900000000000000001";
let fake: FakeDiscord;
let bot: RunningDiscord;
let pages: PageServer;
let store: BriefingStore;
let wired: WiredLinks;

beforeAll(async () => {
  pages = await startPages();
  store = createMemoryStore();
  wired = testLinks(store, Date.now, { perUserPerMinute: 10 });
  fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  bot = await startDiscord({ asker: new TestAsker(), links: wired.links, logger: memoryLogger(), config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl, deferAfterMs: 2500 } });
});
afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await wired?.close();
  await pages?.close();
});

async function interact(payload: { id: string; token: string }): Promise<{ type: number; data: { content?: string; embeds?: Array<{ title?: string; fields?: unknown[] }>; flags?: number } }> {
  const from = fake.requests.length;
  fake.dispatch("INTERACTION_CREATE", payload);
  const req = await fake.request("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`), from);
  return req.body as never;
}

test("/brief url:<link> answers with the card, and the article is stored", async () => {
  const body = await interact(commandInteraction(APP, "brief", { url: `${pages.base}/coast/lighthouse.html` }));
  expect(body.type).toBe(4);
  expect(body.data.flags).toBe(64);
  expect(body.data.embeds?.[0]?.title).toBe(STORY_TITLE);
  expect(JSON.stringify(body.data.embeds)).toContain("Oona Halloran");
  expect((await store.since(0, 5)).map((a) => a.card.title)).toEqual([STORY_TITLE]);
});

test("/brief url: refuses private addresses and non-links with a short reason", async () => {
  const meta = await interact(commandInteraction(APP, "brief", { url: "http://[::ffff:169.254.169.254]/latest/" }));
  expect(meta.data.content).toBe("I did not brief that link: that link points to a private or local network address, which briefbot does not fetch.");
  const ftp = await interact(commandInteraction(APP, "brief", { url: "ftp://files.example/x" }));
  expect(ftp.data.content).toBe("I did not brief that: it is not an http or https link.");
  // Neither topic nor url: the topics list, as before.
  const bare = await interact(commandInteraction(APP, "brief", {}));
  expect(bare.type).toBe(4);
});

test("a message mentioning the bot with a link is answered with the card in a reply", async () => {
  const from = fake.requests.length;
  const msg = messageCreate(APP, `<@${APP}> worth a read: <${pages.base}/coast/lighthouse.html>.`);
  fake.dispatch("MESSAGE_CREATE", msg);
  const req = await fake.request("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`), from);
  const body = req.body as { embeds: Array<{ title: string }>; message_reference: { message_id: string } };
  expect(body.embeds[0]?.title).toBe(STORY_TITLE);
  expect(body.message_reference.message_id).toBe(msg.id);
});

test("a mention with an intranet link gets the reason, publicly, with no address", async () => {
  const from = fake.requests.length;
  fake.dispatch("MESSAGE_CREATE", messageCreate(APP, `<@${APP}> http://wiki.corp.test/roadmap`));
  const req = await fake.request("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`), from);
  const body = req.body as { content: string };
  expect(body.content).toBe("I did not brief that link: that link points to a private or local network address, which briefbot does not fetch.");
  expect(body.content).not.toContain("10.20");
});

import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import { answerToMessage } from "../../../src/render/discord/index.js";
import { TestAsker } from "../../fakes/discord/asker.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { autocompleteInteraction, buttonInteraction, CHANNEL_ID, commandInteraction, directMessage, messageCreate } from "../../fakes/discord/payloads.js";
import { FakeDiscord } from "../../fakes/discord/server.js";

const APP = "900000000000000001";
let fake: FakeDiscord;
let bot: RunningDiscord;
const asker = new TestAsker();
const logger = memoryLogger();

beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  bot = await startDiscord({ asker, logger, config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl } });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

/** Dispatches an interaction and returns the callback body discord.js's REST posted for it. */
async function interact(payload: { id: string; token: string }): Promise<unknown> {
  const from = fake.requests.length;
  fake.dispatch("INTERACTION_CREATE", payload);
  const req = await fake.request("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`), from);
  return req.body;
}

test("connects: GET /gateway/bot, IDENTIFY with the token and intents, READY, heartbeats acknowledged", async () => {
  expect(fake.requestsTo("GET", /^\/gateway\/bot$/)).toHaveLength(1);
  const identify = fake.frames.find((f) => f.dir === "in" && f.op === 2)!.d as { token: string; intents: number };
  expect(identify.token).toBe(FAKE_TOKEN);
  expect(identify.intents).toBe(1 | 512 | 4096); // Guilds, GuildMessages, DirectMessages
  await fake.waitFor(() => fake.frames.some((f) => f.dir === "out" && f.op === 11), "a heartbeat ACK");
  expect(fake.frames.some((f) => f.dir === "in" && f.op === 1)).toBe(true);
});

test("a heartbeat left unacknowledged: discord.js reconnects and RESUMEs, and an interaction sent meanwhile is answered once", async () => {
  // What a busy machine does to a gateway: the ACK misses its heartbeat's interval.
  const frames = fake.frames.length;
  fake.withholdAcks(1);
  await fake.waitFor(() => fake.frames.slice(frames).some((f) => f.dir === "in" && f.op === 6), "a RESUME");
  const resume = fake.frames.slice(frames).find((f) => f.dir === "in" && f.op === 6)!.d as { token: string; session_id: string; seq: number };
  expect(resume).toMatchObject({ token: FAKE_TOKEN, session_id: "fake-session" });
  const payload = commandInteraction(APP, "brief", { topic: "rail" });
  const body = await interact(payload);
  expect(body).toMatchObject({ type: 4 });
  await fake.waitFor(() => fake.frames.slice(frames).some((f) => f.dir === "out" && f.t === "RESUMED"), "RESUMED");
  // No new IDENTIFY: the session went on.
  expect(fake.frames.slice(frames).filter((f) => f.dir === "in" && f.op === 2)).toHaveLength(0);
  await new Promise((r) => setTimeout(r, 300));
  expect(fake.requestsTo("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`))).toHaveLength(1);
});

test("/brief answers with the card embed, ephemeral, with a Post publicly button", async () => {
  const body = await interact(commandInteraction(APP, "brief", { topic: "harbour" }));
  const card = asker.card("harbour");
  expect(body).toEqual({ type: 4, data: answerToMessage({ kind: "brief", topic: "harbour", cards: [card] }) });
  const data = (body as { data: { embeds: Array<Record<string, unknown>>; flags: number } }).data;
  expect(data.flags).toBe(64);
  expect(data.embeds[0]).toMatchObject({
    title: "Harbour to reopen by spring",
    url: "https://news.example/harbour-reopens",
    footer: { text: "Example Gazette · 2026-03-02" },
  });
  // The quote as the core extracted it, with its speaker.
  // "said Mara Lind, who runs the port": her role, from the clause of office.
  expect(data.embeds[0]!.fields).toContainEqual({ name: "Mara Lind, head of the port", value: `“${card.quotes[0]!.text}”` });
  expect(card.quotes[0]!.text).toMatch(/^We will reopen the harbour before the first warm weekend,?$/);
});

test("/brief public:true posts for everyone: no ephemeral flag, no button", async () => {
  const body = await interact(commandInteraction(APP, "brief", { topic: "rail", public: true }));
  expect(body).toEqual({ type: 4, data: answerToMessage({ kind: "brief", topic: "rail", cards: [asker.card("rail")] }, { ephemeral: false }) });
});

test("/whosaid finds the speaker", async () => {
  const body = (await interact(commandInteraction(APP, "whosaid", { words: "trains to stand still" }))) as { data: { embeds: unknown[] } };
  const card = asker.card("rail");
  const quote = card.quotes[0]!;
  expect(body).toEqual({
    type: 4,
    data: answerToMessage({ kind: "whosaid", query: "trains to stand still", matches: [{ speaker: quote.speaker, quote, article: { id: card.id, title: card.title, url: card.source.url! }, score: 1 }] }),
  });
  expect(body.data.embeds[0]).toMatchObject({
    title: "Who said “trains to stand still”?",
    fields: [{ name: "Tomas Berg", value: `“${quote.text}”\n— [Rail strike ends after talks](https://news.example/rail-strike)` }],
  });
});

test("/figures lists figures as inline fields", async () => {
  const body = (await interact(commandInteraction(APP, "figures", { topic: "rail" }))) as { data: { embeds: Array<{ fields: Array<{ inline?: boolean }> }> } };
  expect(body).toEqual({ type: 4, data: answerToMessage(await asker.answer({ kind: "figures", topic: "rail" })) });
  expect(body.data.embeds[0]!.fields.length).toBeGreaterThan(0);
  expect(body.data.embeds[0]!.fields.every((f) => f.inline === true)).toBe(true);
});

test("an unknown topic answers with suggestions", async () => {
  const body = await interact(commandInteraction(APP, "brief", { topic: "harbor" }));
  expect(body).toEqual({ type: 4, data: { content: "Nothing found for “harbor”. Try: harbour.", embeds: [], allowed_mentions: { parse: [] }, flags: 64 } });
});

test.each<[string, string[]]>([
  ["ha", ["harbour"]],
  ["s", ["shipping", "strikes"]],
  ["", ["harbour", "pings", "rail", "shipping", "strikes"]],
  ["zz", []],
])("autocomplete filters topics as typed: %j", async (typed, want) => {
  const body = await interact(autocompleteInteraction(APP, "brief", "topic", typed));
  expect(body).toEqual({ type: 8, data: { choices: want.map((t) => ({ name: t, value: t })) } });
});

test("Post publicly re-posts the embeds for everyone", async () => {
  const ephemeral = answerToMessage({ kind: "brief", topic: "harbour", cards: [asker.card("harbour")] });
  const body = await interact(buttonInteraction(APP, APP, "briefbot:public", ephemeral.embeds));
  expect(body).toEqual({ type: 4, data: { embeds: ephemeral.embeds, allowed_mentions: { parse: [] } } });
});

test("hostile mentions in article text never ping and show escaped", async () => {
  const body = (await interact(commandInteraction(APP, "brief", { topic: "pings" }))) as { data: { allowed_mentions: unknown; embeds: Array<{ title: string; description: string; fields: Array<{ name: string; value: string }> }> } };
  expect(body.data.allowed_mentions).toEqual({ parse: [] });
  const e = body.data.embeds[0]!;
  expect(e.title).toBe("Ping storm: @\u200beveryone \\<@123\\> \\<@&456\\> \\*\\*bold\\*\\*");
  expect(e.fields[0]!.name).toBe("Ada Quill, moderator");
  expect(e.fields[0]!.value).toMatch(/^“Hello @\u200beveryone and \\<@123\\>, read this now please,?”$/);
  const all = JSON.stringify(body);
  expect(all).not.toMatch(/(?<!\\\\)<@/); // every mention is escaped
  expect(all).not.toMatch(/@everyone/);
});

test("a mention is answered with a reply in the channel, pinging nobody", async () => {
  const from = fake.requests.length;
  const msg = messageCreate(APP, `<@${APP}> who said open the harbour`);
  fake.dispatch("MESSAGE_CREATE", msg);
  const req = await fake.request("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`), from);
  expect(req.body).toEqual({
    ...answerToMessage(await asker.ask("who said open the harbour"), { ephemeral: false }),
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: { message_id: msg.id, fail_if_not_exists: false },
  });
});

test("a direct message is answered without a mention", async () => {
  const from = fake.requests.length;
  const dm = directMessage("rail");
  fake.dispatch("MESSAGE_CREATE", dm);
  const req = await fake.request("POST", /^\/channels\/820000000000000001\/messages$/, from);
  expect(req.body).toEqual({
    ...answerToMessage({ kind: "brief", topic: "rail", cards: [asker.card("rail")] }, { ephemeral: false }),
    allowed_mentions: { parse: [], replied_user: false },
    message_reference: { message_id: dm.id, fail_if_not_exists: false },
  });
});

test("a message that does not mention the bot is left alone", async () => {
  const from = fake.requests.length;
  fake.dispatch("MESSAGE_CREATE", { ...messageCreate(APP, "harbour news, anyone?"), mentions: [] });
  fake.dispatch("MESSAGE_CREATE", messageCreate(APP, `<@${APP}> pings`)); // a marker that is answered
  await fake.request("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`), from);
  expect(fake.requestsTo("POST", /^\/channels\//).slice(-1)[0]!.body).toMatchObject({ embeds: [{ url: "https://news.example/pings" }] });
  expect(fake.requests.slice(from).filter((r) => r.method === "POST")).toHaveLength(1);
});

test("a reply refused for missing permissions is logged with what to do", async () => {
  fake.failNext("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`), 403, { message: "Missing Permissions", code: 50013 });
  fake.dispatch("MESSAGE_CREATE", messageCreate(APP, `<@${APP}> harbour`));
  await fake.waitFor(() => logger.lines.some((l) => l.msg === "discord: could not answer a mention"), "the error log line");
  const line = logger.lines.find((l) => l.msg === "discord: could not answer a mention")!;
  expect(line.level).toBe("error");
  expect(line.fields).toMatchObject({
    channel: CHANNEL_ID,
    err: { code: 50013, status: 403, hint: "missing permissions: the bot needs View Channel, Send Messages, Embed Links, Attach Files and Read Message History there" },
  });
});

test("a 429 with retry_after is waited out and the answer still arrives", async () => {
  const payload = commandInteraction(APP, "brief", { topic: "harbour" });
  const path = new RegExp(`^/interactions/${payload.id}/`);
  fake.failNext("POST", path, 429, { message: "You are being rate limited.", retry_after: 0.05, global: false }, { "retry-after": "0.05" });
  const from = fake.requests.length;
  fake.dispatch("INTERACTION_CREATE", payload);
  await fake.waitFor(() => fake.requests.slice(from).filter((r) => path.test(r.path)).length === 2, "the retried callback");
  const tries = fake.requests.slice(from).filter((r) => path.test(r.path));
  expect(tries[1]!.body).toEqual(tries[0]!.body);
  expect(tries[1]!.body).toEqual({ type: 4, data: answerToMessage({ kind: "brief", topic: "harbour", cards: [asker.card("harbour")] }) });
  await fake.waitFor(() => logger.lines.some((l) => l.msg === "discord: rate limited (429), waiting retry_after" && l.fields.retryAfterSeconds === 0.05), "the rate limit log line");
});

test("the token never appears in the logs", () => {
  expect(logger.lines.length).toBeGreaterThan(0);
  expect(JSON.stringify(logger.lines)).not.toContain(FAKE_TOKEN);
});

import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import type { Asker } from "../../../src/ask/index.js";
import { answerToMessage } from "../../../src/render/discord/index.js";
import { GatedAsker, ManyTopicsAsker, TestAsker } from "../../fakes/discord/asker.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { autocompleteInteraction, buttonInteraction, commandInteraction } from "../../fakes/discord/payloads.js";
import { FakeDiscord } from "../../fakes/discord/server.js";
import { signatureHeaders, signingKey } from "../../fakes/discord/signing.js";

const APP = "900000000000000001";
const NOW = 1_780_000_000_000;
const key = signingKey();
const other = signingKey();
const asker = new TestAsker();
let fake: FakeDiscord;
const running: RunningDiscord[] = [];

async function start(a: Asker = asker, deferAfterMs = 1000): Promise<RunningDiscord & { port: number }> {
  const bot = await startDiscord({
    asker: a, logger: memoryLogger(), now: () => NOW,
    config: { mode: "http", token: FAKE_TOKEN, applicationId: APP, publicKey: key.publicKeyHex, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1", deferAfterMs },
  });
  running.push(bot);
  return bot as RunningDiscord & { port: number };
}

let bot: RunningDiscord & { port: number };
beforeAll(async () => {
  fake = await FakeDiscord.start({ applicationId: APP });
  bot = await start();
});
afterAll(async () => {
  for (const b of running) await b.stop();
  await fake?.close();
});

async function post(port: number, payload: unknown, headers: Record<string, string>, path = "/interactions") {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", headers, body: JSON.stringify(payload) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}
const signed = (payload: unknown, ts = NOW / 1000) => signatureHeaders(key, JSON.stringify(payload), ts);

test("PING is answered with PONG", async () => {
  expect(await post(bot.port, { type: 1 }, signed({ type: 1 }))).toEqual({ status: 200, body: { type: 1 } });
});

const commands: Array<[string, Record<string, string>, () => Promise<unknown>]> = [
  ["brief", { topic: "harbour" }, async () => answerToMessage({ kind: "brief", topic: "harbour", cards: [asker.card("harbour")] })],
  ["whosaid", { words: "open the harbour" }, async () => answerToMessage(await asker.answer({ kind: "whosaid", words: "open the harbour" }))],
  ["figures", { topic: "harbour" }, async () => answerToMessage(await asker.answer({ kind: "figures", topic: "harbour" }))],
];

describe.each(commands)("/%s over HTTP", (name, options, expected) => {
  test("valid signature: answered in the response", async () => {
    const payload = commandInteraction(APP, name, options);
    expect(await post(bot.port, payload, signed(payload))).toEqual({ status: 200, body: { type: 4, data: await expected() } });
  });

  test("forged: signed with another key, or the body changed after signing: 401", async () => {
    const payload = commandInteraction(APP, name, options);
    const ts = String(NOW / 1000);
    expect((await post(bot.port, payload, signatureHeaders(other, JSON.stringify(payload), NOW / 1000))).status).toBe(401);
    const tampered = { ...payload, data: { ...payload.data, name: name === "figures" ? "brief" : "figures" } };
    expect(await post(bot.port, tampered, signed(payload))).toEqual({ status: 401, body: { error: "invalid request signature (forged)" } });
    expect((await post(bot.port, payload, { "x-signature-timestamp": ts, "content-type": "application/json" })).status).toBe(401);
  });

  test("stale or from the future (more than 5 minutes off): 401", async () => {
    const payload = commandInteraction(APP, name, options);
    expect(await post(bot.port, payload, signed(payload, NOW / 1000 - 301))).toEqual({ status: 401, body: { error: "invalid request signature (stale)" } });
    expect((await post(bot.port, payload, signed(payload, NOW / 1000 + 301))).status).toBe(401);
    expect((await post(bot.port, payload, signed(payload, NOW / 1000 - 299))).status).toBe(200);
  });
});

test("unsigned requests are refused before anything is parsed", async () => {
  expect(await post(bot.port, { type: 1 }, { "content-type": "application/json" })).toEqual({ status: 401, body: { error: "invalid request signature (unsigned)" } });
});

test("autocomplete: at most 25 choices, filtered as typed", async () => {
  const many = await start(new ManyTopicsAsker());
  const all = autocompleteInteraction(APP, "brief", "topic", "");
  const r = (await post(many.port, all, signed(all))) as { status: number; body: { type: number; data: { choices: Array<{ name: string }> } } };
  expect(r.body.type).toBe(8);
  expect(r.body.data.choices).toHaveLength(25);
  expect(r.body.data.choices[0]).toEqual({ name: "topic00", value: "topic00" });
  const typed = autocompleteInteraction(APP, "figures", "topic", "topic3");
  expect((await post(many.port, typed, signed(typed))).body).toEqual({
    type: 8, data: { choices: Array.from({ length: 10 }, (_, i) => ({ name: `topic3${i}`, value: `topic3${i}` })) },
  });
});

test("Post publicly over HTTP", async () => {
  const { embeds } = answerToMessage({ kind: "brief", topic: "rail", cards: [asker.card("rail")] });
  const payload = buttonInteraction(APP, APP, "briefbot:public", embeds);
  expect((await post(bot.port, payload, signed(payload))).body).toEqual({ type: 4, data: { embeds, allowed_mentions: { parse: [] } } });
});

test("a slow answer is deferred at once, then edited in; stop() waits for it", async () => {
  const gated = new GatedAsker();
  const slow = await start(gated, 20);
  const payload = commandInteraction(APP, "brief", { topic: "harbour" });
  expect(await post(slow.port, payload, signed(payload))).toEqual({ status: 200, body: { type: 5, data: { flags: 64 } } });
  const from = fake.requests.length;
  const stopped = slow.stop();
  gated.release();
  const edit = await fake.request("PATCH", new RegExp(`^/webhooks/${APP}/${payload.token}/messages/@original$`), from);
  const { flags: _f, ...want } = answerToMessage({ kind: "brief", topic: "harbour", cards: [asker.card("harbour")] });
  expect(edit.body).toEqual(want);
  expect(edit.headers.authorization).toBeUndefined(); // webhook edits go without the bot token
  await stopped;
});

test("an asker failure is logged and answered with an apology only the asker sees", async () => {
  class FailingAsker extends TestAsker {
    override async answer(): Promise<never> {
      throw new Error("store is down");
    }
  }
  const logger = memoryLogger();
  const failing = await startDiscord({
    asker: new FailingAsker(), logger, now: () => NOW,
    config: { mode: "http", token: FAKE_TOKEN, applicationId: APP, publicKey: key.publicKeyHex, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1" },
  });
  running.push(failing);
  const payload = commandInteraction(APP, "brief", { topic: "harbour", public: true });
  expect(await post(failing.port!, payload, signed(payload))).toEqual({
    status: 200,
    body: { type: 4, data: { content: "Sorry, something went wrong while answering. Please try again in a moment.", embeds: [], allowed_mentions: { parse: [] }, flags: 64 } },
  });
  expect(logger.lines).toContainEqual({ level: "error", fields: { err: { name: "Error", message: "store is down" }, command: "brief" }, msg: "discord: the asker failed" });
});

test("not an interaction, wrong path or method", async () => {
  expect((await post(bot.port, { hello: 1 }, signed({ hello: 1 }))).status).toBe(400);
  expect((await post(bot.port, { type: 1 }, signed({ type: 1 }), "/elsewhere")).status).toBe(404);
  expect((await fetch(`http://127.0.0.1:${bot.port}/interactions`)).status).toBe(405);
  expect((await fetch(`http://127.0.0.1:${bot.port}/healthz`)).status).toBe(200);
});

// /trend on Discord: real discord.js (gateway, and the HTTP interactions endpoint) against the fake
// Discord, the real asker over the sample articles; the chart is a multipart attachment that the
// embed's image points at (attachment://chart.png).
import { startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import { createAsker } from "../../../src/ask/index.js";
import { createMemoryStore, type BriefingStore } from "../../../src/store/index.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { CHANNEL_ID, commandInteraction, messageCreate } from "../../fakes/discord/payloads.js";
import { FakeDiscord, type RecordedRequest } from "../../fakes/discord/server.js";
import { signatureHeaders, signingKey } from "../../fakes/discord/signing.js";
import { pngSize } from "../../helpers/png.js";
import { putSamples } from "../../trends/samples.js";

jest.setTimeout(60_000);

const APP = "900000000000000001";
const NOW = 1_780_000_000_000;
const key = signingKey();
let store: BriefingStore;
let fake: FakeDiscord;
let gateway: RunningDiscord;
let http: RunningDiscord & { port: number };

beforeAll(async () => {
  store = createMemoryStore();
  await putSamples(store);
  fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  const asker = createAsker(store);
  gateway = await startDiscord({ asker, logger: memoryLogger(), config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl } });
  http = (await startDiscord({
    asker, logger: memoryLogger(), now: () => NOW,
    config: { mode: "http", token: FAKE_TOKEN, applicationId: APP, publicKey: key.publicKeyHex, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1", deferAfterMs: 1000 },
  })) as RunningDiscord & { port: number };
});
afterAll(async () => {
  await gateway?.stop();
  await http?.stop();
  await fake?.close();
  await store?.close();
});

type Sent = { embeds: Array<{ title: string; description: string; image?: { url: string }; fields: Array<{ name: string; value: string }> }>; attachments: Array<{ id: number; filename: string; description: string }>; flags?: number };

/** The message carries the chart: one PNG file, named in attachments[], shown by the embed. */
function expectChart(req: RecordedRequest): Sent {
  expect(String(req.headers["content-type"])).toMatch(/^multipart\/form-data; boundary=/);
  const body = req.body as Sent;
  expect(req.files).toHaveLength(1);
  const file = req.files![0]!;
  expect(file).toMatchObject({ field: "files[0]", filename: "chart.png", contentType: "image/png" });
  const size = pngSize(file.bytes);
  expect(size.width).toBeGreaterThan(700);
  expect(file.bytes.length).toBeLessThan(8 * 1024 * 1024); // Discord's smallest upload limit for bots: 8 MiB (10 MiB today)
  expect(body.attachments).toEqual([{ id: 0, filename: "chart.png", description: expect.stringContaining("2026-12-01 3200") }]);
  expect(body.embeds[0]!.image).toEqual({ url: "attachment://chart.png" });
  expect(body.embeds[0]!.title).toBe("Trend: evacuees \\(people\\) in wildfire"); // escaped as every title is
  expect(body.embeds[0]!.fields.map((f) => f.name)).toEqual(["2026-12-01 · 3,200", "2026-12-02 · more than 9,000", "2026-12-03 · 15,400"]);
  return body;
}

test("gateway: /trend defers, then edits in the answer with the chart attached", async () => {
  const from = fake.requests.length;
  const i = commandInteraction(APP, "trend", { what: "evacuees", topic: "wildfire" });
  fake.dispatch("INTERACTION_CREATE", i);
  const cb = await fake.request("POST", new RegExp(`^/interactions/${i.id}/${i.token}/callback$`), from);
  expect(cb.body).toEqual({ type: 5, data: { flags: 64 } });
  const edit = await fake.request("PATCH", new RegExp(`^/webhooks/${APP}/${i.token}/messages/@original$`), from);
  expectChart(edit);
  // What Discord answered: the attachment on its CDN, the embed's image pointing there.
  expect(fake.requests.indexOf(edit)).toBeGreaterThan(fake.requests.indexOf(cb));
});

test("gateway: a mention asking how a figure changed gets a reply with the chart", async () => {
  const from = fake.requests.length;
  const msg = messageCreate(APP, `<@${APP}> evacuees over time`);
  fake.dispatch("MESSAGE_CREATE", msg);
  const req = await fake.request("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`), from);
  expectChart(req);
  expect(req.body).toMatchObject({ message_reference: { message_id: msg.id }, allowed_mentions: { parse: [] } });
  const created = fake.channelMessages.at(-1)! as { attachments: Array<{ filename: string; url: string }>; embeds: Array<{ image: { url: string } }> };
  expect(created.attachments[0]!.filename).toBe("chart.png");
  expect(created.embeds[0]!.image.url).toBe(created.attachments[0]!.url);
});

test("HTTP endpoint: the deferral is the HTTP response; the chart comes with the edit; one point sends no file", async () => {
  const payload = commandInteraction(APP, "trend", { what: "evacuees", topic: "wildfire", public: true });
  const from = fake.requests.length;
  const res = await fetch(`http://127.0.0.1:${http.port}/interactions`, { method: "POST", headers: signatureHeaders(key, JSON.stringify(payload), NOW / 1000), body: JSON.stringify(payload) });
  expect(await res.json()).toEqual({ type: 5, data: {} });
  const edit = await fake.request("PATCH", new RegExp(`^/webhooks/${APP}/${payload.token}/messages/@original$`), from);
  expect(expectChart(edit).flags).toBeUndefined();

  const one = commandInteraction(APP, "trend", { what: "homes", topic: "wildfire" });
  const at = fake.requests.length;
  await fetch(`http://127.0.0.1:${http.port}/interactions`, { method: "POST", headers: signatureHeaders(key, JSON.stringify(one), NOW / 1000), body: JSON.stringify(one) });
  const single = await fake.request("PATCH", new RegExp(`^/webhooks/${APP}/${one.token}/messages/@original$`), at);
  expect(single.files).toBeUndefined();
  const body = single.body as Sent;
  expect(body.embeds[0]!.description).toMatch(/^Only one article gives homes in wildfire/);
  expect(body.embeds[0]!.image).toBeUndefined();
  expect(body.attachments).toBeUndefined();
});

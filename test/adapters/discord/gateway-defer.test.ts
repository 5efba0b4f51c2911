// Gateway mode with a slow asker: defer at once, edit the answer in; a 5xx on the edit is retried;
// stop() lets the answer under way finish before disconnecting.
import { startDiscord } from "../../../src/adapters/discord/index.js";
import { answerToMessage } from "../../../src/render/discord/index.js";
import { GatedAsker } from "../../fakes/discord/asker.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { commandInteraction } from "../../fakes/discord/payloads.js";
import { FakeDiscord } from "../../fakes/discord/server.js";

const APP = "900000000000000001";

test("a slow answer is deferred, edited in after a 500 is retried, and stop() waits for it", async () => {
  const fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  const asker = new GatedAsker();
  const logger = memoryLogger();
  const bot = await startDiscord({ asker, logger, config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl, deferAfterMs: 20, mentions: false } });
  try {
    const payload = commandInteraction(APP, "whosaid", { words: "open the harbour", public: true });
    fake.dispatch("INTERACTION_CREATE", payload);
    const deferred = await fake.request("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`));
    expect(deferred.body).toEqual({ type: 5, data: {} }); // public: no ephemeral flag

    const edit = new RegExp(`^/webhooks/${APP}/${payload.token}/messages/@original$`);
    fake.failNext("PATCH", edit, 500, { message: "Internal Server Error", code: 0 });
    const stopped = bot.stop();
    asker.release();
    await fake.waitFor(() => fake.requestsTo("PATCH", edit).length === 2, "the retried edit");
    const [first, second] = fake.requestsTo("PATCH", edit);
    expect(second!.body).toEqual(first!.body);
    expect(second!.body).toEqual(answerToMessage(await asker.answer({ kind: "whosaid", words: "open the harbour" }), { ephemeral: false }));
    await stopped;
    expect(logger.lines.find((l) => l.msg === "discord: server error, retrying after a pause")!.fields).toMatchObject({ what: "edit", attempt: 1, delayMs: 250, err: { status: 500 } });
    expect(logger.lines.map((l) => l.msg)).toEqual(expect.arrayContaining(["discord: server error from Discord", "discord: server error, retrying after a pause", "discord: disconnected from the gateway"]));
    await fake.waitFor(() => fake.connections === 0, "the gateway to close");
  } finally {
    await bot.stop();
    await fake.close();
  }
});

test("a refused token fails start-up with a clear error and leaves nothing running", async () => {
  const fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  try {
    fake.failNext("GET", /^\/gateway\/bot$/, 401, { message: "401: Unauthorized", code: 0 });
    const logger = memoryLogger();
    const started = startDiscord({ asker: new GatedAsker(), logger, config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl } });
    await expect(started).rejects.toMatchObject({ code: "connect_failed", message: "Discord refused the bot token (DISCORD_TOKEN)" });
    expect(fake.connections).toBe(0);
  } finally {
    await fake.close();
  }
});

// slack.host and discord.host: the HTTP listeners (Slack HTTP mode, Discord interactions) bind the
// address the config names. Bound to 127.0.0.2 (loopback, but not 127.0.0.1), each answers there while
// the test itself holds the same port on 127.0.0.1, so a listener on 127.0.0.1 or on every interface
// could not have started: the setting is what the listener uses. (Checking that nothing answers on
// 127.0.0.1 instead failed now and then: another test's server could hold that port there.) On the same running bot (the
// real asker over briefings/), an unknown topic gets the topics briefbot knows on Slack and Discord alike.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { loadConfig } from "../src/config/index.js";
import { createLogger } from "../src/log/index.js";
import { startBot } from "../src/main.js";
import { FakeDiscord } from "./fakes/discord/server.js";
import { signatureHeaders, signingKey } from "./fakes/discord/signing.js";
import { FakeSlack } from "./fakes/slack/server.js";
import { postToApp, slashCommand } from "./fakes/slack/payloads.js";
import { commandInteraction } from "./fakes/discord/payloads.js";

const HOST = "127.0.0.2";
const BOT = "xoxb-1-host-test";
const APP_ID = "900000000000000009";
const SECRET = "host-test-secret";

const listen = (host: string, port: number) =>
  new Promise<Server>((done, fail) => {
    const s = createServer((c) => void (s.emit("guarded"), c.destroy()));
    s.once("error", fail);
    s.listen(port, host, () => done(s));
  });
const closeServer = (s: Server) => new Promise<void>((done) => s.close(() => done()));

/** A port free on HOST, and held on 127.0.0.1 by the returned guard until the test closes it. */
async function guardedPort(): Promise<{ port: number; guard: Server }> {
  for (let tries = 0; ; tries++) {
    const probe = await listen(HOST, 0);
    const { port } = probe.address() as AddressInfo;
    await closeServer(probe);
    try {
      return { port, guard: await listen("127.0.0.1", port) };
    } catch (err) {
      if (tries >= 20) throw err;
    }
  }
}

/** Whether a TCP connection to host:port reaches the guard (the test's own listener there). */
const reachesGuard = (guard: Server, port: number) =>
  new Promise<boolean>((done) => {
    let seen = false;
    guard.once("guarded", () => (seen = true));
    const c = connect({ host: "127.0.0.1", port });
    c.once("close", () => setTimeout(() => done(seen), 20));
    c.once("error", () => done(false));
  });

test("the HTTP listeners bind slack.host and discord.host", async () => {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-host-"));
  const slack = await FakeSlack.start({ botToken: BOT });
  const discord = await FakeDiscord.start({ applicationId: APP_ID });
  const key = signingKey();
  const slackGuard = await guardedPort();
  const discordGuard = await guardedPort();
  const [slackPort, discordPort] = [slackGuard.port, discordGuard.port];
  const cfg = join(dir, "host.yaml");
  writeFileSync(
    cfg,
    [
      "store:\n  db: memory",
      `briefings:\n  dir: ${resolve(__dirname, "..", "briefings")}`,
      "console:\n  enabled: false",
      `slack:\n  mode: http\n  port: ${slackPort}\n  host: ${HOST}`,
      `discord:\n  mode: http\n  port: ${discordPort}\n  host: ${HOST}`,
      "",
    ].join("\n"),
  );
  const config = loadConfig({
    root: resolve(__dirname, ".."),
    file: cfg,
    env: {
      SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: "OTAwMDAwMDAwMDAwMDAwMDA5.GfAkEt.abcdefghijklmnopqrstuvwxyz0123456789ABCD", DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_PUBLIC_KEY: key.publicKeyHex, DISCORD_API_URL: discord.apiUrl,
    },
  });
  expect([config.slack.host, config.discord.host]).toEqual([HOST, HOST]);
  const bot = await startBot({
    config,
    logger: createLogger({ level: "silent", pretty: false, stream: new Writable({ write: (_c, _e, done) => done() }) }),
    root: dir,
    now: Date.now,
    console: { input: new PassThrough(), write: () => undefined, interactive: false },
  });
  try {
    expect(bot.adapters).toEqual(expect.arrayContaining(["slack", "discord"]));
    // Discord: a signed PING answers PONG on the configured address.
    const ping = JSON.stringify({ type: 1 });
    const res = await fetch(`http://${HOST}:${discordPort}/interactions`, { method: "POST", headers: signatureHeaders(key, ping, Math.floor(Date.now() / 1000)), body: ping });
    expect(await res.json()).toEqual({ type: 1 });
    // Slack: an unsigned request is refused, by our listener, on the configured address.
    expect((await fetch(`http://${HOST}:${slackPort}/slack/events`, { method: "POST", body: "{}" })).status).toBe(401);
    expect(await reachesGuard(slackGuard.guard, slackPort)).toBe(true);

    // An unknown topic, with one-letter words and a lone digit: the known topics, on both platforms.
    const brief = commandInteraction(APP_ID, "brief", { topic: "zanzibar y z 1" });
    const body = JSON.stringify(brief);
    const answer = (await (await fetch(`http://${HOST}:${discordPort}/interactions`, { method: "POST", headers: signatureHeaders(key, body, Math.floor(Date.now() / 1000)), body })).json()) as { data: { content: string } };
    expect(answer.data.content).toMatch(/^Nothing found for “zanzibar y z 1”\. Topics I know: [a-z][^.]*\./);
    const slash = await postToApp(`http://${HOST}:${slackPort}/slack/events`, "form", slashCommand("/brief", "zanzibar y z 1", slack.responseUrl("z")), { secret: SECRET, timestampSec: Math.floor(Date.now() / 1000) });
    const said = JSON.stringify(JSON.parse(slash.body));
    expect(said).toContain("I have no briefing on “zanzibar y z 1”.");
    expect(said).toMatch(/Topics I know: [^"]*\*[a-z]+\*/);
    expect(await reachesGuard(discordGuard.guard, discordPort)).toBe(true);
  } finally {
    await bot.stop();
    await slack.close();
    await discord.close();
    await closeServer(slackGuard.guard);
    await closeServer(discordGuard.guard);
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test("the default is 0.0.0.0 (every interface, as Docker needs)", () => {
  const config = loadConfig({ root: resolve(__dirname, ".."), env: {} });
  expect([config.slack.host, config.discord.host]).toEqual(["0.0.0.0", "0.0.0.0"]);
});

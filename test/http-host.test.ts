// slack.host and discord.host: the HTTP listeners (Slack HTTP mode, Discord interactions) bind the
// address the config names. Bound to 127.0.0.2 (loopback, but not 127.0.0.1), each answers there and
// refuses 127.0.0.1, which shows the setting is what the listener uses. On the same running bot (the
// real asker over briefings/), an unknown topic gets the topics briefbot knows on Slack and Discord alike.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
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

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, HOST, () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((done) => {
    const c = connect({ host, port });
    c.once("connect", () => (c.destroy(), done(true)));
    c.once("error", () => done(false));
  });

test("the HTTP listeners bind slack.host and discord.host", async () => {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-host-"));
  const slack = await FakeSlack.start({ botToken: BOT });
  const discord = await FakeDiscord.start({ applicationId: APP_ID });
  const key = signingKey();
  const [slackPort, discordPort] = [await freePort(), await freePort()];
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
    expect(await accepts("127.0.0.1", slackPort)).toBe(false);

    // An unknown topic, with one-letter words and a lone digit: the known topics, on both platforms.
    const brief = commandInteraction(APP_ID, "brief", { topic: "zanzibar y z 1" });
    const body = JSON.stringify(brief);
    const answer = (await (await fetch(`http://${HOST}:${discordPort}/interactions`, { method: "POST", headers: signatureHeaders(key, body, Math.floor(Date.now() / 1000)), body })).json()) as { data: { content: string } };
    expect(answer.data.content).toMatch(/^Nothing found for “zanzibar y z 1”\. Topics I know: [a-z][^.]*\./);
    const slash = await postToApp(`http://${HOST}:${slackPort}/slack/events`, "form", slashCommand("/brief", "zanzibar y z 1", slack.responseUrl("z")), { secret: SECRET, timestampSec: Math.floor(Date.now() / 1000) });
    const said = JSON.stringify(JSON.parse(slash.body));
    expect(said).toContain("I have no briefing on “zanzibar y z 1”.");
    expect(said).toMatch(/Topics I know: [^"]*\*[a-z]+\*/);
    expect(await accepts("127.0.0.1", discordPort)).toBe(false);
  } finally {
    await bot.stop();
    await slack.close();
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);

test("the default is 0.0.0.0 (every interface, as Docker needs)", () => {
  const config = loadConfig({ root: resolve(__dirname, ".."), env: {} });
  expect([config.slack.host, config.discord.host]).toEqual(["0.0.0.0", "0.0.0.0"]);
});

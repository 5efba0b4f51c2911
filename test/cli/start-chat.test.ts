// `briefbot start` with Slack tokens set: the built bot, as a process, serves a fake Slack from the
// store it filled from briefings/, runs no console, and stops cleanly on SIGTERM.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { FakeSlack } from "../fakes/slack/server.js";
import { slashCommand } from "../fakes/slack/payloads.js";

const root = resolve(__dirname, "../..");
const bin = join(root, "bin", "briefbot.js");
const built = existsSync(join(root, "dist", "src", "cli", "index.js"));
const tmp = mkdtempSync(join(tmpdir(), "briefbot-chat-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BOT = "xoxb-9999-start-test-secret";
const APP = "xapp-1-A9-start-test-secret";

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK|DISCORD|BRIEFBOT|DATABASE_URL)/.test(k)) out[k] = v;
  return { ...out, LOG_LEVEL: "info", ...extra };
}

const exited = (child: ChildProcessWithoutNullStreams) => new Promise<number | null>((done) => child.on("close", (code) => done(code)));

(built ? test : test.skip)("Socket Mode from the environment; SIGTERM stops it and closes the store", async () => {
  const fake = await FakeSlack.start({ botToken: BOT, appToken: APP });
  const child = spawn(process.execPath, [bin, "start", "--db", join(tmp, "slack.db")], {
    env: env({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_API_URL: fake.apiUrl }),
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const code = exited(child);
  try {
    await fake.socketConnected();
    const brief = await fake.sendEnvelope("slash_commands", slashCommand("/brief", "kyiv", fake.responseUrl("b1")));
    const payload = brief.ack.payload as { response_type: string; text: string };
    expect(payload.response_type).toBe("ephemeral");
    expect(payload.text).toMatch(/^Ukraine races to repair power grid before winter as Kyiv rations electricity/);
    const who = await fake.sendEnvelope("slash_commands", slashCommand("/whosaid", "cook fast and charge everything", fake.responseUrl("w1")));
    expect(JSON.stringify(who.ack.payload)).toContain("Iryna Savchuk");
  } finally {
    child.kill("SIGTERM");
    expect(await code).toBe(0);
    await fake.close();
  }
  expect(out).toBe(""); // no console when a chat adapter runs
  const lines = err.trim().split("\n").map((l) => JSON.parse(l) as { msg: string; adapters?: string[] });
  expect(lines.find((l) => l.msg === "briefbot started")?.adapters).toEqual(["slack"]);
  expect(lines.at(-1)?.msg).toBe("briefbot stopped");
  expect(err).not.toContain(BOT);
  expect(err).not.toContain(APP);
});

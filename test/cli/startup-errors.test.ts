// Start-up failures read as one line (`briefbot: the bot did not start: ...`), the stack only at
// LOG_LEVEL=debug; output into a closed pipe ends quietly. Runs the built bin/briefbot.js.
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, ROOT, runBin } from "../helpers/bin.js";

const tmp = mkdtempSync(join(tmpdir(), "briefbot-startup-"));
/** A fresh machine: no chat tokens, no database settings. */
const CLEAN = Object.fromEntries(Object.keys(process.env).filter((k) => /^(SLACK|DISCORD|BRIEFBOT|DATABASE_URL)/.test(k)).map((k) => [k, undefined]));
const STACK = /\n\s+at /;

test("DISCORD_TOKEN without DISCORD_APPLICATION_ID: one line naming the variable, exit 1", () => {
  const r = runBin(["start", "--db", join(tmp, "a.db")], { env: { ...CLEAN, DISCORD_TOKEN: "x", LOG_LEVEL: "warn" } });
  expect(r.stderr).toMatch(/^briefbot: the bot did not start: set DISCORD_APPLICATION_ID/);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.status).toBe(1);
});

test("at LOG_LEVEL=debug the same failure shows its stack", () => {
  const r = runBin(["start", "--db", join(tmp, "b.db")], { env: { ...CLEAN, DISCORD_TOKEN: "x", LOG_LEVEL: "debug" } });
  expect(r.stderr).toMatch(/briefbot: the bot did not start: set DISCORD_APPLICATION_ID/);
  expect(r.stderr).toMatch(STACK);
  expect(r.status).toBe(1);
});

describe("Slack does not answer", () => {
  // A port that accepts connections and closes them at once: every Web API call fails.
  let server: Server;
  let url = "";
  beforeAll(async () => {
    server = createServer((s) => s.destroy());
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/api/`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test("the start fails with one line, no stack", async () => {
    const env = { ...CLEAN, SLACK_BOT_TOKEN: "xoxb-test", SLACK_APP_TOKEN: "xapp-test", SLACK_API_URL: url, LOG_LEVEL: "silent" };
    const r = await new Promise<{ status: number | null; stderr: string }>((done) => {
      // Asynchronous: the server above answers from this process.
      const child = spawn(process.execPath, [BIN, "start", "--db", join(tmp, "c.db")], { env: { ...process.env, ...env } as NodeJS.ProcessEnv, cwd: ROOT });
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.stdin.end();
      child.on("close", (status) => done({ status, stderr }));
    });
    expect(r.stderr).toMatch(/^briefbot: the bot did not start: .*Slack/);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.status).toBe(1);
  });
});

test("output into a closed pipe ends quietly: no EPIPE, exit 0", () => {
  const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ id: i, text: "The council met on Monday. It agreed to build 40 houses by the river." })).join("\n");
  // The shell closes the pipe after the first line, while the CLI is still writing.
  const r = spawnSync("sh", ["-c", `node "${BIN}" card --jsonl | head -1 >/dev/null`], { input: lines, encoding: "utf8", cwd: ROOT });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});

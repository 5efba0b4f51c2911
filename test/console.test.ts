// The console as a newcomer meets it (startBot on the bundled briefings/): the start-up line comes
// before the first prompt; /whosaid alone shows help; an unknown /command says so; /help lists /quit.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { loadConfig } from "../src/config/index.js";
import { createLogger } from "../src/log/index.js";
import { startBot } from "../src/main.js";

const ROOT = resolve(__dirname, "..");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "briefbot-console-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function session(lines: string[]): Promise<string[]> {
  const cfg = join(dir, "console.yaml");
  writeFileSync(cfg, "store:\n  db: memory\nconsole:\n  enabled: true\n  digestOnStart: false\n");
  const config = loadConfig({ root: ROOT, file: cfg, env: {} });
  const events: string[] = [];
  const log = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split("\n").filter(Boolean)) events.push(`log: ${(JSON.parse(l) as { msg: string }).msg}`);
      done();
    },
  });
  const input = new PassThrough();
  const bot = await startBot({
    config,
    logger: createLogger({ level: "info", pretty: false, stream: log }),
    root: ROOT,
    now: () => Date.UTC(2026, 10, 28),
    console: { input, write: (s) => void events.push(s), interactive: true },
  });
  input.end(lines.map((l) => `${l}\n`).join(""));
  await bot.consoleDone;
  await bot.stop();
  return events;
}

test("the start-up line comes before the first prompt", async () => {
  const events = await session([]);
  const started = events.indexOf("log: briefbot started");
  expect(started).toBeGreaterThanOrEqual(0);
  expect(events.indexOf("briefbot> ")).toBeGreaterThan(started);
});

test("/whosaid alone shows help; an unknown /command says it is unknown; /help lists /quit", async () => {
  const events = await session(["/whosaid", "/frobnicate the harbour", "/help", "/quit"]);
  const answers = events.filter((e) => !e.startsWith("log: ") && e !== "briefbot> ");
  expect(answers).toHaveLength(3);
  expect(answers[0]).toContain("who said <words>");
  expect(answers[1]).toBe("Unknown command /frobnicate. Commands: /brief, /whosaid, /quotes, /person, /figures, /trend, /story, /topics, /help, /quit.\n");
  expect(answers[2]).toMatch(/brief <topic>[\s\S]*\/quit +leave/);
});

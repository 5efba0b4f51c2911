// startBot with feeds in the configuration: polled in the background, on the timers given.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { loadConfig } from "../src/config/index.js";
import type { Timers } from "../src/ingest/index.js";
import { createLogger } from "../src/log/index.js";
import { startBot } from "../src/main.js";
import { startServer, type TestServer } from "./ingest/server.js";

let srv: TestServer;
let dir: string;
beforeAll(async () => {
  srv = await startServer();
  dir = mkdtempSync(join(tmpdir(), "briefbot-main-"));
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

test("configured feeds are polled in the background and their items stored", async () => {
  const cfg = join(dir, "feeds.yaml");
  writeFileSync(cfg, `store:\n  db: memory\nbriefings:\n  dir: ${dir}\nconsole:\n  enabled: false\nfeeds:\n  urls: ["${srv.base}/feed.xml"]\n  everyMinutes: 30\n`);
  const config = loadConfig({ root: resolve(__dirname, ".."), file: cfg, env: {} });
  let polled: () => void = () => undefined;
  const firstRound = new Promise<void>((r) => (polled = r));
  const lines = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (chunk.toString().includes("feeds polled")) polled();
      done();
    },
  });
  const scheduled: number[] = [];
  const timers: Timers = { setTimeout: (_fn, ms) => (scheduled.push(ms), scheduled.length), clearTimeout: () => undefined };
  const bot = await startBot({
    config,
    logger: createLogger({ level: "info", pretty: false, stream: lines }),
    root: dir,
    now: () => Date.UTC(2026, 4, 4),
    console: { input: new PassThrough(), write: () => undefined, interactive: false },
    timers,
  });
  try {
    await firstRound;
    expect(await bot.store.count()).toBe(2);
    await new Promise((r) => setImmediate(r));
    expect(scheduled).toEqual([30 * 60_000]);
  } finally {
    await bot.stop();
  }
});

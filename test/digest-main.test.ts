// The running bot with a digest destination: startBot starts the runner, a console destination gets
// its digest at its local time (the clock is passed in and runs at real speed from just before the
// slot), the ledger lives in the store's SQLite file, and stop() stops the runner before the store.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Readable } from "node:stream";
import Sqlite from "better-sqlite3";
import { loadConfig } from "../src/config/index.js";
import { digestDestinationSchema } from "../src/digest/index.js";
import { createLogger } from "../src/log/index.js";
import { startBot } from "../src/main.js";
import { offsetClock } from "./adapters/digest-world.js";
import { SAMPLES } from "./helpers/briefings.js";

const root = resolve(__dirname, "..");
let dir: string;
beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "briefbot-main-digest-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a console destination gets its digest at 07:00 Tokyo time, recorded in the store's database", async () => {
  const slot = Date.parse("2026-03-09T22:00:00Z"); // 07:00 on Tuesday 10 March in Tokyo
  // Room for start-up (ingesting briefings/) before the slot: a runner sends from its start on.
  const now = offsetClock(slot - 2500);
  const config = loadConfig({ root, env: {} });
  const db = join(dir, "bot.db");
  config.store.db = db;
  config.console.enabled = false;
  config.digest.owner = "test-replica";
  config.digest.destinations = [digestDestinationSchema.parse({ id: "tokyo", platform: "console", channel: "desk", time: "07:00", timezone: "Asia/Tokyo" })];
  const out: string[] = [];
  const bot = await startBot({
    config, root, now, logger: createLogger({ level: "silent", pretty: false }),
    console: { input: Readable.from(""), write: (s) => void out.push(s), interactive: false },
  });
  expect(bot.adapters).toEqual(["digest"]);
  expect(now()).toBeLessThan(slot);
  // The briefings in briefings/ were ingested just before the slot, so the digest carries them.
  for (let waited = 0; !out.length && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  await bot.stop();
  const text = out.join("");
  // The three Tessel wildfire reports (three outlets, three days) are one story: one item with its sources.
  expect(text).toMatch(/^Briefing digest for desk: 2026-03-10 07:00 \(Asia\/Tokyo\)\. \d+ new cards\./);
  expect(Number(/\. (\d+) new cards\./.exec(text)?.[1])).toBeLessThan(SAMPLES);
  expect(text).toContain("3 sources: Valley Courier, Northern Ledger, Radio Tessel");
  expect(text).toContain("Flood warning for 2.4 million people as the Marren river rises");
  const ledger = new Sqlite(db, { readonly: true });
  try {
    expect(ledger.prepare("SELECT destination_id, slot, status, owner FROM digest_ledger").all()).toEqual([
      { destination_id: "tokyo", slot, status: "sent", owner: "test-replica" },
    ]);
  } finally {
    ledger.close();
  }
});

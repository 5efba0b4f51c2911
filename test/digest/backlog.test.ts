// A late digest after a backlog: the bot was down at the slot and, once back, ingested more
// articles than one page of the store holds before the digest went out. The digest reads its
// own window (the last cut-off to the slot), so the cards from before the slot are all sent.
import Database from "better-sqlite3";
import pg from "pg";
import type { Article } from "../../src/core/index.js";
import { createConsoleSender, createDigestRunner, createSqliteLedger, storeDigestSource, type DigestLedger } from "../../src/digest/index.js";
import { createMemoryStore, createPostgresStore, createSqliteStore, type BriefingStore } from "../../src/store/index.js";
import { describePg, PG_URL } from "../store/pg-available.js";
import { card, createTestClock } from "./harness.js";
import { at, dest } from "./world.js";

const DAY1 = at("2026-01-01T07:00:00Z");
const DAY2 = at("2026-01-02T07:00:00Z");

const article = (i: number): Article => ({ title: `Tram line report ${i}`, text: `Tram line report ${i}\n\nThe number ${i} tram runs late again.` });

async function fill(store: BriefingStore, onTopicBeforeSlot: number, laterCount: number): Promise<void> {
  for (let i = 0; i < onTopicBeforeSlot; i++) await store.put(article(i), card(`before-${i}`, `Before the slot ${i}`, ["transport"], 1), DAY1 + (i + 1) * 60_000);
  // The backlog: ingested after the slot, while the late digest had not gone out yet; on topic too.
  const later = Array.from({ length: laterCount }, (_, k) => ({ article: article(10_000 + k), card: card(`after-${k}`, `After the slot ${k}`, ["transport"], 1) }));
  for (let k = 0; k < later.length; k += 200) await store.putMany(later.slice(k, k + 200), DAY2 + 3600_000 + k);
}

/** The previous digest (day one 07:00) is in the ledger; the bot was down at day two 07:00 and starts at 09:00. */
async function lateDigest(store: BriefingStore, ledger: DigestLedger): Promise<string[]> {
  const prev = await ledger.claim("t", DAY1, "old", DAY1, 60_000);
  if (prev.kind !== "claimed") throw new Error("claim expected");
  await ledger.complete(prev.claim, { status: "sent", messageId: "m0", contentUntil: DAY1 }, DAY1 + 1000);
  const clock = createTestClock(at("2026-01-02T09:00:00Z"), async () => undefined);
  const out: string[] = [];
  const d = dest("t", { platform: "console", topics: ["transport"], maxCards: 20 });
  const runner = createDigestRunner({ destinations: [d], ledger, source: storeDigestSource(store), senders: [createConsoleSender((s) => out.push(s))], now: clock.now, timers: clock.timers });
  await runner.start();
  await runner.settled();
  await runner.stop();
  expect(await ledger.get("t", DAY2)).toMatchObject({ status: "late" });
  return out;
}

function backlogCases(make: () => Promise<BriefingStore>): void {
  test("650 articles after the slot: the 12 from before it are all sent, late", async () => {
    const store = await make();
    await fill(store, 12, 650);
    const db = new Database(":memory:");
    const out = await lateDigest(store, createSqliteLedger(db));
    expect(out).toHaveLength(1);
    expect(out[0]?.split("\n")[0]).toBe("Briefing digest for C-t: 2026-01-02 07:00 (UTC), sent late. 12 new cards.");
    for (let i = 0; i < 12; i++) expect(out[0]).toContain(`Before the slot ${i}\n`);
    expect(out[0]).not.toContain("After the slot");
    db.close();
    await store.close();
  });

  test("nothing new before the slot, 650 after: the line says the digest is late", async () => {
    const store = await make();
    await fill(store, 0, 650);
    const db = new Database(":memory:");
    const out = await lateDigest(store, createSqliteLedger(db));
    expect(out).toEqual(["Digest for 2026-01-02 07:00 (UTC), sent late. Nothing new since 2026-01-01 07:00 (UTC).\n"]);
    db.close();
    await store.close();
  });
}

describe("late digest after a backlog: memory store", () => backlogCases(async () => createMemoryStore()));
describe("late digest after a backlog: SQLite store", () => backlogCases(async () => createSqliteStore(new Database(":memory:"))));

const run = `bbt_backlog_${process.pid}_${Date.now().toString(36)}`;
let pool: pg.Pool;
let n = 0;
describePg("late digest after a backlog: PostgreSQL store", () => {
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
  });
  afterAll(async () => {
    for (let i = 0; i < n; i++) await pool.query(`DROP SCHEMA IF EXISTS "${run}_${i}" CASCADE`);
    await pool.end();
  });
  backlogCases(async () => createPostgresStore(pool, { schema: `${run}_${n++}` }));
});

// A SQLite file that cannot be written (read-only) or cannot grow (disk full): a clear error naming the
// file, the store intact, and ingestion saying what was not stored.
// Read-only: chmod 444 on the file. Root ignores file modes, so when the tests run as root the CLI is
// run as the unprivileged user 65534 (nobody), as a deployment would run it.
// Disk full: a small tmpfs needs root to mount, so SQLite's own limit stands in for the disk: the
// `max_page_count` pragma makes a write that needs one more page fail with SQLITE_FULL, the same error
// and the same rollback as a full disk.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createIngestor } from "../../src/ingest/index.js";
import { createSqliteStore, openSqliteDatabase, StoreError, type BriefingStore } from "../../src/store/index.js";
import { BIN, ROOT } from "../helpers/bin.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-sqlite-fail-"));
  chmodSync(dir, 0o755);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** An invented article, different for each n. */
const article = (n: number) =>
  [
    `The town council of Arlow ${n} voted on Tuesday to spend ${(n + 3) * 1000} pounds on the footbridge over the mill race, its chair Petra Dunmore said.`,
    `"We have patched it for ${n + 2} winters and the planks will not take another," Dunmore said after the vote.`,
    `Work is due to start in spring and take ${n % 9 + 2} weeks; walkers will be sent round by the weir meanwhile.`,
  ].join("\n\n");

function writeArticles(from: number, to: number): string {
  const folder = join(dir, `in-${from}`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (let n = from; n < to; n++) writeFileSync(join(folder, `a${String(n).padStart(4, "0")}.txt`), article(n));
  return folder;
}

/** The built CLI; `unprivileged`: as nobody when the tests run as root. */
function cli(args: string[], unprivileged = true) {
  const asNobody = unprivileged && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", input: "", timeout: 60_000, env: { PATH: process.env.PATH, LOG_LEVEL: "silent" }, ...asNobody });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test("a read-only SQLite file: ingest and start fail with one line naming the file; the file is unchanged", () => {
  const db = join(dir, "store.db");
  expect(cli(["ingest", writeArticles(0, 3), "--db", db], false)).toMatchObject({ status: 0, stdout: "ingested 3, updated 0, unchanged 0, failed 0\n" });
  chmodSync(db, 0o444);
  const before = readFileSync(db);
  const ingest = cli(["ingest", writeArticles(3, 5), "--db", db]);
  expect(ingest.status).toBe(1);
  expect(ingest.stderr).toBe(`briefbot ingest: read_only: ${db} cannot be written: the file or its folder is read-only (briefbot writes the database and its -wal and -shm files beside it)\n`);
  const start = cli(["start", "--db", db]);
  expect(start.status).toBe(1);
  expect(start.stderr).toMatch(new RegExp(`^briefbot: the bot did not start: ${db.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} cannot be written: the file or its folder is read-only`));
  expect(start.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(db).equals(before)).toBe(true);
}, 120_000);

describe("disk full (max_page_count)", () => {
  let store: BriefingStore | undefined;
  afterEach(async () => store?.close());

  test("the batch that does not fit (and the one built behind it) is reported not stored, earlier batches stay, the file passes integrity_check", async () => {
    const path = join(dir, "full.db");
    const db = openSqliteDatabase(path);
    store = createSqliteStore(db, { name: path });
    const first = createIngestor({ store, now: () => 1, batchSize: 4 });
    await first.paths([writeArticles(0, 8)]);
    expect(first.summary()).toMatchObject({ ingested: 8, failed: [] });
    // Room for a couple of pages more: the next batch of four needs far more than that.
    const pages = db.pragma("page_count", { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const ing = createIngestor({ store, now: () => 2, batchSize: 4 });
    const err = await ing.paths([writeArticles(100, 140)]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: "full", message: `${path} cannot grow: the disk is full (or the database reached its max_page_count); nothing of this write was stored` });
    const s = ing.summary();
    const notStored = s.failed.filter((f) => f.code === "not_stored");
    // Whatever went in before the disk filled is counted; the batch that did not fit is named, file by
    // file, and so is the batch whose cards were built behind it (the ingestor builds one batch ahead).
    expect(notStored.length).toBeGreaterThanOrEqual(1);
    expect(notStored.length).toBeLessThanOrEqual(8);
    expect(s.ingested + notStored.length).toBeLessThanOrEqual(40);
    expect(notStored.every((f) => /a01\d\d\.txt$/.test(f.source))).toBe(true);
    expect(await store.count()).toBe(8 + s.ingested);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    // With room again, the same files go in.
    db.pragma("max_page_count = 1073741823");
    const again = createIngestor({ store, now: () => 3, batchSize: 4 });
    await again.paths([join(dir, "in-100")]);
    expect(await store.count()).toBe(48);
  });

});

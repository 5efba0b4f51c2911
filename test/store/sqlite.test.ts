import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { SQLITE_MIGRATIONS } from "../../src/store/sqlite-schema.js";
import { createMemoryStore, createSqliteStore, openSqliteDatabase, openSqliteStore, StoreError } from "../../src/store/index.js";
import { storeContract } from "./contract.js";
import { LOCK_1, LOCK_1_CARD, LOCK_3, LOCK_3_CARD } from "./people-samples.js";
import { BORDER, evalArticle, storiesContract } from "./stories-contract.js";
import { HARBOUR, HARBOUR_CARD } from "./samples.js";
import { dropLaterColumns } from "./sqlite-rewind.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-sqlite-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
describe("sqlite store", () => storeContract(async () => openSqliteStore(join(dir, `contract-${n++}.db`))));
describe("sqlite store: stories", () => storiesContract(async () => openSqliteStore(join(dir, `contract-${n++}.db`))));

test("sqlite: articles stored before stories existed are put in stories when the file is opened", async () => {
  const path = join(dir, "backfill.db");
  const items = ["troops-border-a", "troops-border-b", "troops-talks-a"].map((id) => evalArticle(id));
  const s1 = openSqliteStore(path);
  await s1.putMany(items, 1);
  await s1.close();
  const raw = new Sqlite(path);
  raw.exec("DELETE FROM story_articles; DELETE FROM stories; DELETE FROM story_keys;");
  raw.close();
  const s2 = openSqliteStore(path);
  const stories = await s2.stories(10);
  expect(stories.map((s) => s.articles.length).sort()).toEqual([1, 2]);
  await s2.close();
});

describe("sqlite file", () => {
  test("is created with its folder, in WAL mode, and keeps what was stored", async () => {
    const path = join(dir, "nested", "data", "keep.db");
    const s1 = openSqliteStore(path);
    const { id } = await s1.put(HARBOUR, HARBOUR_CARD(), 1);
    await s1.close();
    const s2 = openSqliteStore(path);
    expect((await s2.get(id))?.card.title).toBe(HARBOUR.title);
    await s2.close();
    const raw = new Sqlite(path, { readonly: true });
    expect(raw.pragma("journal_mode", { simple: true })).toBe("wal");
    // The latest schema: one version per migration (others may append theirs).
    expect(raw.pragma("user_version", { simple: true })).toBe(SQLITE_MIGRATIONS.length);
    raw.close();
  });

  test("a database from a newer briefbot is refused with a clear message", () => {
    const path = join(dir, "newer.db");
    const raw = new Sqlite(path);
    raw.pragma("user_version = 99");
    raw.close();
    let err: unknown;
    try {
      openSqliteStore(path);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe("newer_schema");
    expect((err as Error).message).toMatch(/schema version 99.*newer briefbot/);
  });
});

test("sqlite: a join writes no flag; the story's first read writes them, once, also when another connection reads it", async () => {
  const path = join(dir, "settle.db");
  const store = openSqliteStore(path);
  const other = openSqliteStore(path);
  const items = BORDER.map((id) => evalArticle(id));
  for (const [i, it] of items.entries()) await store.put(it.article, it.card, i + 1);
  const raw = new Sqlite(path, { readonly: true });
  const count = (sql: string) => (raw.prepare(sql).get() as { n: number }).n;
  expect(count("SELECT count(*) AS n FROM story_flags")).toBe(0);
  expect(count("SELECT count(*) AS n FROM story_pending")).toBe(2);
  const mem = createMemoryStore();
  for (const [i, it] of items.entries()) await mem.put(it.article, it.card, i + 1);
  const want = (await mem.stories(10))[0]!.flags;
  expect(want.length).toBeGreaterThan(0);
  expect((await other.stories(10))[0]!.flags).toEqual(want);
  expect((await store.stories(10))[0]!.flags).toEqual(want);
  expect(count("SELECT count(*) AS n FROM story_pending")).toBe(0);
  expect(count("SELECT count(*) AS n FROM story_flags")).toBe(want.length);
  raw.close();
  await other.close();
  await store.close();
});

test("sqlite: a read while another process holds the write lock gives the flags written so far, and a later read the rest", async () => {
  const path = join(dir, "settle-busy.db");
  const db = openSqliteDatabase(path);
  const store = createSqliteStore(db, { name: path });
  db.pragma("busy_timeout = 20");
  const items = BORDER.map((id) => evalArticle(id));
  for (const [i, it] of items.entries()) await store.put(it.article, it.card, i + 1);
  const writer = new Sqlite(path);
  writer.exec("BEGIN IMMEDIATE");
  const during = await store.stories(10);
  expect(during.map((s) => s.articles.length)).toEqual([3]);
  expect(during[0]!.flags).toEqual([]);
  writer.exec("ROLLBACK");
  writer.close();
  expect((await store.stories(10))[0]!.flags.length).toBeGreaterThan(0);
  await store.close();
});

test("sqlite: a database from before stories.recent keeps its stories, and new articles still join them", async () => {
  const path = join(dir, "recent.db");
  const items = ["troops-border-a", "troops-border-b"].map((id) => evalArticle(id));
  const s1 = openSqliteStore(path);
  await s1.put(items[0]!.article, items[0]!.card, 1);
  await s1.close();
  // Back to the schema before the `recent` column, the story kept.
  const at = SQLITE_MIGRATIONS.findIndex((m) => m.includes("ADD COLUMN recent"));
  const raw = new Sqlite(path);
  raw.exec("ALTER TABLE stories DROP COLUMN recent");
  for (const m of SQLITE_MIGRATIONS.slice(at + 1)) for (const t of m.matchAll(/CREATE TABLE (\w+)/g)) raw.exec(`DROP TABLE ${t[1]}`);
  dropLaterColumns(raw, at);
  raw.pragma(`user_version = ${at}`);
  raw.close();
  const s2 = openSqliteStore(path);
  await s2.put(items[1]!.article, items[1]!.card, 2);
  const stories = await s2.stories(10);
  expect(stories.map((s) => s.articles.length)).toEqual([2]);
  await s2.close();
});

test("sqlite: a database from before flags were rows keeps its flags, and a join then gives the flags of a store that never kept them there", async () => {
  const path = join(dir, "flag-rows.db");
  const items = BORDER.map((id) => evalArticle(id));
  const s1 = openSqliteStore(path);
  for (const [i, it] of items.slice(0, 2).entries()) await s1.put(it.article, it.card, i + 1);
  const before = (await s1.stories(10))[0]!.flags;
  expect(before.length).toBeGreaterThan(0);
  await s1.close();
  // Back to the schema before story_flags and story_claims: the flags in stories.info, as it kept them.
  const at = SQLITE_MIGRATIONS.findIndex((m) => m.includes("CREATE TABLE story_flags"));
  const raw = new Sqlite(path);
  raw.prepare("UPDATE stories SET info = json_set(info, '$.flags', json(?))").run(JSON.stringify(before));
  raw.exec("DROP TABLE story_flags; DROP TABLE story_claims;");
  dropLaterColumns(raw, at);
  raw.pragma(`user_version = ${at}`);
  raw.close();
  const s2 = openSqliteStore(path);
  expect((await s2.stories(10))[0]!.flags).toEqual(before);
  await s2.put(items[2]!.article, items[2]!.card, 3);
  // The same flags as a store that never had them in stories.info.
  const mem = createMemoryStore();
  for (const [i, it] of items.entries()) await mem.put(it.article, it.card, i + 1);
  const after = (await s2.stories(10))[0]!.flags;
  expect(after).toEqual((await mem.stories(10))[0]!.flags);
  await s2.close();
});

describe("sqlite person index", () => {
  test("articles stored before the index existed are indexed when the database is opened", async () => {
    const path = join(dir, "before-people.db");
    const s1 = openSqliteStore(path);
    await s1.put(LOCK_1, LOCK_1_CARD(), 1);
    await s1.put(LOCK_3, LOCK_3_CARD(), 2);
    await s1.close();
    // Back to the schema before the person index, as a database written by an older briefbot.
    const version = SQLITE_MIGRATIONS.findIndex((m) => m.includes("CREATE TABLE people "));
    const raw = new Sqlite(path);
    raw.exec("DROP TABLE people; DROP TABLE person_keys; DROP TABLE person_articles; DROP TABLE people_backfill;");
    // And the tables of every later migration, which that briefbot did not have either.
    for (const m of SQLITE_MIGRATIONS.slice(version + 1)) for (const t of m.matchAll(/CREATE TABLE (\w+)/g)) raw.exec(`DROP TABLE ${t[1]}`);
    raw.pragma(`user_version = ${version}`);
    raw.close();
    const s2 = openSqliteStore(path);
    expect((await s2.findPeople([["halvorsen"]], 5)).map((p) => [p.key, p.articles])).toEqual([
      ["ingrid halvorsen", 2],
      ["marek halvorsen", 1],
    ]);
    await s2.close();
    // Opened again: nothing indexed twice.
    const s3 = openSqliteStore(path);
    expect((await s3.personTotals(["ingrid halvorsen"])).quotes).toBe(3);
    await s3.close();
  });
});

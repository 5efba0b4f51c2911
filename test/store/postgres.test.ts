import pg from "pg";
import { createMemoryStore, createPostgresStore, StoreError } from "../../src/store/index.js";
import { storeContract } from "./contract.js";
import { BORDER, evalArticle, storiesContract } from "./stories-contract.js";
import { describePg, PG_URL } from "./pg-available.js";
import { rewindPgSchema } from "./pg-rewind.js";
import { LOCK_1, LOCK_1_CARD, LOCK_3, LOCK_3_CARD } from "./people-samples.js";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres-schema.js";

// A schema per test, unique to this run, dropped at the end.
const run = `bbt_${process.pid}_${Date.now().toString(36)}`;
let pool: pg.Pool;
const schemas: string[] = [];

describePg("postgres store", () => {
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
  });
  afterAll(async () => {
    for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await pool.end();
  });
  const fresh = () => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };

  storeContract(async () => createPostgresStore(pool, { schema: fresh() }));
  describe("stories", () => storiesContract(async () => createPostgresStore(pool, { schema: fresh() })));

  test("maintain vacuums and analyzes every table of the schema (a server without autovacuum relies on it)", async () => {
    const schema = fresh();
    const store = await createPostgresStore(pool, { schema });
    const items = BORDER.map((id) => evalArticle(id));
    await store.putMany(items, 1);
    // Never vacuumed nor analyzed: reltuples is -1 (PostgreSQL 14 and later).
    const unread = async () =>
      (
        await pool.query<{ t: string }>(
          "SELECT c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r' AND c.reltuples < 0 ORDER BY 1",
          [schema],
        )
      ).rows.map((r) => r.t);
    expect(await unread()).toEqual(expect.arrayContaining(["story_claims", "story_flags", "topic_counts"]));
    await store.maintain();
    expect(await unread()).toEqual([]);
    await store.close();
  });

  test("articles stored before stories existed are put in stories when the store is opened", async () => {
    const schema = fresh();
    const items = ["troops-border-a", "troops-border-b", "troops-talks-a"].map((id) => evalArticle(id));
    const s1 = await createPostgresStore(pool, { schema });
    await s1.putMany(items, 1);
    await s1.close();
    await pool.query(`DELETE FROM "${schema}".story_articles; DELETE FROM "${schema}".stories; DELETE FROM "${schema}".story_keys;`);
    const s2 = await createPostgresStore(pool, { schema });
    expect((await s2.stories(10)).map((s) => s.articles.length).sort()).toEqual([1, 2]);
    await s2.close();
  });

  test("a schema from before flags were rows keeps its flags, and a join then gives the flags of a store that never kept them there", async () => {
    const schema = fresh();
    const items = BORDER.map((id) => evalArticle(id));
    const s1 = await createPostgresStore(pool, { schema });
    for (const [i, it] of items.slice(0, 2).entries()) await s1.put(it.article, it.card, i + 1);
    const before = (await s1.stories(10))[0]!.flags;
    expect(before.length).toBeGreaterThan(0);
    await s1.close();
    // Back to the schema before story_flags, story_claims and stories.recent: the flags in stories.info.
    const version = POSTGRES_MIGRATIONS.findIndex((m) => m("s").includes("CREATE TABLE s.story_flags"));
    await pool.query(`UPDATE "${schema}".stories SET info = jsonb_set(info, '{flags}', $1::jsonb)`, [JSON.stringify(before)]);
    await pool.query(
      `DROP TABLE "${schema}".story_flags, "${schema}".story_claims; ALTER TABLE "${schema}".stories DROP COLUMN recent, DROP COLUMN rev; ALTER TABLE "${schema}".story_articles DROP COLUMN flag_features`,
    );
    await pool.query(`DROP INDEX "${schema}".story_articles_newest; CREATE INDEX ON "${schema}".story_articles (sid, time DESC)`);
    await rewindPgSchema(pool, schema, version);
    const s2 = await createPostgresStore(pool, { schema });
    expect((await s2.stories(10))[0]!.flags).toEqual(before);
    await s2.put(items[2]!.article, items[2]!.card, 3);
    const mem = createMemoryStore();
    for (const [i, it] of items.entries()) await mem.put(it.article, it.card, i + 1);
    const after = await s2.stories(10);
    expect(after.map((s) => s.articles.length)).toEqual([3]);
    expect(after[0]!.flags).toEqual((await mem.stories(10))[0]!.flags);
    await s2.close();
  });

  test("a schema from before flag_features gets each member's, as a member written now has it; a row without them (an older replica's) still gives the same flags", async () => {
    const schema = fresh();
    const items = BORDER.map((id) => evalArticle(id));
    const s1 = await createPostgresStore(pool, { schema });
    for (const [i, it] of items.slice(0, 2).entries()) await s1.put(it.article, it.card, i + 1);
    // Read once, so that the join's flags are written, as a briefbot of that version wrote them on join.
    await s1.stories(10);
    await s1.close();
    const read = async () =>
      (await pool.query<{ seq: number; f: string | null }>(`SELECT seq, flag_features AS f FROM "${schema}".story_articles ORDER BY seq`)).rows.map((r) => ({
        seq: r.seq,
        f: r.f === null ? null : (JSON.parse(r.f) as { quotes: unknown[] }),
      }));
    const written = await read();
    expect(written).toHaveLength(2);
    // The quotes given to a person are there (flags compare them), no other field of the features.
    expect(written.map((r) => r.f!.quotes.length)).toEqual([1, 1]);
    expect(Object.keys(written[0]!.f!).sort()).toEqual(["figures", "id", "publisher", "quotes", "time"]);
    const version = POSTGRES_MIGRATIONS.findIndex((m) => m("s").includes("ADD COLUMN flag_features"));
    await pool.query(`ALTER TABLE "${schema}".story_articles DROP COLUMN flag_features`);
    await rewindPgSchema(pool, schema, version);
    await (await createPostgresStore(pool, { schema })).close();
    expect(await read()).toEqual(written);
    // A member an older briefbot wrote (a replica not yet upgraded) has none: a join reads its features.
    await pool.query(`UPDATE "${schema}".story_articles SET flag_features = NULL`);
    const s2 = await createPostgresStore(pool, { schema });
    await s2.put(items[2]!.article, items[2]!.card, 3);
    const mem = createMemoryStore();
    for (const [i, it] of items.entries()) await mem.put(it.article, it.card, i + 1);
    const after = await s2.stories(10);
    expect(after.map((s) => s.articles.length)).toEqual([3]);
    expect(after[0]!.flags.length).toBeGreaterThan(0);
    expect(after[0]!.flags).toEqual((await mem.stories(10))[0]!.flags);
    await s2.close();
  });

  test("a join writes no flag; the story's first read writes them once, however many readers settle it at the same time", async () => {
    const schema = fresh();
    const store = await createPostgresStore(pool, { schema });
    const items = BORDER.map((id) => evalArticle(id));
    for (const [i, it] of items.entries()) await store.put(it.article, it.card, i + 1);
    const rows = async () => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".story_flags`)).rows[0]!.n);
    const pending = async () => Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".story_pending`)).rows[0]!.n);
    expect(await rows()).toBe(0);
    expect(await pending()).toBe(2);
    const [a, b, c] = await Promise.all([store.stories(10), store.storiesOf([items[0]!.card.id]), store.stories(10)]);
    const mem = createMemoryStore();
    for (const [i, it] of items.entries()) await mem.put(it.article, it.card, i + 1);
    const want = (await mem.stories(10))[0]!.flags;
    expect(want.length).toBeGreaterThan(0);
    for (const got of [a, b, c]) expect(got[0]!.flags).toEqual(want);
    expect(await pending()).toBe(0);
    expect(await rows()).toBe(want.length);
    await store.close();
  });

  test("what a join rewrites and reads is kept with lz4 where the server has it", async () => {
    const schema = fresh();
    await (await createPostgresStore(pool, { schema })).close();
    const lz4 = await pool.query("CREATE TEMP TABLE lz4_probe (x text COMPRESSION lz4); DROP TABLE lz4_probe").then(
      () => true,
      () => false,
    );
    const r = await pool.query<{ col: string; c: string }>(
      `SELECT c.relname || '.' || a.attname AS col, a.attcompression AS c FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND (c.relname, a.attname) IN (('stories', 'recent'), ('story_articles', 'features'), ('story_articles', 'flag_features')) ORDER BY 1`,
      [schema],
    );
    expect(r.rows).toEqual(["stories.recent", "story_articles.features", "story_articles.flag_features"].map((col) => ({ col, c: lz4 ? "l" : "" })));
  });

  test("a put's generic plans are its transaction's own: the connection goes back to the pool as it was", async () => {
    const one = new pg.Pool({ connectionString: PG_URL, max: 1 });
    try {
      const mode = async () => (await one.query<{ plan_cache_mode: string }>("SHOW plan_cache_mode")).rows[0]!.plan_cache_mode;
      const before = await mode();
      expect(before).not.toBe("force_generic_plan");
      const schema = fresh();
      const store = await createPostgresStore(one, { schema });
      const items = BORDER.map((id) => evalArticle(id));
      for (const [i, it] of items.entries()) await store.put(it.article, it.card, i + 1);
      expect((await store.stories(10)).map((x) => x.articles.length)).toEqual([3]);
      // The one connection did every put; a read on it plans as the server is set to.
      expect(await mode()).toBe(before);
      await store.close();
    } finally {
      await one.end();
    }
  });

  test("articles stored before the person index existed are indexed when the store is opened", async () => {
    const schema = fresh();
    const s1 = await createPostgresStore(pool, { schema });
    await s1.put(LOCK_1, LOCK_1_CARD(), 1);
    await s1.put(LOCK_3, LOCK_3_CARD(), 2);
    await s1.close();
    // Back to the schema before the person index, as one written by an older briefbot.
    const version = POSTGRES_MIGRATIONS.findIndex((m) => m("s").includes("CREATE TABLE s.people "));
    await pool.query(`DROP TABLE "${schema}".people, "${schema}".person_keys, "${schema}".person_articles`);
    // And the tables of every later migration, which that briefbot did not have either.
    const later = POSTGRES_MIGRATIONS.slice(version + 1).flatMap((m) => [...m("s").matchAll(/CREATE TABLE s\.(\w+)/g)].map((x) => `"${schema}".${x[1]}`));
    if (later.length) await pool.query(`DROP TABLE ${later.join(", ")}`);
    await pool.query(`DELETE FROM "${schema}".briefbot_meta WHERE key = 'people_backfilled'`);
    await rewindPgSchema(pool, schema, version);
    // Two replicas opening at once index the articles once.
    const [a, b] = await Promise.all([createPostgresStore(pool, { schema }), createPostgresStore(pool, { schema })]);
    expect((await a.findPeople([["halvorsen"]], 5)).map((p) => [p.key, p.articles])).toEqual([
      ["ingrid halvorsen", 2],
      ["marek halvorsen", 1],
    ]);
    expect((await b.personTotals(["ingrid halvorsen"])).quotes).toBe(3);
    await a.close();
    await b.close();
  });

  test("a schema from a newer briefbot is refused with a clear message", async () => {
    const schema = fresh();
    await (await createPostgresStore(pool, { schema })).close();
    await pool.query(`UPDATE "${schema}".briefbot_meta SET value = '42' WHERE key = 'schema_version'`);
    const err = await createPostgresStore(pool, { schema }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe("newer_schema");
    expect((err as Error).message).toMatch(/schema version 42.*newer briefbot/);
  });
});

// stories.rev: the version of a story's `recent`, by which each store keeps `recent` parsed. An older
// database gets it by migration; a story another connection changed, or a write rolled back, is never
// scored from what this process holds parsed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";
import { buildCard, type Article, type BriefingCard } from "../../src/core/index.js";
import { createPostgresStore, openSqliteDatabase, openSqliteStore, type BriefingStore } from "../../src/store/index.js";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres-schema.js";
import { SQLITE_MIGRATIONS } from "../../src/store/sqlite-schema.js";
import { completeness, revOf, STORE_STORY_DEFAULTS, type StoryInfo } from "../../src/store/stories.js";
import { createPostgresStories } from "../../src/store/stories-postgres.js";
import { createSqliteStories } from "../../src/store/stories-sqlite.js";
import { describePg, PG_URL } from "./pg-available.js";
import { rewindPgSchema } from "./pg-rewind.js";
import { dropLaterColumns } from "./sqlite-rewind.js";

// Invented: a harbour barrier fails (1); a retelling quotes the harbour master (2); a third report
// shares only that quote with (2) and little else with (1): it joins the story only when (2) is in it.
const T0 = Date.UTC(2026, 2, 3, 8);
const HOUR = 3600_000;
const FAILS: Article = {
  title: "Flood barrier fails at Ostrel harbour",
  publisher: "Coast Courier",
  publishedAt: new Date(T0).toISOString(),
  url: "https://news.example.org/ostrel-1",
  text:
    "Flood barrier fails at Ostrel harbour\n\nThe new flood barrier at Ostrel harbour failed on Tuesday night, letting seawater into the old market streets. " +
    "Harbour engineers said a hinge on the central gate had cracked during the storm.\n\nTownspeople spent the morning clearing mud from shops along the quay.",
};
const CRACKED: Article = {
  title: "Ostrel harbour barrier gate cracked in storm",
  publisher: "Northern Ledger",
  publishedAt: new Date(T0 + 5 * HOUR).toISOString(),
  url: "https://news.example.org/ostrel-2",
  text:
    "Ostrel harbour barrier gate cracked in storm\n\nA cracked hinge on the central gate of the Ostrel harbour flood barrier let seawater into the market streets on Tuesday night.\n\n" +
    '"We will rebuild the gate before the winter tides arrive," said harbour master Tomas Vindel.\n\nShops along the quay were closed on Wednesday.',
};
const REPAIRS: Article = {
  title: "Harbour master promises repairs",
  publisher: "Bay Evening News",
  publishedAt: new Date(T0 + 30 * HOUR).toISOString(),
  url: "https://news.example.org/ostrel-3",
  text:
    "Harbour master promises repairs\n\nTomas Vindel, who runs the port, told reporters on Thursday that crews were already at work.\n\n" +
    '"We will rebuild the gate before the winter tides arrive," Vindel said, adding that funding had been found.\n\nThe council meets next week to discuss the budget.',
};
// The third report dated before the first two: older than every member of their story.
const EARLY_REPAIRS: Article = { ...REPAIRS, publishedAt: new Date(T0 - 2 * HOUR).toISOString() };
// A fourth report, the newest: the harbour master's words again, a day later.
const LATER_REPAIRS: Article = {
  ...REPAIRS,
  url: "https://news.example.org/ostrel-4",
  publishedAt: new Date(T0 + 40 * HOUR).toISOString(),
  text: REPAIRS.text.replace("on Thursday", "on Friday").replace("The council meets next week", "The council met on Friday"),
};
const item = (a: Article) => ({ article: a, card: buildCard(a) });
const timeOf = (c: BriefingCard) => Date.parse(c.source.publishedAt!);

async function storySizes(store: BriefingStore): Promise<number[]> {
  return (await store.stories(10)).map((s) => s.articles.length).sort();
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-rev-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sqlite stories.rev", () => {
  test("a database from before rev gets each story's version (the hash of its recent), and new articles still join", async () => {
    const path = join(dir, "before-rev.db");
    const s1 = openSqliteStore(path);
    await s1.put(FAILS, buildCard(FAILS), 1);
    await s1.put(CRACKED, buildCard(CRACKED), 2);
    await s1.close();
    const at = SQLITE_MIGRATIONS.findIndex((m) => m.includes("ADD COLUMN rev"));
    const raw = new Sqlite(path);
    raw.exec("ALTER TABLE stories DROP COLUMN rev");
    // And the columns later migrations add, which that briefbot did not have either.
    dropLaterColumns(raw, at);
    raw.pragma(`user_version = ${at}`);
    raw.close();
    const s2 = openSqliteStore(path);
    const check = new Sqlite(path, { readonly: true });
    const rows = () => check.prepare("SELECT rev, recent FROM stories").all() as Array<{ rev: string; recent: string }>;
    expect(rows()).toHaveLength(1);
    for (const r of rows()) expect(r.rev).toBe(revOf(r.recent));
    const before = rows()[0]!.rev;
    await s2.put(REPAIRS, buildCard(REPAIRS), 3);
    expect(await storySizes(s2)).toEqual([3]);
    // Written with the new member: a new version, still the hash of what the row holds.
    expect(rows()[0]!.rev).not.toBe(before);
    for (const r of rows()) expect(r.rev).toBe(revOf(r.recent));
    check.close();
    await s2.close();
  });

  test("a database from before flag_features gets each member's, as a member written now has it", async () => {
    const path = join(dir, "before-flag-features.db");
    const s1 = openSqliteStore(path);
    for (const [i, a] of [FAILS, CRACKED, REPAIRS].entries()) await s1.put(a, buildCard(a), i + 1);
    await s1.close();
    const read = (db: Sqlite.Database) =>
      (db.prepare("SELECT seq, flag_features FROM story_articles ORDER BY seq").all() as Array<{ seq: number; flag_features: string }>).map((r) => ({
        seq: r.seq,
        f: JSON.parse(r.flag_features) as { quotes: unknown[] },
      }));
    const raw = new Sqlite(path);
    const written = read(raw);
    expect(written).toHaveLength(3);
    // The quotes given to a person are there (flags compare them), no other field of the features.
    expect(written.map((r) => r.f.quotes.length)).toEqual([0, 1, 1]);
    expect(Object.keys(written[1]!.f).sort()).toEqual(["figures", "id", "publisher", "quotes", "time"]);
    const at = SQLITE_MIGRATIONS.findIndex((m) => m.includes("ADD COLUMN flag_features"));
    raw.exec("ALTER TABLE story_articles DROP COLUMN flag_features");
    dropLaterColumns(raw, at);
    raw.pragma(`user_version = ${at}`);
    raw.close();
    await openSqliteStore(path).close();
    const again = new Sqlite(path, { readonly: true });
    expect(read(again)).toEqual(written);
    again.close();
  });

  test("an article older than all of a story's newest members joins it, and its recent is not written again", async () => {
    const path = join(dir, "older.db");
    // Two newest members compared: the story of the first two reports holds both.
    const opts = { stories: { ...STORE_STORY_DEFAULTS, maxCompared: 2 } };
    const s1 = openSqliteStore(path, opts);
    await s1.put(FAILS, buildCard(FAILS), 1);
    await s1.put(CRACKED, buildCard(CRACKED), 2);
    await s1.close();
    // `recent` as another writer might have laid it out (same members, other spacing), with its version:
    // written again, it would come back compact.
    const raw = new Sqlite(path);
    const spaced = JSON.stringify(JSON.parse((raw.prepare("SELECT recent FROM stories").get() as { recent: string }).recent), null, 1);
    raw.prepare("UPDATE stories SET recent = ?, rev = ?").run(spaced, revOf(spaced));
    const row = () => raw.prepare("SELECT rev, recent, size FROM stories").get() as { rev: string; recent: string; size: number };
    const s2 = openSqliteStore(path, opts);
    await s2.put(EARLY_REPAIRS, buildCard(EARLY_REPAIRS), 3);
    expect(await storySizes(s2)).toEqual([3]);
    expect(row()).toEqual({ rev: revOf(spaced), recent: spaced, size: 3 });
    // A newer report is one of the newest two: `recent` is written with it, at a new version.
    await s2.put(LATER_REPAIRS, buildCard(LATER_REPAIRS), 4);
    expect(await storySizes(s2)).toEqual([4]);
    const after = row();
    expect(after.recent).not.toBe(spaced);
    expect((JSON.parse(after.recent) as unknown[]).length).toBe(2);
    expect(after.rev).toBe(revOf(after.recent));
    raw.close();
    await s2.close();
  });

  test("a story another connection changed is scored as the row now holds it, not as this process holds it parsed", async () => {
    const path = join(dir, "two.db");
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    await a.put(FAILS, buildCard(FAILS), 1); // `a` holds the story parsed with one member
    await b.put(CRACKED, buildCard(CRACKED), 2); // `b` adds the member the third report matches
    await a.put(REPAIRS, buildCard(REPAIRS), 3);
    expect(await storySizes(a)).toEqual([3]);
    await a.close();
    await b.close();
  });

  test("a join rolled back leaves nothing this process would score from", async () => {
    const path = join(dir, "rollback.db");
    await openSqliteStore(path).close(); // migrated
    const db = openSqliteDatabase(path);
    const stories = createSqliteStories(db, STORE_STORY_DEFAULTS);
    const [fails, cracked, repairs] = [FAILS, CRACKED, REPAIRS].map(item);
    db.transaction(() => stories.assign(1, fails!.card.id, fails!.card, timeOf(fails!.card), 1))();
    db.exec("BEGIN");
    stories.assign(2, cracked!.card.id, cracked!.card, timeOf(cracked!.card), 2);
    expect(stories.decide(repairs!.card.id, repairs!.card, timeOf(repairs!.card)).join).not.toBeNull();
    db.exec("ROLLBACK");
    // Without the rolled-back member the third report shares too little with the story.
    expect(stories.decide(repairs!.card.id, repairs!.card, timeOf(repairs!.card)).join).toBeNull();
    // And once it is really there, the story is read again.
    db.transaction(() => stories.assign(2, cracked!.card.id, cracked!.card, timeOf(cracked!.card), 2))();
    const fresh = createSqliteStories(db, STORE_STORY_DEFAULTS);
    const joined = stories.decide(repairs!.card.id, repairs!.card, timeOf(repairs!.card)).join;
    expect(joined).not.toBeNull();
    expect(joined).toBe(fresh.decide(repairs!.card.id, repairs!.card, timeOf(repairs!.card)).join);
    db.close();
  });
});

const run = `bbrev_${process.pid}_${Date.now().toString(36)}`;
/** A client that runs each query on `c` and notes the name of each prepared statement ("decide", "recent"...) in `names`. */
function naming(c: pg.PoolClient, names: string[]): Pick<pg.PoolClient, "query"> {
  return {
    query: ((config: pg.QueryConfig, values?: unknown[]) => {
      if (config.name) names.push(config.name.replace(/^briefbot_story_([a-z]+)_.*$/, "$1"));
      return c.query(config, values);
    }) as pg.PoolClient["query"],
  };
}

describePg("postgres stories.rev", () => {
  let pool: pg.Pool;
  const schemas: string[] = [];
  const fresh = () => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    return schema;
  };
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: PG_URL, max: 4 });
  });
  afterAll(async () => {
    for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await pool.end();
  });

  test("a schema from before rev gets each story's version (the hash of its recent), and new articles still join", async () => {
    const schema = fresh();
    const s1 = await createPostgresStore(pool, { schema });
    await s1.put(FAILS, buildCard(FAILS), 1);
    await s1.put(CRACKED, buildCard(CRACKED), 2);
    await s1.close();
    const version = POSTGRES_MIGRATIONS.findIndex((m) => m("s").includes("ADD COLUMN rev"));
    await pool.query(`ALTER TABLE "${schema}".stories DROP COLUMN rev`);
    // And the column a later migration adds, which that briefbot did not have either.
    await pool.query(`ALTER TABLE "${schema}".story_articles DROP COLUMN flag_features`);
    await rewindPgSchema(pool, schema, version);
    const s2 = await createPostgresStore(pool, { schema });
    const rows = async () => (await pool.query<{ rev: string; recent: string }>(`SELECT rev, recent FROM "${schema}".stories`)).rows;
    expect(await rows()).toHaveLength(1);
    // The same version as this process gives the same text.
    for (const r of await rows()) expect(r.rev).toBe(revOf(r.recent));
    const before = (await rows())[0]!.rev;
    await s2.put(REPAIRS, buildCard(REPAIRS), 3);
    expect(await storySizes(s2)).toEqual([3]);
    expect((await rows())[0]!.rev).not.toBe(before);
    for (const r of await rows()) expect(r.rev).toBe(revOf(r.recent));
    await s2.close();
  });

  test("an article older than all of a story's newest members joins it, and its recent is not written again", async () => {
    const schema = fresh();
    const opts = { schema, stories: { ...STORE_STORY_DEFAULTS, maxCompared: 2 } };
    const s1 = await createPostgresStore(pool, opts);
    await s1.put(FAILS, buildCard(FAILS), 1);
    await s1.put(CRACKED, buildCard(CRACKED), 2);
    await s1.close();
    const row = async () => (await pool.query<{ rev: string; recent: string; size: number }>(`SELECT rev, recent, size FROM "${schema}".stories`)).rows[0]!;
    // `recent` laid out otherwise (see the SQLite test), with its version.
    const spaced = JSON.stringify(JSON.parse((await row()).recent), null, 1);
    await pool.query(`UPDATE "${schema}".stories SET recent = $1, rev = $2`, [spaced, revOf(spaced)]);
    const s2 = await createPostgresStore(pool, opts);
    await s2.put(EARLY_REPAIRS, buildCard(EARLY_REPAIRS), 3);
    expect(await storySizes(s2)).toEqual([3]);
    expect(await row()).toEqual({ rev: revOf(spaced), recent: spaced, size: 3 });
    await s2.put(LATER_REPAIRS, buildCard(LATER_REPAIRS), 4);
    expect(await storySizes(s2)).toEqual([4]);
    const after = await row();
    expect(after.recent).not.toBe(spaced);
    expect(after.rev).toBe(revOf(after.recent));
    await s2.close();
  });

  test("a story another replica changed is scored as the row now holds it", async () => {
    const schema = fresh();
    const a = await createPostgresStore(pool, { schema });
    const b = await createPostgresStore(pool, { schema });
    await a.put(FAILS, buildCard(FAILS), 1);
    await b.put(CRACKED, buildCard(CRACKED), 2);
    await a.put(REPAIRS, buildCard(REPAIRS), 3);
    expect(await storySizes(a)).toEqual([3]);
    await a.close();
    await b.close();
  });

  test("a process that misses most stories reads the candidates' members with them, in one statement; once it holds them, versions only", async () => {
    const schema = fresh();
    const store = await createPostgresStore(pool, { schema });
    await store.put(FAILS, buildCard(FAILS), 1);
    await store.put(CRACKED, buildCard(CRACKED), 2);
    const sid = (await pool.query<{ sid: number }>(`SELECT sid FROM "${schema}".stories`)).rows[0]!.sid;
    const stories = createPostgresStories(`"${schema}"`, STORE_STORY_DEFAULTS);
    const c = await pool.connect();
    const names: string[] = [];
    const counted = naming(c, names);
    const repairs = buildCard(REPAIRS);
    const decide = async () => {
      names.length = 0;
      const d = await stories.decide(counted, repairs.id, repairs, timeOf(repairs));
      return { join: d.join, names: [...names] };
    };
    try {
      // Fresh: nothing held, so the members come with the rows.
      expect(await decide()).toEqual({ join: sid, names: ["decidemembers"] });
      // Each decision after it finds the story held: after enough of them, the rows come without members.
      const seen: string[][] = [];
      for (let i = 0; i < 30; i++) seen.push((await decide()).names);
      const switched = seen.findIndex((n) => n[0] === "decide");
      expect(switched).toBeGreaterThan(0);
      expect(seen.slice(0, switched).every((n) => n.join() === "decidemembers")).toBe(true);
      expect(seen.slice(switched).every((n) => n.join() === "decide")).toBe(true);
      // Another writer joins the story: its version moves, the held members are stale and read again.
      const other = await createPostgresStore(pool, { schema });
      await other.put(LATER_REPAIRS, buildCard(LATER_REPAIRS), 3);
      await other.close();
      expect(await decide()).toEqual({ join: sid, names: ["decide", "recent"] });
      expect(await decide()).toEqual({ join: sid, names: ["decide"] });
    } finally {
      c.release();
      await store.close();
    }
  });

  test.each([
    ["the first report stored before the batch", 1, false, { hits: 1, rows: 1, recent: 0, sids: 0, joinlock: 1, batch: 1 }],
    ["the first report stored before the batch by another replica", 1, true, { hits: 1, rows: 1, recent: 1, sids: 0, joinlock: 1, batch: 1 }],
    ["all five in the batch", 0, false, { hits: 1, rows: 0, recent: 0, sids: 1, joinlock: 0, batch: 1 }],
  ])("a batch's articles get the decisions they get one by one, with the reads made once for the batch: %s", async (_, before, elsewhere, want) => {
    const [batched, single] = [fresh(), fresh()];
    for (const schema of [batched, single]) await (await createPostgresStore(pool, { schema })).close(); // migrated
    const many = createPostgresStories(`"${batched}"`, STORE_STORY_DEFAULTS);
    const one = createPostgresStories(`"${single}"`, STORE_STORY_DEFAULTS);
    // The cracked-gate report again from another outlet, as complete: the first of the two is the story's best card.
    const retold: Article = { ...CRACKED, publisher: "Quayside Weekly", url: "https://news.example.org/ostrel-2b", publishedAt: new Date(T0 + 6 * HOUR).toISOString() };
    // (Its text is the same, so its card id is too: articles are told apart by their own ids here.)
    const works = [FAILS, CRACKED, retold, REPAIRS, LATER_REPAIRS].map(item).map(({ card }, i) => ({ seq: i + 1, id: `${card.id}-${i}`, card, time: timeOf(card), now: i + 1 }));
    expect(completeness(works[1]!.card)).toBe(completeness(works[2]!.card));
    const c = await pool.connect();
    // The statements the batch runs, by name.
    const names: string[] = [];
    const counted = naming(c, names);
    try {
      // The second report joins the first's story (found by a key the batch wrote, when the batch started
      // it), and so does its retelling; the fourth joins only with the second in it, the fifth a story the
      // batch changed three times.
      const other = createPostgresStories(`"${batched}"`, STORE_STORY_DEFAULTS);
      for (const w of works.slice(0, before)) for (const s of [elsewhere ? other : many, one]) await s.assign(c, w.seq, w.id, w.card, w.time, w.now);
      await many.assignMany(counted, works.slice(before));
      for (const w of works.slice(before)) await one.assign(c, w.seq, w.id, w.card, w.time, w.now);
    } finally {
      c.release();
    }
    const members = async (schema: string) => (await pool.query<{ seq: number; sid: number }>(`SELECT seq, sid FROM "${schema}".story_articles ORDER BY seq`)).rows;
    const rows = async (schema: string) => (await pool.query(`SELECT sid, id, title, best, best_score, size, first_time, last_time, updated_at, info, recent, rev FROM "${schema}".stories ORDER BY sid`)).rows;
    expect(await members(batched)).toEqual(await members(single));
    expect(new Set((await members(batched)).map((m) => m.sid)).size).toBe(1);
    expect(await rows(batched)).toEqual(await rows(single));
    // One read of key hits for the batch, at most one of story rows, one of members not held and one of
    // new stories' ids; the stories joined locked once; all written in one statement; nothing one by one.
    const count = (name: string) => names.filter((n) => n === name).length;
    expect({ hits: count("hits"), rows: count("rows"), recent: count("recent"), sids: count("sids"), joinlock: count("joinlock"), batch: count("batch") }).toEqual(want);
    expect(names.filter((n) => ["decide", "decidemembers", "joinone", "join", "joined", "start"].includes(n))).toEqual([]);
  });

  test("a batch whose story another writer joined after the batch read it is assigned article by article, that writer's member kept", async () => {
    const schema = fresh();
    await (await createPostgresStore(pool, { schema })).close(); // migrated
    const many = createPostgresStories(`"${schema}"`, STORE_STORY_DEFAULTS);
    const other = createPostgresStories(`"${schema}"`, STORE_STORY_DEFAULTS);
    // A retelling of the cracked-gate report by a third outlet, which the other writer joins.
    const retold: Article = { ...CRACKED, publisher: "Quayside Weekly", url: "https://news.example.org/ostrel-2b", text: CRACKED.text.replace("Shops along the quay were closed on Wednesday.", "The quay stayed shut on Wednesday.") };
    const [fails, cracked, repairs, later, again] = [FAILS, CRACKED, REPAIRS, LATER_REPAIRS, retold].map(item).map(({ card }, i) => ({ seq: i + 1, id: card.id, card, time: timeOf(card), now: i + 1 }));
    const c = await pool.connect();
    const names: string[] = [];
    // Just before the batch locks the story it joins, another writer joins the retelling to it and commits.
    const racing = {
      query: (async (config: pg.QueryConfig, values?: unknown[]) => {
        const name = config.name?.replace(/^briefbot_story_([a-z]+)_.*$/, "$1");
        if (name) names.push(name);
        if (name === "joinlock") {
          const o = await pool.connect();
          try {
            await other.assign(o, again!.seq, again!.id, again!.card, again!.time, again!.now);
          } finally {
            o.release();
          }
        }
        return c.query(config, values);
      }) as unknown as pg.PoolClient["query"],
    };
    try {
      for (const w of [fails!, cracked!]) await many.assign(c, w.seq, w.id, w.card, w.time, w.now);
      await c.query("BEGIN");
      await many.assignMany(racing, [repairs!, later!]);
      await c.query("COMMIT");
    } finally {
      c.release();
    }
    // The batch fell back to one decision and one join per article (the row it read was no longer the row).
    expect(names.filter((n) => n === "decide" || n === "decidemembers")).toHaveLength(2);
    const m = await pool.query<{ seq: number; sid: number }>(`SELECT seq, sid FROM "${schema}".story_articles ORDER BY seq`);
    expect(m.rows.map((x) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(m.rows.map((x) => x.sid)).size).toBe(1);
    const [st] = (await pool.query<{ size: number; recent: string; rev: string }>(`SELECT size, recent, rev FROM "${schema}".stories`)).rows;
    expect(st!.size).toBe(5);
    expect(JSON.parse(st!.recent)).toHaveLength(5);
    expect(st!.rev).toBe(revOf(st!.recent));
  });

  test("a join rolled back leaves nothing this process would score from", async () => {
    const schema = fresh();
    await (await createPostgresStore(pool, { schema })).close(); // migrated
    const stories = createPostgresStories(`"${schema}"`, STORE_STORY_DEFAULTS);
    const [fails, cracked, repairs] = [FAILS, CRACKED, REPAIRS].map(item);
    const c = await pool.connect();
    try {
      await stories.assign(c, 1, fails!.card.id, fails!.card, timeOf(fails!.card), 1);
      await c.query("BEGIN");
      await stories.assign(c, 2, cracked!.card.id, cracked!.card, timeOf(cracked!.card), 2);
      expect((await stories.decide(c, repairs!.card.id, repairs!.card, timeOf(repairs!.card))).join).not.toBeNull();
      await c.query("ROLLBACK");
      expect((await stories.decide(c, repairs!.card.id, repairs!.card, timeOf(repairs!.card))).join).toBeNull();
      await stories.assign(c, 2, cracked!.card.id, cracked!.card, timeOf(cracked!.card), 2);
      expect((await stories.decide(c, repairs!.card.id, repairs!.card, timeOf(repairs!.card))).join).not.toBeNull();
    } finally {
      c.release();
    }
  });

  /**
   * `hold` runs in a transaction left open while `write` starts and waits for a row lock of the schema's
   * stories table (seen in pg_stat_activity); then the transaction commits and `write` finishes.
   */
  async function whileHeld(schema: string, hold: (c: pg.PoolClient) => Promise<unknown>, write: () => Promise<unknown>): Promise<void> {
    const held = await pool.connect();
    try {
      await held.query("BEGIN");
      await hold(held);
      const written = write();
      for (let i = 0; ; i++) {
        const waiting = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%UPDATE "${schema}".stories%'`);
        if (waiting.rows[0]!.n > 0) break;
        if (i > 200) throw new Error("the second writer never waited for the story's row");
        await new Promise((r) => setTimeout(r, 25));
      }
      await held.query("COMMIT");
      await written;
    } finally {
      held.release();
    }
  }

  test("a join that finds the story's recent changed by another writer since its decision joins the row as it now is", async () => {
    const schema = fresh();
    const store = await createPostgresStore(pool, { schema });
    await store.put(FAILS, buildCard(FAILS), 1);
    const row = async () => (await pool.query<{ sid: number; rev: string; recent: string; size: number; info: StoryInfo }>(`SELECT sid, rev, recent, size, info FROM "${schema}".stories`)).rows;
    // Another replica joins the cracked-gate report and holds the row, its new `recent` not yet committed.
    const other = createPostgresStories(`"${schema}"`, STORE_STORY_DEFAULTS);
    const cracked = item(CRACKED);
    // A retelling of the same report by a third outlet: it joins the story of the first report alone.
    const retold: Article = { ...CRACKED, publisher: "Quayside Weekly", url: "https://news.example.org/ostrel-2b", text: CRACKED.text.replace("Shops along the quay were closed on Wednesday.", "The quay stayed shut on Wednesday.") };
    // This store decides on the committed row (the first report alone) and waits for the row lock.
    await whileHeld(
      schema,
      (held) => other.assign(held, 1000, cracked.card.id, cracked.card, timeOf(cracked.card), 2),
      () => store.put(retold, buildCard(retold), 3),
    );
    const [r] = await row();
    expect(r!.size).toBe(3);
    // All three in `recent` (a join from the members its decision scored would have dropped the other's).
    expect(JSON.parse(r!.recent)).toHaveLength(3);
    expect(r!.rev).toBe(revOf(r!.recent));
    expect(r!.info.people.filter((p) => p === "Tomas Vindel")).toHaveLength(1);
    const members = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".story_articles WHERE sid = $1`, [r!.sid]);
    expect(members.rows[0]!.n).toBe(3);
    await store.close();
  });

  test("a join that finds the story's merged names changed by another writer since its decision (its recent as it was) keeps them", async () => {
    const schema = fresh();
    const store = await createPostgresStore(pool, { schema });
    await store.put(FAILS, buildCard(FAILS), 1);
    // Another writer holds the row with a name merged in and `recent` untouched (as a replica joining an
    // article older than all of a full `recent` leaves it).
    await whileHeld(
      schema,
      (held) => held.query(`UPDATE "${schema}".stories SET info = jsonb_set(info, '{people}', (info->'people') || '["Nadia Ferrante"]'::jsonb), size = size + 1`),
      () => store.put(CRACKED, buildCard(CRACKED), 2),
    );
    const r = (await pool.query<{ size: number; info: StoryInfo }>(`SELECT size, info FROM "${schema}".stories`)).rows;
    expect(r).toHaveLength(1);
    expect(r[0]!.size).toBe(3);
    expect(r[0]!.info.people).toEqual(expect.arrayContaining(["Nadia Ferrante", "Tomas Vindel"]));
    await store.close();
  });
});

// The scale-out store: PostgreSQL with GIN full-text indexes ('simple' configuration over the
// pre-tokenised bodies from rows.ts, so matching agrees with SQLite and memory).
import pg from "pg";
import type { Article, BriefingCard, Figure, Quote } from "../core/index.js";
import { StoreError } from "./errors.js";
import { tsQuery } from "./fts.js";
import { createPostgresPeople } from "./people-postgres.js";
import { byRecent, cardRows, keys, metaOf } from "./rows.js";
import { runStages, termGroups } from "./search.js";
import { migratePostgres } from "./postgres-schema.js";
import { registerStories, STORE_STORY_DEFAULTS, type StoreStoryOptions } from "./stories.js";
import { createPostgresStories, type StoryWork } from "./stories-postgres.js";
import type { BriefingStore, PutResult, StoredArticle, Terms, TopicCount } from "./types.js";
import { query } from "./pg-query.js";

export interface PostgresOptions {
  /** Schema holding briefbot's tables (one database can hold several stores). */
  schema: string;
  /** Whether close() ends the pool. */
  ownsPool: boolean;
  /** How articles are grouped into stories (core/stories). */
  stories: StoreStoryOptions;
}

/**
 * Opens a transaction that stores articles. Its statements run with generic plans: they look rows up by
 * key, where a plan made for the parameters given is the generic one, and the named story statements
 * (prepared once per connection) were otherwise planned anew for every article (the server's choice
 * under plan_cache_mode auto): at 100,000 stored, planning the join's flags statement took as long as
 * running it. SET LOCAL: the connection goes back to the pool as it was, and reads keep plans made for
 * their parameters (a full-text query's depends on its terms).
 */
export const BEGIN_WRITES = "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan";

export const DEFAULT_POSTGRES_OPTIONS = { schema: "briefbot", ownsPool: false, stories: STORE_STORY_DEFAULTS } as const satisfies PostgresOptions;

interface ArticleRow {
  seq: number;
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  published_at: string | null;
  ingested_at: number;
  card: BriefingCard;
}

function storedOf(r: ArticleRow): StoredArticle {
  const s: StoredArticle = { id: r.id, card: r.card, ingestedAt: r.ingested_at };
  if (r.url) s.url = r.url;
  return s;
}

const ARTICLE_COLS = "a.seq, a.id, a.url, a.title, a.publisher, a.published_at, a.ingested_at, a.card";
const UNIQUE_VIOLATION = "23505";
// Two writers joining articles to stories they lock in different orders.
const DEADLOCK = "40P01";
/** Matches read per index look-up before keeping the newest. */
const SCAN_CAP = 300;

/** Connects to `url` and returns a store that owns its pool. */
export async function openPostgresStore(url: string, options: Partial<PostgresOptions> = {}): Promise<BriefingStore> {
  return openPostgresStoreOn(createPostgresPool(url), options);
}

/**
 * The pool the store (and the digest ledger beside it) runs on. pg emits 'error' on the pool when an
 * idle connection dies (the server restarted, a proxy cut it); without a listener that event would end
 * the process. The dead client is already dropped from the pool, and the next query opens a new one,
 * so the listener only has to note it: `onIdleError`, else nothing.
 */
export function createPostgresPool(url: string, onIdleError: (err: Error) => void = () => undefined): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 5000 });
  pool.on("error", onIdleError);
  return pool;
}

/** A store that owns `pool` (close() ends it); the pool is ended here if the store cannot be made. */
export async function openPostgresStoreOn(pool: pg.Pool, options: Partial<PostgresOptions> = {}): Promise<BriefingStore> {
  try {
    return await createPostgresStore(pool, { ownsPool: true, ...options });
  } catch (err) {
    await pool.end();
    throw err;
  }
}

export async function createPostgresStore(pool: pg.Pool, options: Partial<PostgresOptions> = {}): Promise<BriefingStore> {
  const opts = { ...DEFAULT_POSTGRES_OPTIONS, ...options };
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(opts.schema)) throw new StoreError("bad_spec", `"${opts.schema}" is not a valid schema name (a-z, 0-9, _)`);
  const s = `"${opts.schema}"`;
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (err) {
    throw new StoreError("unavailable", `cannot connect to PostgreSQL: ${(err as Error).message}`, { cause: err });
  }
  const people = createPostgresPeople(pool, s);
  const stories = createPostgresStories(s, { ...STORE_STORY_DEFAULTS, ...opts.stories });
  try {
    await migratePostgres(client, opts.schema);
    await people.backfill(client);
    // Articles stored before stories existed (an older schema): each put in a story once, oldest first.
    for (;;) {
      await query(client, BEGIN_WRITES);
      await query(client, "SELECT pg_advisory_xact_lock(hashtext($1))", [`briefbot-stories:${opts.schema}`]);
      const n = await stories.backfill(client, 1000);
      await query(client, "COMMIT");
      if (!n) break;
    }
  } catch (err) {
    await query(client, "ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }

  /** Puts in one transaction; a unique-key race with another writer is retried once. */
  async function putAll(items: ReadonlyArray<{ article: Article; card: BriefingCard }>, now: number): Promise<PutResult[]> {
    try {
      return await putTx(items, now);
    } catch (err) {
      // Two writers stored the same new article at once: the second now finds it stored.
      const code = (err as { code?: string }).code;
      if (code === UNIQUE_VIOLATION || code === DEADLOCK) return putTx(items, now);
      throw err;
    }
  }

  async function putTx(items: ReadonlyArray<{ article: Article; card: BriefingCard }>, now: number): Promise<PutResult[]> {
    const c = await pool.connect();
    try {
      await query(c, BEGIN_WRITES);
      const out: PutResult[] = [];
      const works: Array<StoryWork & { update: boolean }> = [];
      for (const i of items) {
        const { result, story } = await putIn(c, i.article, i.card, now);
        out.push(result);
        if (story) works.push(story);
      }
      // Stories last, in the articles' order: an updated article leaves its story just before it is put
      // in one again (after the articles before it), and the others between updates are assigned together.
      let run: StoryWork[] = [];
      for (const w of works) {
        if (w.update) {
          await stories.assignMany(c, run);
          run = [];
          await stories.unassign(c, w.seq, now);
        }
        run.push(w);
      }
      await stories.assignMany(c, run);
      await query(c, "COMMIT");
      return out;
    } catch (err) {
      await query(c, "ROLLBACK").catch(() => undefined);
      people.reset(); // people it cached may have been rolled back
      throw err;
    } finally {
      c.release();
    }
  }

  /** An article's rows written; what it needs of stories, returned for the batch's stories to be written after. */
  async function putIn(c: pg.PoolClient, article: Article, card: BriefingCard, now: number): Promise<{ result: PutResult; story?: StoryWork & { update: boolean } }> {
    const probe = cardRows(card.id, article, card, now);
    type Old = { seq: number; id: string; text_hash: string };
    let old: Old | undefined;
    if (probe.url) old = (await query<Old>(c, `SELECT seq, id, text_hash FROM ${s}.articles WHERE url = $1 FOR UPDATE`, [probe.url])).rows[0];
    old ??= (await query<Old>(c, `SELECT seq, id, text_hash FROM ${s}.articles WHERE text_hash = $1 LIMIT 1 FOR UPDATE`, [probe.hash])).rows[0];
    if (old && old.text_hash === probe.hash) return { result: { id: old.id, status: "unchanged" } };
    const id = old?.id ?? card.id;
    const r = probe; // meta.id is not stored: the kept `id` is
    const m = r.meta;
    const vals = [r.url ?? null, r.hash, m.title, m.publisher ?? null, m.publishedAt ?? null, r.sortTime, now, JSON.stringify(card), r.articleBody];
    let seq: number;
    if (old) {
      seq = old.seq;
      const was = await query<{ card: BriefingCard }>(c, `SELECT card FROM ${s}.articles WHERE seq = $1`, [seq]);
      if (was.rows[0]) await people.remove(c, seq, was.rows[0].card);
      const gone = await query<{ topic: string }>(c, `DELETE FROM ${s}.topics WHERE seq = $1 RETURNING topic`, [seq]);
      await query(c, `UPDATE ${s}.topic_counts SET n = n - 1 WHERE topic = ANY($1::text[])`, [gone.rows.map((x) => x.topic)]);
      await query(c, `DELETE FROM ${s}.topic_counts WHERE n <= 0`);
      await query(c, `DELETE FROM ${s}.quotes WHERE seq = $1`, [seq]);
      await query(c, `DELETE FROM ${s}.figures WHERE seq = $1`, [seq]);
      await query(c,
        `UPDATE ${s}.articles SET url = $1, text_hash = $2, title = $3, publisher = $4, published_at = $5, sort_time = $6,
           ingested_at = $7, card = $8::jsonb, body_tsv = to_tsvector('simple', $9) WHERE seq = $10`,
        [...vals, seq],
      );
    } else {
      const ins = await query<{ seq: number }>(c,
        `INSERT INTO ${s}.articles (id, url, text_hash, title, publisher, published_at, sort_time, ingested_at, card, body_tsv)
         VALUES ($10, $1, $2, $3, $4, $5, $6, $7, $8::jsonb, to_tsvector('simple', $9)) RETURNING seq`,
        [...vals, id],
      );
      seq = ins.rows[0]!.seq;
    }
    if (r.topics.length) {
      await query(c, `INSERT INTO ${s}.topics (topic, seq, sort_time) SELECT t, $2, $3 FROM unnest($1::text[]) AS t ON CONFLICT DO NOTHING`, [r.topics, seq, r.sortTime]);
      await query(c,
        `INSERT INTO ${s}.topic_counts (topic, n) SELECT t, 1 FROM unnest($1::text[]) AS t ON CONFLICT (topic) DO UPDATE SET n = ${s}.topic_counts.n + 1`,
        [r.topics],
      );
    }
    if (card.quotes.length) {
      await query(c,
        `INSERT INTO ${s}.quotes (seq, quote, body_tsv) SELECT $1, q::jsonb, to_tsvector('simple', b) FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(q, b, i) ORDER BY i`,
        [seq, card.quotes.map((x) => JSON.stringify(x)), r.quoteBodies],
      );
    }
    if (card.figures.length) {
      await query(c,
        `INSERT INTO ${s}.figures (seq, figure, body_tsv) SELECT $1, f::jsonb, to_tsvector('simple', b) FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(f, b, i) ORDER BY i`,
        [seq, card.figures.map((x) => JSON.stringify(x)), r.figureBodies],
      );
    }
    await people.index(c, seq, r.sortTime, card);
    return { result: { id, status: old ? "updated" : "ingested" }, story: { seq, id, card, time: r.sortTime, now, update: !!old } };
  }

  /** Full-text stages over one table; rows are kept by key so each hit costs one query. */
  // GIN finds the matching keys (at most SCAN_CAP, in no order: a LIMIT without ORDER BY lets the
  // bitmap scan stop early, and gives the planner no backward primary-key scan to misjudge); the
  // newest of those are kept, or for the any-term fallback the best by ts_rank. ask/ re-ranks.
  // `topics`, when given, keeps only rows of articles carrying one of them (trends).
  async function search<R extends { key: number }>(table: "quotes" | "figures" | "articles", cols: string, terms: Terms, limit: number, topics?: string[]) {
    const key = { quotes: "qid", figures: "fid", articles: "seq" }[table];
    const within = topics ? `AND EXISTS (SELECT 1 FROM ${s}.topics tp WHERE tp.seq = ${s}.${table}.seq AND tp.topic = ANY($4::text[]))` : "";
    const rows = new Map<number, R>();
    const hits = await runStages(termGroups(terms), limit, async (stage, n) => {
      const rank = stage.any ? "ts_rank(body_tsv, to_tsquery('simple', $1))" : "0";
      const res = await query<R>(pool,
        `WITH m AS MATERIALIZED (SELECT ${key} AS k, ${rank} AS r FROM ${s}.${table} WHERE body_tsv @@ to_tsquery('simple', $1) ${within} LIMIT $3),
         top AS MATERIALIZED (SELECT k, r FROM m ORDER BY r DESC, k DESC LIMIT $2)
         SELECT top.k AS key, ${cols} FROM top JOIN ${s}.${table} t ON t.${key} = top.k JOIN ${s}.articles a ON a.seq = t.seq
         ORDER BY top.r DESC, top.k DESC`,
        topics ? [tsQuery(stage), n, SCAN_CAP, topics] : [tsQuery(stage), n, SCAN_CAP],
      );
      for (const r of res.rows) rows.set(r.key, r);
      return res.rows.map((r) => r.key);
    });
    return hits.map((h) => ({ row: rows.get(h.key)!, score: h.score }));
  }

  const store: BriefingStore = {
    async put(article, card, now) {
      return (await putAll([{ article, card }], now))[0]!;
    },
    putMany: putAll,
    async get(id) {
      const r = await query<ArticleRow>(pool, `SELECT ${ARTICLE_COLS} FROM ${s}.articles a WHERE a.id = $1`, [id]);
      return r.rows[0] && storedOf(r.rows[0]);
    },
    async byTopic(topics, limit) {
      const want = [...new Set(topics.map((t) => t.toLowerCase()))];
      const r = await query<ArticleRow>(pool,
        `SELECT ${ARTICLE_COLS} FROM unnest($1::text[]) AS w(topic)
           CROSS JOIN LATERAL (SELECT seq FROM ${s}.topics t WHERE t.topic = w.topic ORDER BY t.sort_time DESC LIMIT $2) t
           JOIN ${s}.articles a ON a.seq = t.seq`,
        [want, limit],
      );
      const seen = new Map(r.rows.map((x) => [x.seq, x]));
      return [...seen.values()].map(storedOf).sort(byRecent).slice(0, limit);
    },
    async searchArticles(terms, limit) {
      const hits = await search<ArticleRow & { key: number }>("articles", ARTICLE_COLS, terms, limit);
      return hits.map((h) => ({ article: storedOf(h.row), score: h.score }));
    },
    async topics(limit, prefix) {
      const r = prefix
        ? await query<TopicCount>(pool, `SELECT topic, n AS count FROM ${s}.topic_counts WHERE topic LIKE $1 ORDER BY n DESC, topic LIMIT $2`, [
            prefix.toLowerCase().replace(/[\\%_]/g, "\\$&") + "%",
            limit,
          ])
        : await query<TopicCount>(pool, `SELECT topic, n AS count FROM ${s}.topic_counts ORDER BY n DESC, topic LIMIT $1`, [limit]);
      return r.rows;
    },
    async searchQuotes(terms, limit) {
      type Row = ArticleRow & { key: number; quote: Quote };
      const hits = await search<Row>("quotes", "t.quote, a.id, a.title, a.url, a.publisher, a.published_at", terms, limit);
      return hits.map((h) => ({ article: metaOf(h.row), quote: h.row.quote, score: h.score }));
    },
    async searchFigures(terms, limit) {
      type Row = ArticleRow & { key: number; figure: Figure };
      const hits = await search<Row>("figures", "t.figure, a.id, a.title, a.url, a.publisher, a.published_at", terms, limit);
      return hits.map((h) => ({ article: metaOf(h.row), figure: h.row.figure, score: h.score }));
    },
    async figureSeries(terms, limit, topics) {
      type Row = ArticleRow & { key: number; figure: Figure; sort_time: number; topics: string[] };
      const within = topics?.length ? [...new Set(topics.map((t) => t.toLowerCase()))] : undefined;
      const cols = "t.figure, a.id, a.title, a.url, a.publisher, a.published_at, a.sort_time, a.card->'topics' AS topics";
      const hits = await search<Row>("figures", cols, terms, limit, within);
      return hits.map((h) => ({ article: metaOf(h.row), figure: h.row.figure, score: h.score, topics: keys(h.row.topics), time: h.row.sort_time }));
    },
    async since(since, limit, window = {}) {
      const r = await query<ArticleRow>(pool,
        `SELECT ${ARTICLE_COLS} FROM ${s}.articles a WHERE a.ingested_at > $1 AND ($2::float8 IS NULL OR a.ingested_at <= $2)
         ORDER BY a.ingested_at DESC, a.seq DESC LIMIT $3 OFFSET $4`,
        [since, window.until ?? null, limit, window.offset ?? 0],
      );
      return r.rows.map(storedOf);
    },
    async count() {
      const r = await query<{ n: number }>(pool, `SELECT count(*)::int AS n FROM ${s}.articles`);
      return r.rows[0]!.n;
    },
    findPeople: people.findPeople,
    personKeys: people.personKeys,
    async personArticles(keys, limit, offset = 0) {
      return people.personArticles(keys, limit, offset);
    },
    personTotals: people.personTotals,
    story: (id) => stories.story(pool, id),
    storiesOf: (ids) => stories.storiesOf(pool, ids),
    stories: (limit, window = {}) => stories.stories(pool, limit, window.offset ?? 0),
    async maintain() {
      // Moves GIN pending entries into the index, refreshes the planner's statistics, marks pages
      // all-visible (index-only scans) and reclaims what deletes and rolled-back writes left: every table
      // of the schema, read from the catalogue (a hand-kept list missed the tables added later, which a
      // server without autovacuum then never vacuumed).
      const tables = await query<{ t: string }>(pool, "SELECT quote_ident(tablename) AS t FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", [opts.schema]);
      for (const { t } of tables.rows) await query(pool, `VACUUM ANALYZE ${s}.${t}`);
    },
    async close() {
      if (opts.ownsPool) await pool.end();
    },
  };
  registerStories(store, stories);
  return store;
}

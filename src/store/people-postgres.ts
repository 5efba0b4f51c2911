// The person index in PostgreSQL: the same three tables as SQLite (people-sqlite.ts), written
// with one statement per table inside the article's transaction; a person seen before costs one.
import type pg from "pg";
import type { BriefingCard, Quote } from "../core/index.js";
import { nameKeys, personRows, roleKeys, type PersonRow } from "./people-rows.js";
import { metaOf, type MetaRow } from "./rows.js";
import type { PersonArticle, PersonFound, PersonTotals } from "./types.js";
import { query } from "./pg-query.js";

const CACHE_MAX = 50_000;
/** Articles indexed per statement when the index is built over articles stored before it. */
const BACKFILL_BATCH = 500;

type Db = pg.Pool | pg.PoolClient;

export function personIndexSql(s: string): string {
  return `
    CREATE TABLE ${s}.people (pid serial PRIMARY KEY, key text NOT NULL UNIQUE, name text NOT NULL);
    CREATE TABLE ${s}.person_keys (k text COLLATE "C" NOT NULL, pid integer NOT NULL, PRIMARY KEY (k, pid));
    CREATE TABLE ${s}.person_articles (
      pid integer NOT NULL, seq integer NOT NULL, sort_time double precision NOT NULL, role text, quotes text NOT NULL, nq integer NOT NULL,
      PRIMARY KEY (pid, seq)
    );
    INSERT INTO ${s}.briefbot_meta (key, value) VALUES ('people_backfilled', '0');`;
}

export function createPostgresPeople(pool: pg.Pool, s: string) {
  const pids = new Map<string, number>();
  const roles = new Set<string>();

  async function pidsOf(c: Db, rows: PersonRow[]): Promise<Map<string, number>> {
    const unknown = rows.filter((r) => !pids.has(r.key));
    if (unknown.length) {
      const keys = unknown.map((r) => r.key);
      const got = await query<{ pid: number; key: string }>(c,
        `WITH ins AS (INSERT INTO ${s}.people (key, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO NOTHING RETURNING pid, key)
         SELECT pid, key FROM ins UNION ALL SELECT pid, key FROM ${s}.people WHERE key = ANY($1::text[])`,
        [keys, unknown.map((r) => r.name)],
      );
      // A person another writer inserted meanwhile is visible to a new statement only.
      const missing = keys.filter((k) => !got.rows.some((r) => r.key === k));
      if (missing.length) got.rows.push(...(await query<{ pid: number; key: string }>(c, `SELECT pid, key FROM ${s}.people WHERE key = ANY($1::text[])`, [missing])).rows);
      if (pids.size >= CACHE_MAX) (pids.clear(), roles.clear());
      for (const r of got.rows) pids.set(r.key, r.pid);
      const k: string[] = [], p: number[] = [];
      for (const r of unknown) for (const key of [...nameKeys(r.key), ...roleKeys(r.role)]) (k.push(key), p.push(pids.get(r.key)!));
      if (k.length) await query(c, `INSERT INTO ${s}.person_keys (k, pid) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING`, [k, p]);
      for (const r of unknown) if (r.role) roles.add(`${pids.get(r.key)}|${r.role}`);
    }
    return pids;
  }

  async function index(c: Db, seq: number, sortTime: number, card: BriefingCard): Promise<void> {
    const rows = personRows(card);
    if (!rows.length) return;
    const ids = await pidsOf(c, rows);
    // Role words of a role not seen for a known person yet.
    const k: string[] = [], p: number[] = [];
    for (const r of rows) {
      const pid = ids.get(r.key)!;
      if (!r.role || roles.has(`${pid}|${r.role}`)) continue;
      for (const key of roleKeys(r.role)) (k.push(key), p.push(pid));
      roles.add(`${pid}|${r.role}`);
    }
    if (k.length) await query(c, `INSERT INTO ${s}.person_keys (k, pid) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING`, [k, p]);
    await query(c,
      `INSERT INTO ${s}.person_articles (pid, seq, sort_time, role, quotes, nq)
       SELECT p, $2, $3, r, q, n FROM unnest($1::int[], $4::text[], $5::text[], $6::int[]) AS t(p, r, q, n)
       ON CONFLICT (pid, seq) DO UPDATE SET sort_time = excluded.sort_time, role = excluded.role, quotes = excluded.quotes, nq = excluded.nq`,
      [rows.map((r) => ids.get(r.key)!), seq, sortTime, rows.map((r) => r.role), rows.map((r) => r.quotes.join(",")), rows.map((r) => r.quotes.length)],
    );
  }

  return {
    index,
    reset(): void {
      pids.clear();
      roles.clear();
    },
    async remove(c: Db, seq: number, oldCard: BriefingCard): Promise<void> {
      const keys = personRows(oldCard).map((r) => r.key);
      if (keys.length) await query(c, `DELETE FROM ${s}.person_articles WHERE seq = $1 AND pid IN (SELECT pid FROM ${s}.people WHERE key = ANY($2::text[]))`, [seq, keys]);
    },
    /** Indexes the articles stored before the index existed, once, under the migration's lock. */
    async backfill(c: pg.PoolClient): Promise<void> {
      const done = await query<{ value: string }>(c, `SELECT value FROM ${s}.briefbot_meta WHERE key = 'people_backfilled'`);
      if (done.rows[0]?.value !== "0") return;
      await query(c, "BEGIN");
      try {
        await query(c, "SELECT pg_advisory_xact_lock(hashtext($1))", [`briefbot:people:${s}`]);
        const again = await query<{ value: string }>(c, `SELECT value FROM ${s}.briefbot_meta WHERE key = 'people_backfilled' FOR UPDATE`);
        if (again.rows[0]?.value === "0") {
          for (let after = 0; ; ) {
            const batch = await query<{ seq: number; sort_time: number; card: BriefingCard }>(c,
              `SELECT seq, sort_time, card FROM ${s}.articles WHERE seq > $1 ORDER BY seq LIMIT $2`,
              [after, BACKFILL_BATCH],
            );
            for (const r of batch.rows) await index(c, r.seq, r.sort_time, r.card);
            if (batch.rows.length < BACKFILL_BATCH) break;
            after = batch.rows[batch.rows.length - 1]!.seq;
          }
          await query(c, `UPDATE ${s}.briefbot_meta SET value = '1' WHERE key = 'people_backfilled'`);
        }
        await query(c, "COMMIT");
      } catch (err) {
        await query(c, "ROLLBACK");
        pids.clear();
        roles.clear();
        throw err;
      }
    },
    async findPeople(groups: ReadonlyArray<readonly string[]>, limit: number): Promise<PersonFound[]> {
      if (!groups.length || groups.some((g) => !g.length)) return [];
      const match = groups.map((_, i) => `SELECT pid FROM ${s}.person_keys WHERE k = ANY($${i + 2}::text[])`).join(" INTERSECT ");
      const r = await query<{ key: string; name: string; role: string | null; articles: number; last_seen: number }>(pool,
        `WITH m AS (${match} LIMIT 200)
         SELECT p.key, p.name, st.articles, st.last_seen,
           (SELECT role FROM ${s}.person_articles pa WHERE pa.pid = p.pid AND role IS NOT NULL ORDER BY sort_time DESC LIMIT 1) AS role
         FROM m JOIN ${s}.people p ON p.pid = m.pid
         CROSS JOIN LATERAL (SELECT count(*)::int AS articles, max(sort_time) AS last_seen FROM ${s}.person_articles pa WHERE pa.pid = p.pid) st
         WHERE st.articles > 0 ORDER BY st.articles DESC, p.key LIMIT $1`,
        [limit, ...groups.map((g) => [...g])],
      );
      return r.rows.map((x) => ({ key: x.key, name: x.name, role: x.role, articles: x.articles, lastSeen: x.last_seen }));
    },
    async personKeys(prefix: string, limit: number): Promise<string[]> {
      const r = await query<{ k: string }>(pool, `SELECT DISTINCT k FROM ${s}.person_keys WHERE k >= $1 AND k < $2 ORDER BY k LIMIT $3`, [prefix, prefix + "\uffff", limit]);
      return r.rows.map((x) => x.k);
    },
    async personArticles(keys: readonly string[], limit: number, offset: number): Promise<PersonArticle[]> {
      if (!keys.length) return [];
      type Row = MetaRow & { key: string; role: string | null; quotes: string; sort_time: number; all: Quote[] | null };
      // The person's quotes are picked from the article's quotes (kept in card order) by index.
      // Each person's newest rows through person_articles_recent, then the page, then its articles:
      // joined before the sort, a person in 3,000 of 100,000 articles cost 60 ms a page.
      const r = await query<Row>(pool,
        `SELECT pa.key, pa.role, pa.quotes, pa.sort_time, a.id, a.title, a.url, a.publisher, a.published_at,
           CASE WHEN pa.nq > 0 THEN (SELECT json_agg(q.quote ORDER BY q.qid) FROM ${s}.quotes q WHERE q.seq = pa.seq) END AS all
         FROM (SELECT p.key, x.seq, x.role, x.quotes, x.sort_time, x.nq FROM ${s}.people p
               CROSS JOIN LATERAL (SELECT seq, role, quotes, sort_time, nq FROM ${s}.person_articles x WHERE x.pid = p.pid
                                   ORDER BY x.sort_time DESC, x.seq DESC LIMIT $2::int + $3::int) x
               WHERE p.key = ANY($1::text[]) ORDER BY x.sort_time DESC, x.seq DESC LIMIT $2 OFFSET $3) pa
         JOIN ${s}.articles a ON a.seq = pa.seq ORDER BY pa.sort_time DESC, pa.seq DESC`,
        [[...keys], limit, offset],
      );
      return r.rows.map((x) => {
        const wanted = x.quotes ? x.quotes.split(",").map(Number) : [];
        const quotes = wanted.flatMap((i) => (x.all?.[i] ? [x.all[i]] : []));
        return { article: metaOf(x), key: x.key, role: x.role, quotes, sortTime: x.sort_time };
      });
    },
    async personTotals(keys: readonly string[]): Promise<PersonTotals> {
      const where = `FROM ${s}.people p JOIN ${s}.person_articles pa ON pa.pid = p.pid WHERE p.key = ANY($1::text[])`;
      const [t, roles] = await Promise.all([
        query<{ articles: number; quotes: number; first: number | null; last: number | null }>(pool,
          `SELECT count(*)::int AS articles, coalesce(sum(nq), 0)::int AS quotes, min(sort_time) AS first, max(sort_time) AS last ${where}`,
          [[...keys]],
        ),
        query<{ role: string; count: number }>(pool,
          `SELECT pa.role, count(*)::int AS count ${where} AND pa.role IS NOT NULL GROUP BY pa.role ORDER BY count DESC, max(pa.sort_time) DESC LIMIT 8`,
          [[...keys]],
        ),
      ]);
      const x = t.rows[0]!;
      return { articles: x.articles, quotes: x.quotes, firstSeen: x.first, lastSeen: x.last, roles: roles.rows };
    },
  };
}

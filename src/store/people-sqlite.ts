// The person index in SQLite: people (one row per person key), person_keys (name, role and
// reversed name words -> person) and person_articles (person x article: role, their quotes).
// Written inside the article's transaction; a cache of known people and roles skips the
// inserts that would change nothing, so a person seen before costs one row per article.
import type { Database, Statement } from "better-sqlite3";
import type { BriefingCard, Quote } from "../core/index.js";
import { nameKeys, personRows, roleKeys } from "./people-rows.js";
import { metaOf, type MetaRow } from "./rows.js";
import type { PersonArticle, PersonFound, PersonTotals } from "./types.js";

/** Known people and (person, role) pairs kept in memory; cleared past this size. */
const CACHE_MAX = 50_000;

export interface SqlitePeople {
  index(seq: number, sortTime: number, card: BriefingCard): void;
  remove(seq: number, oldCard: BriefingCard): void;
  /** Indexes articles stored before the index existed (once; later opens skip it). */
  backfill(): void;
  /** Forgets cached people after a rolled-back transaction. */
  reset(): void;
  findPeople(groups: ReadonlyArray<readonly string[]>, limit: number): PersonFound[];
  personKeys(prefix: string, limit: number): string[];
  personArticles(keys: readonly string[], limit: number, offset: number): PersonArticle[];
  personTotals(keys: readonly string[]): PersonTotals;
}

type Found = { key: string; name: string; role: string | null; articles: number; last_seen: number };

export function createSqlitePeople(db: Database): SqlitePeople {
  const q = {
    pid: db.prepare<[string], { pid: number }>("SELECT pid FROM people WHERE key = ?"),
    insPerson: db.prepare("INSERT INTO people (key, name) VALUES (?, ?)"),
    insKey: db.prepare("INSERT OR IGNORE INTO person_keys (k, pid) VALUES (?, ?)"),
    insArticle: db.prepare("INSERT INTO person_articles (pid, seq, sort_time, role, quotes, nq) VALUES (?, ?, ?, ?, ?, ?)"),
    delArticle: db.prepare("DELETE FROM person_articles WHERE pid = ? AND seq = ?"),
    keys: db.prepare<[string, string, number], { k: string }>("SELECT DISTINCT k FROM person_keys WHERE k >= ? AND k < ? ORDER BY k LIMIT ?"),
    done: db.prepare<[], { done: number }>("SELECT done FROM people_backfill"),
    setDone: db.prepare("UPDATE people_backfill SET done = 1"),
    batch: db.prepare<[number], { seq: number; sort_time: number; card: string }>("SELECT seq, sort_time, card FROM articles WHERE seq > ? ORDER BY seq LIMIT 500"),
  };
  const pids = new Map<string, number>();
  const roles = new Set<string>();
  const cached = new Map<string, Statement>();
  const prepared = (sql: string): Statement => cached.get(sql) ?? (cached.set(sql, db.prepare(sql)), cached.get(sql)!);
  const marks = (n: number) => Array.from({ length: n }, () => "?").join(", ");

  function pidOf(key: string, name: string): number {
    let pid = pids.get(key);
    if (pid !== undefined) return pid;
    pid = q.pid.get(key)?.pid;
    if (pid === undefined) {
      pid = Number(q.insPerson.run(key, name).lastInsertRowid);
      for (const k of nameKeys(key)) q.insKey.run(k, pid);
    }
    if (pids.size >= CACHE_MAX) (pids.clear(), roles.clear());
    pids.set(key, pid);
    return pid;
  }

  const people: SqlitePeople = {
    index(seq, sortTime, card) {
      for (const p of personRows(card)) {
        const pid = pidOf(p.key, p.name);
        // Role words of a role not seen for this person yet (INSERT OR IGNORE keeps it idempotent).
        if (p.role && !roles.has(`${pid}|${p.role}`)) {
          for (const k of roleKeys(p.role)) q.insKey.run(k, pid);
          roles.add(`${pid}|${p.role}`);
        }
        q.insArticle.run(pid, seq, sortTime, p.role, p.quotes.join(","), p.quotes.length);
      }
    },
    remove(seq, oldCard) {
      for (const p of personRows(oldCard)) {
        const pid = pids.get(p.key) ?? q.pid.get(p.key)?.pid;
        if (pid !== undefined) q.delArticle.run(pid, seq);
      }
    },
    backfill() {
      // Read first: a database already indexed (or opened read-only) takes no write lock here.
      if (q.done.get()?.done) return;
      db.transaction(() => {
        if (q.done.get()?.done) return;
        // In batches: better-sqlite3 cannot write while a read is still being iterated.
        for (let rows = q.batch.all(0); rows.length; rows = q.batch.all(rows[rows.length - 1]!.seq)) {
          for (const r of rows) people.index(r.seq, r.sort_time, JSON.parse(r.card) as BriefingCard);
        }
        q.setDone.run();
      }).immediate();
    },
    reset() {
      pids.clear();
      roles.clear();
    },
    findPeople(groups, limit) {
      if (!groups.length || groups.some((g) => !g.length)) return [];
      const match = groups.map((g) => `SELECT pid FROM person_keys WHERE k IN (${marks(g.length)})`).join(" INTERSECT ");
      const sql = `WITH m AS (${match} LIMIT 200)
        SELECT p.key, p.name,
          (SELECT count(*) FROM person_articles pa WHERE pa.pid = p.pid) AS articles,
          (SELECT max(sort_time) FROM person_articles pa WHERE pa.pid = p.pid) AS last_seen,
          (SELECT role FROM person_articles pa WHERE pa.pid = p.pid AND role IS NOT NULL ORDER BY sort_time DESC LIMIT 1) AS role
        FROM m JOIN people p ON p.pid = m.pid ORDER BY articles DESC, p.key LIMIT ?`;
      const rows = prepared(sql).all(...groups.flat(), limit) as Found[];
      return rows.filter((r) => r.articles > 0).map((r) => ({ key: r.key, name: r.name, role: r.role, articles: r.articles, lastSeen: r.last_seen }));
    },
    personKeys(prefix, limit) {
      return q.keys.all(prefix, prefix + "\uffff", limit).map((r) => r.k);
    },
    personArticles(keys, limit, offset) {
      if (!keys.length) return [];
      type Row = MetaRow & { seq: number; key: string; role: string | null; quotes: string; sort_time: number };
      // The page is picked from the index rows first, then joined to its articles: joined before the
      // sort, a person in 3,000 articles read 3,000 article rows for a page of 20 (45 ms at 100,000 stored).
      const rows = prepared(
        `SELECT pa.seq, pa.key, pa.role, pa.quotes, pa.sort_time, a.id, a.title, a.url, a.publisher, a.published_at
         FROM (SELECT x.seq, p.key, x.role, x.quotes, x.sort_time FROM people p JOIN person_articles x ON x.pid = p.pid
               WHERE p.key IN (${marks(keys.length)}) ORDER BY x.sort_time DESC, x.seq DESC LIMIT ? OFFSET ?) pa
         JOIN articles a ON a.seq = pa.seq ORDER BY pa.sort_time DESC, pa.seq DESC`,
      ).all(...keys, limit, offset) as Row[];
      const quoteRows = prepared("SELECT quote FROM quotes WHERE seq = ? ORDER BY qid");
      return rows.map((r) => {
        const wanted = r.quotes ? r.quotes.split(",").map(Number) : [];
        const all = wanted.length ? (quoteRows.all(r.seq) as Array<{ quote: string }>) : [];
        const quotes = wanted.flatMap((i) => (all[i] ? [JSON.parse(all[i].quote) as Quote] : []));
        return { article: metaOf(r), key: r.key, role: r.role, quotes, sortTime: r.sort_time };
      });
    },
    personTotals(keys) {
      if (!keys.length) return { articles: 0, quotes: 0, firstSeen: null, lastSeen: null, roles: [] };
      const where = `FROM people p JOIN person_articles pa ON pa.pid = p.pid WHERE p.key IN (${marks(keys.length)})`;
      const t = prepared(`SELECT count(*) AS articles, coalesce(sum(nq), 0) AS quotes, min(sort_time) AS first, max(sort_time) AS last ${where}`).get(...keys) as {
        articles: number;
        quotes: number;
        first: number | null;
        last: number | null;
      };
      const roles = prepared(`SELECT role, count(*) AS count ${where} AND pa.role IS NOT NULL GROUP BY pa.role ORDER BY count DESC, max(pa.sort_time) DESC LIMIT 8`).all(
        ...keys,
      ) as Array<{ role: string; count: number }>;
      return { articles: t.articles, quotes: t.quotes, firstSeen: t.first, lastSeen: t.last, roles };
    },
  };
  return people;
}

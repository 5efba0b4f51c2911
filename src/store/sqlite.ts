// The default store: one SQLite file (WAL), FTS5 indexes for quotes, figures and articles.
// better-sqlite3 is synchronous; the async methods keep the contract shared with PostgreSQL.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Sqlite, { type Database } from "better-sqlite3";
import type { Article, BriefingCard, Figure, Quote } from "../core/index.js";
import { StoreError } from "./errors.js";
import { ftsMatch } from "./fts.js";
import { createSqlitePeople } from "./people-sqlite.js";
import { byRecent, cardRows, keys, metaOf } from "./rows.js";
import { runStages, termGroups } from "./search.js";
import { migrateSqlite } from "./sqlite-schema.js";
import { registerStories, STORE_STORY_DEFAULTS, type StoreStoryOptions } from "./stories.js";
import { createSqliteStories } from "./stories-sqlite.js";
import type { ArticleHit, BriefingStore, FigureHit, PutResult, QuoteHit, SeriesHit, StoredArticle, Terms, TopicCount } from "./types.js";

export interface SqliteOptions {
  /** "normal" survives a crash of the process (kill -9); "full" also survives power loss. */
  synchronous: "normal" | "full";
  /** Shown in errors ("data/briefbot.db"). */
  name: string;
  /** How articles are grouped into stories (core/stories). */
  stories: StoreStoryOptions;
}

export const DEFAULT_SQLITE_OPTIONS = { synchronous: "normal", name: "the SQLite database", stories: STORE_STORY_DEFAULTS } as const satisfies SqliteOptions;

interface ArticleRow {
  seq: number;
  id: string;
  url: string | null;
  title: string;
  publisher: string | null;
  published_at: string | null;
  ingested_at: number;
  card: string;
}

const META_COLS = "a.id, a.title, a.url, a.publisher, a.published_at";

function storedOf(r: ArticleRow): StoredArticle {
  const s: StoredArticle = { id: r.id, card: JSON.parse(r.card) as BriefingCard, ingestedAt: r.ingested_at };
  if (r.url) s.url = r.url;
  return s;
}

/**
 * SQLite's "cannot write" answers as our errors, naming the file: a read-only file or folder (the WAL
 * needs its -wal and -shm files beside the database) and a full disk. Anything else is returned as is.
 * Either way SQLite has rolled the transaction back: the file holds what it held before.
 */
export function sqliteWriteError(err: unknown, name: string): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string") return err;
  if (code.startsWith("SQLITE_READONLY"))
    return new StoreError("read_only", `${name} cannot be written: the file or its folder is read-only (briefbot writes the database and its -wal and -shm files beside it)`, { cause: err });
  if (code === "SQLITE_FULL")
    return new StoreError("full", `${name} cannot grow: the disk is full (or the database reached its max_page_count); nothing of this write was stored`, { cause: err });
  return err;
}

/** Opens (creating when missing) the SQLite file at `path`, its folder too. */
export function openSqliteDatabase(path: string): Database {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  try {
    return new Sqlite(path);
  } catch (err) {
    throw new StoreError("unavailable", `cannot open ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Opens (creating when missing) a SQLite store at `path`. */
export function openSqliteStore(path: string, options: Partial<SqliteOptions> = {}): BriefingStore {
  return openSqliteStoreOn(openSqliteDatabase(path), path, options);
}

/** A store that owns `db` (close() closes it); `db` is closed here if the store cannot be made. */
export function openSqliteStoreOn(db: Database, path: string, options: Partial<SqliteOptions> = {}): BriefingStore {
  try {
    return createSqliteStore(db, { name: path, ...options });
  } catch (err) {
    db.close();
    throw err;
  }
}

export function createSqliteStore(db: Database, options: Partial<SqliteOptions> = {}): BriefingStore {
  const opts = { ...DEFAULT_SQLITE_OPTIONS, ...options };
  try {
    return createOn(db, opts);
  } catch (err) {
    throw sqliteWriteError(err, opts.name);
  }
}

function createOn(db: Database, opts: SqliteOptions): BriefingStore {
  db.pragma("journal_mode = WAL");
  db.pragma(`synchronous = ${opts.synchronous.toUpperCase()}`);
  db.pragma("busy_timeout = 5000");
  migrateSqlite(db, opts.name);
  const people = createSqlitePeople(db);
  people.backfill();
  const stories = createSqliteStories(db, { ...STORE_STORY_DEFAULTS, ...opts.stories });
  // Articles stored before stories existed (an older database): each put in a story once, oldest first.
  const backfill = db.transaction(() => stories.backfill(1000));
  while (backfill.immediate() > 0);

  // Every term matching: newest first, which stops after `limit` rows however common the words
  // (ask/ re-ranks). Any term matching (the last resort): by bm25, as most rows match only weakly.
  const q = {
    byUrl: db.prepare<[string], { seq: number; id: string; text_hash: string }>("SELECT seq, id, text_hash FROM articles WHERE url = ?"),
    byHash: db.prepare<[string], { seq: number; id: string; text_hash: string }>("SELECT seq, id, text_hash FROM articles WHERE text_hash = ? LIMIT 1"),
    insertArticle: db.prepare(
      "INSERT INTO articles (id, url, text_hash, title, publisher, published_at, sort_time, ingested_at, card) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    updateArticle: db.prepare(
      "UPDATE articles SET url = ?, text_hash = ?, title = ?, publisher = ?, published_at = ?, sort_time = ?, ingested_at = ?, card = ? WHERE seq = ?",
    ),
    oldTopics: db.prepare<[number], { topic: string }>("SELECT topic FROM topics WHERE seq = ?"),
    delTopics: db.prepare("DELETE FROM topics WHERE seq = ?"),
    delQuotesFts: db.prepare("DELETE FROM quotes_fts WHERE rowid IN (SELECT qid FROM quotes WHERE seq = ?)"),
    delQuotes: db.prepare("DELETE FROM quotes WHERE seq = ?"),
    delFiguresFts: db.prepare("DELETE FROM figures_fts WHERE rowid IN (SELECT fid FROM figures WHERE seq = ?)"),
    delFigures: db.prepare("DELETE FROM figures WHERE seq = ?"),
    delArticleFts: db.prepare("DELETE FROM articles_fts WHERE rowid = ?"),
    insTopic: db.prepare("INSERT OR IGNORE INTO topics (topic, seq, sort_time) VALUES (?, ?, ?)"),
    incTopic: db.prepare("INSERT INTO topic_counts (topic, n) VALUES (?, ?) ON CONFLICT(topic) DO UPDATE SET n = n + excluded.n"),
    dropTopics: db.prepare("DELETE FROM topic_counts WHERE n <= 0"),
    insQuote: db.prepare("INSERT INTO quotes (seq, quote) VALUES (?, ?)"),
    insQuoteFts: db.prepare("INSERT INTO quotes_fts (rowid, body) VALUES (?, ?)"),
    insFigure: db.prepare("INSERT INTO figures (seq, figure) VALUES (?, ?)"),
    insFigureFts: db.prepare("INSERT INTO figures_fts (rowid, body) VALUES (?, ?)"),
    insArticleFts: db.prepare("INSERT INTO articles_fts (rowid, body) VALUES (?, ?)"),
    get: db.prepare<[string], ArticleRow>("SELECT * FROM articles WHERE id = ?"),
    bySeq: db.prepare<[number], ArticleRow>("SELECT * FROM articles WHERE seq = ?"),
    byTopic: db.prepare<[string, number], ArticleRow>(
      "SELECT a.* FROM topics t JOIN articles a ON a.seq = t.seq WHERE t.topic = ? ORDER BY t.sort_time DESC, a.ingested_at DESC LIMIT ?",
    ),
    topics: db.prepare<[number], TopicCount>("SELECT topic, n AS count FROM topic_counts ORDER BY n DESC, topic LIMIT ?"),
    topicsPrefix: db.prepare<[string, string, number], TopicCount>(
      "SELECT topic, n AS count FROM topic_counts WHERE topic >= ? AND topic < ? ORDER BY n DESC, topic LIMIT ?",
    ),
    quoteFts: db.prepare<[string, number], { rowid: number }>("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
    quoteFtsRanked: db.prepare<[string, number], { rowid: number }>("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?"),
    figureFts: db.prepare<[string, number], { rowid: number }>("SELECT rowid FROM figures_fts WHERE figures_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
    figureFtsRanked: db.prepare<[string, number], { rowid: number }>("SELECT rowid FROM figures_fts WHERE figures_fts MATCH ? ORDER BY rank LIMIT ?"),
    articleFts: db.prepare<[string, number], { rowid: number }>("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT ?"),
    articleFtsRanked: db.prepare<[string, number], { rowid: number }>("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"),
    quote: db.prepare<[number], { quote: string } & ArticleRow>(`SELECT q.quote, ${META_COLS} FROM quotes q JOIN articles a ON a.seq = q.seq WHERE q.qid = ?`),
    figure: db.prepare<[number], { figure: string } & ArticleRow>(`SELECT f.figure, ${META_COLS} FROM figures f JOIN articles a ON a.seq = f.seq WHERE f.fid = ?`),
    // Trends: the same look-ups restricted to articles carrying one of the topics (a JSON array).
    figureFtsIn: db.prepare<[string, string, number], { rowid: number }>(
      `SELECT x.rowid FROM figures_fts x JOIN figures f ON f.fid = x.rowid WHERE figures_fts MATCH ?
         AND EXISTS (SELECT 1 FROM topics t WHERE t.seq = f.seq AND t.topic IN (SELECT value FROM json_each(?))) ORDER BY x.rowid DESC LIMIT ?`,
    ),
    figureFtsInRanked: db.prepare<[string, string, number], { rowid: number }>(
      `SELECT x.rowid FROM figures_fts x JOIN figures f ON f.fid = x.rowid WHERE figures_fts MATCH ?
         AND EXISTS (SELECT 1 FROM topics t WHERE t.seq = f.seq AND t.topic IN (SELECT value FROM json_each(?))) ORDER BY x.rank LIMIT ?`,
    ),
    seriesFigure: db.prepare<[number], { figure: string; sort_time: number; topics: string } & ArticleRow>(
      `SELECT f.figure, ${META_COLS}, a.sort_time, json_extract(a.card, '$.topics') AS topics
         FROM figures f JOIN articles a ON a.seq = f.seq WHERE f.fid = ?`,
    ),
    since: db.prepare<[number, number, number, number], ArticleRow>(
      "SELECT * FROM articles WHERE ingested_at > ? AND ingested_at <= ? ORDER BY ingested_at DESC, seq DESC LIMIT ? OFFSET ?",
    ),
    count: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM articles"),
    oldCard: db.prepare<[number], { card: string }>("SELECT card FROM articles WHERE seq = ?"),
  };

  function removeChildren(seq: number): void {
    const old = q.oldCard.get(seq);
    if (old) people.remove(seq, JSON.parse(old.card) as BriefingCard);
    for (const { topic } of q.oldTopics.all(seq)) q.incTopic.run(topic, -1);
    q.dropTopics.run();
    q.delTopics.run(seq);
    q.delQuotesFts.run(seq);
    q.delQuotes.run(seq);
    q.delFiguresFts.run(seq);
    q.delFigures.run(seq);
    q.delArticleFts.run(seq);
  }

  // One transaction per put: after a crash the article is wholly there or wholly absent.
  // FTS5 writes a segment per transaction, so bulk ingestion goes through putMany.
  const putOne = (article: Article, card: BriefingCard, now: number): PutResult => {
    const probe = cardRows(card.id, article, card, now);
    const old = (probe.url ? q.byUrl.get(probe.url) : undefined) ?? q.byHash.get(probe.hash);
    if (old && old.text_hash === probe.hash) return { id: old.id, status: "unchanged" };
    const id = old?.id ?? card.id;
    const r = probe; // meta.id is not stored: the kept `id` is
    const m = r.meta;
    const cardJson = JSON.stringify(card);
    let seq: number;
    if (old) {
      seq = old.seq;
      stories.unassign(seq, now);
      removeChildren(seq);
      q.updateArticle.run(r.url ?? null, r.hash, m.title, m.publisher ?? null, m.publishedAt ?? null, r.sortTime, now, cardJson, seq);
    } else {
      seq = Number(q.insertArticle.run(id, r.url ?? null, r.hash, m.title, m.publisher ?? null, m.publishedAt ?? null, r.sortTime, now, cardJson).lastInsertRowid);
    }
    for (const t of r.topics) {
      q.insTopic.run(t, seq, r.sortTime);
      q.incTopic.run(t, 1);
    }
    card.quotes.forEach((quote, i) => {
      const qid = q.insQuote.run(seq, JSON.stringify(quote)).lastInsertRowid;
      q.insQuoteFts.run(qid, r.quoteBodies[i]!);
    });
    card.figures.forEach((figure, i) => {
      const fid = q.insFigure.run(seq, JSON.stringify(figure)).lastInsertRowid;
      q.insFigureFts.run(fid, r.figureBodies[i]!);
    });
    q.insArticleFts.run(seq, r.articleBody);
    people.index(seq, r.sortTime, card);
    stories.assign(seq, id, card, r.sortTime, now);
    return { id, status: old ? "updated" : "ingested" };
  };
  const putTx = db.transaction(putOne);
  const putManyTx = db.transaction((items: ReadonlyArray<{ article: Article; card: BriefingCard }>, now: number) =>
    items.map((i) => putOne(i.article, i.card, now)),
  );
  /** Runs a write; a failed one rolls back, so the people it cached may not exist. */
  const write = <T>(f: () => T): T => {
    try {
      return f();
    } catch (err) {
      people.reset();
      throw sqliteWriteError(err, opts.name);
    }
  };

  const store: BriefingStore = {
    async put(article, card, now) {
      return write(() => putTx.immediate(article, card, now));
    },
    async putMany(items, now) {
      return write(() => putManyTx.immediate(items, now));
    },
    async get(id) {
      const r = q.get.get(id);
      return r && storedOf(r);
    },
    async byTopic(topics, limit) {
      // One indexed, ordered look-up per topic, merged: no sort over every card of a big topic.
      const seen = new Map<number, ArticleRow>();
      for (const t of new Set(topics.map((x) => x.toLowerCase()))) for (const r of q.byTopic.all(t, limit)) seen.set(r.seq, r);
      return [...seen.values()].map(storedOf).sort(byRecent).slice(0, limit);
    },
    async searchArticles(terms: Terms, limit: number): Promise<ArticleHit[]> {
      const hits = await runStages(termGroups(terms), limit, async (s, n) => (s.any ? q.articleFtsRanked : q.articleFts).all(ftsMatch(s), n).map((r) => r.rowid));
      return hits.flatMap((h) => {
        const r = q.bySeq.get(h.key);
        return r ? [{ article: storedOf(r), score: h.score }] : [];
      });
    },
    async topics(limit, prefix) {
      if (!prefix) return q.topics.all(limit);
      const p = prefix.toLowerCase();
      return q.topicsPrefix.all(p, p + "\uffff", limit);
    },
    async searchQuotes(terms, limit): Promise<QuoteHit[]> {
      const hits = await runStages(termGroups(terms), limit, async (s, n) => (s.any ? q.quoteFtsRanked : q.quoteFts).all(ftsMatch(s), n).map((r) => r.rowid));
      return hits.flatMap((h) => {
        const r = q.quote.get(h.key);
        return r ? [{ article: metaOf(r), quote: JSON.parse(r.quote) as Quote, score: h.score }] : [];
      });
    },
    async searchFigures(terms, limit): Promise<FigureHit[]> {
      const hits = await runStages(termGroups(terms), limit, async (s, n) => (s.any ? q.figureFtsRanked : q.figureFts).all(ftsMatch(s), n).map((r) => r.rowid));
      return hits.flatMap((h) => {
        const r = q.figure.get(h.key);
        return r ? [{ article: metaOf(r), figure: JSON.parse(r.figure) as Figure, score: h.score }] : [];
      });
    },
    async figureSeries(terms, limit, topics): Promise<SeriesHit[]> {
      const within = topics?.length ? JSON.stringify([...new Set(topics.map((t) => t.toLowerCase()))]) : undefined;
      const hits = await runStages(termGroups(terms), limit, async (s, n) =>
        (within
          ? (s.any ? q.figureFtsInRanked : q.figureFtsIn).all(ftsMatch(s), within, n)
          : (s.any ? q.figureFtsRanked : q.figureFts).all(ftsMatch(s), n)
        ).map((r) => r.rowid),
      );
      return hits.flatMap((h) => {
        const r = q.seriesFigure.get(h.key);
        if (!r) return [];
        return [{ article: metaOf(r), figure: JSON.parse(r.figure) as Figure, score: h.score, topics: keys(JSON.parse(r.topics) as string[]), time: r.sort_time }];
      });
    },
    async since(since, limit, window = {}) {
      // SQLite binds Infinity as a REAL that compares above every integer.
      return q.since.all(since, window.until ?? Infinity, limit, window.offset ?? 0).map(storedOf);
    },
    async count() {
      return q.count.get()!.n;
    },
    async findPeople(groups, limit) {
      return people.findPeople(groups, limit);
    },
    async personKeys(prefix, limit) {
      return people.personKeys(prefix, limit);
    },
    async personArticles(keys, limit, offset = 0) {
      return people.personArticles(keys, limit, offset);
    },
    async personTotals(keys) {
      return people.personTotals(keys);
    },
    async story(id) {
      return stories.story(id);
    },
    async storiesOf(ids) {
      return stories.storiesOf(ids);
    },
    async stories(limit, window = {}) {
      return stories.stories(limit, window.offset ?? 0);
    },
    async maintain() {
      // Many small FTS5 segments (one per transaction) slow every look-up: merge them into one.
      for (const t of ["quotes_fts", "figures_fts", "articles_fts"]) db.prepare(`INSERT INTO ${t}(${t}) VALUES ('optimize')`).run();
      db.pragma("optimize");
    },
    async close() {
      if (db.open) db.close();
    },
  };
  registerStories(store, stories);
  return store;
}

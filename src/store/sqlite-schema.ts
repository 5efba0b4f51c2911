// SQLite schema, versioned with PRAGMA user_version. Append a migration; never edit a shipped one.
import type { Database } from "better-sqlite3";
import { StoreError } from "./errors.js";
import { revOf } from "./stories.js";

// FTS tables are contentless (the text lives in `articles.card`); contentless_delete lets an
// updated article drop its old rows. Bodies are pre-tokenised by rows.ts/tokens().
const FTS = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'";

export const SQLITE_MIGRATIONS: readonly string[] = [
  `CREATE TABLE articles (
     seq INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     url TEXT UNIQUE,
     text_hash TEXT NOT NULL,
     title TEXT NOT NULL,
     publisher TEXT,
     published_at TEXT,
     sort_time INTEGER NOT NULL,
     ingested_at INTEGER NOT NULL,
     card TEXT NOT NULL
   );
   CREATE INDEX articles_hash ON articles(text_hash);
   CREATE INDEX articles_ingested ON articles(ingested_at DESC);
   CREATE TABLE topics (
     topic TEXT NOT NULL,
     seq INTEGER NOT NULL,
     sort_time INTEGER NOT NULL,
     PRIMARY KEY (topic, seq)
   ) WITHOUT ROWID;
   CREATE INDEX topics_recent ON topics(topic, sort_time DESC);
   CREATE INDEX topics_seq ON topics(seq);
   CREATE TABLE topic_counts (topic TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
   CREATE INDEX topic_counts_n ON topic_counts(n DESC);
   CREATE TABLE quotes (qid INTEGER PRIMARY KEY, seq INTEGER NOT NULL, quote TEXT NOT NULL);
   CREATE INDEX quotes_seq ON quotes(seq);
   CREATE TABLE figures (fid INTEGER PRIMARY KEY, seq INTEGER NOT NULL, figure TEXT NOT NULL);
   CREATE INDEX figures_seq ON figures(seq);
   CREATE VIRTUAL TABLE quotes_fts USING fts5(body, ${FTS});
   CREATE VIRTUAL TABLE figures_fts USING fts5(body, ${FTS});
   CREATE VIRTUAL TABLE articles_fts USING fts5(body, ${FTS});
   INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 2);
   INSERT INTO figures_fts(figures_fts, rank) VALUES ('automerge', 2);
   INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', 2);`,
  // Settings made from chat and the CLI (settings.ts): destinations, feeds, audit log, version.
  `CREATE TABLE settings_destinations (
     id TEXT PRIMARY KEY, platform TEXT NOT NULL, channel TEXT NOT NULL, spec TEXT NOT NULL,
     updated_by TEXT NOT NULL, updated_at INTEGER NOT NULL
   );
   CREATE TABLE settings_feeds (
     id TEXT PRIMARY KEY, url TEXT NOT NULL UNIQUE, topics TEXT NOT NULL, title TEXT,
     added_by TEXT NOT NULL, added_at INTEGER NOT NULL
   );
   CREATE TABLE settings_audit (
     seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, surface TEXT NOT NULL, place TEXT NOT NULL,
     action TEXT NOT NULL, target TEXT NOT NULL, detail TEXT NOT NULL
   );
   CREATE INDEX settings_audit_place ON settings_audit(place, seq DESC);
   CREATE INDEX settings_audit_target ON settings_audit(target, seq DESC);
   CREATE TABLE settings_version (one INTEGER PRIMARY KEY CHECK (one = 1), version INTEGER NOT NULL);
   INSERT INTO settings_version VALUES (1, 0);`,
  // The person index (people-sqlite.ts). Articles stored before it are indexed once on open.
  `CREATE TABLE people (pid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL);
   CREATE TABLE person_keys (k TEXT NOT NULL, pid INTEGER NOT NULL, PRIMARY KEY (k, pid)) WITHOUT ROWID;
   CREATE TABLE person_articles (
     pid INTEGER NOT NULL, seq INTEGER NOT NULL, sort_time INTEGER NOT NULL, role TEXT, quotes TEXT NOT NULL, nq INTEGER NOT NULL,
     PRIMARY KEY (pid, seq)
   ) WITHOUT ROWID;
   CREATE TABLE people_backfill (one INTEGER PRIMARY KEY CHECK (one = 1), done INTEGER NOT NULL);
   INSERT INTO people_backfill VALUES (1, 0);`,
  // Stories (issue 14): each article in exactly one; story_keys finds candidates by look-up
  // (key, newest first) so that grouping an article costs the same at 100 or 100,000 stored.
  `CREATE TABLE stories (
     sid INTEGER PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     title TEXT NOT NULL,
     best TEXT NOT NULL,
     best_score REAL NOT NULL,
     first_time INTEGER NOT NULL,
     last_time INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     size INTEGER NOT NULL,
     info TEXT NOT NULL
   );
   CREATE INDEX stories_last ON stories(last_time DESC);
   CREATE TABLE story_articles (seq INTEGER PRIMARY KEY, sid INTEGER NOT NULL, time INTEGER NOT NULL, features TEXT NOT NULL);
   CREATE INDEX story_articles_sid ON story_articles(sid, time DESC);
   CREATE TABLE story_keys (key TEXT NOT NULL, time INTEGER NOT NULL, sid INTEGER NOT NULL, PRIMARY KEY (key, time, sid)) WITHOUT ROWID;`,
  // The features of each story's newest articles in its row: a candidate story is one row read,
  // not one query per story (grouping cost per article halved at 3,000 stored).
  `ALTER TABLE stories ADD COLUMN recent TEXT NOT NULL DEFAULT '[]';
   UPDATE stories SET recent = (SELECT json_group_array(json(features)) FROM
     (SELECT features FROM story_articles m WHERE m.sid = stories.sid ORDER BY time DESC, seq DESC LIMIT 12));`,
  // A story's flags as rows appended when an article joins (a join no longer rewrites them all), each
  // placed by its older article's (time, seq): shown while that article is among the newest 50. And
  // each member's claim keys (claimKeys: "f:" and a figure's kind and thing, "q" for a quote given to
  // a person), so that a joining article is compared only with the members sharing one. Both filled
  // from what older databases hold: the flags in stories.info, the features in story_articles; and
  // `recent` cut to what scoring reads (matchFeatures): 37% smaller on a bench store (quotes stay).
  `DROP INDEX story_articles_sid;
   CREATE INDEX story_articles_sid ON story_articles(sid, time DESC, seq DESC);
   CREATE TABLE story_flags (n INTEGER PRIMARY KEY, sid INTEGER NOT NULL, otime INTEGER NOT NULL, oseq INTEGER NOT NULL, flag TEXT NOT NULL);
   CREATE INDEX story_flags_sid ON story_flags(sid, otime);
   INSERT INTO story_flags (sid, otime, oseq, flag)
     SELECT s.sid,
       CASE WHEN ma.time < mb.time OR (ma.time = mb.time AND ma.seq < mb.seq) THEN ma.time ELSE mb.time END,
       CASE WHEN ma.time < mb.time OR (ma.time = mb.time AND ma.seq < mb.seq) THEN ma.seq ELSE mb.seq END,
       f.value
     FROM stories s JOIN json_each(s.info, '$.flags') f
       JOIN articles a ON a.id = json_extract(f.value, '$.articles[0]') JOIN story_articles ma ON ma.seq = a.seq AND ma.sid = s.sid
       JOIN articles b ON b.id = json_extract(f.value, '$.articles[1]') JOIN story_articles mb ON mb.seq = b.seq AND mb.sid = s.sid
     ORDER BY s.sid, f.key;
   UPDATE stories SET info = json_remove(info, '$.flags') WHERE json_type(info, '$.flags') IS NOT NULL;
   CREATE TABLE story_claims (sid INTEGER NOT NULL, key TEXT NOT NULL, time INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (sid, key, time, seq)) WITHOUT ROWID;
   INSERT OR IGNORE INTO story_claims (sid, key, time, seq)
     SELECT m.sid, 'f:' || json_extract(x.value, '$.kind') || '|' || json_extract(x.value, '$.thing'), m.time, m.seq
     FROM story_articles m JOIN json_each(m.features, '$.figures') x;
   INSERT OR IGNORE INTO story_claims (sid, key, time, seq)
     SELECT m.sid, 'q', m.time, m.seq FROM story_articles m
     WHERE EXISTS (SELECT 1 FROM json_each(m.features, '$.quotes') x WHERE json_extract(x.value, '$.speaker') IS NOT NULL);
   UPDATE stories SET recent = (SELECT json_group_array(json_object(
       'words', json(json_extract(r.value, '$.words')), 'people', json(json_extract(r.value, '$.people')), 'places', json(json_extract(r.value, '$.places')),
       'quotes', (SELECT json_group_array(json_object('words', json_extract(q.value, '$.words'))) FROM json_each(r.value, '$.quotes') q),
       'figures', (SELECT json_group_array(json_object('kind', json_extract(x.value, '$.kind'), 'thing', json_extract(x.value, '$.thing'), 'value', json_extract(x.value, '$.value')))
                   FROM json_each(r.value, '$.figures') x),
       'time', json_extract(r.value, '$.time')))
     FROM json_each(stories.recent) r);`,
  // The version of each story's `recent` (revOf: a hash of it), so that a process keeping it parsed
  // reads the version for each decision and `recent` only when it holds another.
  `ALTER TABLE stories ADD COLUMN rev TEXT NOT NULL DEFAULT '';
   UPDATE stories SET rev = briefbot_rev(recent);`,
  // What flags read of each member (flagFeatures: figures and the quotes given to a person) in its
  // own column: a join read it out of the whole features with json_extract, about 1 ms per join.
  `ALTER TABLE story_articles ADD COLUMN flag_features TEXT NOT NULL DEFAULT '{}';
   UPDATE story_articles SET flag_features = json_object('id', json_extract(features, '$.id'), 'time', time, 'publisher', json_extract(features, '$.publisher'),
     'figures', json(json_extract(features, '$.figures')),
     'quotes', (SELECT json_group_array(json(x.value)) FROM json_each(features, '$.quotes') x WHERE json_extract(x.value, '$.speaker') IS NOT NULL));`,
  // The members whose flags with the others are not yet written: a join leaves them to the story's next
  // read (stories-sqlite.ts, settle). A table of its own: marking a member's wide row done rewrote it.
  `CREATE TABLE story_pending (sid INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (sid, seq)) WITHOUT ROWID;`,
];

/** Brings the database to the latest schema; refuses one written by a newer briefbot. */
export function migrateSqlite(db: Database, where: string): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  const latest = SQLITE_MIGRATIONS.length;
  if (version > latest) {
    throw new StoreError(
      "newer_schema",
      `${where} has schema version ${version}, but this briefbot knows versions up to ${latest}: ` +
        `it was written by a newer briefbot. Upgrade briefbot, or use another --db.`,
    );
  }
  // What migrations compute that SQL cannot.
  db.function("briefbot_rev", { deterministic: true }, (json) => revOf(String(json)));
  for (let v = version; v < latest; v++) {
    db.transaction(() => {
      db.exec(SQLITE_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}

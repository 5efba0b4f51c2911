// Stories on SQLite: assigned inside the article's transaction, candidates found through the
// story_keys index (key, time), never by scanning stories. A join writes rows, never rewrites the
// story's flags: they are rows of story_flags. It leaves its own flags to the story's next read
// (story_pending; settle), which compares each pending member only with the members sharing a claim key
// with it (story_claims: a figure's thing, a quote given to a person).
import type { Database } from "better-sqlite3";
import { choosePacked, claimKeys, shownFlags, storyFeatures, storyFlags, storyIdOf, storyKeys, type BriefingCard, type StoryFeatures, type StoryFlag } from "../core/index.js";
import { metaOf, type MetaRow } from "./rows.js";
import {
  completeness, createRecentCache, FLAG_MEMBERS, flagFeatures, MAX_CANDIDATES, mergeInfo, newestForFlags, olderOf, PER_KEY, rankCandidates, recentRow, recentWith, revOf, settledFlags, storyOf, toRecent,
  type Held, type HeldMembers, type StoreStoryOptions, type StoryInfo,
} from "./stories.js";
import type { StoredStory } from "./types.js";

interface StoryRow {
  sid: number;
  id: string;
  title: string;
  best: string;
  best_score: number;
  first_time: number;
  last_time: number;
  updated_at: number;
  size: number;
  info: string;
  rev: string;
}

/** A story row without `recent` (read only when the cache holds another version). */
const STORY_COLS = "sid, id, title, best, best_score, first_time, last_time, updated_at, size, info, rev";

export interface SqliteStories {
  /** The grouping decision alone (look-ups and scoring, no writes): what `assign` does first. */
  decide(id: string, card: BriefingCard, time: number): { features: StoryFeatures; keys: string[]; join: number | null; held?: Held };
  /** Puts the article (row `seq`, id `id`) in a story; call inside the article's transaction. */
  assign(seq: number, id: string, card: BriefingCard, time: number, now: number): void;
  /** Takes the article out of its story (before it is rewritten). */
  unassign(seq: number, now: number): void;
  /** Puts articles stored before stories existed into stories (oldest first); returns how many. */
  backfill(batch: number): number;
  story(id: string): StoredStory | undefined;
  storiesOf(articleIds: readonly string[]): StoredStory[];
  stories(limit: number, offset: number): StoredStory[];
}

export function createSqliteStories(db: Database, opts: StoreStoryOptions): SqliteStories {
  const q = {
    // One statement for all the keys, each read newest first up to a bound, within the quiet period
    // on both sides: an article older than those stored (a backfill, a late feed) must not see only
    // the 16 newest stories of a common key, all too late for it.
    keyHits: db.prepare<[number, number, number, string], { sids: string | null }>(
      "SELECT (SELECT group_concat(sid) FROM (SELECT sid FROM story_keys WHERE key = j.value AND time >= ? AND time <= ? ORDER BY time DESC LIMIT ?)) AS sids FROM json_each(?) j",
    ),
    // Only stories the article may join (chooseStory's time rule): the others' newest articles are not read.
    // Their versions only: what scoring reads of their newest members is read on a cache miss.
    candidates: db.prepare<[string, number, number], Pick<StoryRow, "sid" | "first_time" | "last_time" | "rev">>(
      "SELECT sid, first_time, last_time, rev FROM stories WHERE sid IN (SELECT value FROM json_each(?)) AND last_time >= ? AND first_time <= ?",
    ),
    recent: db.prepare<[string], { sid: number; rev: string; recent: string }>("SELECT sid, rev, recent FROM stories WHERE sid IN (SELECT value FROM json_each(?))"),
    story: db.prepare<[number], StoryRow>(`SELECT ${STORY_COLS} FROM stories WHERE sid = ?`),
    storyById: db.prepare<[string], StoryRow>(`SELECT ${STORY_COLS} FROM stories WHERE id = ?`),
    members: db.prepare<[number, number], { seq: number; time: number; features: string }>(
      "SELECT seq, time, features FROM story_articles WHERE sid = ? ORDER BY time DESC, seq DESC LIMIT ?",
    ),
    // A story's newest members as settling reads them (WindowMember): whether each is pending, its claim
    // keys among the pending members' (those alone can give a flag with one), and what flags read of it
    // when it has one of them. Bounded by time: claims of older members are not read.
    window: db.prepare<[{ sid: number; n: number }], { seq: number; time: number; pending: number; keys: string | null; f: string | null }>(
      `WITH w AS (SELECT seq, time FROM story_articles WHERE sid = @sid ORDER BY time DESC, seq DESC LIMIT @n),
         pend AS (SELECT p.seq FROM story_pending p JOIN w ON w.seq = p.seq WHERE p.sid = @sid),
         pk AS (SELECT DISTINCT c.key FROM story_claims c JOIN pend ON pend.seq = c.seq WHERE c.sid = @sid),
         sh AS (SELECT c.seq, json_group_array(c.key) AS keys FROM story_claims c
                WHERE c.sid = @sid AND c.key IN (SELECT key FROM pk) AND c.time >= (SELECT min(time) FROM w) AND c.seq IN (SELECT seq FROM w) GROUP BY c.seq)
       SELECT w.seq, w.time, pend.seq IS NOT NULL AS pending, sh.keys, CASE WHEN sh.seq IS NOT NULL THEN m.flag_features END AS f
       FROM w JOIN story_articles m ON m.seq = w.seq LEFT JOIN pend ON pend.seq = w.seq LEFT JOIN sh ON sh.seq = w.seq`,
    ),
    // Members whose flags with the others are left to the story's next read (settle), in the order they joined.
    insPending: db.prepare("INSERT OR IGNORE INTO story_pending (sid, seq) VALUES (?, ?)"),
    pendingIn: db.prepare<[string], { sid: number }>("SELECT DISTINCT sid FROM story_pending WHERE sid IN (SELECT value FROM json_each(?))"),
    allSettled: db.prepare("DELETE FROM story_pending WHERE sid = ?"),
    insClaims: db.prepare("INSERT OR IGNORE INTO story_claims (sid, key, time, seq) SELECT ?, value, ?, ? FROM json_each(?)"),
    delClaims: db.prepare("DELETE FROM story_claims WHERE sid = ? AND seq = ?"),
    insFlag: db.prepare("INSERT INTO story_flags (sid, otime, oseq, flag) VALUES (?, ?, ?, ?)"),
    // Flags whose older article has left the newest members are never shown again.
    pruneFlags: db.prepare("DELETE FROM story_flags WHERE sid = ? AND otime < ?"),
    delFlags: db.prepare("DELETE FROM story_flags WHERE sid = ?"),
    flagsOf: db.prepare<[number, number], { flag: string }>("SELECT flag FROM story_flags WHERE sid = ? AND otime >= ? ORDER BY n"),
    insStory: db.prepare(
      "INSERT INTO stories (id, title, best, best_score, first_time, last_time, updated_at, size, info, recent, rev) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
    ),
    updStory: db.prepare(
      "UPDATE stories SET title = ?, best = ?, best_score = ?, first_time = ?, last_time = ?, updated_at = ?, size = ?, info = ?, recent = coalesce(?, recent), rev = ? WHERE sid = ?",
    ),
    delStory: db.prepare("DELETE FROM stories WHERE sid = ?"),
    insMember: db.prepare("INSERT INTO story_articles (seq, sid, time, features, flag_features) VALUES (?, ?, ?, ?, ?)"),
    memberOf: db.prepare<[number], { sid: number }>("SELECT sid FROM story_articles WHERE seq = ?"),
    delMember: db.prepare("DELETE FROM story_articles WHERE seq = ?"),
    span: db.prepare<[number], { lo: number; hi: number; n: number }>("SELECT min(time) AS lo, max(time) AS hi, count(*) AS n FROM story_articles WHERE sid = ?"),
    memberCards: db.prepare<[number, number], { id: string; card: string }>(
      "SELECT a.id, a.card FROM story_articles m JOIN articles a ON a.seq = m.seq WHERE m.sid = ? ORDER BY m.time DESC LIMIT ?",
    ),
    insKeys: db.prepare("INSERT OR IGNORE INTO story_keys (key, time, sid) SELECT value, ?, ? FROM json_each(?)"),
    articles: db.prepare<[number], MetaRow & { time: number; seq: number }>(
      "SELECT a.id, a.title, a.url, a.publisher, a.published_at, m.time, m.seq FROM story_articles m JOIN articles a ON a.seq = m.seq WHERE m.sid = ? ORDER BY m.time, m.seq",
    ),
    sidOfArticle: db.prepare<[string], { sid: number }>("SELECT m.sid FROM articles a JOIN story_articles m ON m.seq = a.seq WHERE a.id = ?"),
    list: db.prepare<[number, number], StoryRow>(`SELECT ${STORY_COLS} FROM stories ORDER BY last_time DESC, sid DESC LIMIT ? OFFSET ?`),
    unassigned: db.prepare<[number], { seq: number; id: string; card: string; sort_time: number; ingested_at: number }>(
      "SELECT a.seq, a.id, a.card, a.sort_time, a.ingested_at FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.seq = a.seq) ORDER BY a.sort_time, a.seq LIMIT ?",
    ),
  };

  const recentCache = createRecentCache();

  /** Stories' newest members at the versions given: from the cache, the others read (one statement) and kept. */
  function membersOf(rows: ReadonlyArray<{ sid: number; rev: string }>): Map<number, HeldMembers> {
    const { found, missing } = recentCache.lookup(rows);
    if (missing.length) recentCache.keep(q.recent.all(JSON.stringify(missing)), found);
    return found;
  }

  function candidates(f: StoryFeatures, keys: string[]): Held[] {
    const hits: number[] = [];
    for (const r of q.keyHits.all(f.time - opts.quietMs, f.time + opts.quietMs, PER_KEY, JSON.stringify(keys))) if (r.sids) for (const x of r.sids.split(",")) hits.push(Number(x));
    const sids = rankCandidates(hits).slice(0, MAX_CANDIDATES);
    // A story emptied by an update leaves its keys behind: it is simply not found here.
    if (!sids.length) return [];
    const rows = q.candidates.all(JSON.stringify(sids), f.time - opts.quietMs, f.time + opts.quietMs);
    const members = membersOf(rows);
    // A story deleted between the two reads (another process) is no candidate.
    return rows.flatMap((row) => {
      const m = members.get(row.sid);
      return m ? [{ id: String(row.sid), firstTime: row.first_time, lastTime: row.last_time, rev: row.rev, members: m }] : [];
    });
  }

  function decide(id: string, card: BriefingCard, time: number) {
    const features: StoryFeatures = { ...storyFeatures(card, time), id };
    const keys = storyKeys(features);
    const cands = candidates(features, keys);
    const d = choosePacked(features, cands, opts);
    return { features, keys, join: d.join === null ? null : Number(d.join), held: cands.find((x) => x.id === d.join) };
  }

  function assign(seq: number, id: string, card: BriefingCard, time: number, now: number): void {
    const { features: f, keys, join, held } = decide(id, card, time);
    const score = completeness(card);
    const claims = claimKeys(f);
    let sid: number;
    if (join !== null) {
      sid = join;
      const row = q.story.get(sid)!;
      // The members the decision scored, unless the row changed since (then read at its version).
      const members = held?.rev === row.rev ? held.members : membersOf([row]).get(sid)!;
      const next = recentCache.join(members, toRecent(f), opts.maxCompared);
      // An article older than all of a full `recent` leaves it as it is: not written again, same version.
      const rev = next.json === undefined ? row.rev : revOf(next.json);
      // Its flags with the other members are written when the story is next read (settle): a story
      // joined many times between two reads compares each member once, and one never read costs nothing.
      // With no claim key it can have no flag.
      q.insMember.run(seq, sid, time, JSON.stringify(f), JSON.stringify(flagFeatures(f)));
      if (claims.length) q.insPending.run(sid, seq);
      const prev = JSON.parse(row.info) as StoryInfo;
      const better = score > row.best_score;
      q.updStory.run(
        better ? card.title : row.title, better ? id : row.best, better ? score : row.best_score,
        Math.min(row.first_time, time), Math.max(row.last_time, time), now, row.size + 1, JSON.stringify(mergeInfo(prev, card)),
        next.json ?? null, rev, sid,
      );
      // The next article that may join this story finds it held, packed.
      if (next.json !== undefined) recentCache.hold(sid, rev, next.members);
    } else {
      const recent = recentWith([], toRecent(f), opts.maxCompared);
      const r = recentRow(recent);
      sid = Number(q.insStory.run(storyIdOf(id), card.title, id, score, time, time, now, JSON.stringify(mergeInfo(undefined, card)), r.json, r.rev).lastInsertRowid);
      recentCache.put(sid, r.rev, recent);
      q.insMember.run(seq, sid, time, JSON.stringify(f), JSON.stringify(flagFeatures(f)));
    }
    q.insClaims.run(sid, time, seq, JSON.stringify(claims));
    q.insKeys.run(time, sid, JSON.stringify(keys));
  }

  function unassign(seq: number, now: number): void {
    const m = q.memberOf.get(seq);
    if (!m) return;
    q.delMember.run(seq);
    q.delClaims.run(m.sid, seq);
    // Its story's flags are made again over the members left (all of them compared): nothing is pending.
    q.allSettled.run(m.sid);
    const span = q.span.get(m.sid)!;
    if (!span.n) {
      q.delStory.run(m.sid);
      q.delFlags.run(m.sid);
      return;
    }
    const row = q.story.get(m.sid)!;
    const cards = q.memberCards.all(m.sid, FLAG_MEMBERS).map((r) => ({ id: r.id, card: JSON.parse(r.card) as BriefingCard }));
    const best = cards.reduce((a, b) => (completeness(b.card) > completeness(a.card) ? b : a));
    let merged: Omit<StoryInfo, "flags"> | undefined;
    for (const c of cards) merged = mergeInfo(merged, c.card);
    // The story's flags computed again over its newest members.
    const rows = q.members.all(m.sid, FLAG_MEMBERS);
    const members = rows.map((r) => JSON.parse(r.features) as StoryFeatures);
    const at = new Map(members.map((f, i) => [f.id, rows[i]!]));
    q.delFlags.run(m.sid);
    for (const flag of storyFlags(members, opts)) {
      const o = olderOf(at.get(flag.articles[0])!, at.get(flag.articles[1])!);
      q.insFlag.run(m.sid, o.time, o.seq, JSON.stringify(flag));
    }

    const recent = members.slice(0, opts.maxCompared).map(toRecent);
    const r = recentRow(recent);
    q.updStory.run(best.card.title, best.id, completeness(best.card), span.lo, span.hi, now, span.n, JSON.stringify(merged!), r.json, r.rev, row.sid);
    recentCache.put(row.sid, r.rev, recent);
  }

  /**
   * Writes the flags a story's pending members have with the others (settledFlags: each pair of its
   * newest members once, as joins compared them), before its flags are read: the story's newest members
   * read once, however many are pending. In a write transaction (another process may be settling or
   * joining the same story).
   */
  const settleTx = db.transaction((sids: number[]) => {
    for (const sid of sids) {
      const window = q.window.all({ sid, n: FLAG_MEMBERS }).map((r) => ({ ...r, pending: r.pending === 1, keys: r.keys ? (JSON.parse(r.keys) as string[]) : [] }));
      const { cut, rows } = settledFlags(window, opts);
      if (cut > -Infinity) q.pruneFlags.run(sid, cut);
      for (const r of rows) q.insFlag.run(sid, r.otime, r.oseq, r.flag);
      q.allSettled.run(sid);
    }
  });
  /** settle for the stories about to be read: one look-up, and one transaction when any has pending members. */
  function settle(sids: number[]): void {
    if (!sids.length) return;
    const due = q.pendingIn.all(JSON.stringify(sids)).map((r) => r.sid);
    if (!due.length) return;
    try {
      settleTx.immediate(due);
    } catch (err) {
      // Another process held the write lock past the busy timeout (a long ingest): the stories are read
      // with the flags written so far, and the next read settles them.
      if ((err as { code?: string }).code?.startsWith("SQLITE_BUSY")) return;
      throw err;
    }
  }

  function flagsOf(sid: number, articles: Array<{ id: string; time: number; seq: number }>): StoryFlag[] {
    const newest = newestForFlags(articles);
    const cut = newest.at(-1)?.time ?? 0;
    return shownFlags(q.flagsOf.all(sid, cut).map((r) => JSON.parse(r.flag) as StoryFlag), newest);
  }

  function full(row: StoryRow): StoredStory {
    const arts = q.articles.all(row.sid);
    return storyOf({ ...row, info: JSON.parse(row.info) as StoryInfo }, arts.map((r) => ({ ...metaOf(r), time: r.time })), flagsOf(row.sid, arts));
  }

  return {
    decide,
    assign,
    unassign,
    backfill(batch) {
      const rows = q.unassigned.all(batch);
      for (const r of rows) assign(r.seq, r.id, JSON.parse(r.card) as BriefingCard, r.sort_time, r.ingested_at);
      return rows.length;
    },
    story(id) {
      const row = q.storyById.get(id);
      if (!row) return undefined;
      settle([row.sid]);
      return full(row);
    },
    storiesOf(articleIds) {
      const sids: number[] = [];
      for (const a of articleIds) {
        const m = q.sidOfArticle.get(a);
        if (m && !sids.includes(m.sid)) sids.push(m.sid);
      }
      settle(sids);
      return sids.flatMap((sid) => {
        const row = q.story.get(sid);
        return row ? [full(row)] : [];
      });
    },
    stories(limit, offset) {
      const rows = q.list.all(limit, offset);
      settle(rows.map((r) => r.sid));
      return rows.map(full);
    },
  };
}

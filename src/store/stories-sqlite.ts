// Stories on SQLite: assigned inside the article's transaction, candidates found through the
// story_keys index (key, time), never by scanning stories.
import type { Database } from "better-sqlite3";
import { chooseStory, storyFeatures, storyFlags, storyFlagsJoined, storyIdOf, storyKeys, type BriefingCard, type StoryCandidate, type StoryFeatures } from "../core/index.js";
import { metaOf, type MetaRow } from "./rows.js";
import { completeness, createFeatureCache, FLAG_MEMBERS, MAX_CANDIDATES, mergeInfo, PER_KEY, rankCandidates, storyOf, type StoreStoryOptions, type StoryInfo } from "./stories.js";
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
  recent: string;
}

export interface SqliteStories {
  /** The grouping decision alone (look-ups and scoring, no writes): what `assign` does first. */
  decide(id: string, card: BriefingCard, time: number): { features: StoryFeatures; keys: string[]; join: number | null };
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
    candidates: db.prepare<[string, number, number], Pick<StoryRow, "sid" | "first_time" | "last_time" | "recent">>(
      "SELECT sid, first_time, last_time, recent FROM stories WHERE sid IN (SELECT value FROM json_each(?)) AND last_time >= ? AND first_time <= ?",
    ),
    story: db.prepare<[number], StoryRow>("SELECT * FROM stories WHERE sid = ?"),
    storyById: db.prepare<[string], StoryRow>("SELECT * FROM stories WHERE id = ?"),
    members: db.prepare<[number, number], { features: string }>("SELECT features FROM story_articles WHERE sid = ? ORDER BY time DESC, seq DESC LIMIT ?"),
    insStory: db.prepare(
      "INSERT INTO stories (id, title, best, best_score, first_time, last_time, updated_at, size, info, recent) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
    ),
    updStory: db.prepare(
      "UPDATE stories SET title = ?, best = ?, best_score = ?, first_time = ?, last_time = ?, updated_at = ?, size = ?, info = ?, recent = ? WHERE sid = ?",
    ),
    delStory: db.prepare("DELETE FROM stories WHERE sid = ?"),
    insMember: db.prepare("INSERT INTO story_articles (seq, sid, time, features) VALUES (?, ?, ?, ?)"),
    memberOf: db.prepare<[number], { sid: number }>("SELECT sid FROM story_articles WHERE seq = ?"),
    delMember: db.prepare("DELETE FROM story_articles WHERE seq = ?"),
    span: db.prepare<[number], { lo: number; hi: number; n: number }>("SELECT min(time) AS lo, max(time) AS hi, count(*) AS n FROM story_articles WHERE sid = ?"),
    memberCards: db.prepare<[number, number], { id: string; card: string }>(
      "SELECT a.id, a.card FROM story_articles m JOIN articles a ON a.seq = m.seq WHERE m.sid = ? ORDER BY m.time DESC LIMIT ?",
    ),
    insKeys: db.prepare("INSERT OR IGNORE INTO story_keys (key, time, sid) SELECT value, ?, ? FROM json_each(?)"),
    articles: db.prepare<[number], MetaRow & { time: number }>(
      "SELECT a.id, a.title, a.url, a.publisher, a.published_at, m.time FROM story_articles m JOIN articles a ON a.seq = m.seq WHERE m.sid = ? ORDER BY m.time, m.seq",
    ),
    sidOfArticle: db.prepare<[string], { sid: number }>("SELECT m.sid FROM articles a JOIN story_articles m ON m.seq = a.seq WHERE a.id = ?"),
    list: db.prepare<[number, number], StoryRow>("SELECT * FROM stories ORDER BY last_time DESC, sid DESC LIMIT ? OFFSET ?"),
    unassigned: db.prepare<[number], { seq: number; id: string; card: string; sort_time: number; ingested_at: number }>(
      "SELECT a.seq, a.id, a.card, a.sort_time, a.ingested_at FROM articles a WHERE NOT EXISTS (SELECT 1 FROM story_articles m WHERE m.seq = a.seq) ORDER BY a.sort_time, a.seq LIMIT ?",
    ),
  };

  const parse = (r: { features: string }) => JSON.parse(r.features) as StoryFeatures;
  const cached = createFeatureCache<StoryFeatures[]>();

  function candidates(f: StoryFeatures, keys: string[]): StoryCandidate[] {
    const hits: number[] = [];
    for (const r of q.keyHits.all(f.time - opts.quietMs, f.time + opts.quietMs, PER_KEY, JSON.stringify(keys))) if (r.sids) for (const x of r.sids.split(",")) hits.push(Number(x));
    const sids = rankCandidates(hits).slice(0, MAX_CANDIDATES);
    // A story emptied by an update leaves its keys behind: it is simply not found here.
    return sids.length
      ? q.candidates.all(JSON.stringify(sids), f.time - opts.quietMs, f.time + opts.quietMs).map((row) => ({ id: String(row.sid), firstTime: row.first_time, lastTime: row.last_time, members: cached(row.recent) }))
      : [];
  }

  /** The newest articles' features, as kept in stories.recent (newest first). */
  const recentWith = (recent: string | undefined, f: StoryFeatures) =>
    JSON.stringify([f, ...(recent ? cached(recent) : [])].sort((a, b) => b.time - a.time).slice(0, opts.maxCompared));

  function decide(id: string, card: BriefingCard, time: number) {
    const features: StoryFeatures = { ...storyFeatures(card, time), id };
    const keys = storyKeys(features);
    const d = chooseStory(features, candidates(features, keys), opts);
    return { features, keys, join: d.join === null ? null : Number(d.join) };
  }

  function assign(seq: number, id: string, card: BriefingCard, time: number, now: number): void {
    const { features: f, keys, join } = decide(id, card, time);
    const score = completeness(card);
    let sid: number;
    if (join !== null) {
      sid = join;
      const row = q.story.get(sid)!;
      q.insMember.run(seq, sid, time, JSON.stringify(f));
      const prev = JSON.parse(row.info) as StoryInfo;
      const info: StoryInfo = { ...mergeInfo(prev, card), flags: storyFlagsJoined(prev.flags ?? [], q.members.all(sid, FLAG_MEMBERS).map(parse), id, opts) };
      const better = score > row.best_score;
      q.updStory.run(
        better ? card.title : row.title, better ? id : row.best, better ? score : row.best_score,
        Math.min(row.first_time, time), Math.max(row.last_time, time), now, row.size + 1, JSON.stringify(info), recentWith(row.recent, f), sid,
      );
    } else {
      const info: StoryInfo = { ...mergeInfo(undefined, card), flags: [] };
      sid = Number(q.insStory.run(storyIdOf(id), card.title, id, score, time, time, now, JSON.stringify(info), recentWith(undefined, f)).lastInsertRowid);
      q.insMember.run(seq, sid, time, JSON.stringify(f));
    }
    q.insKeys.run(time, sid, JSON.stringify(keys));
  }

  function unassign(seq: number, now: number): void {
    const m = q.memberOf.get(seq);
    if (!m) return;
    q.delMember.run(seq);
    const span = q.span.get(m.sid)!;
    if (!span.n) {
      q.delStory.run(m.sid);
      return;
    }
    const row = q.story.get(m.sid)!;
    const cards = q.memberCards.all(m.sid, FLAG_MEMBERS).map((r) => ({ id: r.id, card: JSON.parse(r.card) as BriefingCard }));
    const best = cards.reduce((a, b) => (completeness(b.card) > completeness(a.card) ? b : a));
    let merged: Omit<StoryInfo, "flags"> | undefined;
    for (const c of cards) merged = mergeInfo(merged, c.card);
    const members = q.members.all(m.sid, FLAG_MEMBERS).map(parse);
    const info: StoryInfo = { ...merged!, flags: storyFlags(members, opts) };
    const recent = JSON.stringify(members.slice(0, opts.maxCompared));
    q.updStory.run(best.card.title, best.id, completeness(best.card), span.lo, span.hi, now, span.n, JSON.stringify(info), recent, row.sid);
  }

  const full = (row: StoryRow): StoredStory =>
    storyOf({ ...row, info: JSON.parse(row.info) as StoryInfo }, q.articles.all(row.sid).map((r) => ({ ...metaOf(r), time: r.time })));

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
      return row && full(row);
    },
    storiesOf(articleIds) {
      const seen = new Set<number>();
      const out: StoredStory[] = [];
      for (const a of articleIds) {
        const m = q.sidOfArticle.get(a);
        if (!m || seen.has(m.sid)) continue;
        seen.add(m.sid);
        const row = q.story.get(m.sid);
        if (row) out.push(full(row));
      }
      return out;
    },
    stories: (limit, offset) => q.list.all(limit, offset).map(full),
  };
}

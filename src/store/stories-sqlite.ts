// Stories on SQLite: assigned inside the article's transaction, candidates found through the
// story_keys index (key, time), never by scanning stories.
import type { Database } from "better-sqlite3";
import { chooseStory, storyFeatures, storyFlags, storyIdOf, storyKeys, type BriefingCard, type StoryCandidate, type StoryFeatures } from "../core/index.js";
import { metaOf, type MetaRow } from "./rows.js";
import { completeness, FLAG_MEMBERS, MAX_CANDIDATES, mergeInfo, PER_KEY, rankCandidates, storyOf, type StoreStoryOptions, type StoryInfo } from "./stories.js";
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
}

export interface SqliteStories {
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
    keyHits: db.prepare<[string, number, number], { sid: number }>("SELECT sid FROM story_keys WHERE key = ? AND time >= ? ORDER BY time DESC LIMIT ?"),
    story: db.prepare<[number], StoryRow>("SELECT * FROM stories WHERE sid = ?"),
    storyById: db.prepare<[string], StoryRow>("SELECT * FROM stories WHERE id = ?"),
    members: db.prepare<[number, number], { features: string }>("SELECT features FROM story_articles WHERE sid = ? ORDER BY time DESC, seq DESC LIMIT ?"),
    insStory: db.prepare(
      "INSERT INTO stories (id, title, best, best_score, first_time, last_time, updated_at, size, info) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)",
    ),
    updStory: db.prepare(
      "UPDATE stories SET title = ?, best = ?, best_score = ?, first_time = ?, last_time = ?, updated_at = ?, size = ?, info = ? WHERE sid = ?",
    ),
    delStory: db.prepare("DELETE FROM stories WHERE sid = ?"),
    insMember: db.prepare("INSERT INTO story_articles (seq, sid, time, features) VALUES (?, ?, ?, ?)"),
    memberOf: db.prepare<[number], { sid: number }>("SELECT sid FROM story_articles WHERE seq = ?"),
    delMember: db.prepare("DELETE FROM story_articles WHERE seq = ?"),
    span: db.prepare<[number], { lo: number; hi: number; n: number }>("SELECT min(time) AS lo, max(time) AS hi, count(*) AS n FROM story_articles WHERE sid = ?"),
    memberCards: db.prepare<[number, number], { id: string; card: string }>(
      "SELECT a.id, a.card FROM story_articles m JOIN articles a ON a.seq = m.seq WHERE m.sid = ? ORDER BY m.time DESC LIMIT ?",
    ),
    insKey: db.prepare("INSERT OR IGNORE INTO story_keys (key, time, sid) VALUES (?, ?, ?)"),
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

  function candidates(f: StoryFeatures, keys: string[]): StoryCandidate[] {
    const hits: number[] = [];
    for (const k of keys) for (const r of q.keyHits.all(k, f.time - opts.quietMs, PER_KEY)) hits.push(r.sid);
    return rankCandidates(hits)
      .slice(0, MAX_CANDIDATES)
      .flatMap((sid) => {
        const row = q.story.get(sid);
        if (!row) return []; // a story emptied by an update leaves its keys behind
        return [{ id: String(sid), firstTime: row.first_time, lastTime: row.last_time, members: q.members.all(sid, opts.maxCompared).map(parse) }];
      });
  }

  function assign(seq: number, id: string, card: BriefingCard, time: number, now: number): void {
    const f: StoryFeatures = { ...storyFeatures(card, time), id };
    const keys = storyKeys(f);
    const d = chooseStory(f, candidates(f, keys), opts);
    const score = completeness(card);
    let sid: number;
    if (d.join) {
      sid = Number(d.join);
      const row = q.story.get(sid)!;
      q.insMember.run(seq, sid, time, JSON.stringify(f));
      const prev = JSON.parse(row.info) as StoryInfo;
      const info: StoryInfo = { ...mergeInfo(prev, card), flags: storyFlags(q.members.all(sid, FLAG_MEMBERS).map(parse), opts) };
      const better = score > row.best_score;
      q.updStory.run(
        better ? card.title : row.title, better ? id : row.best, better ? score : row.best_score,
        Math.min(row.first_time, time), Math.max(row.last_time, time), now, row.size + 1, JSON.stringify(info), sid,
      );
    } else {
      const info: StoryInfo = { ...mergeInfo(undefined, card), flags: [] };
      sid = Number(q.insStory.run(storyIdOf(id), card.title, id, score, time, time, now, JSON.stringify(info)).lastInsertRowid);
      q.insMember.run(seq, sid, time, JSON.stringify(f));
    }
    for (const k of keys) q.insKey.run(k, time, sid);
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
    const info: StoryInfo = { ...merged!, flags: storyFlags(q.members.all(m.sid, FLAG_MEMBERS).map(parse), opts) };
    q.updStory.run(best.card.title, best.id, completeness(best.card), span.lo, span.hi, now, span.n, JSON.stringify(info), row.sid);
  }

  const full = (row: StoryRow): StoredStory =>
    storyOf({ ...row, info: JSON.parse(row.info) as StoryInfo }, q.articles.all(row.sid).map((r) => ({ ...metaOf(r), time: r.time })));

  return {
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

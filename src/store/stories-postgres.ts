// Stories on PostgreSQL: assigned inside the article's transaction; candidates through the
// story_keys index (key, time) in one round trip; the chosen story's row is locked while it changes.
import type pg from "pg";
import { chooseStory, storyFeatures, storyFlags, storyFlagsJoined, storyIdOf, storyKeys, type BriefingCard, type StoryCandidate, type StoryFeatures } from "../core/index.js";
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
  info: StoryInfo;
}

type Q = Pick<pg.PoolClient, "query">;

export interface PostgresStories {
  assign(c: Q, seq: number, id: string, card: BriefingCard, time: number, now: number): Promise<void>;
  unassign(c: Q, seq: number, now: number): Promise<void>;
  backfill(c: Q, batch: number): Promise<number>;
  story(c: Q, id: string): Promise<StoredStory | undefined>;
  storiesOf(c: Q, articleIds: readonly string[]): Promise<StoredStory[]>;
  stories(c: Q, limit: number, offset: number): Promise<StoredStory[]>;
}

export function createPostgresStories(s: string, opts: StoreStoryOptions): PostgresStories {
  async function members(c: Q, sids: number[], n: number): Promise<Map<number, StoryFeatures[]>> {
    const r = await c.query<{ sid: number; features: StoryFeatures }>(
      `SELECT sid, features FROM (SELECT sid, features, row_number() OVER (PARTITION BY sid ORDER BY time DESC, seq DESC) AS rn
         FROM ${s}.story_articles WHERE sid = ANY($1::int[])) x WHERE rn <= $2`,
      [sids, n],
    );
    const out = new Map<number, StoryFeatures[]>();
    for (const row of r.rows) (out.get(row.sid) ?? out.set(row.sid, []).get(row.sid)!).push(row.features);
    return out;
  }

  async function candidates(c: Q, f: StoryFeatures, keys: string[]): Promise<StoryCandidate[]> {
    const hits = await c.query<{ sid: number }>(
      `SELECT h.sid FROM unnest($1::text[]) AS k(key)
         CROSS JOIN LATERAL (SELECT sid FROM ${s}.story_keys WHERE key = k.key AND time >= $2 AND time <= $4 ORDER BY time DESC LIMIT $3) h`,
      [keys, f.time - opts.quietMs, PER_KEY, f.time + opts.quietMs],
    );
    const sids = rankCandidates(hits.rows.map((r) => r.sid)).slice(0, MAX_CANDIDATES);
    if (!sids.length) return [];
    // Only stories the article may join (chooseStory's time rule): the others' members are not read.
    const rows = await c.query<StoryRow>(`SELECT * FROM ${s}.stories WHERE sid = ANY($1::int[]) AND last_time >= $2 AND first_time <= $3`, [
      sids,
      f.time - opts.quietMs,
      f.time + opts.quietMs,
    ]);
    if (!rows.rows.length) return [];
    const ms = await members(c, rows.rows.map((r) => r.sid), opts.maxCompared);
    return rows.rows.map((r) => ({ id: String(r.sid), firstTime: r.first_time, lastTime: r.last_time, members: ms.get(r.sid) ?? [] }));
  }

  async function assign(c: Q, seq: number, id: string, card: BriefingCard, time: number, now: number): Promise<void> {
    const f: StoryFeatures = { ...storyFeatures(card, time), id };
    const keys = storyKeys(f);
    const d = chooseStory(f, await candidates(c, f, keys), opts);
    const score = completeness(card);
    let sid: number;
    const row = d.join ? (await c.query<StoryRow>(`SELECT * FROM ${s}.stories WHERE sid = $1 FOR UPDATE`, [Number(d.join)])).rows[0] : undefined;
    if (row) {
      sid = row.sid;
      await c.query(`INSERT INTO ${s}.story_articles (seq, sid, time, features) VALUES ($1, $2, $3, $4::jsonb)`, [seq, sid, time, JSON.stringify(f)]);
      const info: StoryInfo = { ...mergeInfo(row.info, card), flags: storyFlagsJoined(row.info.flags ?? [], (await members(c, [sid], FLAG_MEMBERS)).get(sid) ?? [], id, opts) };
      const better = score > row.best_score;
      await c.query(
        `UPDATE ${s}.stories SET title = $1, best = $2, best_score = $3, first_time = $4, last_time = $5, updated_at = $6, size = size + 1, info = $7::jsonb WHERE sid = $8`,
        [better ? card.title : row.title, better ? id : row.best, better ? score : row.best_score, Math.min(row.first_time, time), Math.max(row.last_time, time), now, JSON.stringify(info), sid],
      );
    } else {
      const info: StoryInfo = { ...mergeInfo(undefined, card), flags: [] };
      const ins = await c.query<{ sid: number }>(
        `INSERT INTO ${s}.stories (id, title, best, best_score, first_time, last_time, updated_at, size, info)
         VALUES ($1, $2, $3, $4, $5, $5, $6, 1, $7::jsonb) RETURNING sid`,
        [storyIdOf(id), card.title, id, score, time, now, JSON.stringify(info)],
      );
      sid = ins.rows[0]!.sid;
      await c.query(`INSERT INTO ${s}.story_articles (seq, sid, time, features) VALUES ($1, $2, $3, $4::jsonb)`, [seq, sid, time, JSON.stringify(f)]);
    }
    await c.query(`INSERT INTO ${s}.story_keys (key, time, sid) SELECT k, $2, $3 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`, [keys, time, sid]);
  }

  async function unassign(c: Q, seq: number, now: number): Promise<void> {
    const m = (await c.query<{ sid: number }>(`DELETE FROM ${s}.story_articles WHERE seq = $1 RETURNING sid`, [seq])).rows[0];
    if (!m) return;
    const row = (await c.query<StoryRow>(`SELECT * FROM ${s}.stories WHERE sid = $1 FOR UPDATE`, [m.sid])).rows[0];
    const cards = await c.query<{ id: string; card: BriefingCard; time: number }>(
      `SELECT a.id, a.card, m.time FROM ${s}.story_articles m JOIN ${s}.articles a ON a.seq = m.seq WHERE m.sid = $1 ORDER BY m.time DESC LIMIT $2`,
      [m.sid, FLAG_MEMBERS],
    );
    if (!row) return;
    if (!cards.rows.length) {
      await c.query(`DELETE FROM ${s}.stories WHERE sid = $1`, [m.sid]);
      return;
    }
    const best = cards.rows.reduce((a, b) => (completeness(b.card) > completeness(a.card) ? b : a));
    let merged: Omit<StoryInfo, "flags"> | undefined;
    for (const x of cards.rows) merged = mergeInfo(merged, x.card);
    const info: StoryInfo = { ...merged!, flags: storyFlags((await members(c, [m.sid], FLAG_MEMBERS)).get(m.sid) ?? [], opts) };
    const times = cards.rows.map((x) => x.time);
    await c.query(
      `UPDATE ${s}.stories SET title = $1, best = $2, best_score = $3, first_time = $4, last_time = $5, updated_at = $6, size = size - 1, info = $7::jsonb WHERE sid = $8`,
      [best.card.title, best.id, completeness(best.card), Math.min(...times), Math.max(...times), now, JSON.stringify(info), m.sid],
    );
  }

  async function full(c: Q, rows: StoryRow[]): Promise<StoredStory[]> {
    if (!rows.length) return [];
    const arts = await c.query<MetaRow & { sid: number; time: number }>(
      `SELECT m.sid, m.time, a.id, a.title, a.url, a.publisher, a.published_at FROM ${s}.story_articles m JOIN ${s}.articles a ON a.seq = m.seq
       WHERE m.sid = ANY($1::int[]) ORDER BY m.time, m.seq`,
      [rows.map((r) => r.sid)],
    );
    const by = new Map<number, Array<ReturnType<typeof metaOf> & { time: number }>>();
    for (const a of arts.rows) (by.get(a.sid) ?? by.set(a.sid, []).get(a.sid)!).push({ ...metaOf(a), time: Number(a.time) });
    return rows.map((r) => storyOf(r, by.get(r.sid) ?? [], r.info.flags ?? []));
  }

  return {
    assign,
    unassign,
    async backfill(c, batch) {
      const rows = await c.query<{ seq: number; id: string; card: BriefingCard; sort_time: number; ingested_at: number }>(
        `SELECT a.seq, a.id, a.card, a.sort_time, a.ingested_at FROM ${s}.articles a
         WHERE NOT EXISTS (SELECT 1 FROM ${s}.story_articles m WHERE m.seq = a.seq) ORDER BY a.sort_time, a.seq LIMIT $1`,
        [batch],
      );
      for (const r of rows.rows) await assign(c, r.seq, r.id, r.card, r.sort_time, r.ingested_at);
      return rows.rows.length;
    },
    async story(c, id) {
      const r = await c.query<StoryRow>(`SELECT * FROM ${s}.stories WHERE id = $1`, [id]);
      return (await full(c, r.rows))[0];
    },
    async storiesOf(c, articleIds) {
      if (!articleIds.length) return [];
      const r = await c.query<StoryRow & { article: string }>(
        `SELECT DISTINCT ON (st.sid) st.*, a.id AS article, array_position($1::text[], a.id) AS pos FROM ${s}.articles a
           JOIN ${s}.story_articles m ON m.seq = a.seq JOIN ${s}.stories st ON st.sid = m.sid
         WHERE a.id = ANY($1::text[]) ORDER BY st.sid, pos`,
        [articleIds],
      );
      const pos = (x: { article: string }) => articleIds.indexOf(x.article);
      return full(c, r.rows.sort((a, b) => pos(a) - pos(b)));
    },
    async stories(c, limit, offset) {
      const r = await c.query<StoryRow>(`SELECT * FROM ${s}.stories ORDER BY last_time DESC, sid DESC LIMIT $1 OFFSET $2`, [limit, offset]);
      return full(c, r.rows);
    },
  };
}

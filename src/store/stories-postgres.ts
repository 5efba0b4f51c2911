// Stories on PostgreSQL: assigned inside the article's transaction. The decision is one round trip
// (keys through a LATERAL join, ranked, and the candidates' `recent`: what scoring reads of their
// newest members, and their merged names) while this process holds few of the stories it meets; once
// it holds most of them parsed, the candidates' versions only, and a second read of the members it
// does not hold at those versions, if any; a join then takes one more (the story row updated while its
// `recent` and `info` are those the decision read, with the member, its claims, keys and pending note),
// or two when another writer changed them in between (the row locked and read, the member written; the
// row updated). Flags are rows of story_flags: a join never rewrites them, and leaves its own to the
// story's next read (settle: the story's newest members read once, each pending member compared with
// those sharing a claim key, by what flags read of them, flag_features; the flags appended). A batch of
// articles is read, decided and written together: stories-postgres-batch.ts.
import type pg from "pg";
import { choosePacked, claimKeys, shownFlags, storyFeatures, storyFlags, storyIdOf, storyKeys, type BriefingCard, type StoryFeatures, type StoryFlag } from "../core/index.js";
import { flagFeaturesOf } from "./postgres-schema.js";
import { metaOf, type MetaRow } from "./rows.js";
import { query } from "./pg-query.js";
import {
  completeness, createRecentCache, FLAG_MEMBERS, flagFeatures, MAX_CANDIDATES, mergeInfo, newestForFlags, olderOf, PER_KEY, recentRow, recentWith, revOf, settledFlags, storyOf, toRecent,
  type HeldMembers, type StoreStoryOptions, type StoryInfo,
} from "./stories.js";
import { createAssignMany, type CandidateRow, type HeldRow, type Q, type StoryWork } from "./stories-postgres-batch.js";
import type { StoredStory } from "./types.js";

export type { StoryWork } from "./stories-postgres-batch.js";

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

/** How much one decision's share of candidates found in the cache moves the running share (hitShare). */
const HIT_WEIGHT = 0.05;

const STORY_COLS = "sid, id, title, best, best_score, first_time, last_time, updated_at, size, info";

export interface PostgresStories {
  /** The grouping decision alone (one round trip, no writes): what `assign` does first. */
  decide(c: Q, id: string, card: BriefingCard, time: number): Promise<{ features: StoryFeatures; keys: string[]; join: number | null; held?: HeldRow }>;
  assign(c: Q, seq: number, id: string, card: BriefingCard, time: number, now: number): Promise<void>;
  /** `assign` of each in turn, with the same decisions, read and written for the batch at once (stories-postgres-batch.ts). */
  assignMany(c: Q, works: readonly StoryWork[]): Promise<void>;
  unassign(c: Q, seq: number, now: number): Promise<void>;
  backfill(c: Q, batch: number): Promise<number>;
  story(c: Q, id: string): Promise<StoredStory | undefined>;
  storiesOf(c: Q, articleIds: readonly string[]): Promise<StoredStory[]>;
  stories(c: Q, limit: number, offset: number): Promise<StoredStory[]>;
}

/** Statements an ingesting connection runs for every article, prepared once per connection (named):
 * planning the decision's and the join's statements each time cost more than running them. */
function statementName(s: string, key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return `briefbot_story_${key}_${(h >>> 0).toString(36)}`;
}

export function createPostgresStories(s: string, opts: StoreStoryOptions): PostgresStories {
  const named = (key: string, text: string) => ({ name: statementName(s, key), text });
  const recentCache = createRecentCache();
  /** Stories' newest members at the versions given: from the cache, the others read (one round trip, only then) and kept. */
  async function membersOf(c: Q, rows: ReadonlyArray<{ sid: number; rev: string }>): Promise<Map<number, HeldMembers>> {
    const { found, missing } = recentCache.lookup(rows);
    await readMissing(c, missing, found);
    return found;
  }
  async function readMissing(c: Q, missing: number[], into: Map<number, HeldMembers>): Promise<void> {
    if (!missing.length) return;
    const r = await query<{ sid: number; rev: string; recent: string }>(c, { ...named("recent", `SELECT sid, rev, recent FROM ${s}.stories WHERE sid = ANY($1::int[])`), values: [missing] });
    recentCache.keep(r.rows, into);
  }
  /** The rows that have members, as scoring holds them. */
  const heldRows = (rows: readonly CandidateRow[], members: ReadonlyMap<number, HeldMembers>): HeldRow[] =>
    rows.flatMap((row) => {
      const m = members.get(row.sid);
      return m ? [{ id: String(row.sid), firstTime: row.first_time, lastTime: row.last_time, rev: row.rev, members: m, info: row.info }] : [];
    });

  // While the cache misses most of the stories a decision meets (a process just started, or more
  // stories in play than it holds), the decision's statement brings the candidates' `recent` along:
  // one round trip instead of two (the rows, then the missing members). Once it holds most of them,
  // they would be sent for nothing, and the statement reads versions only. The share found is a running
  // mean over decisions (each weighs HIT_WEIGHT), 0 at the start.
  let hitShare = 0;
  // Key hits ranked as rankCandidates ranks them: most keys shared first, then the first hit (keys
  // in order, each newest first); only stories the article may join (chooseStory's time rule).
  const decideText = (withRecent: boolean) => `WITH h AS (
         SELECT h.sid, k.o, h.time FROM unnest($1::text[]) WITH ORDINALITY AS k(key, o)
         CROSS JOIN LATERAL (SELECT sid, time FROM ${s}.story_keys WHERE key = k.key AND time >= $2 AND time <= $3 ORDER BY time DESC, sid DESC LIMIT $4) h
       ), r AS (SELECT sid, count(*) AS n, min(o * 1e13 - time) AS first FROM h GROUP BY sid ORDER BY n DESC, first LIMIT $5)
       SELECT st.sid, st.first_time, st.last_time, st.rev, st.info::text AS info${withRecent ? ", st.recent" : ""} FROM r JOIN ${s}.stories st ON st.sid = r.sid
       WHERE st.last_time >= $2 AND st.first_time <= $3 ORDER BY r.n DESC, r.first`;
  const decideWith = [named("decide", decideText(false)), named("decidemembers", decideText(true))] as const;
  async function candidates(c: Q, f: StoryFeatures, keys: string[]): Promise<HeldRow[]> {
    if (!keys.length) return [];
    const withRecent = hitShare < 0.5;
    const r = await query<CandidateRow & { recent?: string }>(c, {
      ...decideWith[withRecent ? 1 : 0],
      values: [keys, f.time - opts.quietMs, f.time + opts.quietMs, PER_KEY, MAX_CANDIDATES],
    });
    if (!r.rows.length) return [];
    const { found, missing } = recentCache.lookup(r.rows);
    hitShare += HIT_WEIGHT * (found.size / r.rows.length - hitShare);
    if (!withRecent) await readMissing(c, missing, found);
    else if (missing.length) recentCache.keep((r.rows as Array<CandidateRow & { recent: string }>).filter((x) => missing.includes(x.sid)), found);
    return heldRows(r.rows, found);
  }

  /** The candidate rows with their newest members: from `decided` (a batch's), else the cache, else read. */
  async function heldOf(c: Q, rows: readonly CandidateRow[], decided?: ReadonlyMap<number, HeldMembers>): Promise<HeldRow[]> {
    const members = await membersOf(c, decided ? rows.filter((r) => !decided.has(r.sid)) : rows);
    for (const [sid, m] of decided ?? []) members.set(sid, m);
    return heldRows(rows, members);
  }

  async function decide(c: Q, id: string, card: BriefingCard, time: number) {
    const features: StoryFeatures = { ...storyFeatures(card, time), id };
    const keys = storyKeys(features);
    const cands = await candidates(c, features, keys);
    const d = choosePacked(features, cands, opts);
    return { features, keys, join: d.join === null ? null : Number(d.join), held: cands.find((x) => x.id === d.join) };
  }

  // The member, its claim keys and its story keys, written in one statement.
  const member = `a AS (INSERT INTO ${s}.story_articles (seq, sid, time, features, flag_features) SELECT $1, sid, $2, $3::jsonb, $6 FROM st),
    p AS (INSERT INTO ${s}.story_pending (sid, seq) SELECT sid, $1 FROM st WHERE $7 ON CONFLICT DO NOTHING),
    c AS (INSERT INTO ${s}.story_claims (sid, key, time, seq) SELECT st.sid, k, $2, $1 FROM st, unnest($4::text[]) AS k ON CONFLICT DO NOTHING),
    k AS (INSERT INTO ${s}.story_keys (key, time, sid) SELECT k, $2, st.sid FROM st, unnest($5::text[]) AS k ON CONFLICT DO NOTHING)`;

  async function assign(c: Q, seq: number, id: string, card: BriefingCard, time: number, now: number): Promise<void> {
    const { features, keys, join, held } = await decide(c, id, card, time);
    await write(c, { seq, id, card, time, now }, features, keys, join, held);
  }

  const assignMany = createAssignMany({ s, opts, named, recentCache, membersOf, heldOf, assign });

  /** Writes the decision: the article joins story `join` (scored as `held`) or starts one. */
  async function write(c: Q, w: StoryWork, f: StoryFeatures, keys: string[], join: number | null, held: HeldRow | undefined): Promise<void> {
    const { seq, id, card, time, now } = w;
    const score = completeness(card);
    const claims = claimKeys(f);
    // A joining member's flags with the others are written when the story is next read (settle); with
    // no claim key it can have none. The first member of a story has no other.
    const memberArgs = (pending: boolean) => [seq, time, JSON.stringify(f), claims, keys, JSON.stringify(flagFeatures(f)), pending];
    if (join !== null && held) {
      // One round trip when the story row is as the decision read it: its `recent` the one the decision
      // scored (rev) and its merged names the ones it read (info). The row updated in place (title and
      // best card from its own columns when this card is more complete, times, size), the member written
      // with it. Another writer that changed either since leaves the row as it is and nothing written:
      // the two statements below then do the join.
      const next = recentCache.join(held.members, toRecent(f), opts.maxCompared);
      const rr = next.json === undefined ? { json: null, rev: held.rev } : { json: next.json, rev: revOf(next.json) };
      const info = JSON.stringify(mergeInfo(JSON.parse(held.info) as StoryInfo, card));
      const one = await query<{ sid: number }>(c, {
        ...named("joinone", `WITH st AS (UPDATE ${s}.stories SET
             title = CASE WHEN $9 > best_score THEN $10 ELSE title END, best = CASE WHEN $9 > best_score THEN $11 ELSE best END,
             best_score = greatest(best_score, $9), first_time = least(first_time, $2), last_time = greatest(last_time, $2), updated_at = $12,
             size = size + 1, info = $16::jsonb, recent = coalesce($13, recent), rev = $14
           WHERE sid = $8 AND rev = $15 AND info = $17::jsonb RETURNING sid), ${member} SELECT sid FROM st`),
        values: [...memberArgs(claims.length > 0), join, score, card.title, id, now, rr.json, rr.rev, held.rev, info, held.info],
      });
      if (one.rows.length) {
        if (rr.json !== null) recentCache.hold(join, rr.rev, next.members);
        return;
      }
    }
    if (join !== null) {
      // The story row locked (two writers joining one story) and read, the member written.
      const row = (
        await query<StoryRow & { rev: string }>(c, {
          ...named("join", `WITH st AS (SELECT ${STORY_COLS}, rev FROM ${s}.stories WHERE sid = $8 FOR UPDATE), ${member} SELECT * FROM st`),
          values: [...memberArgs(claims.length > 0), join],
        })
      ).rows[0];
      if (row) {
        const sid = row.sid;
        // The members the decision scored, unless the row changed since (another writer).
        const members = held?.rev === row.rev ? held.members : (await membersOf(c, [row])).get(sid)!;
        const next = recentCache.join(members, toRecent(f), opts.maxCompared);
        // An article older than all of a full `recent` leaves it as it is: not written again, same version.
        const rr = next.json === undefined ? { json: null, rev: row.rev } : { json: next.json, rev: revOf(next.json) };
        const better = score > row.best_score;
        await query(c, {
          ...named("joined", `UPDATE ${s}.stories SET title = $1, best = $2, best_score = $3, first_time = $4, last_time = $5, updated_at = $6, size = size + 1, info = $7::jsonb, recent = coalesce($9, recent), rev = $10 WHERE sid = $8`),
          values: [
            better ? card.title : row.title, better ? id : row.best, better ? score : row.best_score, Math.min(row.first_time, time), Math.max(row.last_time, time), now,
            JSON.stringify(mergeInfo(row.info, card)), sid, rr.json, rr.rev,
          ],
        });
        if (rr.json !== null) recentCache.hold(sid, rr.rev, next.members);
        return;
      }
    }
    const recent = recentWith([], toRecent(f), opts.maxCompared);
    const rr = recentRow(recent);
    const started = await query<{ sid: number }>(c, {
      ...named("start", `WITH st AS (INSERT INTO ${s}.stories (id, title, best, best_score, first_time, last_time, updated_at, size, info, recent, rev)
         VALUES ($8, $9, $10, $11, $2, $2, $12, 1, $13::jsonb, $14, $15) RETURNING sid), ${member} SELECT sid FROM st`),
      values: [...memberArgs(false), storyIdOf(id), card.title, id, score, now, JSON.stringify(mergeInfo(undefined, card)), rr.json, rr.rev],
    });
    recentCache.put(started.rows[0]!.sid, rr.rev, recent);
  }

  async function unassign(c: Q, seq: number, now: number): Promise<void> {
    const m = (await query<{ sid: number }>(c, `DELETE FROM ${s}.story_articles WHERE seq = $1 RETURNING sid`, [seq])).rows[0];
    if (!m) return;
    await query(c, `DELETE FROM ${s}.story_claims WHERE sid = $1 AND seq = $2`, [m.sid, seq]);
    // The story's flags are made again over the members left (all of them compared): nothing is pending.
    await query(c, `DELETE FROM ${s}.story_pending WHERE sid = $1`, [m.sid]);
    const row = (await query<StoryRow>(c, `SELECT ${STORY_COLS} FROM ${s}.stories WHERE sid = $1 FOR UPDATE`, [m.sid])).rows[0];
    const cards = await query<{ id: string; card: BriefingCard; time: number; seq: number; features: StoryFeatures }>(c,
      `SELECT a.id, a.card, m.time, m.seq, m.features FROM ${s}.story_articles m JOIN ${s}.articles a ON a.seq = m.seq WHERE m.sid = $1 ORDER BY m.time DESC, m.seq DESC LIMIT $2`,
      [m.sid, FLAG_MEMBERS],
    );
    if (!row) return;
    await query(c, `DELETE FROM ${s}.story_flags WHERE sid = $1`, [m.sid]);
    if (!cards.rows.length) {
      await query(c, `DELETE FROM ${s}.stories WHERE sid = $1`, [m.sid]);
      return;
    }
    const best = cards.rows.reduce((a, b) => (completeness(b.card) > completeness(a.card) ? b : a));
    let merged: Omit<StoryInfo, "flags"> | undefined;
    for (const x of cards.rows) merged = mergeInfo(merged, x.card);
    // The story's flags computed again over its newest members.
    const at = new Map(cards.rows.map((x) => [x.features.id, x]));
    const flags = storyFlags(cards.rows.map((x) => x.features), opts).map((flag) => ({ o: olderOf(at.get(flag.articles[0])!, at.get(flag.articles[1])!), flag: JSON.stringify(flag) }));
    const times = cards.rows.map((x) => x.time);
    const recent = cards.rows.slice(0, opts.maxCompared).map((x) => toRecent(x.features));
    const rr = recentRow(recent);
    await query(c,
      `WITH fl AS (INSERT INTO ${s}.story_flags (sid, otime, oseq, flag) SELECT $8, x.otime, x.oseq, x.flag FROM unnest($10::float8[], $11::int[], $12::text[]) WITH ORDINALITY AS x(otime, oseq, flag, i) ORDER BY i)
       UPDATE ${s}.stories SET title = $1, best = $2, best_score = $3, first_time = $4, last_time = $5, updated_at = $6, size = size - 1, info = $7::jsonb, recent = $9, rev = $13 WHERE sid = $8`,
      [
        best.card.title, best.id, completeness(best.card), Math.min(...times), Math.max(...times), now, JSON.stringify(merged!), m.sid,
        rr.json, flags.map((x) => x.o.time), flags.map((x) => x.o.seq), flags.map((x) => x.flag), rr.rev,
      ],
    );
    recentCache.put(m.sid, rr.rev, recent);
  }

  /**
   * Writes the flags the stories' pending members have with the others (settledFlags: each pair of a
   * story's newest members once, as joins compared them), before their flags are read: three round trips
   * a story however many of its members are pending. On its own connection and transaction when given
   * the pool, with each story's row locked (a join locks it too, and so does another reader settling the
   * same story).
   */
  async function settle(c: Q | pg.Pool, sids: number[]): Promise<void> {
    const any = await query<{ sid: number }>(c, { ...named("pending", `SELECT DISTINCT sid FROM ${s}.story_pending WHERE sid = ANY($1::int[])`), values: [sids] });
    if (!any.rows.length) return;
    // A pool (the store's reads) lends a connection of its own; a client (one that may be inside a transaction) is used as it is.
    const own = !("release" in c) && "connect" in c ? await (c as pg.Pool).connect() : undefined;
    const t = own ?? c;
    try {
      if (own) await query(t, "BEGIN");
      for (const { sid } of any.rows) {
        await query(t, { ...named("lock", `SELECT 1 FROM ${s}.stories WHERE sid = $1 FOR UPDATE`), values: [sid] });
        // The story's newest members (WindowMember): pending or not, their claim keys among the pending
        // members' (those alone can give a flag with one), and what flags read of each that has one of them.
        const w = await query<{ seq: number; time: number; pending: boolean; keys: string[] | null; f: string | null }>(t, {
          ...named("window", `WITH w AS (SELECT seq, time FROM ${s}.story_articles WHERE sid = $1 ORDER BY time DESC, seq DESC LIMIT $2),
             pend AS (SELECT p.seq FROM ${s}.story_pending p JOIN w ON w.seq = p.seq WHERE p.sid = $1),
             pk AS (SELECT DISTINCT c.key FROM ${s}.story_claims c JOIN pend ON pend.seq = c.seq WHERE c.sid = $1),
             sh AS (SELECT c.seq, array_agg(c.key) AS keys FROM ${s}.story_claims c
                    WHERE c.sid = $1 AND c.key IN (SELECT key FROM pk) AND c.time >= (SELECT min(time) FROM w) AND c.seq IN (SELECT seq FROM w) GROUP BY c.seq)
           SELECT w.seq, w.time, pend.seq IS NOT NULL AS pending, sh.keys,
             CASE WHEN sh.seq IS NOT NULL THEN coalesce(m.flag_features, ${flagFeaturesOf("m.features", "m.time")}) END AS f
           FROM w JOIN ${s}.story_articles m ON m.seq = w.seq LEFT JOIN pend ON pend.seq = w.seq LEFT JOIN sh ON sh.seq = w.seq`),
          values: [sid, FLAG_MEMBERS],
        });
        const { cut, rows } = settledFlags(w.rows.map((r) => ({ ...r, keys: r.keys ?? [] })), opts);
        await query(t, {
          ...named("settled", `WITH p AS (DELETE FROM ${s}.story_flags WHERE sid = $1 AND otime < $2),
             fl AS (INSERT INTO ${s}.story_flags (sid, otime, oseq, flag) SELECT $1, x.otime, x.oseq, x.flag FROM unnest($3::float8[], $4::int[], $5::text[]) WITH ORDINALITY AS x(otime, oseq, flag, i) ORDER BY i)
           DELETE FROM ${s}.story_pending WHERE sid = $1`),
          values: [sid, cut, rows.map((x) => x.otime), rows.map((x) => x.oseq), rows.map((x) => x.flag)],
        });
      }
      if (own) await query(t, "COMMIT");
    } catch (err) {
      if (own) await query(t, "ROLLBACK");
      throw err;
    } finally {
      own?.release();
    }
  }

  async function full(c: Q, rows: StoryRow[]): Promise<StoredStory[]> {
    if (!rows.length) return [];
    const sids = rows.map((r) => r.sid);
    await settle(c, sids);
    const arts = await query<MetaRow & { sid: number; time: number; seq: number }>(c,
      `SELECT m.sid, m.time, m.seq, a.id, a.title, a.url, a.publisher, a.published_at FROM ${s}.story_articles m JOIN ${s}.articles a ON a.seq = m.seq
       WHERE m.sid = ANY($1::int[]) ORDER BY m.time, m.seq`,
      [sids],
    );
    const by = new Map<number, Array<ReturnType<typeof metaOf> & { time: number; seq: number }>>();
    for (const a of arts.rows) (by.get(a.sid) ?? by.set(a.sid, []).get(a.sid)!).push({ ...metaOf(a), time: Number(a.time), seq: a.seq });
    const newest = new Map(rows.map((r) => [r.sid, newestForFlags(by.get(r.sid) ?? [])]));
    const cuts = rows.map((r) => newest.get(r.sid)!.at(-1)?.time ?? 0);
    const fl = await query<{ sid: number; flag: string }>(c,
      `SELECT f.sid, f.flag FROM unnest($1::int[], $2::float8[]) AS x(sid, cut) JOIN ${s}.story_flags f ON f.sid = x.sid AND f.otime >= x.cut ORDER BY f.n`,
      [sids, cuts],
    );
    const flags = new Map<number, StoryFlag[]>();
    for (const f of fl.rows) (flags.get(f.sid) ?? flags.set(f.sid, []).get(f.sid)!).push(JSON.parse(f.flag) as StoryFlag);
    return rows.map((r) => storyOf(r, (by.get(r.sid) ?? []).map(({ seq: _, ...a }) => a), shownFlags(flags.get(r.sid) ?? [], newest.get(r.sid)!)));
  }

  return {
    decide,
    assign,
    assignMany,
    unassign,
    async backfill(c, batch) {
      const rows = await query<{ seq: number; id: string; card: BriefingCard; sort_time: number; ingested_at: number }>(c,
        `SELECT a.seq, a.id, a.card, a.sort_time, a.ingested_at FROM ${s}.articles a
         WHERE NOT EXISTS (SELECT 1 FROM ${s}.story_articles m WHERE m.seq = a.seq) ORDER BY a.sort_time, a.seq LIMIT $1`,
        [batch],
      );
      await assignMany(c, rows.rows.map((r) => ({ seq: r.seq, id: r.id, card: r.card, time: r.sort_time, now: r.ingested_at })));
      return rows.rows.length;
    },
    async story(c, id) {
      const r = await query<StoryRow>(c, `SELECT ${STORY_COLS} FROM ${s}.stories WHERE id = $1`, [id]);
      return (await full(c, r.rows))[0];
    },
    async storiesOf(c, articleIds) {
      if (!articleIds.length) return [];
      const r = await query<StoryRow & { article: string }>(c,
        `SELECT DISTINCT ON (st.sid) ${STORY_COLS.split(", ").map((x) => `st.${x}`).join(", ")}, a.id AS article, array_position($1::text[], a.id) AS pos FROM ${s}.articles a
           JOIN ${s}.story_articles m ON m.seq = a.seq JOIN ${s}.stories st ON st.sid = m.sid
         WHERE a.id = ANY($1::text[]) ORDER BY st.sid, pos`,
        [articleIds],
      );
      const pos = (x: { article: string }) => articleIds.indexOf(x.article);
      return full(c, r.rows.sort((a, b) => pos(a) - pos(b)));
    },
    async stories(c, limit, offset) {
      const r = await query<StoryRow>(c, `SELECT ${STORY_COLS} FROM ${s}.stories ORDER BY last_time DESC, sid DESC LIMIT $1 OFFSET $2`, [limit, offset]);
      return full(c, r.rows);
    },
  };
}

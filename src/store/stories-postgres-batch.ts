// Stories on PostgreSQL for a batch of articles (a put of several, an ingest's batch, a backfill): the
// decisions `assign` would make one article at a time, with what they read read once for the batch and
// what they write written in one statement. Used by stories-postgres.ts, which hands it its reads.
import type pg from "pg";
import { choosePacked, claimKeys, storyFeatures, storyIdOf, storyKeys, type BriefingCard, type StoryFeatures } from "../core/index.js";
import { query } from "./pg-query.js";
import {
  completeness, flagFeatures, MAX_CANDIDATES, mergeInfo, PER_KEY, recentRow, recentWith, revOf, toRecent,
  type createRecentCache, type Held, type HeldMembers, type StoreStoryOptions, type StoryInfo,
} from "./stories.js";

export type Q = Pick<pg.PoolClient, "query">;

/** A candidate as the decision read it, with its merged names (`info`, the text of the row's JSON). */
export type HeldRow = Held & { info: string };

/** A story row as a decision reads it: its times, its `recent`'s version and its merged names (as JSON text). */
export interface CandidateRow {
  sid: number;
  first_time: number;
  last_time: number;
  rev: string;
  info: string;
}

/** An article to put in a story: its row's seq, its id and card, its time, and when it is stored. */
export interface StoryWork {
  seq: number;
  id: string;
  card: BriefingCard;
  time: number;
  now: number;
}

/** A story_keys row found for a key: the story and the time it was written with. */
interface Hit {
  sid: number;
  time: number;
}

/** The PER_KEY newest of `hits`, each once, newest first (then the higher sid, as the primary key read backwards gives them). */
function newestHits(hits: Hit[]): Hit[] {
  hits.sort((a, b) => b.time - a.time || b.sid - a.sid);
  return hits.filter((h, k) => k === 0 || h.time !== hits[k - 1]!.time || h.sid !== hits[k - 1]!.sid).slice(0, PER_KEY);
}

/** A story as a batch leaves it (assignMany): its row as the batch's joins leave it, and what is written of it. */
interface Planned {
  sid: number;
  /** The row as read (a story that was stored), else undefined (started by the batch). */
  was?: CandidateRow;
  row: CandidateRow;
  /** `recent` as last decided, or undefined when no member of the batch changed it. */
  recent?: string;
  /** The member with the highest completeness (the first such), as a join compares it with the row's best. */
  best: { score: number; title: string; id: string };
  size: number;
  now: number;
  /** The public id of a story the batch started. */
  storyId?: string;
}

/** A member a batch writes: its features and what flags read of it (as JSON), claim keys, story keys. */
interface PlannedMember {
  seq: number;
  sid: number;
  time: number;
  features: string;
  flags: string;
  claims: string[];
  keys: string[];
  pending: boolean;
}

/** What the batch needs of the store's stories: its schema, options, statements, cache and reads, and `assign`. */
export interface BatchContext {
  s: string;
  opts: StoreStoryOptions;
  named(key: string, text: string): { name: string; text: string };
  recentCache: ReturnType<typeof createRecentCache>;
  membersOf(c: Q, rows: ReadonlyArray<{ sid: number; rev: string }>): Promise<Map<number, HeldMembers>>;
  heldOf(c: Q, rows: readonly CandidateRow[], decided?: ReadonlyMap<number, HeldMembers>): Promise<HeldRow[]>;
  assign(c: Q, seq: number, id: string, card: BriefingCard, time: number, now: number): Promise<void>;
}

/** `assignMany` over the store's stories (see PostgresStories). */
export function createAssignMany(ctx: BatchContext): (c: Q, works: readonly StoryWork[]) => Promise<void> {
  const { s, opts, named, recentCache, membersOf, heldOf, assign } = ctx;
  /**
   * Per article and key (keys in order): the newest PER_KEY hits in the article's window, newest first
   * (time, then sid, as the decision statement orders them). One statement; each article's hits come back
   * as "o,sid,time" triples in one string (o from 1).
   */
  async function storedHits(c: Q, all: ReadonlyArray<{ keys: string[]; lo: number; hi: number }>): Promise<Hit[][][]> {
    const at: number[] = [], os: number[] = [], keys: string[] = [], los: number[] = [], his: number[] = [];
    all.forEach((x, i) =>
      x.keys.forEach((k, j) => {
        at.push(i);
        os.push(j + 1);
        keys.push(k);
        los.push(x.lo);
        his.push(x.hi);
      }),
    );
    const stored: Hit[][][] = all.map((x) => x.keys.map(() => []));
    if (!keys.length) return stored;
    const r = await query<{ a: number; hits: string }>(c, {
      ...named("hits", `SELECT x.a, string_agg(x.o || ',' || h.sid || ',' || h.time, ',' ORDER BY x.o, h.time DESC, h.sid DESC) AS hits
         FROM unnest($1::int[], $2::int[], $3::text[], $4::float8[], $5::float8[]) AS x(a, o, key, lo, hi)
         CROSS JOIN LATERAL (SELECT sid, time FROM ${s}.story_keys WHERE key = x.key AND time >= x.lo AND time <= x.hi ORDER BY time DESC, sid DESC LIMIT $6) h
         GROUP BY x.a`),
      values: [at, os, keys, los, his, PER_KEY],
    });
    for (const row of r.rows) {
      const xs = row.hits.split(",");
      const per = stored[row.a]!;
      for (let k = 0; k < xs.length; k += 3) per[Number(xs[k]) - 1]!.push({ sid: Number(xs[k + 1]), time: Number(xs[k + 2]) });
    }
    return stored;
  }

  /**
   * `assign` of each article in turn, each given the decision `assign` would give it at its turn, in a
   * few statements for the whole batch. Read: every article's key hits in the store as the batch found it
   * (one statement), the rows of the stories those hits rank first (one more), and their members the
   * cache does not hold (one more). Decided: at each article's turn, the keys, story rows and members the
   * batch has decided so far are laid over what was read, and the hits ranked as the decision statement
   * ranks them (`candidates`). Written: the stories the batch joins are locked and checked to be as read
   * (their `recent` and merged names), then every story row, member, claim, key and pending note in one
   * statement. A story another writer changed since it was read sends the whole batch through `assign`,
   * article by article (nothing of it written yet).
   */
  async function assignMany(c: Q, works: readonly StoryWork[]): Promise<void> {
    if (works.length < 2) {
      for (const w of works) await assign(c, w.seq, w.id, w.card, w.time, w.now);
      return;
    }
    const all = works.map((w) => {
      const features: StoryFeatures = { ...storyFeatures(w.card, w.time), id: w.id };
      return { w, features, keys: storyKeys(features), lo: features.time - opts.quietMs, hi: features.time + opts.quietMs };
    });
    const stored = await storedHits(c, all);
    // Key hits the batch decided to write (each article's keys, at its time, in its story), and story rows
    // and members as it decided them.
    const written = new Map<string, Hit[]>();
    const overlay = new Map<number, CandidateRow>();
    const decided = new Map<number, HeldMembers>();
    const read = new Map<number, CandidateRow | undefined>(); // undefined: no such row (a story's keys outlive it)
    const readRows = async (sids: number[]) => {
      if (!sids.length) return;
      const r = await query<CandidateRow>(c, { ...named("rows", `SELECT sid, first_time, last_time, rev, info::text AS info FROM ${s}.stories WHERE sid = ANY($1::int[])`), values: [sids] });
      for (const sid of sids) read.set(sid, undefined);
      for (const row of r.rows) read.set(row.sid, row);
    };
    /** The candidates' sids as the decision statement ranks them, from the stored hits and those the batch wrote. */
    const ranked = (i: number): number[] => {
      const x = all[i]!;
      const n = new Map<number, number>(), first = new Map<number, number>();
      x.keys.forEach((k, j) => {
        let hits = stored[i]![j]!;
        const mine = written.get(k)?.filter((h) => h.time >= x.lo && h.time <= x.hi);
        if (mine?.length) hits = newestHits([...hits, ...mine]);
        for (const h of hits) {
          n.set(h.sid, (n.get(h.sid) ?? 0) + 1);
          const v = (j + 1) * 1e13 - h.time;
          if (!(first.get(h.sid)! <= v)) first.set(h.sid, v);
        }
      });
      return [...n.keys()].sort((p, q) => n.get(q)! - n.get(p)! || first.get(p)! - first.get(q)!).slice(0, MAX_CANDIDATES);
    };
    const inWindow = (x: (typeof all)[number], sids: readonly number[]) =>
      sids.flatMap((sid) => {
        const row = overlay.get(sid) ?? read.get(sid);
        return row && row.last_time >= x.lo && row.first_time <= x.hi ? [row] : [];
      });
    // The rows of the stories each article ranks first in the store as it was: nearly all the batch will
    // ask for; and the newest members of those in each one's window, read together where not held.
    const before = all.map((_, i) => ranked(i));
    await readRows([...new Set(before.flat())]);
    await membersOf(c, [...new Set(all.flatMap((x, i) => inWindow(x, before[i]!)))]);

    // What the batch writes: each story it joins or starts, as the sequence of assigns would leave it.
    const plans = new Map<number, Planned>();
    const members: PlannedMember[] = [];
    let fresh: number[] = [];
    for (const [i, x] of all.entries()) {
      const { w, features: f } = x;
      const sids = ranked(i);
      await readRows(sids.filter((sid) => !overlay.has(sid) && !read.has(sid)));
      const rows = inWindow(x, sids);
      const held = new Map<number, HeldMembers>();
      for (const row of rows) if (decided.has(row.sid)) held.set(row.sid, decided.get(row.sid)!);
      const cands = await heldOf(c, rows, held);
      const d = choosePacked(f, cands, opts);
      const chosen = cands.find((h) => h.id === d.join);
      const score = completeness(w.card);
      const claims = claimKeys(f);
      let row: CandidateRow;
      if (chosen) {
        const sid = Number(chosen.id);
        const next = recentCache.join(chosen.members, toRecent(f), opts.maxCompared);
        const rev = next.json === undefined ? chosen.rev : revOf(next.json);
        row = { sid, first_time: Math.min(chosen.firstTime, w.time), last_time: Math.max(chosen.lastTime, w.time), rev, info: JSON.stringify(mergeInfo(JSON.parse(chosen.info) as StoryInfo, w.card)) };
        const plan = plans.get(sid) ?? plans.set(sid, { sid, was: read.get(sid), row, best: { score: -Infinity, title: "", id: "" }, size: 0, now: w.now }).get(sid)!;
        if (next.json !== undefined) {
          plan.recent = next.json;
          decided.set(sid, next.members);
          recentCache.hold(sid, rev, next.members);
        }
        if (score > plan.best.score) plan.best = { score, title: w.card.title, id: w.id };
        Object.assign(plan, { row, size: plan.size + 1, now: w.now });
      } else {
        // A new story's sid, taken from the table's sequence ahead of its row (those left over are skipped).
        if (!fresh.length) {
          const r = await query<{ sid: number }>(c, { ...named("sids", `SELECT nextval(pg_get_serial_sequence('${s}.stories', 'sid'))::int AS sid FROM generate_series(1, $1)`), values: [all.length - i] });
          fresh = r.rows.map((x) => x.sid);
        }
        const sid = fresh.shift()!;
        const recent = recentWith([], toRecent(f), opts.maxCompared);
        const rr = recentRow(recent);
        row = { sid, first_time: w.time, last_time: w.time, rev: rr.rev, info: JSON.stringify(mergeInfo(undefined, w.card)) };
        plans.set(sid, { sid, row, recent: rr.json, best: { score, title: w.card.title, id: w.id }, size: 1, now: w.now, storyId: storyIdOf(w.id) });
        decided.set(sid, recentCache.put(sid, rr.rev, recent));
      }
      overlay.set(row.sid, row);
      members.push({ seq: w.seq, sid: row.sid, time: w.time, features: JSON.stringify(f), flags: JSON.stringify(flagFeatures(f)), claims, keys: x.keys, pending: !!chosen && claims.length > 0 });
      for (const k of x.keys) (written.get(k) ?? written.set(k, []).get(k)!).push({ sid: row.sid, time: w.time });
    }

    // The stored stories the batch joins, locked (in sid order) and checked to be as read.
    const joined = [...plans.values()].filter((p) => p.was);
    if (joined.length) {
      const r = await query<{ sid: number; rev: string; info: string }>(c, {
        ...named("joinlock", `SELECT sid, rev, info::text AS info FROM ${s}.stories WHERE sid = ANY($1::int[]) ORDER BY sid FOR UPDATE`),
        values: [joined.map((p) => p.sid)],
      });
      const now = new Map(r.rows.map((x) => [x.sid, x]));
      if (joined.some((p) => now.get(p.sid)?.rev !== p.was!.rev || now.get(p.sid)?.info !== p.was!.info)) {
        for (const w of works) await assign(c, w.seq, w.id, w.card, w.time, w.now);
        return;
      }
    }
    await writeBatch(c, joined, [...plans.values()].filter((p) => !p.was), members);
  }

  /**
   * One statement: the stories the batch joined updated as its joins leave them (the best card: the first
   * of the most complete, if more complete than the row's), the stories it started, and every member, claim,
   * key and pending note.
   */
  async function writeBatch(c: Q, joined: readonly Planned[], started: readonly Planned[], members: readonly PlannedMember[]): Promise<void> {
    const flat = <T>(f: (m: PlannedMember) => T[]) => members.flatMap((m) => f(m).map((v) => ({ m, v })));
    const claimRows = flat((m) => m.claims), keyRows = flat((m) => m.keys);
    // The JSON texts (members' features, `recent`) go as JSON arrays of them, unescaped (as text arrays
    // the driver escaped every quote of them, which cost more than the rest of the statement); the
    // server splits them (json keeps each element's text as sent).
    const jsonList = (xs: ReadonlyArray<string | undefined>) => `[${xs.map((x) => x ?? "null").join(",")}]`;
    await query(c, {
      ...named("batch", `WITH u AS (UPDATE ${s}.stories st SET
           title = CASE WHEN x.score > st.best_score THEN x.title ELSE st.title END, best = CASE WHEN x.score > st.best_score THEN x.best ELSE st.best END,
           best_score = greatest(st.best_score, x.score), first_time = least(st.first_time, x.first), last_time = greatest(st.last_time, x.last),
           updated_at = x.now, size = st.size + x.n, info = x.info::jsonb, recent = coalesce(x.recent, st.recent), rev = x.rev
         FROM ROWS FROM (unnest($1::int[]), unnest($2::float8[]), unnest($3::text[]), unnest($4::text[]), unnest($5::float8[]), unnest($6::float8[]), unnest($7::float8[]),
           unnest($8::int[]), unnest($9::text[]), json_array_elements_text($10::json), unnest($11::text[])) AS x(sid, score, title, best, first, last, now, n, info, recent, rev)
         WHERE st.sid = x.sid),
       n AS (INSERT INTO ${s}.stories (sid, id, title, best, best_score, first_time, last_time, updated_at, size, info, recent, rev)
         SELECT * FROM ROWS FROM (unnest($12::int[]), unnest($13::text[]), unnest($14::text[]), unnest($15::text[]), unnest($16::float8[]), unnest($17::float8[]),
           unnest($18::float8[]), unnest($19::float8[]), unnest($20::int[]), unnest($21::jsonb[]), json_array_elements_text($22::json), unnest($23::text[]))),
       a AS (INSERT INTO ${s}.story_articles (seq, sid, time, features, flag_features)
         SELECT x.seq, x.sid, x.time, x.features::jsonb, x.flags FROM ROWS FROM (unnest($24::int[]), unnest($25::int[]), unnest($26::float8[]),
           json_array_elements_text($27::json), json_array_elements_text($28::json)) AS x(seq, sid, time, features, flags)),
       p AS (INSERT INTO ${s}.story_pending (sid, seq) SELECT x.sid, x.seq FROM unnest($25::int[], $24::int[], $29::bool[]) AS x(sid, seq, pending) WHERE x.pending ON CONFLICT DO NOTHING),
       c AS (INSERT INTO ${s}.story_claims (sid, key, time, seq) SELECT * FROM unnest($30::int[], $31::text[], $32::float8[], $33::int[]) ON CONFLICT DO NOTHING)
       INSERT INTO ${s}.story_keys (key, time, sid) SELECT * FROM unnest($34::text[], $35::float8[], $36::int[]) ON CONFLICT DO NOTHING`),
      values: [
        joined.map((p) => p.sid), joined.map((p) => p.best.score), joined.map((p) => p.best.title), joined.map((p) => p.best.id), joined.map((p) => p.row.first_time),
        joined.map((p) => p.row.last_time), joined.map((p) => p.now), joined.map((p) => p.size), joined.map((p) => p.row.info), jsonList(joined.map((p) => p.recent)), joined.map((p) => p.row.rev),
        started.map((p) => p.sid), started.map((p) => p.storyId!), started.map((p) => p.best.title), started.map((p) => p.best.id), started.map((p) => p.best.score),
        started.map((p) => p.row.first_time), started.map((p) => p.row.last_time), started.map((p) => p.now), started.map((p) => p.size), started.map((p) => p.row.info),
        jsonList(started.map((p) => p.recent)), started.map((p) => p.row.rev),
        members.map((m) => m.seq), members.map((m) => m.sid), members.map((m) => m.time), jsonList(members.map((m) => m.features)), jsonList(members.map((m) => m.flags)), members.map((m) => m.pending),
        claimRows.map((x) => x.m.sid), claimRows.map((x) => x.v), claimRows.map((x) => x.m.time), claimRows.map((x) => x.m.seq),
        keyRows.map((x) => x.v), keyRows.map((x) => x.m.time), keyRows.map((x) => x.m.sid),
      ],
    });
  }

  return assignMany;
}

// What every store derives for stories: the shown card (the most complete), merged names, topics
// and figures, and the options. The grouping decision itself is core/stories.
import { createHash } from "node:crypto";
import {
  createWordIds, joinFlags, DEFAULT_STORY_OPTIONS, matchFeatures, packedJson, packMembers, unpackMembers, withMember, type BriefingCard, type PackedCandidate, type PackedMembers, type StoryFeatures, type StoryFlag, type StoryOptions, type TimedMatch,
} from "../core/index.js";
import type { ArticleMeta, StoredStory } from "./types.js";

export type StoreStoryOptions = StoryOptions;

// Each store's own grouping, for benches that time its parts apart from the store's put (index-cost):
// warmed through the store's own instance, the put meets the stories the bench's instance met.
const grouping = new WeakMap<object, unknown>();

/** Records `stories` as the grouping `store` puts articles with (called by the stores as they are made). */
export function registerStories<S>(store: object, stories: S): void {
  grouping.set(store, stories);
}

/** The grouping a store made with createSqliteStore / createPostgresStore puts articles with. */
export function storiesOfStore<S>(store: object): S | undefined {
  return grouping.get(store) as S | undefined;
}
export const STORE_STORY_DEFAULTS = DEFAULT_STORY_OPTIONS;

/** Articles of a story read for its flags (the newest): bounds the work a huge story costs per article. */
export const FLAG_MEMBERS = 50;
/** Candidate stories compared per article (those sharing the most keys). */
export const MAX_CANDIDATES = 6;
/** Stories read per key (the newest): a common key cannot turn the look-up into a scan. */
export const PER_KEY = 16;

/**
 * A story's `recent` version (stories.rev): a short hash of the JSON as written, so that a process
 * holding it parsed knows from 16 characters whether it still is what the row holds, and the decision
 * reads `recent` (tens of KB on a big story) only when it does not (at 100,000 stored, handing those
 * rows over for each decision was what the slow 1% of decisions spent collecting garbage on).
 */
export function revOf(json: string): string {
  return createHash("md5").update(json).digest("hex").slice(0, 16);
}

/** `recent` as stored and its version. */
export function recentRow(recent: readonly RecentMember[]): { json: string; rev: string } {
  const json = JSON.stringify(recent);
  return { json, rev: revOf(json) };
}

/** Strings the packed cache's table may hold before it is made anew (and the cache with it). */
export const MAX_TABLE_STRINGS = 2_000_000;

/** A story's newest members as the cache hands them out: packed. */
export type HeldMembers = PackedMembers;

/** A candidate as the decision scored it, with its version (a join writes `recent` from these members). */
export type Held = PackedCandidate & { rev: string; members: HeldMembers };

/**
 * Stories' `recent` by story and version, the most recently used kept up to `budget` bytes: a story's
 * newest articles are read for every article that may join it. Held packed (packMembers: ids of a shared
 * string table in typed arrays), not parsed: at 100,000 stored, 64 MB of parsed JSON held here (small
 * strings, arrays and objects) was what the slow 1% of decisions spent collecting garbage on. Packed when
 * read or written: a story joined is packed by putting the new member in (withMember), not packed anew.
 * (Until quotes were packed as text, interning each quote word made packing dear enough that a story was
 * held as its JSON until met a second time; then it was parsed again, and a join's story unpacked and
 * packed again when next met.) Keyed by the version, so that a row rewritten by another process is
 * never served stale (and a write rolled back is never served: its version is not the row's). The table
 * only grows: past `maxStrings` a new one is started at the next look-up and what was packed is dropped.
 */
export function createRecentCache(budget = 64 * 1024 * 1024, maxStrings = MAX_TABLE_STRINGS): {
  /** Keeps what this process just wrote (a story started, or its members read again), and returns it packed. */
  put(sid: number, rev: string, recent: readonly RecentMember[]): PackedMembers;
  /**
   * What a join makes of a story: `held` (the members the decision scored) with `added` put in, the
   * newest `keep`: packed (withMember: held's members are not packed again) and as the JSON its
   * `recent` is written as (packedJson: the text JSON.stringify(recentWith(unpackMembers(held), added,
   * keep)) gives, without making the members). No `json` when `added` is older than all of a full
   * `held`: the newest `keep` are held's own, and `recent` stays as the row holds it (nothing to write).
   */
  join(held: HeldMembers, added: RecentMember, keep: number): { members: PackedMembers; json?: string };
  /** Keeps members this process wrote (what `join` made) at their version. */
  hold(sid: number, rev: string, members: PackedMembers): void;
  /** Stories' members at the versions given, those held; `missing` are the ids to read from the store. */
  lookup(rows: ReadonlyArray<{ sid: number; rev: string }>): { found: Map<number, HeldMembers>; missing: number[] };
  /** Packs `recent` rows read from the store, keeps them and adds them to `into`. */
  keep(rows: Iterable<{ sid: number; rev: string; recent: string }>, into: Map<number, HeldMembers>): void;
  /** What is held: stories, bytes (packed arrays), strings in the table, tables made. */
  stats(): { stories: number; bytes: number; strings: number; tables: number };
} {
  type Entry = { rev: string; bytes: number; members: PackedMembers };
  const cache = new Map<number, Entry>();
  let table = createWordIds();
  let tables = 1;
  let total = 0;
  const drop = (sid: number) => {
    const e = cache.get(sid);
    if (e) (total -= e.bytes), cache.delete(sid);
  };
  const set = (sid: number, rev: string, members: PackedMembers) => {
    drop(sid);
    while (cache.size && total + members.bytes > budget) drop(cache.keys().next().value!);
    cache.set(sid, { rev, members, bytes: members.bytes });
    total += members.bytes;
    return members;
  };
  const get = (sid: number, rev: string): PackedMembers | undefined => {
    const e = cache.get(sid);
    if (!e || e.rev !== rev) return undefined;
    cache.delete(sid);
    cache.set(sid, e);
    return e.members;
  };
  return {
    put: (sid, rev, recent) => set(sid, rev, packMembers(recent, table)),
    join(held, added, keep) {
      // recentWith sorts the members by time, stably, `added` first: held sorted (as stores write it),
      // it goes in before the first member no newer than it, and held's members keep their order.
      let sorted = !Number.isNaN(added.time), at = 0;
      for (let i = 0; i < held.n && sorted; i++) {
        const t = held.nums[i]!;
        sorted = !Number.isNaN(t) && (i === 0 || t <= held.nums[i - 1]!);
        if (t > added.time) at = i + 1;
      }
      if (held.table === table && sorted && (at < keep || held.n <= keep)) {
        if (at >= keep) return { members: held };
        const members = withMember(held, added, at, keep);
        return { members, json: packedJson(members) };
      }
      const recent = recentWith(unpackMembers(held), added, keep);
      return { members: packMembers(recent, table), json: JSON.stringify(recent) };
    },
    hold: (sid, rev, members) => void set(sid, rev, members),
    lookup(rows) {
      // Only here, before anything is handed out: the stories of one decision share a table (choosePacked
      // would still score right across tables, each story carrying its own).
      if (table.size > maxStrings) {
        table = createWordIds();
        tables++;
        cache.clear();
        total = 0;
      }
      const found = new Map<number, HeldMembers>();
      const missing: number[] = [];
      for (const r of rows) {
        const m = get(r.sid, r.rev);
        if (m) found.set(r.sid, m);
        else missing.push(r.sid);
      }
      return { found, missing };
    },
    keep(rows, into) {
      for (const row of rows) into.set(row.sid, set(row.sid, row.rev, packMembers(JSON.parse(row.recent) as RecentMember[], table)));
    },
    stats: () => ({ stories: cache.size, bytes: total, strings: table.size, tables }),
  };
}

/** The members as a join needs them to write `recent` again. */
export const membersNow = (m: HeldMembers): RecentMember[] => unpackMembers(m);

/** A story's newest members as scoring reads them (stories.recent), newest first, with their times. */
export type RecentMember = TimedMatch;

export const toRecent = (f: StoryFeatures): RecentMember => ({ ...matchFeatures(f), time: f.time });

/** `recent` with the new member (toRecent of its features) in: what scoring reads of the story's newest `n` members. */
export function recentWith(recent: readonly RecentMember[], added: RecentMember, n: number): RecentMember[] {
  return [added, ...recent].sort((a, b) => b.time - a.time).slice(0, n);
}

/**
 * What flags read of a member (figures, the quotes given to a person; storyFlags reads no other
 * quote): kept beside its features, so that a join does not read them out of the whole features.
 */
export function flagFeatures(f: StoryFeatures): Pick<StoryFeatures, "id" | "time" | "publisher" | "figures" | "quotes"> {
  return { id: f.id, time: f.time, publisher: f.publisher, figures: f.figures, quotes: f.quotes.filter((q) => q.speaker) };
}

/** A member of a story's newest FLAG_MEMBERS as settling reads it (stories-sqlite.ts, stories-postgres.ts). */
export interface WindowMember {
  seq: number;
  time: number;
  /** Its flags with the others are not written yet (a row of story_pending). */
  pending: boolean;
  /** Its claim keys (story_claims). */
  keys: readonly string[];
  /** What flags read of it (flag_features), read only for the members sharing a key with a pending one. */
  f: string | null;
}

/**
 * The flag rows a story's pending members give: each pending member of the window, in the order it
 * joined (seq), against the members settled before it that share a claim key with it, as joinFlags
 * compared a joining article; so each pair of the window is compared once, whichever joined last.
 * `window`: the story's newest FLAG_MEMBERS members (a pending member outside it can be shown with no
 * other, as a join outside it was not compared). `cut`: flags whose older article is older than this
 * time are no longer shown (rows to prune).
 */
export function settledFlags(window: readonly WindowMember[], opts: Pick<StoryOptions, "figureMargin">): { cut: number; rows: Array<{ otime: number; oseq: number; flag: string }> } {
  const newest = newestForFlags(window);
  const cut = newest.length >= FLAG_MEMBERS ? newest[FLAG_MEMBERS - 1]!.time : -Infinity;
  const parsed = new Map<number, StoryFeatures>();
  const features = (m: WindowMember) => {
    let f = parsed.get(m.seq);
    if (!f) parsed.set(m.seq, (f = JSON.parse(m.f!) as StoryFeatures));
    return f;
  };
  const settled = newest.filter((m) => !m.pending && m.f !== null);
  const rows: Array<{ otime: number; oseq: number; flag: string }> = [];
  for (const p of newest.filter((m) => m.pending && m.f !== null).sort((a, b) => a.seq - b.seq)) {
    const others = settled.filter((m) => m.keys.some((k) => p.keys.includes(k)));
    const pf = features(p);
    const by = new Map(others.map((m) => [features(m).id, m]));
    for (const flag of joinFlags(pf, others.map(features), opts)) {
      const o = olderOf(p, by.get(flag.articles[0] === pf.id ? flag.articles[1] : flag.articles[0])!);
      rows.push({ otime: o.time, oseq: o.seq, flag: JSON.stringify(flag) });
    }
    settled.push(p);
  }
  return { cut, rows };
}

/**
 * A flag row's place: its older article's (time, seq). A flag is shown while both its articles are
 * among the story's newest FLAG_MEMBERS, that is while its older one is at or above the cut.
 */
export function olderOf(a: { time: number; seq: number }, b: { time: number; seq: number }): { time: number; seq: number } {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq) ? a : b;
}

/** Members (time, seq), newest first: the first FLAG_MEMBERS, whose flags are shown. */
export function newestForFlags<T extends { time: number; seq: number }>(members: readonly T[]): T[] {
  return [...members].sort((a, b) => b.time - a.time || b.seq - a.seq).slice(0, FLAG_MEMBERS);
}

/** How complete a card is: the story shows its most complete card. */
export function completeness(card: BriefingCard): number {
  return card.summary.length + card.quotes.length + card.figures.length + Math.min(card.entities.length, 6) / 2 + Math.min(card.stats.words, 1500) / 500;
}

/** What a story row keeps as JSON besides its flags (rows of story_flags since schema 13 / 8). */
export interface StoryInfo {
  /** Only in rows written before flags were rows (the migration takes them out). */
  flags?: StoryFlag[];
  people: string[];
  topics: string[];
  figures: string[];
}

const MAX_MERGED = 12;

/** People, topics and figures of a story's cards merged (new ones after old, each once). */
export function mergeInfo(prev: Omit<StoryInfo, "flags"> | undefined, card: BriefingCard): Omit<StoryInfo, "flags"> {
  const add = (a: string[], b: string[]) => [...new Set([...a, ...b])].slice(0, MAX_MERGED);
  return {
    people: add(prev?.people ?? [], card.entities.filter((e) => e.type === "person").map((e) => e.name)),
    topics: add(prev?.topics ?? [], card.topics),
    figures: add(prev?.figures ?? [], card.figures.filter((f) => f.kind !== "year").map((f) => f.text)),
  };
}

/** Candidate stories from key hits: those sharing the most keys first. */
export function rankCandidates<K>(hits: Iterable<K>): K[] {
  const n = new Map<K, number>();
  for (const h of hits) n.set(h, (n.get(h) ?? 0) + 1);
  return [...n.entries()].sort((a, b) => b[1] - a[1]).slice(0, MAX_CANDIDATES).map(([k]) => k);
}

/** A story row as both SQL stores keep it, made into the public shape. */
export function storyOf(
  row: { id: string; title: string; best: string; first_time: number; last_time: number; updated_at: number; info: StoryInfo },
  articles: Array<ArticleMeta & { time: number }>,
  flags: StoryFlag[],
): StoredStory {
  return {
    id: row.id,
    title: row.title,
    bestArticle: row.best,
    articles,
    flags,
    people: row.info.people,
    topics: row.info.topics,
    figures: row.info.figures,
    firstTime: Number(row.first_time),
    lastTime: Number(row.last_time),
    updatedAt: Number(row.updated_at),
  };
}

export type { StoryFeatures };

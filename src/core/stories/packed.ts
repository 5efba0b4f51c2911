// A story's newest members packed for scoring: their words, people, places, quote words and figures
// as ids of a shared string table, in one Int32Array and one Float64Array per story. Stores keep
// candidate stories this way rather than as parsed JSON: at 100,000 stored, the parsed `recent` held
// for the next decision (64 MB of JSON: tens of thousands of small strings, arrays and objects) was
// what the slow 1% of decisions spent collecting garbage on; typed arrays hold no pointers to trace.
// choosePacked gives chooseStory's decision, score for score, to the last bit.
import { figureMatches, scoreAbove, scoreOf, type MatchFeatures, type StoryDecision } from "./match.js";
import type { StoryFeatures, StoryOptions } from "./types.js";

/** What scoring reads of a member, with its time (what stores keep of a story's newest members). */
export type TimedMatch = MatchFeatures & { time: number };

/**
 * Strings as ids (word -> int), shared by the packed stories of one store. It only grows: a store
 * makes a new one (and drops what it packed with the old) when it holds too many strings.
 */
export interface WordIds {
  readonly size: number;
  /** The string's id, added if new. */
  intern(s: string): number;
  /** The string's id, or -1 if it is not in the table (then no packed member has it). */
  find(s: string): number;
  /** The string of an id. */
  word(id: number): string;
}

export function createWordIds(): WordIds {
  const ids = new Map<string, number>();
  const words: string[] = [];
  return {
    get size() {
      return words.length;
    },
    intern(s) {
      let id = ids.get(s);
      if (id === undefined) {
        ids.set(s, (id = words.length));
        words.push(s);
      }
      return id;
    },
    find: (s) => ids.get(s) ?? -1,
    word: (id) => words[id]!,
  };
}

/** Ints of a member's header: where its words, people, places, quotes, figures start, where it ends, and its first figure value in `nums`. */
const HEAD = 7;
const [W, P, L, Q, F, E, V] = [0, 1, 2, 3, 4, 5, 6] as const;
/** Ints per figure: kind, class of the thing counted, the thing. */
const FIG = 3;

/** A story's newest members (newest first, as given), packed. */
export interface PackedMembers {
  /** The table its ids are of. */
  readonly table: WordIds;
  readonly n: number;
  /**
   * Member m's header at m * 7 (starts of words, people, places, quotes, figures; end; index of its
   * first figure value in `nums`); then the ids: words, people, places; quotes as length then word
   * ids (the quote's words split on spaces); figures as (kind, thing class, thing) triples.
   */
  readonly ints: Int32Array;
  /** Each member's time, then each figure's value. */
  readonly nums: Float64Array;
  /** Bytes of the two arrays. */
  readonly bytes: number;
}

/** The class of what a figure counts ("troops" of "troops|dead"): what scoring compares. */
const classOf = (thing: string) => {
  const i = thing.indexOf("|");
  return i < 0 ? thing : thing.slice(0, i);
};

export function packMembers(members: readonly TimedMatch[], table: WordIds): PackedMembers {
  const n = members.length;
  // Sized first, then filled: no growing arrays to copy (a store packs every story it reads).
  const quoteWords = members.map((m) => m.quotes.map((q) => q.words.split(" ")));
  let size = n * HEAD, values = n;
  members.forEach((m, i) => {
    size += m.words.length + m.people.length + m.places.length + FIG * m.figures.length;
    for (const ws of quoteWords[i]!) size += 1 + ws.length;
    values += m.figures.length;
  });
  const ints = new Int32Array(size), nums = new Float64Array(values);
  let at = n * HEAD, v = n;
  const add = (xs: readonly string[]) => {
    for (const x of xs) ints[at++] = table.intern(x);
  };
  members.forEach((m, i) => {
    const h = i * HEAD;
    nums[i] = m.time;
    ints[h + W] = at;
    add(m.words);
    ints[h + P] = at;
    add(m.people);
    ints[h + L] = at;
    add(m.places);
    ints[h + Q] = at;
    for (const ws of quoteWords[i]!) {
      ints[at++] = ws.length;
      add(ws);
    }
    ints[h + F] = at;
    ints[h + V] = v;
    for (const x of m.figures) {
      ints[at++] = table.intern(x.kind);
      ints[at++] = table.intern(classOf(x.thing));
      ints[at++] = table.intern(x.thing);
      nums[v++] = x.value;
    }
    ints[h + E] = at;
  });
  return { table, n, ints, nums, bytes: ints.byteLength + nums.byteLength };
}

/** The members as they were packed (what a join needs to write the story's `recent` again). */
export function unpackMembers(p: PackedMembers): TimedMatch[] {
  const { ints, nums, table } = p;
  const strings = (from: number, to: number) => Array.from(ints.subarray(from, to), (id) => table.word(id));
  const out: TimedMatch[] = [];
  for (let i = 0; i < p.n; i++) {
    const h = i * HEAD;
    const quotes: Array<{ words: string }> = [];
    for (let k = ints[h + Q]!; k < ints[h + F]!; k += ints[k]! + 1) quotes.push({ words: strings(k + 1, k + 1 + ints[k]!).join(" ") });
    const figures: Array<{ kind: string; thing: string; value: number }> = [];
    for (let k = ints[h + F]!, v = ints[h + V]!; k < ints[h + E]!; k += FIG, v++) figures.push({ kind: table.word(ints[k]!), thing: table.word(ints[k + 2]!), value: nums[v]! });
    out.push({
      words: strings(ints[h + W]!, ints[h + P]!),
      people: strings(ints[h + P]!, ints[h + L]!),
      places: strings(ints[h + L]!, ints[h + Q]!),
      quotes,
      figures,
      time: nums[i]!,
    });
  }
  return out;
}

/**
 * A candidate story with its newest members packed, or parsed (chooseStory's StoryCandidate): a store
 * scores a story it meets the first time from the parsed row and packs it only when it meets it again.
 */
export interface PackedCandidate {
  id: string;
  firstTime: number;
  lastTime: number;
  members: PackedMembers | readonly MatchFeatures[];
}

const isPacked = (m: PackedCandidate["members"]): m is PackedMembers => !Array.isArray(m);

/** The joining article in a table's ids (a string not in the table matches no member: -1 or left out). */
interface Probe {
  nWords: number;
  words: Set<number>;
  people: Set<number>;
  places: Set<number>;
  figures: Array<{ kind: number; cls: number; value: number; kindName: string }>;
  /** Each quote's word ids, and where each id stands in it. */
  quotes: Array<{ ids: Int32Array; at: Map<number, number[]> }>;
}

function probeOf(f: MatchFeatures, table: WordIds): Probe {
  const ids = (xs: readonly string[]) => {
    const s = new Set<number>();
    for (const x of xs) {
      const id = table.find(x);
      if (id >= 0) s.add(id);
    }
    return s;
  };
  return {
    nWords: f.words.length,
    words: ids(f.words),
    people: ids(f.people),
    places: ids(f.places),
    figures: f.figures.map((x) => ({ kind: table.find(x.kind), cls: table.find(classOf(x.thing)), value: x.value, kindName: x.kind })),
    quotes: f.quotes.map((q) => {
      const w = Int32Array.from(q.words.split(" "), (x) => table.find(x));
      const at = new Map<number, number[]>();
      w.forEach((id, i) => (at.get(id) ?? at.set(id, []).get(id)!).push(i));
      return { ids: w, at };
    }),
  };
}

const SHINGLE = 5;

/**
 * sameQuoteWords over ids: a run of five words in common, or, when both are shorter than five words,
 * the same words (a quote's words are its text split on spaces, so equal ids are equal text).
 */
function quoteShares(a: Probe["quotes"][number], ints: Int32Array, from: number, len: number): boolean {
  const la = a.ids.length;
  if (len < SHINGLE || la < SHINGLE) {
    if (len !== la || len >= SHINGLE) return false;
    for (let k = 0; k < len; k++) if (a.ids[k] !== ints[from + k]) return false;
    return true;
  }
  for (let i = 0; i + SHINGLE <= len; i++) {
    const starts = a.at.get(ints[from + i]!);
    if (!starts) continue;
    next: for (const s of starts) {
      if (s + SHINGLE > la) continue;
      for (let k = 1; k < SHINGLE; k++) if (a.ids[s + k] !== ints[from + i + k]) continue next;
      return true;
    }
  }
  return false;
}

function countIn(set: Set<number>, ints: Int32Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (set.has(ints[k]!)) n++;
  return n;
}

/** scoreAbove (match.ts) of the article with packed member m: the same number, or -Infinity where it gives -Infinity. */
function scorePacked(a: Probe, aQuotes: number, p: PackedMembers, m: number, floor: number, threshold: number): number {
  const { ints, nums } = p;
  const h = m * HEAD;
  const nb = ints[h + P]! - ints[h + W]!;
  const dice = a.nWords + nb ? (2 * countIn(a.words, ints, ints[h + W]!, ints[h + P]!)) / (a.nWords + nb) : 0;
  let figures = 0;
  const f0 = ints[h + F]!, f1 = ints[h + E]!, v0 = ints[h + V]!;
  for (const fa of a.figures) {
    for (let k = f0, v = v0; k < f1; k += FIG, v++) {
      if (fa.kind === ints[k] && figureMatches(fa.value, nums[v]!, fa.kindName) && fa.cls === ints[k + 1]) {
        figures++;
        break;
      }
    }
  }
  const people = countIn(a.people, ints, ints[h + P]!, ints[h + L]!), places = countIn(a.places, ints, ints[h + L]!, ints[h + Q]!);
  const high = scoreOf(dice, 1, figures, people, places);
  if (!(high > floor && high >= threshold)) return -Infinity;
  const q0 = ints[h + Q]!;
  if (!aQuotes || q0 === f0) return scoreOf(dice, 0, figures, people, places);
  for (const qa of a.quotes) for (let k = q0; k < f0; k += ints[k]! + 1) if (quoteShares(qa, ints, k + 1, ints[k]!)) return high;
  return scoreOf(dice, 0, figures, people, places);
}

/** chooseStory over candidates packed or parsed: the same decision and score. */
export function choosePacked(f: StoryFeatures, candidates: readonly PackedCandidate[], opts: StoryOptions): StoryDecision {
  let best: StoryDecision = { join: null, score: 0 };
  // The article in each table's ids (one table, but a store may have made a new one since it packed a story).
  const probes = new Map<WordIds, Probe>();
  for (const c of candidates) {
    if (f.time > c.lastTime + opts.quietMs || f.time < c.firstTime - opts.quietMs) continue;
    const p = c.members;
    let s = 0;
    if (isPacked(p)) {
      let probe = probes.get(p.table);
      if (!probe) probes.set(p.table, (probe = probeOf(f, p.table)));
      for (let i = 0; i < p.n && i < opts.maxCompared; i++) s = Math.max(s, scorePacked(probe, f.quotes.length, p, i, Math.max(s, best.score), opts.threshold));
    } else {
      for (let i = 0; i < p.length && i < opts.maxCompared; i++) s = Math.max(s, scoreAbove(f, p[i]!, Math.max(s, best.score), opts.threshold));
    }
    if (s >= opts.threshold && s > best.score) best = { join: c.id, score: s };
  }
  return best;
}

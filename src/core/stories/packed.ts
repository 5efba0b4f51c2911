// A story's newest members packed for scoring: their words, people, places and figures as ids of a
// shared string table, in one Int32Array and one Float64Array per story, their quotes' text in a third
// typed array (quote-text.ts). Stores keep candidate stories this way rather than as parsed JSON: at
// 100,000 stored, the parsed `recent` held for the next decision (64 MB of JSON: tens of thousands of
// small strings, arrays and objects) was what the slow 1% of decisions spent collecting garbage on;
// typed arrays hold no pointers to trace.
// choosePacked gives chooseStory's decision, score for score, to the last bit.
import { figureMatches, runHashes, sameQuoteText, scoreAbove, scoreOf, type MatchFeatures, type StoryDecision } from "./match.js";
import { copiedUnits, quoteText, textUnits, type QuoteText } from "./quote-text.js";
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
  /** The string of an id as JSON (JSON.stringify of it, made once). */
  json(id: number): string;
}

export function createWordIds(): WordIds {
  const ids = new Map<string, number>();
  const words: string[] = [];
  const jsons: string[] = [];
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
    json: (id) => (jsons[id] ??= JSON.stringify(words[id]!)),
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
   * first figure value in `nums`); then the ids: words, people, places; quotes as (start and length
   * in `quotes`, number of runs, the hashes of its 5-word runs: runHashes); figures as (kind, thing
   * class, thing) triples.
   */
  readonly ints: Int32Array;
  /** Each member's time, then each figure's value. */
  readonly nums: Float64Array;
  /**
   * The members' quotes' text, one after another, as UTF-16 code units in a typed array (quote-text.ts):
   * quotes are not interned word by word (their words were most of the table and of the packing time);
   * scoring reads a quote's text (quoteText) only when one of its runs' hashes is one of the article's
   * (to confirm the run is the same).
   */
  readonly quotes: QuoteText;
  /** Every unit of `quotes` is below 128 (read back with the platform's decoder, not unit by unit). */
  readonly ascii: boolean;
  /** Bytes of the two arrays and the quotes' text. */
  readonly bytes: number;
}

/** All of a packed story's quote text, read once (a join's JSON and unpacking slice each quote from it). */
const allText = (p: PackedMembers) => quoteText(p.quotes, 0, p.quotes.length, p.ascii);

/** The class of what a figure counts ("troops" of "troops|dead"): what scoring compares. */
const classOf = (thing: string) => {
  const i = thing.indexOf("|");
  return i < 0 ? thing : thing.slice(0, i);
};

// The runs' hashes of the stories being packed, kept from one packing to the next (it only grows, to the
// most hashes one story had): a cold store packs every story it reads, and a new array each time, grown
// hash by hash, was most of what packing allocated (packMembers does not call itself, so one array serves).
const RUNS: number[] = [];

export function packMembers(members: readonly TimedMatch[], table: WordIds): PackedMembers {
  const n = members.length;
  // Sized first, then filled: no growing arrays to copy (a store packs every story it reads).
  let size = n * HEAD, values = n;
  // Each quote's number of runs, then its runs' hashes, in order, in the first `used` places of RUNS.
  const runs = RUNS;
  let used = 0;
  for (const m of members) {
    size += m.words.length + m.people.length + m.places.length + FIG * m.figures.length;
    for (const q of m.quotes) {
      const at = used++;
      runs[at] = 0; // in order, so the array never has a hole
      runs[at] = runHashes(q.words, runs, used);
      used += runs[at]!;
      size += 3 + runs[at]!;
    }
    values += m.figures.length;
  }
  let r = 0;
  const texts: string[] = [];
  let textAt = 0;
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
    for (const q of m.quotes) {
      ints[at++] = textAt;
      ints[at++] = q.words.length;
      textAt += q.words.length;
      texts.push(q.words);
      const nr = runs[r++]!;
      ints[at++] = nr;
      for (let j = 0; j < nr; j++) ints[at++] = runs[r++]!;
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
  // A byte a unit when the text allows (counting two for every character, the cache of a 100,000-article
  // store held about two thirds of the stories it was given room for).
  const { units: quotes, ascii: isAscii } = textUnits(texts, textAt);
  return { table, n, ints, nums, quotes, ascii: isAscii, bytes: ints.byteLength + nums.byteLength + quotes.byteLength };
}

/**
 * `p`'s members with `m` put in at `at` (0 to p.n), the first `keep` of them: what packMembers makes
 * of that list with p's table, array for array, without packing p's members again. A join puts its
 * article into the story this way: packing the whole story anew (interning each string, hashing each
 * quote) when it was next met cost as much as the rest of the join's scoring.
 */
export function withMember(p: PackedMembers, m: TimedMatch, at: number, keep: number): PackedMembers {
  const one = packMembers([m], p.table);
  const order: Array<[PackedMembers, number]> = [];
  for (let i = 0; i < at && i < p.n; i++) order.push([p, i]);
  order.push([one, 0]);
  for (let i = at; i < p.n; i++) order.push([p, i]);
  order.length = Math.min(order.length, keep);
  const n = order.length;
  let size = n * HEAD, values = n;
  for (const [src, i] of order) {
    const h = i * HEAD;
    size += src.ints[h + E]! - src.ints[h + W]!;
    values += (src.ints[h + E]! - src.ints[h + F]!) / FIG;
  }
  const ints = new Int32Array(size), nums = new Float64Array(values);
  const texts: Array<{ from: QuoteText; start: number; end: number; ascii: boolean }> = [];
  let to = n * HEAD, v = n, textAt = 0;
  order.forEach(([src, i], j) => {
    const h = i * HEAD, d = j * HEAD, si = src.ints;
    const from = si[h + W]!, end = si[h + E]!, shift = to - from;
    for (const k of [W, P, L, Q, F, E] as const) ints[d + k] = si[h + k]! + shift;
    ints[d + V] = v;
    ints.set(si.subarray(from, end), to);
    nums[j] = src.nums[i]!;
    const nf = (end - si[h + F]!) / FIG;
    nums.set(src.nums.subarray(si[h + V]!, si[h + V]! + nf), v);
    v += nf;
    // The member's quotes are one stretch of src.quotes: copied, and their starts moved with it.
    const q0 = ints[d + Q]!, q1 = ints[d + F]!;
    if (q0 < q1) {
      const first = ints[q0]!;
      let last = first;
      for (let k = q0; k < q1; k += 3 + ints[k + 2]!) {
        last = ints[k]! + ints[k + 1]!;
        ints[k] = ints[k]! - first + textAt;
      }
      texts.push({ from: src.quotes, start: first, end: last, ascii: src.ascii });
      textAt += last - first;
    }
    to += end - from;
  });
  const { units: quotes, ascii: isAscii } = copiedUnits(texts, textAt);
  return { table: p.table, n, ints, nums, quotes, ascii: isAscii, bytes: ints.byteLength + nums.byteLength + quotes.byteLength };
}

/**
 * The members as JSON, text for text what JSON.stringify(unpackMembers(p)) gives, without making them:
 * a join writes its story's `recent` this way (each string's JSON is kept by the table).
 */
export function packedJson(p: PackedMembers): string {
  const { ints, nums, table } = p;
  const text = allText(p);
  const out: string[] = [];
  const list = (from: number, to: number) => {
    const xs: string[] = [];
    for (let k = from; k < to; k++) xs.push(table.json(ints[k]!));
    return xs.join(",");
  };
  for (let i = 0; i < p.n; i++) {
    const h = i * HEAD;
    const quotes: string[] = [];
    for (let k = ints[h + Q]!; k < ints[h + F]!; k += 3 + ints[k + 2]!) quotes.push(`{"words":${JSON.stringify(text.slice(ints[k]!, ints[k]! + ints[k + 1]!))}}`);
    const figures: string[] = [];
    for (let k = ints[h + F]!, v = ints[h + V]!; k < ints[h + E]!; k += FIG, v++) {
      figures.push(`{"kind":${table.json(ints[k]!)},"thing":${table.json(ints[k + 2]!)},"value":${JSON.stringify(nums[v]!)}}`);
    }
    out.push(
      `{"words":[${list(ints[h + W]!, ints[h + P]!)}],"people":[${list(ints[h + P]!, ints[h + L]!)}],"places":[${list(ints[h + L]!, ints[h + Q]!)}],` +
        `"quotes":[${quotes.join(",")}],"figures":[${figures.join(",")}],"time":${JSON.stringify(nums[i]!)}}`,
    );
  }
  return `[${out.join(",")}]`;
}

/** The members as they were packed (what a join needs to write the story's `recent` again). */
export function unpackMembers(p: PackedMembers): TimedMatch[] {
  const { ints, nums, table } = p;
  const text = allText(p);
  const strings = (from: number, to: number) => Array.from(ints.subarray(from, to), (id) => table.word(id));
  const out: TimedMatch[] = [];
  for (let i = 0; i < p.n; i++) {
    const h = i * HEAD;
    const quotes: Array<{ words: string }> = [];
    for (let k = ints[h + Q]!; k < ints[h + F]!; k += 3 + ints[k + 2]!) quotes.push({ words: text.slice(ints[k]!, ints[k]! + ints[k + 1]!) });
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
 * A candidate story with its newest members packed, or parsed (chooseStory's StoryCandidate): stores
 * hand out packed stories; the parsed form scores the same (the tests hold the two to each other).
 */
export interface PackedCandidate {
  id: string;
  firstTime: number;
  lastTime: number;
  members: PackedMembers | readonly MatchFeatures[];
}

const isPacked = (m: PackedCandidate["members"]): m is PackedMembers => !Array.isArray(m);

/**
 * The joining article in a table's ids (a string not in the table matches no member: left out). Its
 * words, people and places are read through `marks` while its table's members are scored (mark).
 */
interface Probe {
  nWords: number;
  /** Ids of its words, people and places (each once per list). */
  ids: { words: number[]; people: number[]; places: number[] };
  figures: Array<{ kind: number; cls: number; value: number; kindName: string }>;
  /** The hashes of its quotes' runs. */
  runs: Set<number>;
}

function probeOf(f: MatchFeatures, table: WordIds): Probe {
  const ids = (xs: readonly string[]) => {
    const out: number[] = [];
    for (const x of xs) {
      const id = table.find(x);
      if (id >= 0) out.push(id);
    }
    return out;
  };
  return {
    nWords: f.words.length,
    ids: { words: ids(f.words), people: ids(f.people), places: ids(f.places) },
    figures: f.figures.map((x) => ({ kind: table.find(x.kind), cls: table.find(classOf(x.thing)), value: x.value, kindName: x.kind })),
    runs: new Set(f.quotes.flatMap((q) => {
      const out: number[] = [];
      runHashes(q.words, out);
      return out;
    })),
  };
}

// One probe's words, people and places as bits by id (a member's ids are looked up by index, not in a
// Set: scoring reads about 40 ids of each of a decision's 70-odd members). Kept between decisions and
// cleared id by id; only choosePacked sets them, and clears them before it returns or throws.
const WORD = 1, PERSON = 2, PLACE = 4;
let marks = new Uint8Array(1 << 12);

/** Marks the probe's ids (`size`: its table's, so that every member id has a place). */
function mark(probe: Probe, size: number): void {
  if (marks.length < size) marks = new Uint8Array(Math.max(size, 2 * marks.length));
  for (const id of probe.ids.words) marks[id] = marks[id]! | WORD;
  for (const id of probe.ids.people) marks[id] = marks[id]! | PERSON;
  for (const id of probe.ids.places) marks[id] = marks[id]! | PLACE;
}

/** Clears what mark(probe) set. */
function unmark(probe: Probe): void {
  for (const list of [probe.ids.words, probe.ids.people, probe.ids.places]) for (const id of list) marks[id] = 0;
}

/** How many of ints[from..to) are marked with `bit`. */
function countMarked(bit: number, ints: Int32Array, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) if (marks[ints[k]!]! & bit) n++;
  return n;
}

/** scoreAbove (match.ts) of the article with packed member m: the same number, or -Infinity where it gives -Infinity. */
function scorePacked(a: Probe, aQuotes: MatchFeatures["quotes"], p: PackedMembers, m: number, floor: number, threshold: number): number {
  const { ints, nums } = p;
  const h = m * HEAD;
  const nb = ints[h + P]! - ints[h + W]!;
  const dice = a.nWords + nb ? (2 * countMarked(WORD, ints, ints[h + W]!, ints[h + P]!)) / (a.nWords + nb) : 0;
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
  const people = countMarked(PERSON, ints, ints[h + P]!, ints[h + L]!), places = countMarked(PLACE, ints, ints[h + L]!, ints[h + Q]!);
  const high = scoreOf(dice, 1, figures, people, places);
  if (!(high > floor && high >= threshold)) return -Infinity;
  const q0 = ints[h + Q]!;
  if (!aQuotes.length || q0 === f0) return scoreOf(dice, 0, figures, people, places);
  for (let k = q0; k < f0; k += 3 + ints[k + 2]!) {
    let hit = false;
    for (let j = k + 3, e = k + 3 + ints[k + 2]!; j < e && !hit; j++) hit = a.runs.has(ints[j]!);
    if (!hit) continue;
    // A hash in common: the same run, or (rarely) two runs with one hash; the text tells.
    const text = quoteText(p.quotes, ints[k]!, ints[k + 1]!, p.ascii);
    for (const qa of aQuotes) if (sameQuoteText(qa, text)) return high;
  }
  return scoreOf(dice, 0, figures, people, places);
}

/** chooseStory over candidates packed or parsed: the same decision and score. */
export function choosePacked(f: StoryFeatures, candidates: readonly PackedCandidate[], opts: StoryOptions): StoryDecision {
  let best: StoryDecision = { join: null, score: 0 };
  // The article in each table's ids (one table, but a store may have made a new one since it packed a story).
  const probes = new Map<WordIds, Probe>();
  let marked: Probe | undefined;
  try {
    for (const c of candidates) {
      if (f.time > c.lastTime + opts.quietMs || f.time < c.firstTime - opts.quietMs) continue;
      const p = c.members;
      let s = 0;
      if (isPacked(p)) {
        let probe = probes.get(p.table);
        if (!probe) probes.set(p.table, (probe = probeOf(f, p.table)));
        if (marked !== probe) {
          if (marked) unmark(marked);
          mark((marked = probe), p.table.size);
        }
        for (let i = 0; i < p.n && i < opts.maxCompared; i++) s = Math.max(s, scorePacked(probe, f.quotes, p, i, Math.max(s, best.score), opts.threshold));
      } else {
        for (let i = 0; i < p.length && i < opts.maxCompared; i++) s = Math.max(s, scoreAbove(f, p[i]!, Math.max(s, best.score), opts.threshold));
      }
      if (s >= opts.threshold && s > best.score) best = { join: c.id, score: s };
    }
  } finally {
    if (marked) unmark(marked);
  }
  return best;
}

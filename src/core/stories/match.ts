// Does an article belong to a story? A score from what it shares with the story's articles:
// quoted words, figures, people, places, and the words of title and lead; none beyond the quiet period.
import type { FigureSig, QuoteSig, StoryFeatures, StoryOptions } from "./types.js";

/**
 * What scoring reads of a story's member: stores keep this (not the whole features) for a story's
 * newest members, so that a candidate story is a small row to read and rewrite. StoryFeatures is one.
 */
export interface MatchFeatures {
  words: string[];
  people: string[];
  places: string[];
  quotes: ReadonlyArray<Pick<QuoteSig, "words">>;
  figures: ReadonlyArray<Pick<FigureSig, "kind" | "thing" | "value">>;
}

/** The part of an article's features that scoring reads (pairScore gives the same with either). */
export function matchFeatures(f: StoryFeatures): MatchFeatures {
  return {
    words: f.words,
    people: f.people,
    places: f.places,
    quotes: f.quotes.map((q) => ({ words: q.words })),
    figures: f.figures.map((x) => ({ kind: x.kind, thing: x.thing, value: x.value })),
  };
}

type Quote = Pick<QuoteSig, "words">;
type Figure = Pick<FigureSig, "kind" | "thing" | "value">;

// Weights of the signals (fitted by hand on test/fixtures/stories; see docs/stories.md).
export const STORY_WEIGHTS = {
  words: 3,
  quote: 1.5,
  figure: 0.6,
  person: 0.6,
  place: 0.3,
} as const;

const SHINGLE = 5;

interface Runs {
  words: string[];
  /** The quote's 5-word runs (the whole quote when shorter). */
  runs: Set<string>;
}

function runsOf(words: string[], text: string): Runs {
  const runs = new Set<string>();
  for (let i = 0; i + SHINGLE <= words.length; i++) runs.add(words.slice(i, i + SHINGLE).join(" "));
  if (words.length < SHINGLE) runs.add(text);
  return { words, runs };
}

// Made once per quote: an article's quotes are compared with every member of every candidate
// story, and a story's newest members with every article that may join it.
const wordsCache = new WeakMap<Quote, string[]>();
const runsCache = new WeakMap<Quote, Runs>();
function wordsOf(q: Quote): string[] {
  let w = wordsCache.get(q);
  if (!w) wordsCache.set(q, (w = q.words.split(" ")));
  return w;
}
function shinglesOf(q: Quote): Runs {
  let r = runsCache.get(q);
  if (!r) runsCache.set(q, (r = runsOf(wordsOf(q), q.words)));
  return r;
}

/** Hashes of the words of `text` split on spaces (as `split(" ")`: empty words too) in `wordHash`, where each ends in `wordEnd`; returns how many. */
const wordHash: number[] = [];
const wordEnd: number[] = [];
function hashWords(text: string): number {
  let n = 0, h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      wordEnd[n] = i;
      wordHash[n++] = h;
      h = 0x811c9dc5;
    } else h = Math.imul(h ^ c, 0x01000193);
  }
  wordEnd[n] = text.length;
  wordHash[n++] = h;
  return n;
}

/** The hash of the run of `len` words from word `i` (of the last hashWords). */
function runHash(i: number, len: number): number {
  let r = len;
  for (let k = 0; k < len; k++) {
    r = Math.imul(r ^ wordHash[i + k]!, 0x5bd1e995);
    r ^= r >>> 15;
  }
  return r;
}

/**
 * Hashes of a quote's runs as runsOf makes them (each run of five words, or the whole quote when
 * shorter), written to `out` from index `at` (its end by default: pushed); returns how many. Equal runs
 * have equal hashes (the same words, the same count), so two quotes share a run only if they share a
 * hash. No string is made.
 */
export function runHashes(text: string, out: number[], at = out.length): number {
  const n = hashWords(text);
  if (n < SHINGLE) {
    out[at] = runHash(0, n);
    return 1;
  }
  for (let i = 0; i + SHINGLE <= n; i++) out[at + i] = runHash(i, SHINGLE);
  return n - SHINGLE + 1;
}

// A quote's runs' hashes, made once per quote (kept for a quote as its runs are): a joining article's
// quotes are compared with each member's, and a member's with each of the article's.
const hashLists = new WeakMap<Quote, Int32Array>();
const hashSets = new WeakMap<Quote, Set<number>>();
const scratch: number[] = [];
function hashesOf(q: Quote): Int32Array {
  let h = hashLists.get(q);
  if (!h) {
    scratch.length = 0;
    runHashes(q.words, scratch);
    hashLists.set(q, (h = Int32Array.from(scratch)));
  }
  return h;
}
function hashSetOf(q: Quote): Set<number> {
  let s = hashSets.get(q);
  if (!s) hashSets.set(q, (s = new Set(hashesOf(q))));
  return s;
}

/** A run of b with its hash in `set`, among the runs of `a` (both as strings: the text tells two runs with one hash apart). */
function runInCommon(a: Quote, b: Quote, set: Set<number>): boolean {
  const hb = hashesOf(b);
  let n = -1;
  for (let i = 0; i < hb.length; i++) {
    if (!set.has(hb[i]!)) continue;
    // Run i of b is its words i to i + 4 as split on spaces (b whole when shorter): its text runs from
    // word i's start to word i + 4's end (b's words are found once, at the first hash in common).
    if (n < 0) n = hashWords(b.words);
    const text = n < SHINGLE ? b.words : b.words.slice(i ? wordEnd[i - 1]! + 1 : 0, wordEnd[i + SHINGLE - 1]!);
    if (shinglesOf(a).runs.has(text)) return true;
  }
  return false;
}

/**
 * Two quotes share a run of words (outlets quote different stretches of one statement): symmetric.
 * Compared by the hashes of their runs, each quote's made once; only a run whose hash is one of the
 * other's is cut out of its text and looked up among the other's runs (made as strings for the quote
 * that has them already: one article compared with many). At 100,000 stored, a join's speaker checks
 * and the scoring of stories met the first time made about a million comparisons per 3,000 decisions,
 * under 1% of them true, and splitting a member's quote (often building its runs) for each was most
 * of their time.
 */
export function sameQuoteWords(a: Quote, b: Quote): boolean {
  // The same text has its runs in common (a quote has at least one run: itself when short), and
  // retellings often carry a quote word for word.
  if (a.words === b.words) return true;
  // The Set (and, on a hash in common, the runs as strings) of the quote met before: the article's.
  if (!hashSets.has(a) && (hashSets.has(b) || (!hashLists.has(a) && hashLists.has(b)))) [a, b] = [b, a];
  return runInCommon(a, b, hashSetOf(a));
}

// A list of quotes' runs' hashes, each with the places of the quotes that have it (a bit each, the first
// 31): kept for the list, as its quotes' hashes are.
const maskMaps = new WeakMap<ReadonlyArray<Quote>, Map<number, number>>();
function masksOf(qs: ReadonlyArray<Quote>): Map<number, number> {
  let m = maskMaps.get(qs);
  if (!m) {
    const made = new Map<number, number>();
    qs.forEach((q, i) => {
      if (i < 31) for (const h of hashesOf(q)) made.set(h, (made.get(h) ?? 0) | (1 << i));
    });
    maskMaps.set(qs, (m = made));
  }
  return m;
}

/**
 * sameQuoteWords(a[i], b[j]) for the quotes of two articles, as a function of (i, j): the runs of each
 * quote of one list are hashed once and looked up once, and a pair sharing no run's hash is answered
 * false without comparing it (a speaker check compares every quote given to a person in one article
 * with every quote of the other: at 100,000 stored, a dozen comparisons per pair of articles, most of
 * them false). The hashes of the list met before are kept (a joining article's, against each member's).
 */
export function quoteRelation(a: ReadonlyArray<Quote>, b: ReadonlyArray<Quote>): (i: number, j: number) => boolean {
  // Neither met before: both kept (which is met again is not knowable here).
  if (!maskMaps.has(a) && !maskMaps.has(b)) {
    masksOf(a);
    masksOf(b);
  }
  const flip = !maskMaps.has(a);
  const x = flip ? b : a, y = flip ? a : b;
  const mx = masksOf(x);
  const cand = new Int32Array(y.length);
  y.forEach((q, j) => {
    scratch.length = 0;
    const n = runHashes(q.words, scratch);
    let bits = 0;
    for (let k = 0; k < n; k++) bits |= mx.get(scratch[k]!) ?? 0;
    cand[j] = bits;
  });
  const rel = (ix: number, jy: number) => (ix >= 31 || ((cand[jy]! >>> ix) & 1) === 1) && sameQuoteWords(x[ix]!, y[jy]!);
  return flip ? (i, j) => rel(j, i) : rel;
}

// All the runs' hashes of a list of quotes (an article's, compared with each member's).
const listSets = new WeakMap<ReadonlyArray<Quote>, Set<number>>();
function hashSetOfAll(qs: ReadonlyArray<Quote>): Set<number> {
  let s = listSets.get(qs);
  if (!s) {
    s = new Set();
    for (const q of qs) for (const h of hashesOf(q)) s.add(h);
    listSets.set(qs, s);
  }
  return s;
}

/**
 * Some quote of `a` shares a run with some quote of `b` (symmetric): a quote of b none of whose runs'
 * hashes is one of a's shares none. The hashes of all of a list's quotes are kept for the list met
 * before (a joining article's, compared with each member's).
 */
export function quotesShare(a: ReadonlyArray<Quote>, b: ReadonlyArray<Quote>): boolean {
  if (!a.length || !b.length) return false;
  if (!listSets.has(a)) {
    if (listSets.has(b)) [a, b] = [b, a];
    // Neither met before: both kept, so that whichever is met again (not knowable here) has its Set.
    else hashSetOfAll(b);
  }
  const all = hashSetOfAll(a);
  for (const qb of b) {
    // Hashed in place, not kept: b is most often a member met once here.
    scratch.length = 0;
    const n = runHashes(qb.words, scratch);
    let hit = false;
    for (let i = 0; i < n && !hit; i++) hit = all.has(scratch[i]!);
    if (hit && a.some((qa) => sameQuoteWords(qa, qb))) return true;
  }
  return false;
}

/**
 * sameQuoteWords of the quote `a` and a quote given as its text (a packed story's member): nothing of
 * `b` is kept (no object to cache it on).
 */
export function sameQuoteText(a: Quote, b: string): boolean {
  const sa = shinglesOf(a);
  // Fewer than five words (four spaces): b whole, as sameQuoteWords.
  let spaces = 0;
  for (let i = b.indexOf(" "); i >= 0 && spaces < SHINGLE - 1; i = b.indexOf(" ", i + 1)) spaces++;
  if (spaces < SHINGLE - 1) return sa.runs.has(b);
  // Runs of `a` found in the text of `b` where words start and end (a space or an end on each side):
  // the runs of b, without splitting it into words (it is split for nothing most times). A quote of
  // `a` shorter than a run has no run of five words (its one "run" is itself).
  if (sa.words.length < SHINGLE) return false;
  for (const r of sa.runs) {
    for (let p = b.indexOf(r); p >= 0; p = b.indexOf(r, p + 1)) {
      if ((p === 0 || b.charCodeAt(p - 1) === 32) && (p + r.length === b.length || b.charCodeAt(p + r.length) === 32)) return true;
    }
  }
  return false;
}

// A Set of a list, made once: an article's lists are compared with every candidate member.
const sets = new WeakMap<readonly string[], Set<string>>();
function setOf(a: readonly string[]): Set<string> {
  let s = sets.get(a);
  if (!s) sets.set(a, (s = new Set(a)));
  return s;
}

/**
 * Items of `b` in `a` (the lists of features hold each item once, so the count is symmetric). The Set
 * is always of `a`, the joining article's list (chooseStory passes it first), never of a member's: a
 * Set of each member's list lived as long as the stores kept the member parsed (at 100,000 stored,
 * about 60 MB more heap and a tenth more collections while deciding).
 */
function common(a: readonly string[], b: readonly string[]): number {
  const s = setOf(a);
  let n = 0;
  for (const x of b) if (s.has(x)) n++;
  return n;
}

/** The class of what a figure counts, without its event ("troops" of "troops|dead"): compared in place. */
function sameThingClass(a: string, b: string): boolean {
  const ia = a.indexOf("|"), ib = b.indexOf("|");
  const la = ia < 0 ? a.length : ia;
  if (la !== (ib < 0 ? b.length : ib)) return false;
  for (let i = 0; i < la; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

/** The values of two figures of one kind are the same (within half a percent), and the article's (`a`) is no small count. */
export const figureMatches = (a: number, b: number, aKind: string) => Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), 1) && (a >= 10 || aKind !== "count");

// The cheap tests first; no string is made (this runs for every figure pair of every candidate member).
const sameFigure = (a: Figure, b: Figure) => a.kind === b.kind && figureMatches(a.value, b.value, a.kind) && sameThingClass(a.thing, b.thing);

/** The score from its parts, added in one order (so that a score with and without a shared quote is exact; packed.ts adds the same way). */
export function scoreOf(dice: number, quote: number, figures: number, people: number, places: number): number {
  const w = STORY_WEIGHTS;
  return w.words * dice + w.quote * quote + w.figure * Math.min(figures, 3) + w.person * Math.min(people, 3) + w.place * Math.min(places, 2);
}

/**
 * pairScore, with the quote comparison (the dearest part) made only when the score with a shared
 * quote would be above `floor` and at least `threshold`; -Infinity when it would not (the score then
 * cannot matter to the caller). A score given is pairScore's to the last bit.
 */
export function scoreAbove(a: MatchFeatures, b: MatchFeatures, floor: number, threshold: number): number {
  const dice = a.words.length + b.words.length ? (2 * common(a.words, b.words)) / (a.words.length + b.words.length) : 0;
  let figures = 0;
  for (const fa of a.figures) {
    for (const fb of b.figures) {
      if (sameFigure(fa, fb)) {
        figures++;
        break;
      }
    }
  }
  const people = common(a.people, b.people), places = common(a.places, b.places);
  const high = scoreOf(dice, 1, figures, people, places);
  if (!(high > floor && high >= threshold)) return -Infinity;
  return quotesShare(a.quotes, b.quotes) ? high : scoreOf(dice, 0, figures, people, places);
}

/** How strongly two articles look like one event (0 = nothing shared). */
export function pairScore(a: MatchFeatures, b: MatchFeatures): number {
  return scoreAbove(a, b, -Infinity, -Infinity);
}

/** A story as candidates for joining are given: its newest articles, and its time span. */
export interface StoryCandidate {
  id: string;
  firstTime: number;
  lastTime: number;
  /** The story's articles that the new one is compared with (newest first). */
  members: readonly MatchFeatures[];
}

export type StoryDecision = { join: string; score: number } | { join: null; score: number };

/** The story an article joins (the best score at or above the threshold), or none: it starts one. */
export function chooseStory(f: StoryFeatures, candidates: readonly StoryCandidate[], opts: StoryOptions): StoryDecision {
  let best: StoryDecision = { join: null, score: 0 };
  for (const c of candidates) {
    if (f.time > c.lastTime + opts.quietMs || f.time < c.firstTime - opts.quietMs) continue;
    let s = 0;
    // A member's score counts only when it can beat the story's best so far, the best story so far
    // and the threshold: its quotes are compared only then (the same choice, with less work).
    for (let i = 0; i < c.members.length && i < opts.maxCompared; i++) s = Math.max(s, scoreAbove(f, c.members[i]!, Math.max(s, best.score), opts.threshold));
    if (s >= opts.threshold && s > best.score) best = { join: c.id, score: s };
  }
  return best;
}

/** Keys a store indexes stories by, so that candidates are found by look-up, not by a scan. */
// At most this many of each kind, most important first (cards list entities and figures that way):
// each key is one indexed look-up per article.
const MAX_KEYS = { people: 5, places: 3, figures: 4, words: 4 } as const;

export function storyKeys(f: StoryFeatures): string[] {
  const keys = new Set<string>();
  for (const p of f.people.slice(0, MAX_KEYS.people)) keys.add(`p:${p}`);
  for (const p of f.places.slice(0, MAX_KEYS.places)) keys.add(`l:${p}`);
  for (const x of f.figures.filter((y) => y.value >= 10 || y.kind !== "count").slice(0, MAX_KEYS.figures)) keys.add(`f:${x.kind}:${x.value}`);
  // The title's longest words: rarer than short ones, and shared by most retellings.
  const titleWords = f.words.slice(0, 12).filter((w) => w.length >= 5).sort((a, b) => b.length - a.length).slice(0, MAX_KEYS.words);
  for (const w of titleWords) keys.add(`w:${w}`);
  return [...keys];
}

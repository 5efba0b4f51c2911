// Figures found in the store -> one series: the same thing counted (kind and unit alike, and what
// it counts named by the question), in articles sharing a topic, one point per article, oldest first.
// Pure: the store look-up is in find.ts.
import { stem, type Figure } from "../core/index.js";
import type { SeriesHit } from "../store/index.js";
import { tokens } from "../ask/words.js";
import type { TrendPoint, TrendSeries } from "./types.js";

export interface SeriesQuery {
  what: string;
  /** The words typed, each with the words an article may use instead (itself first). */
  words: ReadonlyArray<readonly string[]>;
  /** The topic asked for (its forms), when one was. */
  topics?: readonly string[];
}

// Years and ranks are not amounts that move over time.
const SKIP_KINDS = new Set<Figure["kind"]>(["year", "ordinal"]);
/** Words before a bare number that may name what it counts ("the death toll rose to 14"). */
const CONTEXT_WORDS = 8;

/** How well the figure's own words (unit, what it counts) name what was asked: typed words count double. */
function named(f: Figure, q: SeriesQuery): number {
  let own = tokens(`${f.unit ?? ""} ${f.about ?? ""}`).map(stem);
  if (!f.unit) {
    // A bare number: what it counts is in the words just before it.
    const at = f.sentence.indexOf(f.text);
    own = at < 0 ? [] : tokens(f.sentence.slice(0, at)).slice(-CONTEXT_WORDS).map(stem);
  }
  const have = new Set(own);
  let score = 0;
  for (const alts of q.words) {
    if (have.has(stem(alts[0]!))) score += 2;
    else if (alts.slice(1).some((a) => have.has(stem(a)))) score += 1;
  }
  return score;
}

/** Figures of different kinds or units never share a series. */
function unitKey(f: Figure, q: SeriesQuery): string {
  if (f.kind === "money") return `money|${f.currency ?? f.unit ?? ""}`;
  if (f.unit) return `${f.kind}|${stem(f.unit.toLowerCase())}`;
  // A bare number: keyed by the asked word that names it, so "14" after "toll" and "9" after "hectares" stay apart.
  const at = f.sentence.indexOf(f.text);
  const before = new Set(tokens(f.sentence.slice(0, Math.max(0, at))).slice(-CONTEXT_WORDS).map(stem));
  const word = q.words.find((alts) => alts.some((a) => before.has(stem(a))));
  return `${f.kind}||${word?.[0] ?? ""}`;
}

interface Candidate {
  hit: SeriesHit;
  score: number;
}

/** The topic most of the candidates' articles carry (ties: the more prominent in their cards, then by name). */
function sharedTopic(cands: Candidate[]): string | null {
  const seen = new Map<string, Map<string, number>>(); // topic -> article -> position in its card
  for (const c of cands) c.hit.topics.forEach((t, i) => (seen.get(t) ?? seen.set(t, new Map()).get(t)!).set(c.hit.article.id, i));
  const ranked = [...seen].map(([t, at]) => ({ t, n: at.size, pos: [...at.values()].reduce((a, b) => a + b, 0) / at.size }));
  ranked.sort((a, b) => b.n - a.n || a.pos - b.pos || a.t.localeCompare(b.t));
  return ranked[0]?.t ?? null;
}

function pointOf(h: SeriesHit): TrendPoint {
  const f = h.figure;
  const p: TrendPoint = {
    value: f.value,
    qualifier: f.qualifier,
    text: f.text,
    sentence: f.sentence,
    article: { ...h.article },
    publishedAt: h.article.publishedAt ?? new Date(h.time).toISOString(),
  };
  if (f.valueMax !== undefined) p.valueMax = f.valueMax;
  return p;
}

/** The best series among the hits, or undefined when no figure counts what was asked. */
export function buildSeries(hits: readonly SeriesHit[], q: SeriesQuery): TrendSeries | undefined {
  const groups = new Map<string, Candidate[]>();
  const want = q.topics?.length ? new Set(q.topics) : undefined;
  for (const hit of hits) {
    if (SKIP_KINDS.has(hit.figure.kind)) continue;
    if (want && !hit.topics.some((t) => want.has(t))) continue;
    const score = named(hit.figure, q);
    if (score === 0) continue;
    const k = unitKey(hit.figure, q);
    (groups.get(k) ?? groups.set(k, []).get(k)!).push({ hit, score });
  }
  let best: { series: TrendSeries; rank: number[] } | undefined;
  for (const cands of groups.values()) {
    // Points share a topic: the one asked for, or the one most of these articles carry.
    const topic = want ? (q.topics![0] ?? null) : sharedTopic(cands);
    const kept = want || !topic ? cands : cands.filter((c) => c.hit.topics.includes(topic));
    // One point per article: the figure that names what was asked best, then the first in the text.
    const perArticle = new Map<string, Candidate>();
    for (const c of kept) {
      const had = perArticle.get(c.hit.article.id);
      if (!had || c.score > had.score || (c.score === had.score && c.hit.figure.start < had.hit.figure.start)) perArticle.set(c.hit.article.id, c);
    }
    const points = [...perArticle.values()].sort((a, b) => a.hit.time - b.hit.time || a.hit.article.id.localeCompare(b.hit.article.id));
    if (!points.length) continue;
    const first = points[0]!.hit.figure;
    const series: TrendSeries = {
      what: q.what,
      unit: first.kind === "money" ? (first.currency ?? first.unit) : first.unit,
      figureKind: first.kind,
      topic,
      series: points.map((c) => pointOf(c.hit)),
    };
    // Most articles first, then how well they name what was asked, then the most recent.
    const rank = [points.length, points.reduce((s, c) => s + c.score, 0) / points.length, points.at(-1)!.hit.time];
    if (!best || greater(rank, best.rank)) best = { series, rank };
  }
  return best?.series;
}

function greater(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

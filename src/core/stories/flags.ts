// Where the outlets of a story disagree: a figure counting the same thing with values apart by
// more than the margin, or the same quoted words given to different speakers. A later report that
// says the figure changed ("rose to", "now") is an update, not a disagreement.
import { quoteRelation } from "./match.js";
import type { FigureSig, StoryFeatures, StoryFlag, StoryOptions } from "./types.js";

// What a qualifier lets a value mean: "over 100,000" is anything from 100,000 up.
const QUALIFIERS: ReadonlyArray<[RegExp, (v: number) => [number, number]]> = [
  [/^(?:over|more than|above|at least|in excess of|upwards of|exceeding|no fewer than|no less than)$/, (v) => [v, Infinity]],
  [/^(?:nearly|almost|just under|close to|approaching|shy of)$/, (v) => [v * 0.85, v]],
  [/^(?:under|fewer than|less than|below|up to|as many as|at most|no more than)$/, (v) => [0, v]],
  [/^(?:about|around|roughly|approximately|some|an estimated|estimated|circa|nearly about|or so)$/, (v) => [v * 0.9, v * 1.1]],
];

/** The values a figure allows, from its qualifier or range. */
export function figureRange(f: FigureSig): [number, number] {
  if (f.valueMax !== undefined) return [f.value, f.valueMax];
  const q = f.qualifier?.toLowerCase().trim();
  if (q) for (const [re, range] of QUALIFIERS) if (re.test(q)) return range(f.value);
  return [f.value, f.value];
}

/** Two figures agree when the values they allow meet, within the margin. */
export function figuresAgree(a: FigureSig, b: FigureSig, margin: number): boolean {
  const [alo, ahi] = figureRange(a);
  const [blo, bhi] = figureRange(b);
  return alo <= bhi * (1 + margin) && blo <= ahi * (1 + margin);
}

/** Two figures count the same thing: same kind and unit, and the same event or shared words around them. */
export function sameThing(a: FigureSig, b: FigureSig): boolean {
  if (a.kind !== b.kind || a.thing !== b.thing) return false;
  return a.thing.includes("|") || a.context.some((w) => b.context.includes(w));
}

function figureFlags(early: StoryFeatures, late: StoryFeatures, margin: number): StoryFlag[] {
  const out: StoryFlag[] = [];
  const done = new Set<FigureSig>();
  for (const x of early.figures) {
    if (done.has(x)) continue;
    const l = late.figures.filter((y) => sameThing(x, y));
    if (!l.length) continue;
    const e = early.figures.filter((y) => l.some((z) => sameThing(y, z)));
    for (const y of e) done.add(y);
    if (e.some((a) => l.some((b) => figuresAgree(a, b, margin)))) continue;
    // The later report says the figure moved on: a change over time.
    if (late.time > early.time && l.some((y) => y.update)) continue;
    out.push({ kind: "figure", articles: [early.id, late.id], what: x.thing.replace("|", " "), values: [x.text, l[0]!.text] });
  }
  return out;
}

function speakerFlags(a: StoryFeatures, b: StoryFeatures): StoryFlag[] {
  const out: StoryFlag[] = [];
  if (!a.quotes.length || !b.quotes.length) return out;
  // sameQuoteWords of each pair, told at once for the many pairs that share no run (quoteRelation).
  const same = quoteRelation(a.quotes, b.quotes);
  a.quotes.forEach((qa, i) => {
    if (!qa.speaker) return;
    const j = b.quotes.findIndex((q, k) => q.speaker && q.speaker !== qa.speaker && same(i, k));
    // The same words given to someone else, when b does not also give them to a's speaker.
    if (j >= 0 && !b.quotes.some((q, k) => q.speaker === qa.speaker && same(i, k))) {
      const qb = b.quotes[j]!;
      out.push({ kind: "speaker", articles: [a.id, b.id], what: qa.words, values: [qa.speakerName ?? qa.speaker, qb.speakerName ?? qb.speaker!] });
    }
  });
  return out;
}

/** The disagreements between the articles of one story, between articles of different outlets. */
export function storyFlags(members: readonly StoryFeatures[], opts: Pick<StoryOptions, "figureMargin">): StoryFlag[] {
  const sorted = [...members].sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  const out: StoryFlag[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length; j++) {
      const a = sorted[i]!;
      const b = sorted[j]!;
      if (a.publisher && a.publisher === b.publisher) continue;
      for (const f of [...figureFlags(a, b, opts.figureMargin), ...speakerFlags(a, b)]) {
        const k = `${f.kind}|${f.what}|${f.articles.join("|")}`;
        if (!seen.has(k)) out.push(f), seen.add(k);
      }
    }
  }
  return out;
}

const byTime = (a: { time: number; id: string }, b: { time: number; id: string }) => a.time - b.time || (a.id < b.id ? -1 : 1);

/**
 * The flags between the joining article and each of `others` (the story's other newest members),
 * each pair ordered as storyFlags orders it. Stores append these to the story's flags when an
 * article joins; `others` may leave out members sharing no claim key with it (claimKeys): no flag
 * can come from them.
 */
export function joinFlags(joining: StoryFeatures, others: readonly StoryFeatures[], opts: Pick<StoryOptions, "figureMargin">): StoryFlag[] {
  // Only quotes given to a person can make a speaker flag, on either side (speakerFlags reads no other
  // quote): the joining article's others are left out, as stores leave out the members' (flagFeatures),
  // so that its quotes are not compared with every member's for nothing. Same flags, in the same order.
  const j = joining.quotes.every((q) => q.speaker) ? joining : { ...joining, quotes: joining.quotes.filter((q) => q.speaker) };
  return [...others]
    .filter((m) => m.id !== j.id)
    .sort(byTime)
    .flatMap((m) => storyFlags(byTime(m, j) < 0 ? [m, j] : [j, m], opts));
}

/**
 * A story's flags as storyFlags(members) gives them, from every flag joinFlags gave (oldest first)
 * and the members the flags are computed over (the newest): those between two of them, ordered by
 * their articles' times, figures before speakers. Flags are kept as rows appended on join and read
 * through this, so that a join never rewrites the story's flags.
 */
export function shownFlags(all: readonly StoryFlag[], members: ReadonlyArray<{ id: string; time: number }>): StoryFlag[] {
  const rank = new Map([...members].sort(byTime).map((m, i) => [m.id, i]));
  const order = (f: StoryFlag) => [rank.get(f.articles[0])!, rank.get(f.articles[1])!, f.kind === "figure" ? 0 : 1] as const;
  // Each flag once, as storyFlags gives it: a pair compared twice (a writer of an older version joining
  // while the pair waited to be settled by a newer one) leaves the same flag twice.
  const seen = new Set<string>();
  return all
    .filter((f) => rank.has(f.articles[0]) && rank.has(f.articles[1]))
    .filter((f) => {
      const k = `${f.kind}|${f.what}|${f.articles.join("|")}`;
      return !seen.has(k) && !!seen.add(k);
    })
    .sort((a, b) => {
      const x = order(a), y = order(b);
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
    });
}

/**
 * Keys of what an article claims that a flag could contradict: each figure's kind and thing
 * ("f:count|troops"), and "q" when it gives a quote to a named person. Two articles can only have a
 * flag between them when they share a key (sameThing needs the same kind and thing; a speaker flag,
 * a quote given to a person in each), so a store compares a joining article only with the members
 * sharing one. (One key for quotes rather than one per 5-word run: the runs were 60 index rows per
 * article, for the few articles that quote a person without sharing a figure.)
 */
export function claimKeys(f: Pick<StoryFeatures, "figures" | "quotes">): string[] {
  const keys = new Set<string>();
  for (const x of f.figures) keys.add(`f:${x.kind}|${x.thing}`);
  if (f.quotes.some((q) => q.speaker)) keys.add("q");
  return [...keys];
}

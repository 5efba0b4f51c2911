// npm run build && node dist/bench/fit-title.js [--one]   (--one: only each weight alone, the others at their defaults)
// Fits the title parameters (src/core/extract/summary/title.ts, DEFAULT_TITLE) on XSum's one-sentence
// references: every candidate run of every article is scored by ROUGE-1 once (and the run chosen, once
// more at each length it may be extended to: DEFAULT_TITLE.extendTo), then a grid search picks
// the weights on one half of the articles and reports them on the other half (and the other way round),
// so a weight that helps one half only shows up. Each fit is also scored on CNN/DM's articles against the
// headline in each article's address (url_slug), a second news style the weights were not fitted on.
// Reads ../shared at run time; nothing of it is stored.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { analyze } from "../src/core/index.js";
import { DEFAULT_TITLE, extend, titleCandidates, titleScore, type TitleCandidate, type TitleParams } from "../src/core/extract/summary/title.js";

type Rouge = { scoreOne(c: string[], r: string[]): { rouge1: { f: number } } };
interface Scored {
  c: TitleCandidate;
  r1: number;
  /** ROUGE-1 of the run extended to each length, made when first asked for. */
  extended: Map<number, number>;
}
interface Row {
  id: string;
  text: string;
  reference: string[];
  url_slug?: string;
}
interface Item {
  id: string;
  reference: string[];
  candidates: Scored[];
}
let rouge: Rouge;

const shared = join(__dirname, "..", "..", "..", "shared");
const file = join(shared, "eval", "summaries", "xsum_frank250.jsonl");
const cnndmFile = join(shared, "eval", "summaries", "cnndm_frank250.jsonl");

function pick(item: Item, p: TitleParams): number {
  let best: Scored | undefined;
  let bestScore = -Infinity;
  for (const x of item.candidates) {
    if (x.c.words.length > p.maxWords) continue;
    const s = titleScore(x.c, p);
    if (s > bestScore) (bestScore = s), (best = x);
  }
  if (!best) return 0;
  if (p.extendTo <= p.maxWords) return best.r1;
  let r1 = best.extended.get(p.extendTo);
  if (r1 === undefined) {
    r1 = rouge.scoreOne([extend(best.c, p.extendTo).join(" ")], item.reference).rouge1.f;
    best.extended.set(p.extendTo, r1);
  }
  return r1;
}

const mean = (xs: number[]) => (xs.length ? (100 * xs.reduce((a, b) => a + b, 0)) / xs.length : 0);
const score = (items: Item[], p: TitleParams) => mean(items.map((it) => pick(it, p)));

// Candidates are made once at the longest length, and a shorter limit keeps the runs that fit it.
const LONGEST = 20;
const GRID = {
  maxWords: [15, 16, 17, 18, 19, 20],
  extendTo: [17, 20, 24],
  functionWord: [0, 0.25, 0.5, 0.75, 1, 1.5],
  wholeSentence: [0, 0.5, 1, 2],
  positionDecay: [0, 0.05, 0.1, 0.2],
  perWord: [0, 0.1, 0.2, 0.4],
  eventDay: [0, 1, 2, 3],
  background: [0, 0.5, 1, 1.5, 2],
  leaning: [0, 1, 2, 3, 4, 6, 8, 12],
} as const;

function fit(items: Item[]): TitleParams {
  let best: TitleParams = { ...DEFAULT_TITLE };
  let bestScore = -1;
  for (const maxWords of GRID.maxWords)
  for (const extendTo of GRID.extendTo)
  for (const functionWord of GRID.functionWord)
    for (const wholeSentence of GRID.wholeSentence)
      for (const positionDecay of GRID.positionDecay)
        for (const perWord of GRID.perWord)
          for (const eventDay of GRID.eventDay)
          for (const background of GRID.background)
          for (const leaning of GRID.leaning) {
          const p = { ...DEFAULT_TITLE, maxWords, extendTo, functionWord, wholeSentence, positionDecay, perWord, eventDay, background, leaning };
          const s = score(items, p);
          if (s > bestScore) (bestScore = s), (best = p);
        }
  return best;
}

async function main(): Promise<void> {
  if (!existsSync(file)) {
    console.log(`fit-title: ${file} is absent (../shared beside the project); nothing to fit`);
    return;
  }
  rouge = (await import(pathToFileURL(join(shared, "tools", "rouge.mjs")).href)) as Rouge;
  const longest = Math.max(...GRID.extendTo);
  const load = (path: string, reference: (r: Row) => string[]): Item[] =>
    readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Row)
      .map((r) => ({
        id: r.id,
        reference: reference(r),
        candidates: titleCandidates(analyze(r.text), { maxWords: LONGEST, extendTo: longest }).map((c) => ({ c, r1: rouge.scoreOne([c.words.join(" ")], reference(r)).rouge1.f, extended: new Map() })),
      }));
  const items = load(file, (r) => r.reference);
  // CNN/DM's summaries are highlights; its titles are measured against the headline in the address.
  const headlines = existsSync(cnndmFile) ? load(cnndmFile, (r) => [r.url_slug ?? ""]).filter((it) => it.reference[0]) : [];
  const other = (p: TitleParams) => (headlines.length ? `; cnndm headlines ${score(headlines, p).toFixed(2)}` : "");
  const halves = [items.filter((_, i) => i % 2 === 0), items.filter((_, i) => i % 2 === 1)] as const;
  const oracle = mean(items.map((it) => Math.max(0, ...it.candidates.map((x) => x.r1))));
  console.log(`${items.length} articles, ${items.reduce((n, it) => n + it.candidates.length, 0)} candidates; oracle ROUGE-1 ${oracle.toFixed(2)}`);
  console.log(`defaults: all ${score(items, DEFAULT_TITLE).toFixed(2)}, halves ${score(halves[0], DEFAULT_TITLE).toFixed(2)} / ${score(halves[1], DEFAULT_TITLE).toFixed(2)}${other(DEFAULT_TITLE)}`);
  // One weight at a time, the others at their defaults: what each does on both halves.
  const firstHalf = [items.slice(0, items.length >> 1), items.slice(items.length >> 1)] as const;
  const one = (name: string, p: TitleParams) =>
    console.log(`${name}: all ${score(items, p).toFixed(2)}, halves ${score(halves[0], p).toFixed(2)} / ${score(halves[1], p).toFixed(2)}, first/second ${score(firstHalf[0], p).toFixed(2)} / ${score(firstHalf[1], p).toFixed(2)}${other(p)}`);
  for (const eventDay of GRID.eventDay) one(`eventDay ${eventDay}`, { ...DEFAULT_TITLE, eventDay });
  for (const background of GRID.background) one(`background ${background}`, { ...DEFAULT_TITLE, background });
  for (const leaning of GRID.leaning) one(`leaning ${leaning}`, { ...DEFAULT_TITLE, leaning });
  for (const anaphor of [0, 0.5, 1, 1.5, 2, 3]) one(`anaphor ${anaphor}`, { ...DEFAULT_TITLE, anaphor });
  if (process.argv.includes("--one")) return;
  for (const [a, b] of [[0, 1], [1, 0]] as const) {
    const p = fit(halves[a]);
    const { window: _w, minWords: _n, perfect: _p, ...w } = p;
    console.log(`fitted on half ${a}: ${JSON.stringify(w)} -> half ${a} ${score(halves[a], p).toFixed(2)}, half ${b} ${score(halves[b], p).toFixed(2)}${other(p)}`);
  }
  const all = fit(items);
  const { window: _w, minWords: _n, perfect: _p, ...w } = all;
  console.log(`fitted on all: ${JSON.stringify(w)} -> ${score(items, all).toFixed(2)}${other(all)}`);
}

void main();

// npm run build && node dist/bench/fit-speakers.js [--rounds N] [--only] [--show]
// Fits the salience weights of pronoun and description speakers (src/core/extract/speakers/coref.ts,
// SALIENCE) on the PolNeAR train articles whose speakers are resolved by hand, and reports the same
// weights on the dev articles, which the fit never sees. Coordinate descent: each weight in turn tries
// a few steps up and down and keeps the best on train if it wins at least MIN_GAIN more right answers;
// rounds until nothing moves. A weight is printed
// with its train and dev accuracy, so a change that lifts one set only shows up.
// Reads ../shared at run time; nothing of it is stored. --only: score the current weights, fit nothing.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../src/core/index.js";
import { extractEntities, type EntityIndex } from "../src/core/extract/entities.js";
import { extractQuotes } from "../src/core/extract/quotes.js";
import { SALIENCE, type Salience } from "../src/core/extract/speakers/coref.js";
import type { Doc } from "../src/core/text/index.js";

interface GoldQuote {
  start: number;
  end: number;
  kind: string;
  speaker_type?: string;
  speaker?: string | null;
  speaker_name?: string | null;
  speaker_name_auto?: string | null;
}
interface Article {
  doc: Doc;
  ix: EntityIndex;
  gold: GoldQuote[];
}
type Tally = Record<"name" | "pronoun" | "nominal", { n: number; right: number }>;

const shared = join(__dirname, "..", "..", "..", "shared");
const quotesDir = join(shared, "eval", "quotes");

// The gold speaker as score-quotes.mjs takes it: hand-resolved, else silver, else the span to its comma.
function goldName(q: GoldQuote): string | null {
  if ("speaker_name" in q) return q.speaker_name ?? null;
  if (q.speaker_name_auto) return q.speaker_name_auto;
  if (q.speaker_type === "name" && q.speaker) return q.speaker.split(",")[0] ?? null;
  return null;
}
const words = (s: string): string[] => s.toLowerCase().replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];

function load(file: string, resolvedOnly: boolean): Article[] {
  const out: Article[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { text: string; quotes: GoldQuote[]; speakers_resolved?: boolean };
    if (resolvedOnly && !r.speakers_resolved) continue;
    const doc = analyze(r.text);
    out.push({ doc, ix: extractEntities(doc), gold: r.quotes.filter((q) => q.kind === "direct") });
  }
  return out;
}

/** Speaker accuracy on matched direct quotes, by the gold speaker's type (as the scorer counts it). */
function score(arts: readonly Article[], w: Salience): Tally {
  const t: Tally = { name: { n: 0, right: 0 }, pronoun: { n: 0, right: 0 }, nominal: { n: 0, right: 0 } };
  for (const a of arts) {
    const quotes = extractQuotes(a.doc, a.ix, w).filter((q) => q.kind !== "partial");
    for (const g of a.gold) {
      const type = g.speaker_type as keyof Tally;
      const want = goldName(g);
      if (!want || !(type in t)) continue;
      const p = quotes.find((q) => q.start < g.end && q.end > g.start);
      if (!p) continue;
      t[type].n++;
      const last = words(want).at(-1);
      if (p.speaker && last && words(p.speaker.name).includes(last)) t[type].right++;
    }
  }
  return t;
}

const acc = (t: Tally) => (t.name.right + t.pronoun.right + t.nominal.right) / Math.max(1, t.name.n + t.pronoun.n + t.nominal.n);
const show = (t: Tally) =>
  `all ${acc(t).toFixed(3)} (name ${(t.name.right / t.name.n).toFixed(3)}, pronoun ${(t.pronoun.right / t.pronoun.n).toFixed(3)}, description ${(t.nominal.right / t.nominal.n).toFixed(3)})`;
// A move must win this many more right answers on train: a gain of one or two is one article's noise.
const MIN_GAIN = 3;
// Right answers; ties broken towards the weights already in place.
const objective = (t: Tally) => t.name.right + t.pronoun.right + t.nominal.right;

function main(): void {
  const trainFile = join(quotesDir, "polnear_train.jsonl");
  const devFile = join(quotesDir, "polnear_dev.jsonl");
  if (!existsSync(trainFile) || !existsSync(devFile)) {
    console.log(`fit-speakers: ${quotesDir} lacks the PolNeAR files (../shared beside the project); nothing to fit`);
    return;
  }
  const args = process.argv.slice(2);
  const rounds = Number(args[args.indexOf("--rounds") + 1]) || 3;
  const train = load(trainFile, true);
  const dev = load(devFile, false);
  let w: Salience = { ...SALIENCE };
  let best = score(train, w);
  console.log(`now   train ${show(best)}\n      dev   ${show(score(dev, w))}`);
  if (args.includes("--only")) return;
  const steps = [-1, -0.5, -0.2, -0.1, 0.1, 0.2, 0.5, 1];
  for (let r = 0; r < rounds; r++) {
    let moved = false;
    for (const key of Object.keys(SALIENCE) as Array<keyof Salience>) {
      let bestW = w;
      for (const s of steps) {
        const tryW = { ...w, [key]: Math.round((w[key] + s) * 100) / 100 };
        const t = score(train, tryW);
        if (objective(t) >= objective(best) + (bestW === w ? MIN_GAIN : 1)) [best, bestW] = [t, tryW];
      }
      if (bestW !== w) {
        moved = true;
        w = bestW;
        console.log(`round ${r + 1}: ${key} = ${w[key]}   train ${show(best)}   dev ${show(score(dev, w))}`);
      }
    }
    if (!moved) break;
  }
  console.log(`\nfitted weights (paste into SALIENCE):\n${JSON.stringify(w, null, 2)}`);
  console.log(`train ${show(best)}\ndev   ${show(score(dev, w))}`);
}

main();

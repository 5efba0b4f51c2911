// Card builder speed: cards per second, median and p99 ms per card, and peak RSS.
// `--vs DIR` compares this build with another build of the project (DIR holds its src/ and bench/, as
// dist/ does): both in one process, each article carded by one then the other, in turn first, so that
// a shared machine's load falls on both alike.
import { resolve } from "node:path";
import { buildCard, words } from "../src/core/index.js";
import { fmt, percentile } from "./stats.js";
import { loadTexts, otherTexts } from "./texts.js";

export interface CardBenchOptions {
  rounds: number;
  /** The texts to card (default: loadTexts(), CNN/DM when ../shared is there, else briefings/). */
  corpus: { name: string; texts: string[] };
  /**
   * Cards made before the measure, of other articles (otherTexts(), else the corpus's own, in turn): a bot
   * that has run for a while, its code compiled, meeting articles it has not seen. Default 20.
   */
  warm: number;
  /** The articles to warm up on (default: otherTexts()). */
  warmTexts: string[];
  log: (line: string) => void;
}

export function runCardBench(options: Partial<CardBenchOptions> = {}): void {
  const rounds = options.rounds ?? 5;
  const { name, texts } = options.corpus ?? loadTexts();
  const log = options.log ?? ((line: string) => console.log(line));
  const warm = options.warm ?? 20;
  if (warm <= 20 && !options.warmTexts) for (const t of texts.slice(0, warm)) buildCard({ text: t }); // warm-up
  else {
    const others = options.warmTexts ?? otherTexts();
    const pool = others.length ? others : texts;
    for (let i = 0; i < warm; i++) buildCard({ text: pool[i % pool.length]! });
    log(`card: warmed up on ${warm} cards of ${others.length ? "other articles" : name}`);
  }
  const times: number[] = [];
  const perRound: string[] = [];
  // Each article's fastest card over the rounds: what the code costs once compiled, without a collection.
  const best = texts.map(() => Infinity);
  const near550: number[] = [];
  let rss = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    const round: number[] = [];
    for (const [i, text] of texts.entries()) {
      const s = process.hrtime.bigint();
      buildCard({ text });
      const ms = Number(process.hrtime.bigint() - s) / 1e6;
      times.push(ms);
      round.push(ms);
      best[i] = Math.min(best[i]!, ms);
      if (r === 0) {
        const n = words(text).length;
        if (n >= 450 && n <= 650) near550.push(ms);
      }
    }
    round.sort((a, b) => a - b);
    perRound.push(`${fmt(percentile(round, 50))}/${fmt(percentile(round, 99))}`);
    rss = Math.max(rss, process.memoryUsage().rss);
  }
  const total = Number(process.hrtime.bigint() - t0) / 1e9;
  times.sort((a, b) => a - b);
  near550.sort((a, b) => a - b);
  const medianWords = texts.map((t) => words(t).length).sort((a, b) => a - b)[texts.length >> 1];
  log(`card: ${texts.length} articles from ${name} (median ${medianWords} words) x ${rounds} rounds`);
  log(`card: ${fmt(times.length / total, 0)} cards/s, median ${fmt(percentile(times, 50))} ms, p99 ${fmt(percentile(times, 99))} ms per card`);
  // The samples in briefings/ are shorter: no line of NaN when no article is in the band.
  if (near550.length) log(`card: articles of 450-650 words (${near550.length}): median ${fmt(percentile(near550, 50))} ms, p99 ${fmt(percentile(near550, 99))} ms`);
  else log(`card: no article of 450-650 words in ${name}`);
  // The optimising compiler is still at work in the first rounds (a fresh process reaches its steady
  // state after about a thousand cards): each round's own figures show how far it has come.
  log(`card: median/p99 ms by round: ${perRound.join(", ")}`);
  best.sort((a, b) => a - b);
  log(`card: each article's fastest of the ${rounds} rounds: median ${fmt(percentile(best, 50))} ms, p99 ${fmt(percentile(best, 99))} ms, slowest ${fmt(best[best.length - 1]!)} ms`);
  log(`card: peak RSS ${fmt(rss / 2 ** 20, 0)} MB`);
}

type Build = (article: { text: string }) => unknown;

/** This build against the one in `dir`: median and p99 ms per card of each, and the median per-article ratio. */
export function runCardVsBench(dir: string, options: Partial<CardBenchOptions> = {}): void {
  const rounds = options.rounds ?? 5;
  const { name, texts } = options.corpus ?? loadTexts();
  const log = options.log ?? ((line: string) => console.log(line));
  const other = (require(resolve(dir, "src/core/index.js")) as { buildCard: Build }).buildCard;
  const builds: [string, Build][] = [["this build", buildCard], [dir, other]];
  for (const t of texts.slice(0, 20)) for (const [, build] of builds) build({ text: t }); // warm-up
  const times: number[][] = [[], []];
  const ratios: number[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const pair = [0, 0];
      for (const b of n++ % 2 ? [1, 0] : [0, 1]) {
        const s = process.hrtime.bigint();
        builds[b]![1]({ text });
        pair[b] = Number(process.hrtime.bigint() - s) / 1e6;
      }
      times[0]!.push(pair[0]!);
      times[1]!.push(pair[1]!);
      ratios.push(pair[0]! / pair[1]!);
    }
  }
  log(`card --vs: ${texts.length} articles from ${name} x ${rounds} rounds, each carded by both builds in turn`);
  builds.forEach(([label], b) => {
    const t = times[b]!.sort((x, y) => x - y);
    log(`card --vs: ${label}: median ${fmt(percentile(t, 50))} ms, p99 ${fmt(percentile(t, 99))} ms, total ${fmt(t.reduce((x, y) => x + y, 0) / 1000)} s`);
  });
  ratios.sort((x, y) => x - y);
  log(`card --vs: this build / other, per article: median ${fmt(percentile(ratios, 50), 3)} (quartiles ${fmt(percentile(ratios, 25), 3)}-${fmt(percentile(ratios, 75), 3)})`);
}

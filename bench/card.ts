// Card builder speed: cards per second, median and p99 ms per card, and peak RSS.
import { buildCard, words } from "../src/core/index.js";
import { fmt, percentile } from "./stats.js";
import { loadTexts } from "./texts.js";

export interface CardBenchOptions {
  rounds: number;
  /** The texts to card (default: loadTexts(), CNN/DM when ../shared is there, else briefings/). */
  corpus: { name: string; texts: string[] };
  log: (line: string) => void;
}

export function runCardBench(options: Partial<CardBenchOptions> = {}): void {
  const rounds = options.rounds ?? 5;
  const { name, texts } = options.corpus ?? loadTexts();
  const log = options.log ?? ((line: string) => console.log(line));
  for (const t of texts.slice(0, 20)) buildCard({ text: t }); // warm-up
  const times: number[] = [];
  const near550: number[] = [];
  let rss = process.memoryUsage().rss;
  const t0 = process.hrtime.bigint();
  for (let r = 0; r < rounds; r++) {
    for (const text of texts) {
      const s = process.hrtime.bigint();
      buildCard({ text });
      const ms = Number(process.hrtime.bigint() - s) / 1e6;
      times.push(ms);
      if (r === 0) {
        const n = words(text).length;
        if (n >= 450 && n <= 650) near550.push(ms);
      }
    }
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
  log(`card: peak RSS ${fmt(rss / 2 ** 20, 0)} MB`);
}

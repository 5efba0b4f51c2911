// Real-length article texts for benchmarks: the CNN/DM eval set when ../shared is present
// (read at run time, never copied), else the sample articles in briefings/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

export function loadCorpus(): { name: string; texts: string[] } {
  const cnndm = resolve(ROOT, "../shared/eval/summaries/cnndm_frank250.jsonl");
  if (existsSync(cnndm)) {
    const texts = readFileSync(cnndm, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
    return { name: "cnndm_frank250", texts };
  }
  const dir = join(ROOT, "briefings");
  return { name: "briefings/", texts: readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")) };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

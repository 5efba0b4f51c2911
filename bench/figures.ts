// Figures benchmark: speed of extractFigures on real-length articles, and the figure scores computed on
// every eval case directly (the card refuses texts without a word, such as "1,234,567"; this does not).
// usage: npm run bench -- figures [--shared DIR]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractFigures, rankFigures } from "../src/core/extract/figures.js";
import { analyze } from "../src/core/text/index.js";

interface Gold {
  id: string;
  input: string;
  expected: { text: string; value: string | null; iso_currency?: string }[];
}

const readJsonl = <T>(f: string): T[] =>
  readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const num = (v: string | number | null): number => {
  if (typeof v === "number") return v;
  const s = String(v ?? "").replace(/[%,\s]/g, "");
  return /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s) ? Number(s) : NaN;
};
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

function score(file: string): string {
  let gold = 0, found = 0, predicted = 0, used = 0, neg = 0, negClean = 0, isoN = 0, isoOk = 0;
  for (const c of readJsonl<Gold>(file)) {
    const figs = rankFigures(extractFigures(analyze(c.input)), 8);
    predicted += figs.length;
    if (c.expected.length === 0) {
      neg++;
      if (figs.length === 0) negClean++;
    }
    const taken = new Set<number>();
    for (const e of c.expected) {
      const want = num(e.value);
      if (!Number.isFinite(want)) continue;
      gold++;
      const k = figs.findIndex((f, i) => !taken.has(i) && close(f.value, want));
      if (k < 0) continue;
      taken.add(k);
      found++;
      if (e.iso_currency) {
        isoN++;
        if (figs[k]!.currency === e.iso_currency) isoOk++;
      }
    }
    used += taken.size;
  }
  const r = (x: number) => x.toFixed(3);
  return `recall ${r(found / (gold || 1))} precision ${r(used / (predicted || 1))} negatives clean ${negClean}/${neg}` +
    (isoN ? ` iso ${isoOk}/${isoN}` : "");
}

export function figuresBench(args: string[]): void {
  const at = args.indexOf("--shared");
  const shared = at >= 0 && args[at + 1] ? args[at + 1]! : join(process.cwd(), "..", "shared");
  const evalDir = join(shared, "eval");
  if (existsSync(join(evalDir, "figures"))) {
    for (const f of ["en_number", "en_indian_lakh_crore", "en_percent", "en_currency"]) {
      console.log(`${f} (all cases, figures only): ${score(join(evalDir, "figures", `${f}.jsonl`))}`);
    }
  } else console.log(`no eval set at ${evalDir}: scores skipped`);

  // Speed: extraction alone, per article, scaled to 550 words.
  const corpus = join(evalDir, "summaries", "cnndm_frank250.jsonl");
  const texts = existsSync(corpus)
    ? readJsonl<{ text: string }>(corpus).map((r) => r.text)
    : [Array.from({ length: 50 }, (_, i) => `Over ${i + 1},000 people, or 12.5% of the town, left; costs rose to $2.3bn in 2014.`).join(" ")];
  const docs = texts.map((t) => analyze(t));
  // Each article's best of five runs, so that a garbage collection or a busy neighbour does not count.
  const best = docs.map(() => Infinity);
  let figures = 0;
  for (let round = 0; round < 5; round++) {
    docs.forEach((d, i) => {
      const t0 = process.hrtime.bigint();
      const f = extractFigures(d);
      best[i] = Math.min(best[i]!, Number(process.hrtime.bigint() - t0) / 1e6);
      if (round === 0) figures += f.length;
    });
  }
  const per550 = best.map((ms, i) => (ms * 550) / Math.max(1, texts[i]!.split(/\s+/).length));
  per550.sort((a, b) => a - b);
  const q = (p: number) => per550[Math.min(per550.length - 1, Math.floor(p * per550.length))]!.toFixed(3);
  console.log(`extractFigures: ${texts.length} articles, ${(figures / texts.length).toFixed(1)} figures each; ` +
    `ms per 550 words median ${q(0.5)} p99 ${q(0.99)}`);
}

// npm run build && node dist/bench/title-check.js [--show N] [FILE...]
// Builds the card of every article of the eval sets (XSum and CNN/DM summaries, PolNeAR dev quotes; or of
// the JSONL files named: lines with "id" and "text") with the project's card builder, and counts the
// generated titles that are not a complete phrase (title-defects.ts): no finite verb, a dangling last
// word, an opening attribution, a subject and verb that disagree. `--show N` prints up to N flagged
// titles per set. Reads ../shared at run time; nothing of it is stored.
import { existsSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { buildCard } from "../src/core/index.js";
import { titleDefects, type TitleDefect } from "./title-defects.js";

const ROOT = resolve(__dirname, "../..");
const EVAL = resolve(ROOT, "../shared/eval");
const DEFAULT_FILES = ["summaries/xsum_frank250.jsonl", "summaries/cnndm_frank250.jsonl", "quotes/polnear_dev.jsonl"].map((f) => join(EVAL, f));

interface Flagged {
  id: string;
  title: string;
  defects: string[];
}

function check(file: string): { name: string; generated: number; flagged: Flagged[]; counts: Record<TitleDefect, number> } {
  const counts: Record<TitleDefect, number> = { "no-verb": 0, dangling: 0, attribution: 0, agreement: 0 };
  const flagged: Flagged[] = [];
  let generated = 0;
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as { id: string; text?: string; input?: string };
    const card = buildCard({ text: row.text ?? row.input ?? "" });
    if (!card.titleGenerated) continue;
    generated++;
    const ds = titleDefects(card.title);
    for (const d of ds) counts[d.defect]++;
    if (ds.length) flagged.push({ id: row.id, title: card.title, defects: ds.map((d) => (d.detail ? `${d.defect} (${d.detail})` : d.defect)) });
  }
  return { name: basename(file, ".jsonl"), generated, flagged, counts };
}

function main(argv: string[]): void {
  const i = argv.indexOf("--show");
  const show = i >= 0 ? Number(argv[i + 1] ?? "10") : 0;
  const files = argv.filter((a, k) => a !== "--show" && (i < 0 || k !== i + 1));
  const todo = files.length ? files : DEFAULT_FILES.filter((f) => existsSync(f));
  if (!todo.length) {
    console.log("title-check: no eval files (../shared/eval) and none named");
    return;
  }
  for (const file of todo) {
    const r = check(file);
    const parts = Object.entries(r.counts).filter(([, n]) => n > 0).map(([d, n]) => `${d} ${n}`);
    console.log(`${r.name}: ${r.flagged.length} of ${r.generated} generated titles flagged${parts.length ? ` (${parts.join(", ")})` : ""}`);
    for (const f of r.flagged.slice(0, show)) console.log(`  ${f.id}: ${f.defects.join(", ")}\n    ${f.title}`);
  }
}

main(process.argv.slice(2));

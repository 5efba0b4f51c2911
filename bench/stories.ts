// npm run bench -- stories: grouping and flag quality on test/fixtures/stories, and the threshold sweep.
import { join } from "node:path";
import { DEFAULT_STORY_OPTIONS } from "../src/core/index.js";
import { parseEvalSet, scoreStories } from "./stories-score.js";

const pct = (x: number) => x.toFixed(3);

export function storiesBench(args: string[]): void {
  const dir = args.find((a) => !a.startsWith("-") && a.includes("/")) ?? join(process.cwd(), "test/fixtures/stories");
  const set = parseEvalSet(dir);
  const s = scoreStories(set);
  console.log(`eval set: ${s.articles} articles, ${s.stories} stories (${dir})`);
  console.log(`grouping: ${s.predictedStories} stories found; pairwise P ${pct(s.pairwise.p)} R ${pct(s.pairwise.r)} F1 ${pct(s.pairwise.f1)}; BCubed P ${pct(s.bcubed.p)} R ${pct(s.bcubed.r)} F1 ${pct(s.bcubed.f1)}`);
  console.log(`flags: P ${pct(s.flags.p)} R ${pct(s.flags.r)} (${s.flags.predicted} found, ${s.flags.gold} planted); updates flagged: ${s.updatesFlagged}`);
  for (const e of s.errors) console.log(`  grouping error: ${e}`);
  for (const m of s.flags.misses) console.log(`  flag missed: ${m}`);
  for (const w of s.flags.wrong) console.log(`  flag wrong: ${w}`);
  if (args.includes("--sweep")) {
    for (const threshold of [1.0, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.0]) {
      const t = scoreStories(set, { threshold });
      console.log(`  threshold ${threshold}${threshold === DEFAULT_STORY_OPTIONS.threshold ? " (default)" : ""}: BCubed F1 ${pct(t.bcubed.f1)}, pairwise F1 ${pct(t.pairwise.f1)}, flags P ${pct(t.flags.p)} R ${pct(t.flags.r)}`);
    }
  }
}

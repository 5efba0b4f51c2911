// Real-length article texts for the card bench: the CNN/DM eval set when ../shared is present
// (read at run time, never copied), else the sample articles in briefings/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");

export function loadTexts(): { name: string; texts: string[] } {
  const cnndm = resolve(ROOT, "../shared/eval/summaries/cnndm_frank250.jsonl");
  if (existsSync(cnndm)) {
    const texts = readFileSync(cnndm, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);
    return { name: "cnndm_frank250", texts };
  }
  const dir = join(ROOT, "briefings");
  return { name: "briefings/", texts: readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8")) };
}

/**
 * Articles other than `loadTexts()`'s, for warming the optimising compiler up before a measure: XSum's and
 * PolNeAR's when ../shared is present (read at run time), else none.
 */
export function otherTexts(): string[] {
  const files = ["summaries/xsum_frank250.jsonl", "quotes/polnear_dev.jsonl", "quotes/polnear_train.jsonl"].map((f) => resolve(ROOT, "../shared/eval", f));
  return files.filter((f) => existsSync(f)).flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));
}

// Who-said retrieval on the annotated eval set (read at run time from ../shared/eval, never copied):
// separates retrieval (is the top hit the right quote, whoever it names?) from attribution.
// usage: node dist/bench/run.js whosaid [--eval DIR] [--db SPEC]
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createAsker } from "../src/ask/index.js";
import { align } from "../src/ask/words.js";
import { buildCard } from "../src/core/index.js";
import { openStore, tokens } from "../src/store/index.js";

interface Question {
  id: string;
  article_id: string;
  ask: string;
  form: string;
  answer: string;
  quote: string;
}

const readJsonl = <T>(f: string): T[] =>
  readFileSync(f, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);

/** Share of the shorter quote's words found in the other: the same quote, however the extractor cut it. */
function overlap(a: string, b: string): number {
  const ta = tokens(a), tb = tokens(b);
  const bag = new Map<string, number>();
  for (const t of tb) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = bag.get(t) ?? 0;
    if (n > 0) (common++, bag.set(t, n - 1));
  }
  return common / Math.max(1, Math.min(ta.length, tb.length));
}

export async function whosaidBench(args: string[]): Promise<void> {
  const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const dir = opt("--eval", join(process.cwd(), "../shared/eval"));
  const articlesFile = join(dir, "quotes/polnear_dev.jsonl"), questionsFile = join(dir, "quotes/whosaid_dev.jsonl");
  if (!existsSync(articlesFile)) return void console.log(`whosaid: ${articlesFile} is absent; nothing to measure`);
  const store = await openStore(opt("--db", "memory"));
  const evalIdOf = new Map<string, string>();
  const quotesOf = new Map<string, string[]>();
  for (const r of readJsonl<{ id: string; text: string }>(articlesFile)) {
    const card = buildCard({ text: r.text });
    const { id } = await store.put({ text: r.text }, card, 0);
    evalIdOf.set(id, r.id);
    quotesOf.set(r.id, card.quotes.map((q) => q.text));
  }
  const asker = createAsker(store);
  const qs = readJsonl<Question>(questionsFile);
  const by: Record<string, { n: number; retrieved: number; findable: number; lost: number; speaker: number }> = {};
  const lost: string[] = [];
  for (const q of qs) {
    const f = (by[q.form] ??= { n: 0, retrieved: 0, findable: 0, lost: 0, speaker: 0 });
    f.n++;
    const a = await asker.ask(q.ask);
    const top = a.kind === "whosaid" ? a.matches[0] : undefined;
    // A stored quote is the right one when it is (part of) the gold quote and holds the asked words.
    const words = tokens(q.ask.replace(/^who said\s*/i, ""));
    const good = (t: string) => overlap(t, q.quote) >= 0.5 && align(words, tokens(t)).coverage >= 0.6;
    const findable = (quotesOf.get(q.article_id) ?? []).some(good);
    const retrieved = !!top && good(top.quote.text);
    if (findable) f.findable++;
    if (retrieved) f.retrieved++;
    else if (findable) (f.lost++, lost.length < 15 && lost.push(`${q.ask} -> ${top ? top.quote.text.slice(0, 80) : "(none)"}`));
    const last = tokens(q.answer).at(-1);
    if (top?.speaker && last && tokens(top.speaker.name).includes(last)) f.speaker++;
  }
  await store.close();
  let n = 0, retrieved = 0, findable = 0, lostN = 0;
  for (const [form, f] of Object.entries(by)) {
    n += f.n, retrieved += f.retrieved, findable += f.findable, lostN += f.lost;
    console.log(`${form.padEnd(8)} n=${f.n} findable=${f.findable} retrieved=${f.retrieved} lost=${f.lost} (${((100 * f.lost) / Math.max(1, f.findable)).toFixed(1)}% of findable) speaker(top hit)=${f.speaker}`);
  }
  console.log(`whosaid retrieval: ${retrieved}/${n} top hits are the right quote; ${findable} questions have their quote among the extracted quotes; retrieval lost ${lostN} of those (${((100 * lostN) / Math.max(1, findable)).toFixed(2)}%)`);
  for (const l of lost) console.log(`  lost: ${l}`);
}

// npm run build && node dist/bench/partial-misses.js --gold GOLD.jsonl --pred CARDS.jsonl [--list WORDS] [--n N]
// Why the gold's partial quotes are missed (issue 11): each gold partial that no partial card quote matches
// (the matching of score-quotes.mjs, one to one, greedy in the card's order) is counted by cause:
// - typed direct: a direct card quote took it; split by where the annotated content holds words outside the
//   marks (the annotators' content span decides "partial"): a lead-in in the quote's sentence, an earlier
//   sentence or paragraph, more words after the cue in the same sentence, or a later sentence;
// - dropped: the marks were paired but the span was judged a title or a scare quote;
// - split/merged: a card quote overlaps it but its words do not match; no span: the marks were not paired.
// --list prints the misses of the causes whose name holds WORDS, with their content span ({{ }}) and quote ([[ ]]).
// CARDS.jsonl is what `briefbot card --jsonl` writes; reads the files named, stores nothing.
import { readFileSync } from "node:fs";
import { analyze, sentenceAt, type Doc } from "../src/core/text/index.js";
import { findQuotedSpans, type QuotedSpan } from "../src/core/extract/quotes/marks.js";
import { spanKind } from "../src/core/extract/quotes/kind.js";

interface GoldQuote { text: string; start: number; end: number; kind: string; attribution_id?: string }
interface Attribution { id: string; content: { spans: Array<[number, number]> }; source?: { spans: Array<[number, number]> }; cue?: { spans: Array<[number, number]> } }
interface GoldArticle { id: string; text: string; quotes: GoldQuote[]; attributions?: Attribution[] }
interface CardQuote { text: string; start: number; end: number; kind: string }

const args = process.argv.slice(2);
const opt = (k: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : undefined; };
const goldFile = opt("--gold"), predFile = opt("--pred");
if (!goldFile || !predFile) {
  console.error("usage: node dist/bench/partial-misses.js --gold GOLD.jsonl --pred CARDS.jsonl [--list WORDS] [--n N]");
  process.exit(2);
}
const listing = opt("--list");
const shown = Number(opt("--n") ?? 40);
const readJsonl = <T>(f: string): T[] => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

// The scorer's words and match score.
const words = (s: string) => s.toLowerCase().replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? [];
function matches(pred: string, gold: string): number {
  const p = words(pred).join(" "), g = words(gold).join(" ");
  if (!p || !g) return 0;
  if (p.includes(g) || g.includes(p)) return 1 + Math.min(p.length, g.length) / Math.max(p.length, g.length);
  const gw = words(gold), pw = new Map<string, number>();
  for (const w of words(pred)) pw.set(w, (pw.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of gw) if ((pw.get(w) ?? 0) > 0) { shared++; pw.set(w, pw.get(w)! - 1); }
  return shared / gw.length >= 0.5 ? shared / gw.length : 0;
}
function best(q: CardQuote, list: GoldQuote[], taken: Set<number>): number {
  let bi = -1, bs = 0;
  list.forEach((g, i) => { if (taken.has(i)) return; const s = matches(q.text, g.text); if (s > bs) { bs = s; bi = i; } });
  return bi;
}

const cards = new Map(readJsonl<{ id: string; card: { quotes?: CardQuote[] } }>(predFile).map((r) => [r.id, r.card.quotes ?? []]));
const counts = new Map<string, number>();
const examples = new Map<string, string[]>();
let found = 0;

/** Where the content span holds words outside the quote's marks. */
function whereExtra(doc: Doc, span: QuotedSpan | undefined, q: GoldQuote, a: Attribution): string {
  const text = doc.text;
  const cs = Math.min(...a.content.spans.map((s) => s[0])), ce = Math.max(...a.content.spans.map((s) => s[1]));
  const open = span?.open ?? q.start - 1;
  const para = (at: number) => doc.paragraphs.findIndex((p) => at >= p.start && at <= p.end);
  const sentence = (at: number) => sentenceAt(doc, at)?.index ?? -1;
  if (words(text.slice(cs, open)).length) {
    if (para(cs) < para(open)) return "before, earlier paragraph";
    return sentence(cs) < sentence(open) ? "before, earlier sentence" : "before, same sentence (lead-in)";
  }
  // After the quote: the content less the source, the cue and other quotes.
  const after = text.slice(q.end, ce).split("");
  for (const [s, e] of [...(a.source?.spans ?? []), ...(a.cue?.spans ?? [])]) for (let x = Math.max(s, q.end); x < Math.min(e, ce); x++) after[x - q.end] = " ";
  const first = after.join("").search(/[\p{L}\p{N}]/u);
  if (first < 0) return "no words outside the marks";
  const at = q.end + first;
  const sameSentence = sentence(at) === sentence(Math.max(q.start, q.end - 1)) || (!/[.!?]["”'’]*\s/.test(text.slice(q.end - 1, at)) && para(at) === para(q.end));
  return sameSentence ? "after, same sentence (cue with more)" : "after, a later sentence";
}

for (const g of readJsonl<GoldArticle>(goldFile)) {
  const cq = (cards.get(g.id) ?? []).filter((q) => q?.text);
  const gd = g.quotes.filter((q) => q.kind === "direct"), gp = g.quotes.filter((q) => q.kind !== "direct");
  const usedD = new Set<number>(), usedP = new Set<number>(), outcome = new Map<number, string>();
  for (const q of cq) {
    if (q.kind === "partial") { const i = best(q, gp, usedP); if (i >= 0) { usedP.add(i); outcome.set(i, "found"); } continue; }
    const d = best(q, gd, usedD);
    if (d >= 0) { usedD.add(d); continue; }
    const i = best(q, gp, usedP);
    if (i >= 0) { usedP.add(i); outcome.set(i, "typed direct"); }
  }
  let doc: Doc | undefined, spans: QuotedSpan[] | undefined;
  gp.forEach((q, i) => {
    let cause = outcome.get(i);
    if (cause === "found") { found++; return; }
    doc ??= analyze(g.text);
    spans ??= findQuotedSpans(doc);
    const k = spans.findIndex((s) => s.start < q.end && s.end > q.start);
    const a = g.attributions?.find((x) => x.id === q.attribution_id);
    if (cause === "typed direct") cause += a ? ": " + whereExtra(doc, spans[k], q, a) : "";
    else if (cq.some((c) => c.start < q.end && c.end > q.start)) cause = "split/merged";
    else if (k < 0) cause = "no span";
    else cause = spanKind(doc, spans[k]!, spans[k - 1], spans[k + 1]) === "title" ? "dropped: title" : "dropped: scare quote";
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
    if (a) {
      const cs = Math.min(...a.content.spans.map((s) => s[0])), ce = Math.max(...a.content.spans.map((s) => s[1]));
      const t = g.text;
      const line = `${g.id}: ${t.slice(Math.max(0, cs - 40), cs)}{{${t.slice(cs, q.start)}[[${t.slice(q.start, q.end).slice(0, 50)}]]${t.slice(q.end, ce)}}}${t.slice(ce, ce + 30)}`;
      const list = examples.get(cause) ?? [];
      list.push(line.replace(/\n/g, "⏎"));
      examples.set(cause, list);
    }
  });
}
const missed = [...counts.values()].reduce((s, n) => s + n, 0);
console.log(`gold partial quotes ${found + missed}: found ${found}, missed ${missed}`);
for (const [cause, n] of [...counts].sort((x, y) => y[1] - x[1])) console.log(`  ${String(n).padStart(4)}  ${cause}`);
if (listing) for (const [cause, list] of examples) if (cause.includes(listing)) { console.log(`\n${cause}`); for (const l of list.slice(0, shown)) console.log("  " + l); }

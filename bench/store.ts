// Store bench: ingestion rate (cards included), latency of brief / who said / figures / quotes by person / person card on SQLite
// and PostgreSQL, database size and peak RSS, over a generated corpus (generation is not timed).
// usage: node dist/bench/run.js store [--articles N] [--pg URL] [--skip-pg] [--corpus FILE] [--questions N] [--workers N] [--skip-adapters]
//                                     [--db FILE] [--pg-schema NAME]
// Unless --skip-adapters, the Slack and Discord HTTP-mode benches then run against the SQLite store's asker.
// --db and --pg-schema keep the stores after the run (samples beside them in FILE.samples.json) and
// reuse them when they already hold N articles: build 100,000 once, measure latencies many times.
import { statSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { createAsker } from "../src/ask/index.js";
import type { Article, BriefingCard } from "../src/core/index.js";
import { createCardPool, inlineCards } from "../src/ingest/index.js";
import { createPostgresStore, openSqliteDatabase, openSqliteStore, tokens, type BriefingStore } from "../src/store/index.js";
import { STORE_STORY_DEFAULTS } from "../src/store/stories.js";
import { createSqliteStories } from "../src/store/stories-sqlite.js";
import { loadSources, makeArticle, rng } from "./corpus.js";
import { fmt, ms, peakRssMb, percentile } from "./stats.js";

interface Target {
  name: string;
  /** The SQLite file, for the grouping-decision measurement. */
  path?: string;
  store: BriefingStore;
  putMs: number;
  size: () => Promise<number>;
  cleanup: () => Promise<void>;
}

interface Samples {
  quotes: string[];
  names: string[];
  figureWords: string[];
  /** Names of quoted speakers (issue 13: /quotes and /person). */
  people: string[];
  /** What counted figures count, with a topic of their card: /trend questions. */
  trends: Array<{ unit: string; topic: string | undefined }>;
}

async function postgresTarget(url: string, kept?: string): Promise<Target | undefined> {
  const pool = new pg.Pool({ connectionString: url, max: 4, connectionTimeoutMillis: 3000 });
  const schema = kept ?? `bench_${process.pid}`;
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    console.log(`postgres: skipped, ${url} does not answer (${(err as Error).message})`);
    await pool.end();
    return undefined;
  }
  if (!kept) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  const store = await createPostgresStore(pool, { schema });
  return {
    name: "postgres",
    store,
    putMs: 0,
    size: async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')",
            [schema],
          )
        ).rows[0]!.n,
      ),
    cleanup: async () => {
      if (!kept) await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

function sqliteTarget(kept?: string): Target {
  const dir = kept ? undefined : mkdtempSync(join(tmpdir(), "briefbot-bench-"));
  const path = kept ?? join(dir!, "bench.db");
  const store = openSqliteStore(path);
  const fileSize = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  return {
    name: "sqlite",
    path,
    store,
    putMs: 0,
    size: async () => fileSize(path) + fileSize(path + "-wal"),
    cleanup: async () => {
      await store.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Six words from the middle of a quote: as written, with a word dropped, or with a typo. */
function whoSaidQuestion(quote: string, r: () => number): string {
  const w = quote.split(/\s+/).filter(Boolean);
  const at = Math.floor(r() * Math.max(1, w.length - 6));
  let six = w.slice(at, at + 6);
  const form = Math.floor(r() * 3);
  if (form === 1) six.splice(1 + Math.floor(r() * 4), 1);
  if (form === 2) {
    const k = six.findIndex((x) => x.length >= 5);
    if (k >= 0) six[k] = six[k]!.slice(0, 1) + six[k]![2] + six[k]![1] + six[k]!.slice(3);
  }
  six = six.map((x) => x.replace(/["“”]/g, ""));
  return `who said "${six.join(" ")}"`;
}

/** A name as users type it: in full, the surname alone, or the surname with two letters swapped. */
function personAsTyped(name: string, i: number): string {
  const surname = name.split(" ").at(-1)!;
  if (i % 3 === 0) return name;
  if (i % 3 === 1 || surname.length < 5) return surname;
  return surname.slice(0, 2) + surname[3] + surname[2] + surname.slice(4);
}

function sample(card: BriefingCard, samples: Samples): void {
  const q = card.quotes.find((x) => x.text.split(/\s+/).length >= 8);
  if (q) samples.quotes.push(q.text);
  const name = card.entities.find((e) => e.mentions > 1)?.name;
  if (name) samples.names.push(name);
  const speaker = card.quotes.find((x) => x.speaker && x.speaker.name.includes(" "))?.speaker;
  if (speaker) samples.people.push(speaker.name);
  const counted = card.figures.find((x) => x.kind === "count" && x.unit && /^\p{L}{4,}$/u.test(x.unit));
  if (counted) samples.trends.push({ unit: counted.unit!, topic: card.topics[0] });
  const f = card.figures[0];
  if (f) {
    const after = tokens(f.sentence.slice(f.sentence.indexOf(f.text) + f.text.length)).find((w) => /^\p{L}{4,}$/u.test(w));
    if (after) samples.figureWords.push(after);
  }
}

/**
 * The grouping decision (key look-ups, candidates read, scoring; no writes) for articles not yet
 * stored, against everything stored: what each put adds to find its story.
 */
async function groupingBench(path: string, sources: ReturnType<typeof loadSources>, n: number, count: number): Promise<void> {
  const db = openSqliteDatabase(path);
  const stories = createSqliteStories(db, STORE_STORY_DEFAULTS);
  const pool = inlineCards();
  const cards: BriefingCard[] = [];
  for (let i = 0; i < count; i++) cards.push(await pool.build(makeArticle(sources, n + i))); // not timed
  await pool.close();
  const times: number[] = [], best: number[] = [];
  let joined = 0;
  for (const [i, card] of cards.entries()) {
    // As for the questions: once, and the best of three (less scheduler noise on a shared machine).
    let b = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = process.hrtime.bigint();
      const d = stories.decide(card.id, card, Date.parse(card.source.publishedAt ?? "") || n + i);
      const t = ms(t0, process.hrtime.bigint());
      if (k === 0) (times.push(t), d.join !== null && joined++);
      b = Math.min(b, t);
    }
    best.push(b);
  }
  times.sort((a, b) => a - b);
  best.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const { s, big } = db.prepare<[], { s: number; big: number }>("SELECT count(*) AS s, max(size) AS big FROM stories").get()!;
  console.log(
    `sqlite: grouping decision at ${n} stored (${s} stories, the largest ${big} articles): mean ${fmt(mean)} ms, p50 ${fmt(percentile(times, 50))} ms, ` +
      `p99 ${fmt(percentile(times, 99))} ms (best of 3: p50 ${fmt(percentile(best, 50))} p99 ${fmt(percentile(best, 99))}) over ${count} new articles (${joined} would join a story)`,
  );
  db.close();
}

/** Latency per question: as measured once, and the best of three runs (less scheduler noise). */
async function time(asker: ReturnType<typeof createAsker>, questions: string[]): Promise<{ once: number[]; best: number[] }> {
  for (const q of questions.slice(0, 20)) await asker.ask(q); // warm caches and statements
  const once: number[] = [], best: number[] = [];
  for (const q of questions) {
    let b = Infinity;
    for (let k = 0; k < 3; k++) {
      const t0 = process.hrtime.bigint();
      await asker.ask(q);
      const t = ms(t0, process.hrtime.bigint());
      if (k === 0) once.push(t);
      b = Math.min(b, t);
    }
    best.push(b);
  }
  return { once: once.sort((a, b) => a - b), best: best.sort((a, b) => a - b) };
}

/** Slash commands at 200 requests/s over HTTP on loopback, answered from the real store. */
async function adapterBenches(asker: ReturnType<typeof createAsker>, n: number): Promise<void> {
  // Loaded only when run: Bolt and discord.js add ~150 MB to the peak RSS the store bench reports.
  const { runSlackBench } = await import("./slack.js");
  const { runDiscordBench } = await import("./discord.js");
  const slack = await runSlackBench({ asker });
  console.log(`slack (HTTP mode, ${n} articles in SQLite): ${fmt(slack.requestsPerSecond, 0)} req/s, ack p50 ${fmt(slack.ackP50Ms)} ms p99 ${fmt(slack.ackP99Ms)} ms, ${slack.errors} errors of ${slack.requests}`);
  const discord = await runDiscordBench({ asker, log: () => undefined });
  console.log(`discord (HTTP interactions, signatures checked, ${n} articles in SQLite): ${fmt(discord.achievedRps, 0)} req/s, p50 ${fmt(discord.p50Ms)} ms p99 ${fmt(discord.p99Ms)} ms, ${discord.errors} errors of ${discord.sent}`);
}

export async function storeBench(args: string[]): Promise<void> {
  const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const n = Number(opt("--articles", "100000"));
  const sources = loadSources(opt("--corpus", join(process.cwd(), "../shared/eval/summaries/cnndm_frank250.jsonl")));
  const keptDb = args.includes("--db") ? resolve(opt("--db", "")) : undefined;
  const targets: Target[] = [sqliteTarget(keptDb)];
  if (!args.includes("--skip-pg")) {
    const t = await postgresTarget(opt("--pg", "postgres://postgres@127.0.0.1:5432/test"), args.includes("--pg-schema") ? opt("--pg-schema", "") : undefined);
    if (t) targets.push(t);
  }
  const samplesFile = keptDb && `${keptDb}.samples.json`;
  const counts = await Promise.all(targets.map((t) => t.store.count()));
  if (samplesFile && existsSync(samplesFile) && counts.every((c) => c >= n)) {
    // Kept stores already hold the corpus: measure the questions only.
    const samples = JSON.parse(readFileSync(samplesFile, "utf8")) as Samples;
    console.log(`reusing ${targets.map((t, i) => `${t.name} (${counts[i]} articles)`).join(", ")}; samples from ${samplesFile}`);
    return questionBench(args, targets, samples, n, sources);
  }
  if (counts.some((c) => c > 0)) throw new Error(`store bench: a kept store holds ${counts.join(", ")} articles, not ${n}: drop it (or give --articles) first`);
  const samples: Samples = { quotes: [], names: [], figureWords: [], people: [], trends: [] };
  // One thread by default: on this shared 2-core machine worker threads measured slower and took
  // 150 MB more; --workers N measures the pool.
  const workers = Number(opt("--workers", "1"));
  const pool = workers > 1 ? createCardPool(workers) : inlineCards();
  const every = Math.max(1, Math.floor(n / 2000));
  let cardMs = 0, words = 0;
  const batch = 500;
  for (let start = 0; start < n; start += batch) {
    const articles: Article[] = [];
    for (let i = start; i < Math.min(n, start + batch); i++) articles.push(makeArticle(sources, i)); // not timed
    // Cards built as `briefbot ingest` builds them in bulk: on the worker-thread pool.
    const t0 = process.hrtime.bigint();
    const cards = await Promise.all(articles.map((a) => pool.build(a)));
    cardMs += ms(t0, process.hrtime.bigint());
    const items = articles.map((article, k) => ({ article, card: cards[k]! }));
    for (const [k, { card }] of items.entries()) {
      words += card.stats.words;
      if ((start + k) % every === 0) sample(card, samples);
    }
    // Stored as the ingestor does: one transaction per batch of 64.
    for (const t of targets) {
      for (let b = 0; b < items.length; b += 64) {
        const p0 = process.hrtime.bigint();
        await t.store.putMany(items.slice(b, b + 64), start + b);
        t.putMs += ms(p0, process.hrtime.bigint());
      }
    }
    if (process.stderr.isTTY) process.stderr.write(`\r${Math.min(n, start + batch)}/${n} articles`);
    else if ((start + batch) % 10_000 === 0) console.log(`  ${start + batch}/${n} articles: cards ${fmt(cardMs / 1000, 0)} s, ${targets.map((t) => `${t.name} ${fmt(t.putMs / 1000, 0)} s`).join(", ")}; load ${fmt(loadavg()[0]!, 1)}`);
  }
  // As the ingestor ends a bulk run: compact the indexes (timed as part of ingestion).
  for (const t of targets) {
    const m0 = process.hrtime.bigint();
    await t.store.maintain();
    t.putMs += ms(m0, process.hrtime.bigint());
  }
  if (process.stderr.isTTY) process.stderr.write("\r\x1b[K");
  console.log(`corpus: ${n} articles generated from ${sources.length} real articles, ${Math.round(words / n)} words on average`);
  await pool.close();
  console.log(`cards: ${fmt(n / (cardMs / 1000), 0)} cards/s on ${workers > 1 ? `${workers} worker threads` : "this thread"} (${fmt(cardMs / n)} ms of wall time per card)`);
  for (const t of targets) console.log(`${t.name}: ingestion ${fmt(n / ((cardMs + t.putMs) / 1000), 0)} articles/s with cards (store alone ${fmt(n / (t.putMs / 1000), 0)} puts/s)`);
  if (samplesFile) writeFileSync(samplesFile, JSON.stringify(samples));
  await questionBench(args, targets, samples, n, sources);
}

async function questionBench(args: string[], targets: Target[], samples: Samples, n: number, sources: ReturnType<typeof loadSources>): Promise<void> {
  const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const nq = Number(opt("--questions", "1000"));
  const r = rng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const qs = {
    brief: Array.from({ length: nq }, () => `/brief ${pick(samples.names)}`),
    whosaid: Array.from({ length: nq }, () => whoSaidQuestion(pick(samples.quotes), r)),
    figures: Array.from({ length: nq }, (_, i) => (i % 2 ? `/figures ${pick(samples.figureWords)}` : `how many ${pick(samples.figureWords)}?`)),
    quotes: Array.from({ length: nq }, (_, i) => `/quotes ${personAsTyped(pick(samples.people), i)}`),
    person: Array.from({ length: nq }, (_, i) => `/person ${personAsTyped(pick(samples.people), i + 1)}`),
    // Half with a topic ("/trend troops in ukraine"), half across every article.
    trend: Array.from({ length: nq }, (_, i) => {
      const t = pick(samples.trends);
      return i % 2 && t.topic ? `/trend ${t.unit} in ${t.topic}` : `/trend ${t.unit}`;
    }),
  };
  for (const t of targets) {
    if (t.path) await groupingBench(t.path, sources, n, Math.min(1000, n));
    const asker = createAsker(t.store);
    for (const [kind, questions] of Object.entries(qs)) {
      const { once, best } = await time(asker, questions);
      console.log(
        `${t.name}: ${kind.padEnd(8)} p50 ${fmt(percentile(once, 50))} ms  p99 ${fmt(percentile(once, 99))} ms` +
          `  (best of 3: p50 ${fmt(percentile(best, 50))} p99 ${fmt(percentile(best, 99))})  ${once.length} questions`,
      );
    }
    console.log(`${t.name}: size ${fmt((await t.size()) / 1024 / 1024, 1)} MB for ${await t.store.count()} articles`);
    if (t.name === "sqlite" && !args.includes("--skip-adapters")) await adapterBenches(asker, n);
    await t.cleanup();
  }
  console.log(`peak RSS: ${fmt(peakRssMb(), 0)} MB; load average ${loadavg().map((x) => fmt(x, 1)).join(" ")} on this machine (other work inflates p99)`);
}

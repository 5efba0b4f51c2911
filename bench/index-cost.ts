// What the person index (issue 13) and story grouping (issue 14) cost ingestion, over a store that
// already holds many articles (build one with `store --db FILE --pg-schema NAME`).
// usage: node dist/bench/run.js index-cost --db FILE [--pg-schema NAME] [--pg URL] [--sample N] [--corpus FILE] [--decide [--warm N] [--ordered] [--alloc all|kept]] [--statements]
// N new articles (5,000 by default; cards built first, timed apart) are stored in batches of 64 as
// the ingestor does. Before each batch is put, the same batch's person-index and story writes run
// alone in a transaction that is rolled back, on the same connection and the same database state, so
// the put's time can be split: without the index = the whole put less its part. The SQLite file is
// written to (use a copy); the PostgreSQL schema gets the N articles.
// --decide times the grouping decision alone for each new article, in a fresh process (cold: every
// story met is read and parsed the first time). --warm N also decides N other new articles, untimed
// (nothing is written), first, as a long-running ingestor would have; --ordered decides in order of
// publication (with --warm, the N others interleaved by date) instead of the corpus order, whose
// dates cycle through the year. --alloc all|kept samples what the timed decisions allocate (all of it,
// or what outlived a scavenge) and prints it per decision with the functions that allocate most; the
// sampling slows the decisions, so their times in that run are not the figures to quote.
// --statements (PostgreSQL): the rolled-back stories writes' time split by statement (wall time of each
// round trip as the client sees it, by the statement's name), printed after the rates, with the part of it
// spent before the query was handed over (the driver's encoding and the socket write) and the process's
// CPU time meanwhile (all its threads: the collector's and the compiler's too).
import { loadavg } from "node:os";
import { constants, PerformanceObserver } from "node:perf_hooks";
import { join, resolve } from "node:path";
import pg from "pg";
import type { Article, BriefingCard } from "../src/core/index.js";
import { inlineCards } from "../src/ingest/index.js";
import { createPostgresStore, createSqliteStore, openSqliteDatabase, type BriefingStore } from "../src/store/index.js";
import { createPostgresPeople } from "../src/store/people-postgres.js";
import { BEGIN_WRITES } from "../src/store/postgres.js";
import { createSqlitePeople } from "../src/store/people-sqlite.js";
import { STORE_STORY_DEFAULTS, storiesOfStore } from "../src/store/stories.js";
import { createPostgresStories, type PostgresStories } from "../src/store/stories-postgres.js";
import { createSqliteStories, type SqliteStories } from "../src/store/stories-sqlite.js";
import { sampleAllocations, type AllocKind } from "./alloc.js";
import { loadSources, makeArticle } from "./corpus.js";
import { fmt, ms, percentile } from "./stats.js";

type Item = { article: Article; card: BriefingCard };
const BATCH = 64;

interface Parts {
  store: BriefingStore;
  /** Round trips of the timed stories writes by statement: count and ms (PostgreSQL with --statements). */
  statements?: Map<string, StatementTime>;
  /** The batch's person-index and story writes alone, rolled back: ms for each. */
  parts(items: Item[], time: (i: Item) => number, now: number): Promise<{ people: number; stories: number }>;
  /** The grouping decision alone for one article (no writes), in ms. */
  decide(i: Item, time: number): Promise<number>;
  /**
   * The same decision through the store's own grouping, untimed: the put then meets the stories the
   * timed parts met (packed in its cache), as the rolled-back writes do. Without it the put read and
   * packed every story anew (0.6 ms of a SQLite put at 100,000), which made the put, the rate's
   * denominator, slower than a put of a process that had met those stories.
   */
  warmStore(i: Item, time: number): Promise<void>;
  close(): Promise<void>;
}

const timeOf = (i: Item) => Date.parse(i.card.source.publishedAt ?? "") || 0;

function sqliteParts(path: string): Parts {
  const db = openSqliteDatabase(path);
  const store = createSqliteStore(db, { name: path });
  const people = createSqlitePeople(db);
  const stories = createSqliteStories(db, STORE_STORY_DEFAULTS);
  const own = storiesOfStore<SqliteStories>(store)!;
  const maxSeq = db.prepare<[], { m: number }>("SELECT max(seq) AS m FROM articles");
  return {
    store,
    async parts(items, time, now) {
      let seq = maxSeq.get()!.m;
      const seqs = items.map(() => ++seq);
      let p = 0, s = 0;
      db.exec("BEGIN IMMEDIATE");
      try {
        for (const [k, i] of items.entries()) {
          const t0 = process.hrtime.bigint();
          people.index(seqs[k]!, time(i), i.card);
          const t1 = process.hrtime.bigint();
          stories.assign(seqs[k]!, i.card.id, i.card, time(i), now);
          const t2 = process.hrtime.bigint();
          p += ms(t0, t1);
          s += ms(t1, t2);
        }
      } finally {
        db.exec("ROLLBACK");
      }
      return { people: p, stories: s };
    },
    async decide(i, time) {
      const t0 = process.hrtime.bigint();
      stories.decide(i.card.id, i.card, time);
      return ms(t0, process.hrtime.bigint());
    },
    async warmStore(i, time) {
      own.decide(i.card.id, i.card, time);
    },
    close: () => store.close(),
  };
}

/** Round trips of one statement: how many, their wall time, the part before the query was handed over, and CPU time (ms). */
type StatementTime = { n: number; ms: number; send: number; cpu: number };

/**
 * `c` with each query timed into `into`, by the statement's name (the stories' named statements) or its
 * first words. The store runs its stories' statements through the driver's callback form (store/pg-query.ts):
 * that one is timed until its callback.
 */
function timedClient(c: pg.PoolClient, into: Map<string, StatementTime>): pg.PoolClient {
  type Callback = (err: Error | undefined, r: pg.QueryResult) => void;
  const run = c as unknown as { query(cfg: unknown, v?: unknown[] | Callback): Promise<pg.QueryResult> | undefined };
  const query = ((config: string | pg.QueryConfig, values?: unknown[] | Callback) => {
    const name = typeof config === "string" ? config.replace(/\s+/g, " ").slice(0, 40) : (config.name?.replace(/^briefbot_story_([a-z]+)_.*$/, "$1") ?? config.text.replace(/\s+/g, " ").slice(0, 40));
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    let sent = t0;
    const done = () => {
      const cpu = process.cpuUsage(cpu0);
      const e = into.get(name) ?? into.set(name, { n: 0, ms: 0, send: 0, cpu: 0 }).get(name)!;
      e.n++;
      e.ms += ms(t0, process.hrtime.bigint());
      e.send += ms(t0, sent);
      e.cpu += (cpu.user + cpu.system) / 1000;
    };
    if (typeof values === "function") {
      const callback = values;
      run.query(config, (err, r) => {
        done();
        callback(err, r);
      });
      // The driver encodes and writes the query before query() returns.
      sent = process.hrtime.bigint();
      return undefined;
    }
    const pending = run.query(config, values)!;
    sent = process.hrtime.bigint();
    return pending.finally(done);
  }) as unknown as pg.PoolClient["query"];
  return Object.assign(Object.create(c) as pg.PoolClient, { query });
}

async function postgresParts(url: string, schema: string, statements: boolean): Promise<Parts> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const store = await createPostgresStore(pool, { schema });
  const s = `"${schema}"`;
  const people = createPostgresPeople(pool, s);
  const stories = createPostgresStories(s, STORE_STORY_DEFAULTS);
  const own = storiesOfStore<PostgresStories>(store)!;
  let fake = 50_000_000;
  const timed = statements ? new Map<string, StatementTime>() : undefined;
  return {
    store,
    statements: timed,
    async parts(items, time, now) {
      const client = await pool.connect();
      const c = timed ? timedClient(client, timed) : client;
      let p = 0, st = 0;
      try {
        // As the store's put opens its transaction (its settings included).
        await c.query(BEGIN_WRITES);
        // As the store's put: each article's person index, then the batch's stories together.
        const works = items.map((i) => ({ seq: ++fake, id: i.card.id, card: i.card, time: time(i), now }));
        const t0 = process.hrtime.bigint();
        for (const w of works) await people.index(c, w.seq, w.time, w.card);
        const t1 = process.hrtime.bigint();
        await stories.assignMany(c, works);
        p += ms(t0, t1);
        st += ms(t1, process.hrtime.bigint());
      } finally {
        await client.query("ROLLBACK");
        client.release();
      }
      // The cache is kept (as the store's own is): a person it learnt here is stored by the put that follows.
      return { people: p, stories: st };
    },
    async decide(i, time) {
      const c = await pool.connect();
      try {
        const t0 = process.hrtime.bigint();
        await stories.decide(c, i.card.id, i.card, time);
        return ms(t0, process.hrtime.bigint());
      } finally {
        c.release();
      }
    },
    async warmStore(i, time) {
      const c = await pool.connect();
      try {
        await own.decide(c, i.card.id, i.card, time);
      } finally {
        c.release();
      }
    },
    close: async () => {
      await store.close();
      await pool.end();
    },
  };
}

export async function indexCostBench(args: string[]): Promise<void> {
  const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const n = Number(opt("--sample", "5000"));
  // Checked before any store is opened or card built.
  const allocKind = opt("--alloc", "") as AllocKind | "";
  if (allocKind && allocKind !== "all" && allocKind !== "kept") throw new Error("index-cost: --alloc takes all or kept");
  const sources = loadSources(opt("--corpus", join(process.cwd(), "../shared/eval/summaries/cnndm_frank250.jsonl")));
  const targets: Array<{ name: string; open: () => Promise<Parts> }> = [];
  if (args.includes("--db")) targets.push({ name: "sqlite", open: async () => sqliteParts(resolve(opt("--db", ""))) });
  if (args.includes("--pg-schema")) targets.push({ name: "postgres", open: () => postgresParts(opt("--pg", "postgres://postgres@127.0.0.1:5432/test"), opt("--pg-schema", ""), args.includes("--statements")) });
  if (!targets.length) throw new Error("index-cost: give --db FILE (a copy: it is written to) and/or --pg-schema NAME");

  for (const t of targets) {
    const parts = await t.open();
    const stored = await parts.store.count();
    // New articles, as the store bench would have made next (not timed with the store).
    const cardsPool = inlineCards();
    const items: Item[] = [];
    const c0 = process.hrtime.bigint();
    for (let i = stored; i < stored + n; i++) {
      const article = makeArticle(sources, i);
      items.push({ article, card: await cardsPool.build(article) });
    }
    const cardMs = ms(c0, process.hrtime.bigint());
    const warmN = Number(opt("--warm", "0"));
    const warm: Item[] = [];
    for (let i = stored + n; i < stored + n + warmN; i++) {
      const article = makeArticle(sources, i);
      warm.push({ article, card: await cardsPool.build(article) });
    }
    await cardsPool.close();
    if (args.includes("--decide")) {
      const ordered = args.includes("--ordered");
      // Corpus order: the N others first, then the sample. In order of publication: the N others and
      // the sample interleaved by date (an ingestor's arrivals), only the sample's decisions in the
      // percentiles; CPU and collections then cover all N + n decisions.
      const run = [...warm.map((i) => ({ i, timed: false })), ...items.map((i) => ({ i, timed: true }))];
      if (ordered) run.sort((a, b) => timeOf(a.i) - timeOf(b.i));
      const before = ordered ? [] : run.filter((x) => !x.timed);
      const loop = ordered ? run : run.filter((x) => x.timed);
      for (const x of before) await parts.decide(x.i, timeOf(x.i));
      for (const x of before) await parts.warmStore(x.i, timeOf(x.i));
      const how =
        (warmN ? (ordered ? `warm (${warmN} other new articles decided among them, untimed)` : `warm (after ${warmN} other decisions, untimed)`) : "cold (fresh process)") +
        (ordered ? ", in order of publication" : ", corpus order (dates cycle through the year)");
      // The decision for each new article against the store as it is (once each, not the best of 3).
      // Beside wall time: the process's CPU time (moves far less with the machine's load) and the
      // garbage collections that ran while deciding, with the heap after.
      const gcs: number[] = [];
      // By kind: scavenges (minor) cost what survives them; mark-compacts (major) what the heap holds.
      const kinds = new Map<string, { n: number; ms: number; max: number }>();
      const KIND: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MINOR]: "minor", [constants.NODE_PERFORMANCE_GC_MAJOR]: "major", [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: "incremental", [constants.NODE_PERFORMANCE_GC_WEAKCB]: "weak callbacks" };
      const obs = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          gcs.push(e.duration);
          const kind = KIND[(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? "other";
          const k = kinds.get(kind) ?? kinds.set(kind, { n: 0, ms: 0, max: 0 }).get(kind)!;
          k.n++;
          k.ms += e.duration;
          k.max = Math.max(k.max, e.duration);
        }
      });
      obs.observe({ entryTypes: ["gc"] });
      const times: number[] = [];
      const stopSampling = allocKind ? await sampleAllocations(allocKind) : undefined;
      const cpu0 = process.cpuUsage();
      let all = 0;
      for (const x of loop) {
        const d = await parts.decide(x.i, timeOf(x.i));
        all += d;
        if (x.timed) times.push(d);
      }
      const cpu = process.cpuUsage(cpu0);
      if (stopSampling) {
        const a = await stopSampling();
        const kb = (b: number) => fmt(b / 1024 / loop.length, 1);
        console.log(
          `${t.name}: ${allocKind === "all" ? "allocated" : "outlived a scavenge"} per decision ${kb(a.bytes)} KB (sampled); most by ` +
            a.byFunction.slice(0, 8).map(([f, b]) => `${f} ${kb(b)}`).join(", "),
        );
      }
      await new Promise((r) => setTimeout(r, 200)); // GC entries reach the observer later, not during a synchronous loop
      obs.disconnect();
      times.sort((a, b) => a - b);
      const total = times.reduce((a, b) => a + b, 0);
      const m = loop.length;
      const gcMs = gcs.reduce((a, b) => a + b, 0);
      console.log(
        `${t.name}: grouping decision at ${stored} stored, once each over ${n} new articles, ${how}: mean ${fmt(total / n)} ms, ` +
          `p50 ${fmt(percentile(times, 50))} ms, p99 ${fmt(percentile(times, 99))} ms; load average ${loadavg().map((x) => fmt(x, 1)).join(" ")}`,
      );
      console.log(
        `${t.name}: decision CPU ${fmt((cpu.user + cpu.system) / 1000 / m)} ms each${m > n ? ` (over all ${m})` : ""}; ${gcs.length} garbage collections while deciding, ${fmt(gcMs, 0)} ms ` +
          `(${fmt((100 * gcMs) / all, 1)}% of decision time; the longest ${fmt(Math.max(0, ...gcs))} ms); heap after ${fmt(process.memoryUsage().heapUsed / 1024 / 1024, 0)} MB`,
      );
      console.log(`${t.name}: collections by kind: ` + [...kinds].map(([k, v]) => `${k} ${v.n} (${fmt(v.ms, 0)} ms, longest ${fmt(v.max)} ms)`).join(", "));
      for (const x of loop) await parts.warmStore(x.i, timeOf(x.i));
    }
    let put = 0, people = 0, stories = 0;
    for (let b = 0; b < items.length; b += BATCH) {
      const batch = items.slice(b, b + BATCH);
      const now = stored + b;
      const x = await parts.parts(batch, timeOf, now);
      people += x.people;
      stories += x.stories;
      const t0 = process.hrtime.bigint();
      await parts.store.putMany(batch, now);
      put += ms(t0, process.hrtime.bigint());
    }
    // A join leaves its flags with the other members to the story's next read: the first read of the
    // new articles' stories writes them (timed apart, not in the rates; each story once).
    const s0 = process.hrtime.bigint();
    const read = new Set<string>();
    for (let b = 0; b < items.length; b += BATCH) for (const st of await parts.store.storiesOf(items.slice(b, b + BATCH).map((i) => i.card.id))) read.add(st.id);
    const settleMs = ms(s0, process.hrtime.bigint());
    const s1 = process.hrtime.bigint();
    for (let b = 0; b < items.length; b += BATCH) await parts.store.storiesOf(items.slice(b, b + BATCH).map((i) => i.card.id));
    const againMs = ms(s1, process.hrtime.bigint());
    const rate = (totalMs: number) => fmt(n / (totalMs / 1000), 0);
    const less = (part: number, base: number) => `${fmt((100 * part) / base, 1)}%`;
    console.log(`${t.name}: ${n} new articles into a store of ${stored}, batches of ${BATCH}; cards ${fmt(cardMs / n)} ms each (${rate(cardMs)} cards/s, not in the store figures)`);
    console.log(
      `${t.name}: store alone ${rate(put)} puts/s (${fmt(put / n)} ms per put); of which person index ${fmt(people / n)} ms (${less(people, put)}), stories ${fmt(stories / n)} ms (${less(stories, put)})`,
    );
    console.log(
      `${t.name}: store alone without the person index ${rate(put - people)} puts/s, without stories ${rate(put - stories)} puts/s: ` +
        `rate lower by ${less(people, put)} with the index, ${less(stories, put)} with stories`,
    );
    console.log(
      `${t.name}: with cards ${rate(cardMs + put)} articles/s; without the person index ${rate(cardMs + put - people)} (lower by ${less(people, cardMs + put)}), ` +
        `without stories ${rate(cardMs + put - stories)} (lower by ${less(stories, cardMs + put)}); load average ${loadavg().map((x) => fmt(x, 1)).join(" ")}`,
    );
    console.log(
      `${t.name}: the first read of the ${read.size} stories they joined or started (the flags the joins left written): ${fmt(settleMs / n)} ms per new article; ` +
        `read again: ${fmt(againMs / n)} ms per new article`,
    );
    if (parts.statements) {
      const all = [...parts.statements].sort((a, b) => b[1].ms - a[1].ms);
      console.log(
        `${t.name}: stories' statements (rolled-back assigns, ms per article: wall, of which sending; the process's CPU meanwhile): ` +
          all.map(([k, v]) => `${k} ${fmt(v.ms / n, 3)} (sending ${fmt(v.send / n, 3)}; CPU ${fmt(v.cpu / n, 3)}; ${v.n})`).join(", "),
      );
    }
    await parts.close();
  }
}

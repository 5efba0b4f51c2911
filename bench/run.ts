// npm run bench [-- NAME... [options]]: builds dist and runs the named benchmarks (all by default).
// `npm run bench -- --help` prints what each takes (USAGE below).
import { runCardBench, runCardVsBench } from "./card.js";
import { chartBench } from "./chart.js";
import { DIGEST_BENCH_DEFAULTS, runDigestBench } from "./digest.js";
import { runDigestHttpBench } from "./digest-http.js";
import { figuresBench } from "./figures.js";
import { indexCostBench } from "./index-cost.js";
import { memoryBench } from "./memory.js";
import { pureBench } from "./pure.js";
import { storeBench } from "./store.js";
import { storiesBench } from "./stories.js";
import { whosaidBench } from "./whosaid.js";

const BENCHES: Record<string, (args: string[]) => Promise<void> | void> = {
  card: (args) => {
    const at = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
    const rounds = at("--rounds") ? Number(at("--rounds")) : undefined;
    const vs = at("--vs");
    const warm = at("--warm") ? Number(at("--warm")) : undefined;
    if (vs) runCardVsBench(vs, { rounds });
    else runCardBench({ rounds, warm });
  },
  figures: figuresBench,
  store: storeBench,
  stories: storiesBench,
  whosaid: whosaidBench,
  pure: pureBench,
  chart: chartBench,
  memory: memoryBench,
  "index-cost": indexCostBench,
  digest: async (args) => {
    const n = Number(args.find((a) => /^\d+$/.test(a)) ?? DIGEST_BENCH_DEFAULTS.destinations);
    const r = await runDigestBench({ destinations: n, ledger: args.includes("--postgres") ? "postgres" : "sqlite" });
    // A duplicate or a miss is a failure, not a figure.
    if (r.duplicates || r.misses) process.exitCode = 1;
  },
  "digest-http": async (args) => {
    const r = await runDigestHttpBench(Number(args.find((a) => /^\d+$/.test(a)) ?? 1000));
    if (r.duplicates || r.misses) process.exitCode = 1;
  },
};

const USAGE = `usage: npm run bench [-- NAME... [options]]
  card    [--vs DIR] [--rounds N] [--warm N]      cards/s, median and p99 ms per card, peak RSS; or this build
                                                  against another (DIR: a copy of an earlier dist/), interleaved
  figures                                         figure recall per eval file, ISO codes, speed
  store   [--articles N] [--pg URL] [--skip-pg]   ingestion rate, question latencies, size, RSS, then
          [--skip-adapters]                       Slack and Discord HTTP modes at 200 req/s over the SQLite store;
          [--db FILE] [--pg-schema NAME]          --db and --pg-schema keep the stores (and reuse them when they
          [--questions N] [--workers N]           hold N articles); N questions of each kind; N card workers
  stories [DIR] [--sweep]                         story grouping (pairwise, BCubed) and flag P/R on test/fixtures/stories
  memory  [--articles N] [--db FILE] [--requests N] the real bot (Slack + Discord, against the fakes) over N
                                                  articles (100,000): peak RSS and where the memory goes
  index-cost --db FILE [--pg-schema NAME] [--sample N] [--decide [--warm N] [--ordered] [--alloc all|kept]] [--statements]  what the person index and stories cost each put,
                                                  N new articles into a kept store (a copy: it is written to)
  chart   [--points N] [--runs N]                 trend chart rendering: p50/p99 ms per PNG for an N-point series (50)
  pure    [FILE.jsonl...] [--processes N]         whether each card is a function of its article alone: built in
                                                  stream order vs with a fresh tagger (or N fresh processes)
  whosaid [--eval DIR]                            who-said retrieval on the eval set
  digest  [N] [--postgres]                        N digests (1,000) due at one slot against rate-limited fake
                                                  platforms: total time vs the floor, duplicates, misses
  digest-http [N]                                 the same through the real Slack and Discord senders over HTTP
`;

/** Benches that need arguments (a store to copy) and run only when named. */
const ON_REQUEST = new Set(["index-cost"]);

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
    return;
  }
  const names = args.filter((a) => a in BENCHES);
  const unknown = args.find((a) => !a.startsWith("-") && !(a in BENCHES) && !/^\d/.test(a));
  if (unknown && !names.length) throw new Error(`unknown benchmark "${unknown}" (${Object.keys(BENCHES).join(", ")})`);
  const rest = args.filter((a) => !(a in BENCHES));
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n## ${name}`);
    // A whole run (no names) skips what needs a store of its own to measure against.
    if (!names.length && ON_REQUEST.has(name)) {
      console.log(`${name}: skipped in a whole run; give its name and a store (see the usage above)`);
      continue;
    }
    await BENCHES[name]!(rest);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

// npm run bench [-- NAME... [options]]: builds dist and runs the named benchmarks (all by default).
//   card                                            cards/s, median and p99 ms per card, peak RSS
//   figures                                         figure recall per eval file, ISO codes, speed
//   store   [--articles N] [--pg URL] [--skip-pg]   ingestion rate, question latencies, size, RSS, then
//           [--skip-adapters]                       Slack and Discord HTTP modes at 200 req/s over the SQLite store
//   whosaid [--eval DIR]                            who-said retrieval on the eval set
import { runCardBench } from "./card.js";
import { figuresBench } from "./figures.js";
import { storeBench } from "./store.js";
import { whosaidBench } from "./whosaid.js";

const BENCHES: Record<string, (args: string[]) => Promise<void> | void> = {
  card: () => runCardBench(),
  figures: figuresBench,
  store: storeBench,
  whosaid: whosaidBench,
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const names = args.filter((a) => a in BENCHES);
  const unknown = args.find((a) => !a.startsWith("-") && !(a in BENCHES) && !/^\d/.test(a));
  if (unknown && !names.length) throw new Error(`unknown benchmark "${unknown}" (${Object.keys(BENCHES).join(", ")})`);
  const rest = args.filter((a) => !(a in BENCHES));
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    console.log(`\n## ${name}`);
    await BENCHES[name]!(rest);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

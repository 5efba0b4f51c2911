// npm run bench [-- card ...]: runs the named benchmarks (all by default) and prints figures.
import { runCardBench } from "./card.js";

const BENCHES: Record<string, (args: string[]) => Promise<void> | void> = {
  card: () => runCardBench(),
};

async function run(): Promise<void> {
  const args = process.argv.slice(2);
  const names = args.filter((a) => a in BENCHES);
  for (const name of names.length ? names : Object.keys(BENCHES)) {
    await BENCHES[name]!(args.filter((a) => !(a in BENCHES)));
  }
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

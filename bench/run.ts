// npm run bench [-- NAME [options]]: builds dist and runs one benchmark (default: store).
//   store   [--articles N] [--pg URL] [--skip-pg]   ingestion rate, question latencies, size, RSS
//   whosaid [--eval DIR]                            who-said retrieval on the eval set
import { storeBench } from "./store.js";
import { whosaidBench } from "./whosaid.js";

const BENCHES: Record<string, (args: string[]) => Promise<void>> = { store: storeBench, whosaid: whosaidBench };

async function main(): Promise<void> {
  const [first, ...rest] = process.argv.slice(2);
  const name = first && !first.startsWith("-") ? first : "store";
  const args = first && !first.startsWith("-") ? rest : process.argv.slice(2);
  const bench = BENCHES[name];
  if (!bench) throw new Error(`unknown benchmark "${name}" (${Object.keys(BENCHES).join(", ")})`);
  await bench(args);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

// briefbot topics [PREFIX] [--limit N] [--json] [--db PATH|URL]
import { withStore } from "./db.js";
import { parseCommand } from "./args.js";
import { UsageError, type Io } from "./io.js";

export async function topicsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { limit: { type: "string", default: "50" }, json: { type: "boolean", default: false }, db: { type: "string" } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError("--limit must be a positive whole number");
  return withStore("topics", values.db, io, async (store) => {
    const topics = await store.topics(limit, positionals[0]);
    if (values.json) io.stdout(JSON.stringify(topics) + "\n");
    else io.stdout(topics.length ? topics.map((t) => `${t.topic}\t${t.count}`).join("\n") + "\n" : "no topics yet: ingest some articles first\n");
    return 0;
  });
}

// briefbot ask "<question>" [--json] [--db PATH|URL]
// briefbot ask --jsonl [FILE|-] [--db PATH|URL]     lines {"id","ask"} -> {"id","answer"} | {"id","error"}
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { createAsker, type Asker } from "../ask/index.js";
import { answerToText } from "../render/index.js";
import { withStore } from "./db.js";
import { parseCommand } from "./args.js";
import { UsageError, type Io } from "./io.js";

export async function askCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: "boolean", default: false }, jsonl: { type: "boolean", default: false }, db: { type: "string" } });
  if (!values.jsonl && !positionals.length) throw new UsageError('give a question: briefbot ask "who said \\"cook fast\\"?"');
  return withStore("ask", values.db, io, async (store) => {
    const asker = createAsker(store);
    if (values.jsonl) return askJsonl(asker, positionals[0] ?? "-", io);
    const answer = await asker.ask(positionals.join(" "));
    io.stdout(values.json ? JSON.stringify(answer, null, 2) + "\n" : answerToText(answer));
    return answer.kind === "not_found" ? 1 : 0;
  });
}

async function askJsonl(asker: Asker, file: string, io: Io): Promise<number> {
  const input = file === "-" ? (io.stdin ?? process.stdin) : createReadStream(file, "utf8");
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch {
      io.stdout(JSON.stringify({ id: null, error: { code: "bad_json", message: `line ${n} is not JSON` } }) + "\n");
      continue;
    }
    const r = (rec && typeof rec === "object" && !Array.isArray(rec) ? rec : {}) as Record<string, unknown>;
    const id = r.id ?? null;
    if (typeof r.ask !== "string") {
      io.stdout(JSON.stringify({ id, error: { code: "bad_record", message: `line ${n}: "ask" is missing or not a string` } }) + "\n");
      continue;
    }
    io.stdout(JSON.stringify({ id, answer: await asker.ask(r.ask) }) + "\n");
  }
  return 0;
}

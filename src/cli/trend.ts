// briefbot trend "<what>" [--in TOPIC] [--out chart.png] [--step] [--json] [--db PATH|URL]
import { writeFileSync } from "node:fs";
import { createAsker, type Intent } from "../ask/index.js";
import { answerToText } from "../render/index.js";
import { trendPng } from "../render/chart/index.js";
import { parseCommand } from "./args.js";
import { withStore } from "./db.js";
import { UsageError, type Io } from "./io.js";

export async function trendCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    in: { type: "string" },
    out: { type: "string", short: "o" },
    step: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    db: { type: "string" },
  });
  const what = positionals.join(" ").trim();
  if (!what) throw new UsageError('say what to follow: briefbot trend "evacuees" [--in wildfire] [--out chart.png]');
  return withStore("trend", values.db, io, async (store) => {
    const asker = createAsker(store);
    // "evacuees in wildfire" reads as --in wildfire, as /trend does in chat.
    const answer = values.in ? await asker.answer({ kind: "trend", what, topic: values.in } satisfies Intent) : await asker.ask(`/trend ${what}`);
    io.stdout(values.json ? JSON.stringify(answer, null, 2) + "\n" : answerToText(answer));
    if (answer.kind !== "trend") return 1;
    if (!values.out) return 0;
    if (answer.series.length < 2) {
      io.stderr(`briefbot trend: no chart written: one point is not a trend\n`);
      return 1;
    }
    const chart = await trendPng(answer, { shape: values.step ? "step" : "line" });
    try {
      writeFileSync(values.out, chart.png);
    } catch (err) {
      io.stderr(`briefbot trend: cannot write ${values.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
      return 1;
    }
    if (!values.json) io.stdout(`Chart: ${values.out} (${chart.width}×${chart.height} PNG, ${Math.round(chart.png.length / 1024)} KB)\n`);
    return 0;
  });
}

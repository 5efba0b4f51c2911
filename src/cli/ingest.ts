// briefbot ingest PATH...|URL... [--jsonl FILE|-] [--db PATH|URL] [--watch MINUTES] [--user-agent UA] [--timeout SECONDS] [--workers N|auto]
// Files and folders (.txt, .md, .html), pages and feeds by URL, JSON lines {"id","text",...}.
// --watch polls the URLs as feeds every MINUTES until interrupted.
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import {
  cardWorkerAvailable,
  createCardPool,
  createFeedPoller,
  createIngestor,
  createProgress,
  defaultWorkers,
  inlineCards,
  newFeedState,
  type FetchOptions,
  type IngestSummary,
} from "../ingest/index.js";
import { StoreError } from "../store/index.js";
import { withStore } from "./db.js";
import { parseCommand } from "./args.js";
import { UsageError, type Io } from "./io.js";

const isUrl = (s: string) => /^https?:\/\//i.test(s);

export function summaryLine(s: IngestSummary): string {
  return `ingested ${s.ingested}, updated ${s.updated}, unchanged ${s.unchanged}, failed ${s.failed.length}`;
}

function failureLines(s: IngestSummary): string {
  return s.failed.map((f) => `  failed: ${f.source}: ${f.code}: ${f.message}\n`).join("");
}

export async function ingestCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    jsonl: { type: "string" },
    db: { type: "string" },
    watch: { type: "string" },
    "user-agent": { type: "string" },
    timeout: { type: "string" },
    workers: { type: "string" },
  });
  if (!positionals.length && !values.jsonl) throw new UsageError("give files, folders or URLs, or --jsonl FILE");
  const fetch: Partial<FetchOptions> = {};
  if (values["user-agent"]) fetch.userAgent = values["user-agent"];
  if (values.timeout) {
    const t = Number(values.timeout);
    if (!(t > 0)) throw new UsageError("--timeout must be a number of seconds");
    fetch.timeoutMs = t * 1000;
  }
  const watchMinutes = values.watch === undefined ? undefined : Number(values.watch);
  if (watchMinutes !== undefined && !(watchMinutes > 0)) throw new UsageError("--watch must be a number of minutes");
  // Cards in this thread unless asked: worker threads pay off only on cores nothing else is using.
  const workers = values.workers === undefined ? 1 : values.workers === "auto" ? defaultWorkers() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 0) throw new UsageError("--workers must be a whole number or auto (1: build cards in this thread)");
  return withStore("ingest", values.db, io, async (store) => {
    const progress = createProgress(io.progress ?? { write: () => undefined }, 100, Date.now);
    // Bulk runs build cards on worker threads; a watch or a few pages need no pool.
    const bulk = watchMinutes === undefined && (!!values.jsonl || positionals.some((p) => !isUrl(p)));
    const cards = bulk && workers > 1 && cardWorkerAvailable() ? createCardPool(workers) : inlineCards();
    try {
      const ingestor = createIngestor({ store, now: Date.now, fetch, cards, onProgress: (d, t, s) => progress.update(d, t, s) });
      if (watchMinutes !== undefined) return await watch(positionals.filter(isUrl), watchMinutes, ingestor, io);
      try {
        const code = await run(ingestor);
        progress.end();
        return code;
      } catch (err) {
        // The store stopped taking writes: say what was stored and what was not, then why.
        if (!(err instanceof StoreError)) throw err;
        progress.end();
        report(ingestor.summary());
        io.stderr(`briefbot ingest: ${err.code}: ${err.message}; the run stopped (inputs after the last batch were not read)\n`);
        return 1;
      }
    } finally {
      await cards.close();
    }
  });

  function report(s: IngestSummary): void {
    io.stdout(summaryLine(s) + "\n");
    io.stderr(failureLines(s));
  }

  async function run(ingestor: ReturnType<typeof createIngestor>): Promise<number> {
    if (values.jsonl) {
      const input = values.jsonl === "-" ? (io.stdin ?? process.stdin) : createReadStream(values.jsonl, "utf8");
      await ingestor.jsonl(createInterface({ input, crlfDelay: Infinity }), values.jsonl);
    }
    await ingestor.paths(positionals.filter((p) => !isUrl(p)));
    for (const url of positionals.filter(isUrl)) await ingestor.url(url);
    const s = ingestor.summary();
    report(s);
    // Partial success is success; only a run where everything failed fails.
    return s.failed.length && !(s.ingested + s.updated + s.unchanged) ? 1 : 0;
  }
}

async function watch(feeds: string[], minutes: number, ingestor: ReturnType<typeof createIngestor>, io: Io): Promise<number> {
  if (!feeds.length) throw new UsageError("--watch needs feed URLs");
  let reported = 0;
  const poller = createFeedPoller({
    feeds,
    intervalMs: minutes * 60_000,
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) },
    now: Date.now,
    poll: (url, state) => ingestor.feed(url, state),
    newState: newFeedState,
    onRound: () => {
      const s = ingestor.summary();
      io.stdout(`${new Date().toISOString()} ${summaryLine(s)}\n`);
      io.stderr(failureLines({ ...s, failed: s.failed.slice(reported) }));
      reported = s.failed.length;
    },
  });
  await poller.start();
  await new Promise<void>((resolve) => process.once("SIGINT", resolve));
  poller.stop();
  return 0;
}

// Slack HTTP mode under load: signed /brief requests at a fixed rate on loopback (sent from a worker
// thread, bench/slack-load.ts); ack latency p50/p99 as the sender sees it.
// `runSlackBench({ asker })` measures the real store-backed asker; without one, an in-memory asker over
// `articles` cards (copies of cards built from the sample texts below) stands in.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { startSlack } from "../src/adapters/slack/index.js";
import type { Answer, Asker, Intent } from "../src/ask/index.js";
import { buildCard, type BriefingCard } from "../src/core/index.js";
import { createLogger } from "../src/log/index.js";
import type { LoadJob, LoadResult } from "./slack-load.js";

export interface SlackBenchOptions {
  /** Requests per second, sent open-loop (on schedule, whatever the replies do). */
  rate: number;
  /** Requests in all; the run is bounded by this and by `maxSeconds`. */
  requests: number;
  maxSeconds: number;
  /** Cards in the stand-in store (ignored when `asker` is given). */
  articles: number;
  asker?: Asker;
  /** Topics asked for, in turn; by default the asker's own (up to 1000). */
  topics?: string[];
}

export interface SlackBenchResult {
  requests: number;
  ok: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
  ackP50Ms: number;
  ackP99Ms: number;
  ackMaxMs: number;
  /** CPU (user + system) per request, bot and load worker together: steadier than latency on a shared machine. */
  cpuMsPerRequest: number;
  /** Time the bot's event loop was busy per request (the load worker not included). */
  botBusyMsPerRequest: number;
  articles: number | "given asker";
}

export const DEFAULT_SLACK_BENCH = { rate: 200, requests: 2000, maxSeconds: 30, articles: 100_000 } as const satisfies SlackBenchOptions;

const SAMPLES = [
  `Port authority opens a second container terminal\n\nThe port authority opened its second container terminal on Friday, adding room for 1.2 million containers a year.\n\n"This doubles what the harbour can handle," said Lena Varga, the authority's director.\n\nThe terminal cost $310 million and employs about 900 people.`,
  `City council delays the tram extension\n\nThe city council voted 9 to 4 to delay the tram extension by two years, citing costs that rose 35% since 2029.\n\n"We will not build a line we cannot run," said councillor Omar Haddad.`,
  `Heatwave pushes power demand to a record\n\nPower demand reached a record 48 gigawatts on Tuesday as temperatures passed 41 degrees.\n\n"The grid held, but the margin was thin," said grid operator spokesperson Ana Ruiz.`,
];

/** An in-memory stand-in: cards indexed by topic, so a lookup costs what a good store index costs. */
function standInAsker(articles: number, topics: number): Asker {
  const base = SAMPLES.map((text) => buildCard({ text, publisher: "Bench Daily", publishedAt: "2031-01-01" }));
  const byTopic = new Map<string, BriefingCard[]>();
  for (let i = 0; i < articles; i++) {
    const card = { ...base[i % base.length]!, id: `bench-${i}`, topics: [`topic-${i % topics}`] };
    const list = byTopic.get(card.topics[0]!) ?? [];
    list.unshift(card);
    byTopic.set(card.topics[0]!, list);
  }
  const answer = async (intent: Intent): Promise<Answer> => {
    if (intent.kind !== "brief") return { kind: "help", commands: [] };
    const cards = (byTopic.get(intent.topic) ?? []).slice(0, 5);
    return cards.length ? { kind: "brief", topic: intent.topic, cards } : { kind: "not_found", intent: "brief", query: intent.topic, suggestions: [] };
  };
  return {
    answer,
    ask: (text) => answer({ kind: "brief", topic: text }),
    topics: async (prefix = "", limit = 25) =>
      [...byTopic].filter(([t]) => t.startsWith(prefix)).slice(0, limit).map(([topic, cards]) => ({ topic, count: cards.length })),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runSlackBench(options: Partial<SlackBenchOptions> = {}): Promise<SlackBenchResult> {
  const o = { ...DEFAULT_SLACK_BENCH, ...options };
  const asker = o.asker ?? standInAsker(o.articles, 1000);
  // The Web API is only asked auth.test at start (answers go back in the ack): a stub suffices.
  const api = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true,"user_id":"UBOT","bot_id":"BBOT","team_id":"T1"}'));
  api.listen(0, "127.0.0.1");
  await once(api, "listening");
  const secret = "bench-signing-secret";
  const slack = await startSlack({
    asker,
    logger: createLogger({ level: "warn", pretty: false }),
    config: { mode: "http", botToken: "xoxb-bench", signingSecret: secret, apiUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}/`, port: 0, host: "127.0.0.1" },
  });
  const job: LoadJob = {
    url: `http://127.0.0.1:${slack.port}/slack/events`,
    secret,
    rate: o.rate,
    requests: o.requests,
    maxSeconds: o.maxSeconds,
    topics: o.topics ?? (await asker.topics(undefined, 1000)).map((t) => t.topic),
  };
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const worker = new Worker(join(__dirname, "slack-load.js"), { workerData: job });
  const [load] = (await once(worker, "message")) as [LoadResult];
  // cpuUsage covers the whole process: the bot and the load worker together.
  const used = process.cpuUsage(cpu);
  const busy = performance.eventLoopUtilization(elu);
  await worker.terminate();
  await slack.stop();
  api.close();
  const { latencies, errors, seconds, sent } = load;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    requests: sent,
    ok: latencies.length,
    errors,
    seconds: round(seconds),
    requestsPerSecond: round(latencies.length / seconds),
    ackP50Ms: round(percentile(latencies, 50)),
    ackP99Ms: round(percentile(latencies, 99)),
    ackMaxMs: round(latencies.at(-1) ?? NaN),
    cpuMsPerRequest: round((used.user + used.system) / 1000 / Math.max(1, sent)),
    botBusyMsPerRequest: round(busy.active / Math.max(1, sent)),
    articles: o.asker ? "given asker" : o.articles,
  };
}

if (require.main === module) {
  runSlackBench().then(
    (r) => console.log(JSON.stringify({ slack: r }, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}

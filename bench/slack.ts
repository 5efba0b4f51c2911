// Slack HTTP mode under load: signed /brief requests at a fixed rate on loopback; ack latency p50/p99.
// `runSlackBench({ asker })` measures the real store-backed asker; without one, an in-memory asker over
// `articles` cards (copies of cards built from the sample texts below) stands in.
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { startSlack } from "../src/adapters/slack/index.js";
import type { Answer, Asker, Intent } from "../src/ask/index.js";
import { buildCard, type BriefingCard } from "../src/core/index.js";
import { createLogger } from "../src/log/index.js";

export interface SlackBenchOptions {
  /** Requests per second, sent open-loop (on schedule, whatever the replies do). */
  rate: number;
  /** Requests in all; the run is bounded by this and by `maxSeconds`. */
  requests: number;
  maxSeconds: number;
  /** Cards in the stand-in store (ignored when `asker` is given). */
  articles: number;
  asker?: Asker;
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
  /** CPU (user + system) per request, bot and load loop together: steadier than latency on a shared machine. */
  cpuMsPerRequest: number;
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
    topics: async () => [...byTopic].slice(0, 25).map(([topic, cards]) => ({ topic, count: cards.length })),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export async function runSlackBench(options: Partial<SlackBenchOptions> = {}): Promise<SlackBenchResult> {
  const o = { ...DEFAULT_SLACK_BENCH, ...options };
  const topics = 1000;
  const asker = o.asker ?? standInAsker(o.articles, topics);
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
  const url = `http://127.0.0.1:${slack.port}/slack/events`;
  const latencies: number[] = [];
  let errors = 0;
  const send = async (i: number) => {
    const body = new URLSearchParams({ command: "/brief", text: `topic-${(i * 7) % topics}`, team_id: "T1", channel_id: "C1", user_id: "U1", response_url: "http://127.0.0.1:9/none", trigger_id: "t" }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", secret).update(`v0:${ts}:${body}`).digest("hex")}`;
    const started = performance.now();
    try {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": signature }, body });
      const json = (await res.json()) as { response_type?: string };
      if (res.status !== 200 || json.response_type !== "ephemeral") errors++;
      else latencies.push(performance.now() - started);
    } catch {
      errors++;
    }
  };
  const interval = 1000 / o.rate;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + o.maxSeconds * 1000;
  const inflight: Promise<void>[] = [];
  let sent = 0;
  for (; sent < o.requests; sent++) {
    const due = started + sent * interval;
    if (due > deadline) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(sent));
  }
  await Promise.all(inflight);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  await slack.stop();
  api.close();
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

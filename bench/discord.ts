// Discord HTTP interactions mode under load: requests per second and p50/p99 response latency on
// loopback at a fixed rate (open loop: latency counts from when each request was due), with every
// request's Ed25519 signature checked. The bot runs in a worker thread over SyntheticAsker
// (100,000 cards by default) unless an asker is passed in; then it runs in this thread.
import { request, Agent } from "node:http";
import { generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startDiscord, type Logger } from "../src/adapters/discord/index.js";
import type { Asker } from "../src/ask/index.js";
import { benchTopics, SyntheticAsker } from "./discord-asker.js";

export interface DiscordBenchOptions {
  /** Requests per second offered. */
  rate?: number;
  seconds?: number;
  /** Cards in the synthetic store (ignored when `asker` is given). */
  articles?: number;
  asker?: Asker;
  log?: (line: string) => void;
}

export interface DiscordBenchResult {
  articles: number | "given";
  rate: number;
  sent: number;
  ok: number;
  errors: number;
  achievedRps: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** From send to answer, leaving out any lateness of the load generator. */
  sentP50Ms: number;
  sentP99Ms: number;
  verifyUs: number;
}

const APP = "900000000000000001";
const TOKEN = "bench.token.not-a-real-one-abcdefghijklmnop";
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

async function serve(asker: Asker, publicKey: string): Promise<{ port: number; stop: () => Promise<void> }> {
  // REST is only used for edits of deferred answers; with answers in memory none are deferred.
  const bot = await startDiscord({ asker, logger: quiet, config: { mode: "http", token: TOKEN, applicationId: APP, publicKey, port: 0, host: "127.0.0.1", apiUrl: "http://127.0.0.1:9/api", deferAfterMs: 2500 } });
  return { port: bot.port!, stop: () => bot.stop() };
}

// Worker side: build the store, serve, report the port, stop when told.
if (!isMainThread && (workerData as { role?: string } | null)?.role === "discord-bench-server") {
  const { articles, publicKey } = workerData as { articles: number; publicKey: string };
  void serve(new SyntheticAsker(articles), publicKey).then((s) => {
    parentPort!.postMessage({ port: s.port });
    parentPort!.once("message", () => void s.stop().then(() => process.exit(0)));
  });
}

function payloads(n: number): unknown[] {
  const topics = benchTopics(2000);
  const pick = (i: number) => topics[(i * 7919) % topics.length]!;
  const member = { user: { id: "700000000000000002", username: "bench" }, roles: [], permissions: "0" };
  return Array.from({ length: n }, (_, i) => {
    const base = { id: String(1_300_000_000_000_000_000n + BigInt(i)), application_id: APP, token: `bench-token-${i}`, version: 1, guild_id: "800000000000000001", channel_id: "810000000000000001", member, entitlements: [] };
    const kind = i % 5;
    if (kind === 0 || kind === 1) return { ...base, type: 2, data: { name: "brief", type: 1, options: [{ name: "topic", type: 3, value: pick(i) }] } };
    if (kind === 2) return { ...base, type: 2, data: { name: "whosaid", type: 1, options: [{ name: "words", type: 3, value: "expect the" }] } };
    if (kind === 3) return { ...base, type: 2, data: { name: "figures", type: 1, options: [{ name: "topic", type: 3, value: pick(i) }] } };
    return { ...base, type: 4, data: { name: "brief", type: 1, options: [{ name: "topic", type: 3, value: pick(i).slice(0, 1 + (i % 4)), focused: true }] } };
  });
}

function signAll(bodies: string[], key: KeyObject): Array<{ body: string; headers: Record<string, string> }> {
  const ts = String(Math.floor(Date.now() / 1000));
  return bodies.map((body) => ({
    body,
    headers: { "content-type": "application/json", "x-signature-timestamp": ts, "x-signature-ed25519": sign(null, Buffer.from(ts + body), key).toString("hex") },
  }));
}

function post(port: number, agent: Agent, r: { body: string; headers: Record<string, string> }): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: "127.0.0.1", port, path: "/interactions", method: "POST", headers: r.headers, agent }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve(res.statusCode === 200 && /^\{"type":[48]\b/.test(text)));
    });
    req.on("error", () => resolve(false));
    req.end(r.body);
  });
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runDiscordBench(options: DiscordBenchOptions = {}): Promise<DiscordBenchResult> {
  const rate = options.rate ?? 200, seconds = options.seconds ?? 10, articles = options.articles ?? 100_000;
  const log = options.log ?? ((l: string) => console.log(l));
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const der = publicKey.export({ format: "der", type: "spki" });
  const publicKeyHex = der.subarray(der.length - 32).toString("hex");

  let server: { port: number; stop: () => Promise<void> };
  const t0 = performance.now();
  if (options.asker) {
    server = await serve(options.asker, publicKeyHex);
  } else {
    const worker = new Worker(__filename, { workerData: { role: "discord-bench-server", articles, publicKey: publicKeyHex } });
    const port = await new Promise<number>((resolve, reject) => {
      worker.once("message", (m: { port: number }) => resolve(m.port));
      worker.once("error", reject);
    });
    server = { port, stop: async () => void (worker.postMessage("stop"), await new Promise((r) => worker.once("exit", r))) };
  }
  log(`discord: HTTP interactions bench, ${options.asker ? "given asker" : `${articles.toLocaleString("en-US")} synthetic cards`} (ready in ${(performance.now() - t0).toFixed(0)} ms)`);

  const total = rate * seconds, warm = Math.min(rate, 200);
  const reqs = signAll(payloads(total + warm).map((p) => JSON.stringify(p)), privateKey);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  for (let i = 0; i < warm; i += 20) await Promise.all(reqs.slice(i, i + 20).map((r) => post(server.port, agent, r)));

  // From when each request was due (open loop, counts our own lateness) and from when it was sent.
  const latencies: number[] = [];
  const service: number[] = [];
  let ok = 0, errors = 0;
  const inflight: Array<Promise<void>> = [];
  const interval = 1000 / rate;
  const start = performance.now() + 20;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const sent = performance.now();
    inflight.push(post(server.port, agent, reqs[warm + i]!).then((good) => {
      const end = performance.now();
      latencies.push(end - due);
      service.push(end - sent);
      if (good) ok++;
      else errors++;
    }));
  }
  await Promise.all(inflight);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  await server.stop();

  // Signature check alone, for scale.
  const sample = reqs[0]!;
  const n = 2000, v0 = performance.now();
  for (let i = 0; i < n; i++) verify(null, Buffer.from(sample.headers["x-signature-timestamp"]! + sample.body), publicKey, Buffer.from(sample.headers["x-signature-ed25519"]!, "hex"));
  const verifyUs = ((performance.now() - v0) / n) * 1000;

  latencies.sort((a, b) => a - b);
  service.sort((a, b) => a - b);
  const result: DiscordBenchResult = {
    articles: options.asker ? "given" : articles, rate, sent: total, ok, errors,
    achievedRps: ok / elapsed, p50Ms: pct(latencies, 50), p99Ms: pct(latencies, 99), maxMs: latencies.at(-1) ?? NaN,
    sentP50Ms: pct(service, 50), sentP99Ms: pct(service, 99), verifyUs,
  };
  log(`discord: offered ${rate} req/s for ${seconds} s: ${result.achievedRps.toFixed(0)} answered/s, ${ok} ok, ${errors} errors`);
  log(`discord: response latency p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(2)} ms (goal: p99 < 50 ms, no error)`);
  log(`discord: from send: p50 ${result.sentP50Ms.toFixed(2)} ms, p99 ${result.sentP99Ms.toFixed(2)} ms; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on ${cpus().length} CPUs`);
  log(`discord: Ed25519 signature check alone ${verifyUs.toFixed(0)} µs`);
  return result;
}

if (isMainThread && require.main === module) {
  const [rate, seconds] = process.argv.slice(2).map(Number);
  runDiscordBench({ ...(rate ? { rate } : {}), ...(seconds ? { seconds } : {}) }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

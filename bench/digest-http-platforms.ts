// The platforms for bench/digest-http.ts, in a worker thread of their own so that the bot's busy
// event loop does not skew when a request is stamped: Slack-like and Discord-like endpoints that
// enforce the published limits with 429s, and record what they accepted.
import { once } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { parentPort } from "node:worker_threads";

export interface PlatformRecords {
  slackKeys: string[];
  discordRefs: string[];
  slackLimited: number;
  discordLimited: number;
}

interface Limits {
  /** Accepted post times per channel and overall (ms, performance.now()). */
  channel: Map<string, number[]>;
  global: number[];
  limited: number;
}

/** Sliding windows, as the platforms count: a post over a limit gets a 429 with the time left. */
function check(times: number[], limit: number, perMs: number, now: number): number {
  while (times.length && times[0]! <= now - perMs) times.shift();
  return times.length >= limit ? times[0]! + perMs - now : 0;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = k === "metadata" || k === "blocks" ? JSON.parse(v) : v;
  return out;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>) {
  const server = createServer((req, res) => void handler(req, res));
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return { server, port: (server.address() as AddressInfo).port };
}

const reply = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) =>
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const slackLimits: Limits = { channel: new Map(), global: [], limited: 0 };
    const discordLimits: Limits = { channel: new Map(), global: [], limited: 0 };
    const slackKeys: string[] = [];
    const discordRefs: string[] = [];
    let ts = 1_767_000_000;
    let ids = 1n << 40n;

    const slack = await listen(async (req, res) => {
      const body = await readJson(req);
      if (!req.url?.endsWith("/chat.postMessage")) return reply(res, 200, { ok: true, messages: [] });
      const now = performance.now();
      const times = slackLimits.channel.get(String(body.channel)) ?? [];
      slackLimits.channel.set(String(body.channel), times);
      const wait = check(times, 1, 1000, now);
      if (wait > 0) {
        slackLimits.limited += 1;
        return reply(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(Math.ceil(wait / 1000)) });
      }
      times.push(now);
      slackKeys.push(String((body.metadata as { event_payload: { key: string } }).event_payload.key));
      reply(res, 200, { ok: true, channel: body.channel, ts: `${ts++}.000100` });
    });
    const discord = await listen(async (req, res) => {
      const body = await readJson(req);
      const m = /\/channels\/(\d+)\/messages/.exec(req.url ?? "");
      if (!m || req.method !== "POST") return reply(res, 200, []);
      const now = performance.now();
      const times = discordLimits.channel.get(m[1]!) ?? [];
      discordLimits.channel.set(m[1]!, times);
      const global = check(discordLimits.global, 50, 1000, now);
      const wait = Math.max(global, check(times, 5, 5000, now));
      if (wait > 0) {
        discordLimits.limited += 1;
        const headers: Record<string, string> = { "retry-after": (wait / 1000).toFixed(3), ...(global > 0 ? { "x-ratelimit-global": "true" } : {}) };
        return reply(res, 429, { message: "You are being rate limited.", retry_after: wait / 1000, global: global > 0 }, headers);
      }
      times.push(now);
      discordLimits.global.push(now);
      discordRefs.push(String(body.nonce));
      reply(res, 200, { id: String(ids++), channel_id: m[1], content: body.content });
    });


  port.postMessage({ slack: slack.port, discord: discord.port });
  port.on("message", () => {
    const records: PlatformRecords = { slackKeys, discordRefs, slackLimited: slackLimits.limited, discordLimited: discordLimits.limited };
    port.postMessage(records);
    slack.server.close();
    discord.server.close();
    slack.server.closeAllConnections();
    discord.server.closeAllConnections();
  });
}

if (parentPort) void main(parentPort);

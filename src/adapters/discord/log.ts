// Logging that never shows a bot token or an interaction token, and Discord errors worded for people.
import type { Logger } from "./types.js";

const TOKEN_IN_PATH = /((?:webhooks|interactions)\/\d+\/)[A-Za-z0-9._-]{20,}/g;
// Bot tokens: base64 id, a dot, a timestamp, a dot, an HMAC.
const BOT_TOKEN = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;

export function redactText(s: string, secrets: string[]): string {
  let out = s;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out.replace(TOKEN_IN_PATH, "$1[redacted]").replace(BOT_TOKEN, "[redacted]");
}

function redactValue(v: unknown, secrets: string[], depth = 0): unknown {
  if (typeof v === "string") return redactText(v, secrets);
  if (v instanceof Error) return redactValue(describeError(v), secrets, depth + 1);
  if (depth > 4 || v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => redactValue(x, secrets, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, /token|authorization/i.test(k) ? "[redacted]" : redactValue(x, secrets, depth + 1)]));
}

/** A logger that scrubs the given secrets (and anything shaped like a token) from every field and message. */
export function redactingLogger(logger: Logger, secrets: string[]): Logger {
  const wrap = (level: keyof Logger) => (fields: Record<string, unknown>, msg: string) =>
    logger[level](redactValue(fields, secrets) as Record<string, unknown>, redactText(msg, secrets));
  return { debug: wrap("debug"), info: wrap("info"), warn: wrap("warn"), error: wrap("error") };
}

/** Discord JSON error codes worth a clear word (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
const HINTS: Record<number, string> = {
  10003: "unknown channel: it was deleted, or the bot cannot see it",
  10062: "unknown interaction: it was answered after Discord's 3 seconds, or answered twice",
  50001: "missing access: the bot cannot see that channel; check its role and the channel's permissions",
  50013: "missing permissions: the bot needs View Channel, Send Messages, Embed Links, Attach Files and Read Message History there",
};

export function describeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { error: String(err) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown };
  const out: Record<string, unknown> = { name: e.name, message: e.message };
  if (e.code !== undefined) out.code = e.code;
  if (typeof e.status === "number") out.status = e.status;
  if (typeof e.method === "string") out.method = e.method;
  if (typeof e.url === "string") out.url = e.url;
  if (typeof e.code === "number" && HINTS[e.code]) out.hint = HINTS[e.code];
  return out;
}

interface RestEvents {
  on(event: "rateLimited", listener: (info: { route: string; retryAfter: number; global: boolean }) => void): unknown;
  on(event: "response", listener: (req: { method: string; route: string; retries: number }, res: { status: number; headers: { get(name: string): string | null } }) => void): unknown;
}

/** Logs 429s (discord.js's queue waits out retry_after) and 5xx answers (withBackoff retries them). */
export function watchRest(rest: RestEvents, logger: Logger): void {
  rest.on("rateLimited", (info) => logger.warn({ route: info.route, retryAfterMs: info.retryAfter, global: info.global }, "discord: rate limited, waiting"));
  rest.on("response", (req, res) => {
    if (res.status === 429) {
      logger.warn({ method: req.method, route: req.route, retryAfterSeconds: Number(res.headers.get("retry-after")) }, "discord: rate limited (429), waiting retry_after");
    } else if (res.status >= 500) {
      logger.warn({ method: req.method, route: req.route, status: res.status, retries: req.retries }, "discord: server error from Discord");
    }
  });
}

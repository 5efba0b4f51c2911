// Bolt logs through the pino logger it is given; tokens and secrets never reach the log. Structured
// fields are redacted by the logger itself (src/log REDACT_PATHS); Bolt writes strings, scrubbed here.
import { LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import type { Logger } from "../../log/index.js";

/** Slack token shapes: bot, user, app-level, config and refresh tokens. */
const TOKEN = /\bx(?:ox[abposre]|app|oxe\.xox[bp])-[A-Za-z0-9-]+/g;

export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text.replace(TOKEN, "[redacted]");
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join("[redacted]");
  return out;
}

const words = (msg: unknown[]): string =>
  msg.map((m) => (typeof m === "string" ? m : m instanceof Error ? m.message : JSON.stringify(m) ?? String(m))).join(" ");

/** A Bolt Logger over pino that scrubs tokens and the given secrets from every line Bolt and its clients write. */
export function boltLogger(log: Logger, secrets: readonly string[]): BoltLogger {
  const write = (level: "debug" | "info" | "warn" | "error") => (...msg: unknown[]) => {
    if (log.isLevelEnabled(level)) log[level](redactSecrets(words(msg), secrets));
  };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    // The level belongs to whoever built the pino logger.
    setLevel: () => {},
    getLevel: () =>
      log.isLevelEnabled("debug") ? LogLevel.DEBUG : log.isLevelEnabled("info") ? LogLevel.INFO : log.isLevelEnabled("warn") ? LogLevel.WARN : LogLevel.ERROR,
    setName: () => {},
  };
}

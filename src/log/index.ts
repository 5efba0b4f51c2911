// pino logs: JSON, or pretty on a terminal. Always on stderr, so stdout carries only answers and cards.
import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

export type { Logger } from "pino";

/** Paths whose values never reach a log line (tokens, secrets, auth headers). */
export const REDACT_PATHS = [
  "token",
  "*.token",
  "botToken",
  "*.botToken",
  "appToken",
  "*.appToken",
  "signingSecret",
  "*.signingSecret",
  "secrets",
  "*.secrets",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "req.headers.authorization",
  "config.headers.Authorization",
];

export interface LogOptions {
  level: string;
  pretty: boolean | "auto";
  /** Where lines go; stderr by default. */
  stream?: DestinationStream;
  isTty?: boolean;
}

export function createLogger(options: LogOptions): Logger {
  const isTty = options.isTty ?? process.stderr.isTTY === true;
  const usePretty = options.pretty === "auto" ? isTty : options.pretty;
  const base = { level: options.level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "briefbot" } };
  if (options.stream) return pino(base, options.stream);
  if (usePretty) return pino(base, pretty({ colorize: isTty, destination: 2, ignore: "pid,hostname,app" }));
  return pino(base, pino.destination(2));
}

// A logger that keeps every line, so tests can check what was logged (and that no token was).
import type { Logger } from "../../../src/adapters/discord/index.js";

export interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  msg: string;
}

export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (fields: Record<string, unknown>, msg: string) => void lines.push({ level, fields, msg });
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/** Shaped like a real bot token (id.timestamp.hmac); not a real one. */
export const FAKE_TOKEN = "OTAwMDAwMDAwMDAwMDAwMDAx.GfAkEt.abcdefghijklmnopqrstuvwxyz0123456789ABCD";

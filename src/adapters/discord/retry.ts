// 5xx and dropped connections retried with growing pauses. discord.js's own retries are immediate,
// so its REST clients here run with `retries: 0` and this does the retrying; 429s stay with
// discord.js's queue, which waits out retry_after.
import { describeError } from "./log.js";
import type { Logger } from "./types.js";

/** The first answer to an interaction must reach Discord within 3 s: short pauses only. */
export const CALLBACK_BACKOFF_MS = [150, 450] as const;
/** Edits, channel messages and registration can wait longer. */
export const MESSAGE_BACKOFF_MS = [250, 1000, 4000] as const;

/** discord.js REST options that leave 5xx retries to `withBackoff`. */
export const REST_RETRIES = 0;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function isRetryable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const e = err as Error & { status?: unknown; code?: unknown };
  if (typeof e.status === "number") return e.status >= 500;
  return e.name === "AbortError" || e.code === "ECONNRESET" || e.code === "ECONNREFUSED" || /ECONNRESET|fetch failed|socket hang up/.test(e.message);
}

export async function withBackoff<T>(what: string, delaysMs: readonly number[], logger: Logger, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const delay = delaysMs[attempt];
      if (delay === undefined || !isRetryable(err)) throw err;
      logger.warn({ what, attempt: attempt + 1, delayMs: delay, err: describeError(err) }, "discord: server error, retrying after a pause");
      await sleep(delay);
    }
  }
}

// A sender that keeps what it "posts" in memory and enforces a platform's rate limits the way
// the platform does (429 with the time to wait). For tests, the bench and dry runs: it shows
// whether the fan-out stays inside the limits and whether anything was posted twice.
import type { DigestDestination } from "./config.js";
import { PermanentSendError, RateLimitedError, TransientSendError } from "./errors.js";
import type { DigestContext, DigestPlatform, DigestSender, SentMessage } from "./types.js";

export interface RecordedMessage {
  destinationId: string;
  channel: string;
  idempotencyKey: string;
  slot: number;
  cards: number;
  late: boolean;
  at: number;
  messageId: string;
}

/**
 * "stall-before": the request never reaches the platform and never answers (the process died);
 * "stall-after": the platform posts it, the answer never comes; `{ afterPosting }`: the platform
 * posts it, then answers with that error (a 502 from a proxy).
 */
export type Fault = "stall-before" | "stall-after" | { afterPosting: Error };

export interface RecordingSenderOptions {
  platform: DigestPlatform;
  now: () => number;
  /** Simulated round trip after the platform accepted a message. */
  sleep?: (ms: number) => Promise<void>;
  latencyMs?: number;
  /** Slack: about one message per second per channel. */
  perChannelMs?: number;
  /** Discord: 50 requests per second for the bot. */
  globalPerSecond?: number;
  /** Scripted trouble for a request (nth = this sender's request count, from 1). */
  fault?: (destination: DigestDestination, ctx: DigestContext, nth: number) => Error | Fault | undefined;
  /** Shared history, so a "restarted" sender sees what an earlier one posted (as a platform would). */
  messages?: RecordedMessage[];
}

export interface RecordingSender extends DigestSender {
  readonly messages: RecordedMessage[];
  /** Requests made after a 429 reached the caller and before its Retry-After ran out. */
  readonly violations: Array<{ destinationId: string; at: number; rule: string }>;
  readonly requests: () => number;
}

export function createRecordingSender(options: RecordingSenderOptions): RecordingSender {
  const { platform, now } = options;
  const messages = options.messages ?? [];
  const violations: RecordingSender["violations"] = [];
  const lastOnChannel = new Map<string, number>();
  const recent: number[] = []; // accepted times within the last second, for the global limit
  const penalty = new Map<string, { issued: number; until: number }>(); // channel (or "*" for all)
  let requests = 0;
  let ids = 0;

  function penaltyCheck(destination: DigestDestination, at: number): RateLimitedError | undefined {
    for (const key of [destination.channel, "*"]) {
      const p = penalty.get(key);
      if (!p || at >= p.until) continue;
      // Sent before the 429 could have reached the caller (same instant, or within the round
      // trip): concurrent, answered 429 but not the caller's fault.
      if (at > p.issued + (options.latencyMs ?? 0))
        violations.push({ destinationId: destination.id, at, rule: `retry_after ignored (${key === "*" ? "global" : key})` });
      return new RateLimitedError(p.until - at, key === "*");
    }
    return undefined;
  }

  function limitCheck(channel: string, at: number): RateLimitedError | undefined {
    const last = lastOnChannel.get(channel);
    if (options.perChannelMs !== undefined && last !== undefined && at - last < options.perChannelMs)
      return new RateLimitedError(last + options.perChannelMs - at);
    while (recent.length && (recent[0] ?? 0) <= at - 1000) recent.shift();
    if (options.globalPerSecond !== undefined && recent.length >= options.globalPerSecond)
      return new RateLimitedError((recent[0] ?? at) + 1000 - at, true);
    return undefined;
  }

  const never = () => new Promise<never>(() => undefined);

  return {
    platform,
    messages,
    violations,
    requests: () => requests,
    async send(destination, cards, ctx): Promise<SentMessage> {
      requests += 1;
      const at = now();
      const early = penaltyCheck(destination, at);
      if (early) throw early;
      const fault = options.fault?.(destination, ctx, requests);
      if (fault === "stall-before") return never(); // the process died before the platform got it
      if (fault instanceof RateLimitedError) penalty.set(fault.global ? "*" : destination.channel, { issued: at, until: at + fault.retryAfterMs });
      if (fault instanceof Error) throw fault;
      const limited = limitCheck(destination.channel, at);
      if (limited) {
        penalty.set(limited.global ? "*" : destination.channel, { issued: at, until: at + limited.retryAfterMs });
        throw limited;
      }
      lastOnChannel.set(destination.channel, at);
      recent.push(at);
      const messageId = `${platform}-${++ids}-${destination.channel}`;
      messages.push({ destinationId: destination.id, channel: destination.channel, idempotencyKey: ctx.idempotencyKey, slot: ctx.slot, cards: cards.length, late: ctx.late, at, messageId });
      if (fault === "stall-after") return never(); // accepted, then the process died
      if (typeof fault === "object" && !(fault instanceof Error)) throw fault.afterPosting;
      if (options.latencyMs && options.sleep) await options.sleep(options.latencyMs);
      return { messageId };
    },
    async findSent(_destination, ctx) {
      const m = messages.find((x) => x.idempotencyKey === ctx.idempotencyKey);
      return m ? { messageId: m.messageId } : undefined;
    },
  };
}

/** The errors a platform answers with, for scripted faults. */
export const platformErrors = {
  rateLimited: (ms: number, global = false) => new RateLimitedError(ms, global),
  channelNotFound: () => new PermanentSendError("channel_not_found"),
  missingAccess: () => new PermanentSendError("missing_access"),
  serverError: (status = 503) => new TransientSendError(`http_${status}`),
};

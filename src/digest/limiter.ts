// Spacing sends to stay inside each platform's published limits, so the fan-out rarely meets a
// 429 at all. Reservations are made in order, so waiting work is served first come, first served.
import type { DigestPlatform } from "./types.js";

export interface RateRule {
  /** "global": one budget per platform (per bot token); "channel": one per channel. */
  scope: "global" | "channel";
  /** Minimum spacing between two messages under this rule. */
  intervalMs: number;
}

export const PLATFORM_LIMITS: Readonly<Record<DigestPlatform, readonly RateRule[]>> = {
  // Slack: chat.postMessage allows about one message per second per channel.
  slack: [{ scope: "channel", intervalMs: 1000 }],
  // Discord: 50 requests per second per bot; a channel's message route allows 5 per 5 s.
  discord: [
    { scope: "global", intervalMs: 20 },
    { scope: "channel", intervalMs: 1000 },
  ],
  console: [],
};

export interface Limiter {
  /** Books `cost` messages; returns the instant (ms) the caller may send. */
  reserve(platform: DigestPlatform, channel: string, now: number, cost?: number): number;
  /** After a 429: nothing on that channel (or, when global, the whole platform) goes before `untilMs`. */
  pause(platform: DigestPlatform, channel: string, untilMs: number, global: boolean): void;
  /**
   * A pause set after a booking was made: the booking is void until this instant. Callers check
   * it when their turn comes and book again (a 429 for one sender must hold those already queued).
   */
  pausedUntil(platform: DigestPlatform, channel: string): number;
}

export function createLimiter(limits: Readonly<Record<DigestPlatform, readonly RateRule[]>> = PLATFORM_LIMITS): Limiter {
  const nextFree = new Map<string, number>();
  const paused = new Map<string, number>();
  const channelKey = (platform: string, channel: string) => `${platform}\u0000${channel}`;
  const keyOf = (platform: string, rule: RateRule, channel: string) =>
    rule.scope === "global" ? platform : channelKey(platform, channel);
  const pauseOf = (platform: string, channel: string) =>
    Math.max(paused.get(platform) ?? 0, paused.get(channelKey(platform, channel)) ?? 0);
  return {
    reserve(platform, channel, now, cost = 1) {
      let at = Math.max(now, pauseOf(platform, channel));
      const rules = limits[platform];
      for (const r of rules) at = Math.max(at, nextFree.get(keyOf(platform, r, channel)) ?? at);
      for (const r of rules) nextFree.set(keyOf(platform, r, channel), at + r.intervalMs * cost);
      return at;
    },
    pause(platform, channel, untilMs, global) {
      const k = global ? platform : channelKey(platform, channel);
      paused.set(k, Math.max(paused.get(k) ?? 0, untilMs));
    },
    pausedUntil: pauseOf,
  };
}

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
  /** After a 429: nothing under that key (or the whole platform) goes before `untilMs`. */
  pause(platform: DigestPlatform, channel: string, untilMs: number, global: boolean): void;
}

export function createLimiter(limits: Readonly<Record<DigestPlatform, readonly RateRule[]>> = PLATFORM_LIMITS): Limiter {
  const nextFree = new Map<string, number>();
  const keyOf = (platform: string, rule: RateRule, channel: string) =>
    rule.scope === "global" ? platform : `${platform}\u0000${channel}`;
  return {
    reserve(platform, channel, now, cost = 1) {
      const rules = limits[platform];
      let at = now;
      for (const r of rules) at = Math.max(at, nextFree.get(keyOf(platform, r, channel)) ?? now);
      for (const r of rules) nextFree.set(keyOf(platform, r, channel), at + r.intervalMs * cost);
      return at;
    },
    pause(platform, channel, untilMs, global) {
      for (const r of limits[platform]) {
        if (global !== (r.scope === "global")) continue;
        const k = keyOf(platform, r, channel);
        nextFree.set(k, Math.max(nextFree.get(k) ?? 0, untilMs));
      }
      // A 429 with no rule of that scope (Slack global): hold the channel.
      if (global && !limits[platform].some((r) => r.scope === "global"))
        for (const r of limits[platform]) {
          const k = keyOf(platform, r, channel);
          nextFree.set(k, Math.max(nextFree.get(k) ?? 0, untilMs));
        }
    },
  };
}

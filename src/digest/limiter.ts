// Keeps sends inside each platform's published limits so the fan-out rarely meets a 429.
// One FIFO queue per budget (a channel, or a platform's global budget); a send waits its turn in
// each queue it needs, channel first, so a busy channel never holds up the global queue. A budget
// is "at most `limit` sends in any `perMs` window", measured from when sends were let go, plus a
// small margin for the time between our clock and the platform's.
import type { DigestPlatform } from "./types.js";

export interface RateRule {
  /** "global": one budget per platform (per bot token); "channel": one per channel. */
  scope: "global" | "channel";
  /** At most `limit` messages in any `perMs` window. */
  limit: number;
  perMs: number;
}

export const PLATFORM_LIMITS: Readonly<Record<DigestPlatform, readonly RateRule[]>> = {
  // Slack: chat.postMessage allows about one message per second per channel.
  slack: [{ scope: "channel", limit: 1, perMs: 1000 }],
  // Discord: 50 requests per second per bot; a channel's message route allows 5 per 5 s.
  discord: [
    { scope: "channel", limit: 5, perMs: 5000 },
    { scope: "global", limit: 50, perMs: 1000 },
  ],
  console: [],
};

/**
 * Added to every window (as a share of it): the platform stamps a request a little after we
 * let it go (a GC pause, the network), so back-to-back sends need some room. 1% costs 1% of time.
 */
export const LIMIT_MARGIN = 0.01;

export interface Limiter {
  /**
   * Resolves when `cost` messages may go to the channel, with `go`: call it right as you send
   * (or `go(false)` to give the turn up unused). The queues stay held until then, so the next
   * sender is spaced from this send's real instant.
   */
  acquire(platform: DigestPlatform, channel: string, cost?: number): Promise<(used?: boolean) => void>;
  /** After a 429: nothing on that channel (or, when global, the whole platform) goes before `untilMs`. */
  pause(platform: DigestPlatform, channel: string, untilMs: number, global: boolean): void;
}

export interface LimiterOptions {
  now: () => number;
  /** Resolves after about `ms` (may be early: the limiter re-reads the clock). */
  sleep: (ms: number) => Promise<void>;
  limits?: Readonly<Record<DigestPlatform, readonly RateRule[]>>;
}

interface Budget {
  rule: RateRule;
  tail: Promise<void>;
  /** When the last `limit` sends went, oldest first. */
  sent: number[];
  /** A 429's Retry-After: nothing before this instant. */
  pausedUntil: number;
}

const readyAt = (b: Budget) =>
  Math.max(b.pausedUntil, b.sent.length < b.rule.limit ? 0 : (b.sent[b.sent.length - b.rule.limit] ?? 0) + b.rule.perMs * (1 + LIMIT_MARGIN));

export function createLimiter(options: LimiterOptions): Limiter {
  const { now, sleep } = options;
  const limits = options.limits ?? PLATFORM_LIMITS;
  const budgets = new Map<string, Budget>();
  const budget = (key: string, rule: RateRule) => {
    let b = budgets.get(key);
    if (!b) budgets.set(key, (b = { rule, tail: Promise.resolve(), sent: [], pausedUntil: 0 }));
    return b;
  };
  const keyOf = (platform: string, scope: RateRule["scope"], channel: string) =>
    scope === "global" ? platform : `${platform}\u0000${channel}`;

  async function waitFor(held: Budget[]): Promise<void> {
    // Re-read every time: a 429 elsewhere may have pushed a budget back while we slept.
    for (let left = Math.max(...held.map(readyAt)) - now(); left > 0; left = Math.max(...held.map(readyAt)) - now()) await sleep(left);
  }

  return {
    async acquire(platform, channel, cost = 1) {
      const rules = [...limits[platform]].sort((a, b) => (a.scope === b.scope ? 0 : a.scope === "channel" ? -1 : 1));
      const held: Budget[] = [];
      const releases: Array<() => void> = [];
      const releaseAll = () => releases.forEach((r) => r());
      try {
        for (const rule of rules) {
          const b = budget(keyOf(platform, rule.scope, channel), rule);
          const before = b.tail;
          let release = () => undefined as void;
          b.tail = new Promise<void>((r) => (release = r));
          releases.push(release);
          await before;
          held.push(b);
          await waitFor(held);
        }
      } catch (err) {
        releaseAll();
        throw err;
      }
      let done = false;
      return (used = true) => {
        if (done) return;
        done = true;
        // The send's own instant, not the grant's: under load the two can be milliseconds apart.
        const at = now();
        if (used)
          for (const b of held) {
            // Several messages (a header and a thread) are booked at the rule's average rate.
            for (let i = 0; i < cost; i++) b.sent.push(at + (i * b.rule.perMs) / b.rule.limit);
            if (b.sent.length > b.rule.limit) b.sent.splice(0, b.sent.length - b.rule.limit);
          }
        releaseAll();
      };
    },
    pause(platform, channel, untilMs, global) {
      const rules = limits[platform];
      // Slack has no global rule here: its global 429 holds the channel that met it.
      const rule = (global && rules.find((r) => r.scope === "global")) || rules.find((r) => r.scope === "channel");
      if (!rule) return;
      const b = budget(keyOf(platform, rule.scope, channel), rule);
      b.pausedUntil = Math.max(b.pausedUntil, untilMs);
    },
  };
}

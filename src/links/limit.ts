// How many links one person, and one channel, may have briefed per minute: each link costs a fetch
// from briefbot's network and a card's CPU, so a flood in chat must not become a flood of requests.
// A sliding window per key; `now` comes in (tests move it).

export interface LinkLimits {
  perUserPerMinute: number;
  perChannelPerMinute: number;
}

export type LimitVerdict = { ok: true } | { ok: false; scope: "user" | "channel"; retryAfterMs: number };

const WINDOW_MS = 60_000;

export interface LinkLimiter {
  /** Counts one link for this user and channel, unless either is at its limit (then nothing is counted). */
  take(user: string, channel: string): LimitVerdict;
}

export function createLinkLimiter(limits: LinkLimits, now: () => number): LinkLimiter {
  const log = new Map<string, number[]>();
  let lastSweep = 0;
  const recent = (key: string, t: number): number[] => {
    const times = (log.get(key) ?? []).filter((x) => x > t - WINDOW_MS);
    if (times.length) log.set(key, times);
    else log.delete(key);
    return times;
  };
  return {
    take(user, channel) {
      const t = now();
      // Forget idle keys once a window, so memory follows the active users, not every user ever seen.
      if (t - lastSweep > WINDOW_MS) {
        lastSweep = t;
        for (const key of [...log.keys()]) recent(key, t);
      }
      const u = recent(`u:${user}`, t), c = recent(`c:${channel}`, t);
      if (u.length >= limits.perUserPerMinute) return { ok: false, scope: "user", retryAfterMs: u[u.length - limits.perUserPerMinute]! + WINDOW_MS - t };
      if (c.length >= limits.perChannelPerMinute) return { ok: false, scope: "channel", retryAfterMs: c[c.length - limits.perChannelPerMinute]! + WINDOW_MS - t };
      log.set(`u:${user}`, [...u, t]);
      log.set(`c:${channel}`, [...c, t]);
      return { ok: true };
    },
  };
}

// Polls feeds on a schedule. Clock and timers come in as parameters, so tests drive time themselves.
// One failing feed is reported and does not stop the others.
import type { FeedState } from "./ingestor.js";

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PollerOptions {
  feeds: readonly string[];
  intervalMs: number;
  timers: Timers;
  now: () => number;
  /** Fetches one feed and ingests its new items. */
  poll: (url: string, state: FeedState) => Promise<unknown>;
  newState: () => FeedState;
  /** After each round: how long it took; errors thrown by `poll` (by feed). */
  onRound?: (round: { startedAt: number; ms: number; errors: Array<{ feed: string; error: unknown }> }) => void;
}

export function createFeedPoller(options: PollerOptions) {
  const states = new Map(options.feeds.map((f) => [f, options.newState()]));
  let handle: unknown, running = false, stopped = true;

  async function round(): Promise<void> {
    const startedAt = options.now();
    const errors: Array<{ feed: string; error: unknown }> = [];
    for (const [feed, state] of states) {
      try {
        await options.poll(feed, state);
      } catch (error) {
        errors.push({ feed, error });
      }
    }
    options.onRound?.({ startedAt, ms: options.now() - startedAt, errors });
  }

  function schedule(): void {
    if (stopped) return;
    handle = options.timers.setTimeout(() => {
      running = true;
      void round().finally(() => {
        running = false;
        schedule();
      });
    }, options.intervalMs);
  }

  return {
    /** Polls now, then every `intervalMs` after the end of the previous round. */
    async start(): Promise<void> {
      stopped = false;
      running = true;
      await round();
      running = false;
      schedule();
    },
    stop(): void {
      stopped = true;
      if (handle !== undefined) options.timers.clearTimeout(handle);
      handle = undefined;
    },
    get running(): boolean {
      return running;
    },
    /** Feeds added or removed while running (settings from chat): kept feeds keep their state; from the next round. */
    setFeeds(feeds: readonly string[]): void {
      const keep = new Set(feeds);
      for (const f of states.keys()) if (!keep.has(f)) states.delete(f);
      for (const f of feeds) if (!states.has(f)) states.set(f, options.newState());
    },
    /** The feeds polled now. */
    feeds(): string[] {
      return [...states.keys()];
    },
    round,
  };
}

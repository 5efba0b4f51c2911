// Live settings: a change reaches this process through the store's listeners (in process; PostgreSQL
// NOTIFY from other replicas) or, if a notification was lost, through a poll of the version number.
// Reloads run one at a time; changes during a reload cause one more.
import type { SettingsStore } from "../store/index.js";

export interface WatchTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WatchOptions {
  settings: SettingsStore;
  pollMs: number;
  timers: WatchTimers;
  /** Reads the settings and applies them (runner.update, poller.setFeeds). */
  apply: () => Promise<void>;
  onError?: (err: unknown) => void;
}

export interface SettingsWatch {
  /** Applies the current settings now; resolves when applied (a reload already running is followed by one more). */
  reload(): Promise<void>;
  stop(): void;
}

export function watchSettings(o: WatchOptions): SettingsWatch {
  let applied = -1;
  let running: Promise<void> | undefined;
  let again = false;
  let timer: unknown;
  let stopped = false;

  async function loop(): Promise<void> {
    do {
      again = false;
      const version = await o.settings.version();
      await o.apply();
      applied = version;
    } while (again && !stopped);
  }

  function reload(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = loop().finally(() => (running = undefined));
    return running;
  }

  const safely = () =>
    void reload().catch((err: unknown) => {
      // The next poll tries again.
      applied = -1;
      o.onError?.(err);
    });

  function poll(): void {
    timer = o.timers.setTimeout(async () => {
      try {
        if ((await o.settings.version()) !== applied) safely();
      } catch (err) {
        o.onError?.(err);
      }
      if (!stopped) poll();
    }, o.pollMs);
  }

  const off = o.settings.onChange((v) => v !== applied && safely());
  poll();
  return {
    reload,
    stop() {
      stopped = true;
      off();
      o.timers.clearTimeout(timer);
    },
  };
}

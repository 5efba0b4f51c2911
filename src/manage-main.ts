// Part of main's wiring: the settings store on the store's database, the service the chat adapters
// and the CLI call, and (in the bot process) the live reload into the digest runner and feed poller.
import type { Config } from "./config/index.js";
import type { DigestDestination, DigestRunner } from "./digest/index.js";
import type { Logger } from "./log/index.js";
import {
  checkFeed, createManageService, mergeDestinations, mergeFeeds, watchSettings,
  type ChannelCheck, type ManagePlatform, type ManageService, type SettingsWatch, type WatchTimers,
} from "./manage/index.js";
import { createUrlGuard, systemResolve, type Resolve } from "./ingest/index.js";
import { feedId, openSettings, type SettingsStore, type StoreConnection } from "./store/index.js";

export interface ManageWiring {
  config: Config;
  connection: StoreConnection;
  logger: Logger;
  now: () => number;
  checkChannel?: (platform: ManagePlatform, channel: string) => Promise<ChannelCheck>;
  timers?: WatchTimers;
  /** DNS for the feed check's SSRF guard (tests answer with fixed addresses). */
  resolve?: Resolve;
}

export interface LiveParts {
  runner?: DigestRunner;
  poller?: { setFeeds(urls: readonly string[]): void };
}

export interface WiredManage {
  service: ManageService;
  settings: SettingsStore;
  /** Config-file and chat-made destinations, as the runner should start with them. */
  destinations(): Promise<DigestDestination[]>;
  feedUrls(): Promise<string[]>;
  /** Hands the running parts over and starts following changes (bot process only). */
  attach(parts: LiveParts): void;
  stop(): Promise<void>;
}

const UNREF_TIMERS: WatchTimers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

export function wireManage(w: ManageWiring): WiredManage {
  const { config } = w;
  const log = w.logger.child({ part: "manage" });
  const settings = openSettings(w.connection, (err) => log.warn({ err }, "settings: lost the LISTEN connection; polling until it is back"));
  let parts: LiveParts = {};
  let watch: SettingsWatch | undefined;
  const fileFeeds = config.feeds.urls;
  const guard = createUrlGuard({ allow: config.links.allow, resolve: w.resolve ?? systemResolve });

  async function destinations(): Promise<DigestDestination[]> {
    const merged = mergeDestinations(config.digest.destinations, await settings.destinations());
    for (const i of merged.ignored) log.warn({ destination: i.id }, `chat-made digest destination ignored: ${i.reason}`);
    return merged.items.map((v) => v.destination);
  }
  async function feedUrls(): Promise<string[]> {
    return mergeFeeds(fileFeeds, await settings.feeds(), feedId).items.map((f) => f.url);
  }

  const service = createManageService({
    settings,
    fileDestinations: config.digest.destinations,
    fileFeeds,
    policy: config.manage,
    now: w.now,
    // A feed added from chat is fetched on a chat user's behalf: through the same SSRF guard as pasted
    // links (links.allow names intranet hosts); the CLI's operator may add any feed the host can reach.
    checkFeed: (url, caller) => checkFeed(url, {
      timeoutMs: config.feeds.timeoutSeconds * 1000, maxBytes: config.feeds.maxBytes,
      ...(config.feeds.userAgent ? { userAgent: config.feeds.userAgent } : {}),
      ...(caller.platform === "cli" ? {} : { checkUrl: guard.check, fetch: guard.fetch }),
    }),
    ...(w.checkChannel ? { checkChannel: w.checkChannel } : {}),
    // The runner exists only after the adapters start; until then (and in shard children) there is none.
    digest: {
      preview: (id) => need().preview(id),
      sendNow: (id) => need().sendNow(id),
      next: (id) => parts.runner?.next(id),
    },
    applied: async () => watch?.reload(),
  });
  const need = () => {
    if (!parts.runner) throw new RangeError("this process runs no digest");
    return parts.runner;
  };

  return {
    service,
    settings,
    destinations,
    feedUrls,
    attach(p) {
      parts = p;
      watch = watchSettings({
        settings,
        pollMs: config.manage.pollSeconds * 1000,
        timers: w.timers ?? UNREF_TIMERS,
        apply: async () => {
          const [dests, urls] = await Promise.all([destinations(), feedUrls()]);
          await parts.runner?.update(dests);
          parts.poller?.setFeeds(urls);
          log.debug({ destinations: dests.length, feeds: urls.length }, "settings applied");
        },
        onError: (err) => log.error({ err }, "settings: could not apply a change; trying again at the next poll"),
      });
    },
    async stop() {
      watch?.stop();
      await guard.close();
      await settings.close();
    },
  };
}

// Builds the running bot from a Config: store, briefings ingested, asker, and the adapters whose
// tokens are set (console mode when none is). The only place besides cli/ that wires things together.
import { isAbsolute, resolve } from "node:path";
import { startConsole } from "./adapters/console.js";
import { discordConfigFrom, startDiscord, type RunningDiscord } from "./adapters/discord/index.js";
import { startSlack, type RunningSlack } from "./adapters/slack/index.js";
import { createAsker, type Asker } from "./ask/index.js";
import type { Config } from "./config/index.js";
import { wireDigest } from "./digest-main.js";
import { wireManage } from "./manage-main.js";
import type { Timers as DigestTimers } from "./digest/index.js";
import { createFeedPoller, createIngestor, newFeedState, type IngestSummary, type Timers } from "./ingest/index.js";
import { linksFromConfig } from "./links/index.js";
import type { Logger } from "./log/index.js";
import { cardListToText } from "./render/index.js";
import { openStoreWithConnection, type BriefingStore } from "./store/index.js";

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  write: (s: string) => void;
  /** A terminal: show a prompt. */
  interactive: boolean;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** Relative paths in the configuration are taken from here (the project root). */
  root: string;
  now: () => number;
  console: ConsoleIo;
  /** Run only the Discord gateway (a shard process started by the ShardingManager). */
  discordOnly?: boolean;
  /** The digest runner's timers (tests); real ones by default. */
  digestTimers?: DigestTimers;
  /** Timers for the feed poller (the global ones by default). */
  timers?: Timers;
}

export interface RunningBot {
  store: BriefingStore;
  asker: Asker;
  /** What is running: "console", "slack", "discord", "digest". */
  adapters: string[];
  ingested: IngestSummary;
  /** Resolves when the console's input ends (never, without a console). */
  consoleDone: Promise<void>;
  /** Stops taking work, lets answers in flight finish, closes the store. */
  stop(): Promise<void>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A store spec from the config: a relative SQLite path is taken from the project root. */
export function storeSpec(db: string, root: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(db) || db === "memory" || db === ":memory:" || isAbsolute(db)) return db;
  return resolve(root, db.replace(/^(sqlite|file):/i, ""));
}

const GLOBAL_TIMERS: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms).unref(), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };

/** Polls the feeds (the config's and chat-made ones) in the background; returns what stops it. */
function startFeeds(o: StartOptions, store: BriefingStore, urls: readonly string[]) {
  const { feeds } = o.config;
  const ingestor = createIngestor({
    store,
    now: o.now,
    fetch: { timeoutMs: feeds.timeoutSeconds * 1000, maxBytes: feeds.maxBytes, ...(feeds.userAgent ? { userAgent: feeds.userAgent } : {}) },
  });
  let reported = 0;
  const poller = createFeedPoller({
    feeds: urls,
    intervalMs: feeds.everyMinutes * 60_000,
    timers: o.timers ?? GLOBAL_TIMERS,
    now: o.now,
    newState: newFeedState,
    poll: (url, state) => ingestor.feed(url, state),
    onRound: (round) => {
      const s = ingestor.summary();
      o.logger.info({ ingested: s.ingested, updated: s.updated, unchanged: s.unchanged, failed: s.failed.length, ms: round.ms }, "feeds polled");
      for (const f of s.failed.slice(reported)) o.logger.warn({ source: f.source, code: f.code }, `feed item not ingested: ${f.message}`);
      reported = s.failed.length;
      for (const e of round.errors) o.logger.error({ feed: e.feed, err: e.error }, "feed poll failed");
    },
  });
  // The first round runs in the background: the bot answers while feeds are fetched.
  poller.start().catch((err: unknown) => o.logger.error({ err }, "feed poller stopped"));
  return { poller, stop: async () => poller.stop() };
}

export async function startBot(o: StartOptions): Promise<RunningBot> {
  const { config, logger, now } = o;
  const secrets = config.secrets;
  const { store, connection } = await openStoreWithConnection(storeSpec(config.store.db, o.root));
  const stoppers: Array<() => Promise<void>> = [];
  try {
    const ingestor = createIngestor({ store, now });
    await ingestor.paths([resolve(o.root, config.briefings.dir)]);
    const ingested = ingestor.summary();
    logger.info({ ...ingested, failed: ingested.failed.length, dir: config.briefings.dir }, "briefings ingested");
    for (const f of ingested.failed) logger.warn({ source: f.source, code: f.code }, `briefing not ingested: ${f.message}`);

    // Feeds and digests set up from chat (docs/manage.md); stopped with the others, before the store closes.
    const manage = config.manage.enabled ? wireManage({ config, connection, logger, now }) : undefined;
    if (manage) stoppers.push(() => manage.stop());
    const feedUrls = manage ? await manage.feedUrls() : config.feeds.urls;
    const feeds = (feedUrls.length || manage) && !o.discordOnly ? startFeeds(o, store, feedUrls) : undefined;
    if (feeds) stoppers.push(feeds.stop);

    const asker = createAsker(store);
    // Links pasted in chat become cards, fetched through the SSRF guard (docs/links.md).
    const wiredLinks = config.links.enabled
      ? linksFromConfig(config, store, now, { onProblem: (url, problem, err) => logger.info({ url, problem, err }, "link not briefed") })
      : undefined;
    if (wiredLinks) stoppers.push(() => wiredLinks.close());
    const links = wiredLinks ? { links: wiredLinks.links } : {};
    const adapters: string[] = [];
    if (secrets.slackBotToken && !o.discordOnly) {
      const slack: RunningSlack = await startSlack({
        asker,
        ...links,
        logger,
        ...(manage ? { manage: { service: manage.service, policy: config.manage } } : {}),
        config: {
          mode: config.slack.mode,
          port: config.slack.port,
          host: config.slack.host,
          botToken: secrets.slackBotToken,
          ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}),
          ...(secrets.slackAppToken ? { appToken: secrets.slackAppToken } : {}),
          ...(secrets.slackSigningSecret ? { signingSecret: secrets.slackSigningSecret } : {}),
        },
      });
      stoppers.push(() => slack.stop());
      adapters.push("slack");
    }
    if (secrets.discordToken) {
      const discord: RunningDiscord = await startDiscord({
        asker, ...links, logger, config: discordConfigFrom(config), ...(manage ? { manage: { service: manage.service, policy: config.manage } } : {}),
      });
      stoppers.push(() => discord.stop());
      adapters.push("discord");
    }
    const wantConsole = !o.discordOnly && (config.console.enabled === true || (config.console.enabled === "auto" && adapters.length === 0));
    let consoleDone: Promise<void> = new Promise(() => undefined);
    if (wantConsole) {
      if (config.console.digestOnStart) {
        const cards = (await store.since(now() - DAY_MS, 10)).map((s) => s.card);
        o.console.write(cardListToText(cards, `Morning digest · ${new Date(now()).toISOString().slice(0, 10)} · ${cards.length} briefing${cards.length === 1 ? "" : "s"}`));
        o.console.write("\nAsk me: /brief <topic>, /whosaid <words>, /figures <topic>, /trend <what> [in <topic>], /topics, /help, /quit\n");
      }
      adapters.push("console");
    }
    // The digest: one runner per bot process; not in Discord shard children (N of them would race
    // for every slot; `start --shards` runs no digest, see docs/digest.md).
    if (!o.discordOnly) {
      const destinations = manage ? await manage.destinations() : config.digest.destinations;
      const digest = await wireDigest({
        config, store, connection, logger, now, write: o.console.write, destinations, always: !!manage, ...(o.digestTimers ? { timers: o.digestTimers } : {}),
      });
      manage?.attach({ ...(digest ? { runner: digest.runner } : {}), ...(feeds ? { poller: feeds.poller } : {}) });
      if (digest) {
        // Stopped before the store closes (stop() closes the store after every stopper).
        stoppers.push(async () => {
          await digest.runner.stop();
          digest.close();
        });
        await digest.runner.start();
        if (destinations.length) adapters.push("digest");
      }
    }
    logger.info({ adapters, store: config.store.db }, "briefbot started");
    // The console reads only now, so its first prompt comes after the start-up line, not above it.
    if (wantConsole) {
      const running = startConsole({ asker, ...links, logger, input: o.console.input, write: o.console.write, interactive: o.console.interactive });
      stoppers.push(() => running.stop());
      consoleDone = running.done;
    }
    let stopping: Promise<void> | undefined;
    return {
      store,
      asker,
      adapters,
      ingested,
      consoleDone,
      stop: () =>
        (stopping ??= (async () => {
          await Promise.allSettled(stoppers.map((s) => s()));
          await store.close();
          logger.info("briefbot stopped");
        })()),
    };
  } catch (err) {
    await Promise.allSettled(stoppers.map((s) => s()));
    await store.close();
    throw err;
  }
}

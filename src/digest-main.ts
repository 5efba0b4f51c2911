// Part of main's wiring (used by main.ts and `briefbot digest`): the digest runner for a Config,
// with its ledger on the store's own database and a sender per platform the destinations use.
import { hostname } from "node:os";
import { createDiscordDigestRest, createDiscordDigestSender, closeRest } from "./adapters/discord/index.js";
import { createSlackDigestClient, createSlackDigestSender } from "./adapters/slack/index.js";
import type { Config } from "./config/index.js";
import {
  createConsoleSender, createDigestRunner, openDigestLedger, storeDigestSource,
  type DigestDestination, type DigestRunner, type DigestSender, type Timers,
} from "./digest/index.js";
import type { Logger } from "./log/index.js";
import type { BriefingStore, StoreConnection } from "./store/index.js";

/** A destination whose platform has no token: the bot cannot start its digest. */
export class DigestSetupError extends Error {
  override readonly name = "DigestSetupError";
  readonly code = "digest_setup" as const;
}

export interface DigestWiring {
  config: Config;
  store: BriefingStore;
  connection: StoreConnection;
  logger: Logger;
  now: () => number;
  /** Where console destinations print (the console's output). */
  write: (s: string) => void;
  timers?: Timers;
  /** The destinations to run (config and chat-made); default config.digest.destinations. */
  destinations?: readonly DigestDestination[];
  /** Make the runner even with no destination yet (chat may add some): senders for every platform with a token. */
  always?: boolean;
  /** Only to preview (`briefbot digest preview`): nothing is sent, so no platform token is needed. */
  previewOnly?: boolean;
}

export interface WiredDigest {
  runner: DigestRunner;
  /** After runner.stop(): lets go of the senders' clients and the ledger's own resources (not the store). */
  close(): void;
}

/** The runner for config.digest, or undefined when no destination is configured. */
export async function wireDigest(w: DigestWiring): Promise<WiredDigest | undefined> {
  const { config, logger } = w;
  const destinations = w.destinations ?? config.digest.destinations;
  if (!destinations.length && !w.always) return undefined;
  const platforms = new Set<string>(destinations.map((d) => d.platform));
  if (w.always && config.secrets.slackBotToken) platforms.add("slack");
  if (w.always && config.secrets.discordToken) platforms.add("discord");
  // Only the config file's destinations stop the start; a chat-made one without a token fails its slots.
  const need = (platform: string, secret: string | undefined, env: string) => {
    const ids = config.digest.destinations.filter((d) => d.platform === platform).map((d) => d.id).join(", ");
    if (ids && !secret && !w.previewOnly) {
      throw new DigestSetupError(`digest destinations ${ids} are on ${platform}: set ${env} in the environment`);
    }
  };
  need("slack", config.secrets.slackBotToken, "SLACK_BOT_TOKEN");
  need("discord", config.secrets.discordToken, "DISCORD_TOKEN");

  const log = logger.child({ part: "digest" });
  const senders: DigestSender[] = [createConsoleSender(w.write)];
  const closers: Array<() => void> = [];
  if (platforms.has("slack") && config.secrets.slackBotToken) {
    const client = createSlackDigestClient({ botToken: config.secrets.slackBotToken, log, ...(config.slack.apiUrl ? { apiUrl: config.slack.apiUrl } : {}) });
    senders.push(createSlackDigestSender({ client }));
  }
  if (platforms.has("discord") && config.secrets.discordToken) {
    const rest = createDiscordDigestRest(config.secrets.discordToken, config.discord.apiUrl);
    closers.push(() => closeRest(rest));
    senders.push(createDiscordDigestSender({ rest }));
  }
  const { ledger, close } = await openDigestLedger(w.connection);
  closers.push(close);
  const runner = createDigestRunner({
    destinations,
    ledger,
    source: storeDigestSource(w.store),
    senders,
    now: w.now,
    owner: config.digest.owner ?? `${hostname()}:${process.pid}`,
    catchUpWindowMs: config.digest.catchUpWindowMs,
    leaseMs: config.digest.leaseMs,
    ...(w.timers ? { timers: w.timers } : {}),
    onOutcome: (id, slot, outcome) =>
      (outcome.kind === "failed" ? log.warn.bind(log) : log.info.bind(log))({ destination: id, slot: new Date(slot).toISOString(), ...outcome }, `digest ${outcome.kind}`),
    onError: (err, id, slot) => log.error({ err, destination: id, slot: new Date(slot).toISOString() }, "digest: the ledger failed; the slot is tried again"),
  });
  return { runner, close: () => closers.forEach((c) => c()) };
}

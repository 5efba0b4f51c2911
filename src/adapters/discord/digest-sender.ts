// The digest on Discord: channel messages with one embed per card (split over messages when the
// limits say so), pinging nobody. Each message carries a nonce with enforce_nonce (Discord then
// answers a repeat with the message it already has) and a small "ref" line that findSent looks for
// in the channel's recent messages after a crash between "posted" and "recorded".
import { createHash } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, REST, Routes } from "discord.js";
import type { BriefingCard } from "../../core/index.js";
import {
  digestHeader, nothingNewLine, PermanentSendError, RateLimitedError, TransientSendError,
  type DigestContext, type DigestDestination, type DigestSender, type SentMessage,
} from "../../digest/index.js";
import { digestToDiscord, type DiscordMessage } from "../../render/discord/index.js";

/** Discord JSON codes that trying again will not fix: unknown channel, missing access, missing permissions. */
const PERMANENT_CODES: Record<number, string> = { 10003: "unknown_channel", 50001: "missing_access", 50013: "missing_permissions" };

/** A discord.js REST failure as the digest's typed error (the runner retries by class); keeps `cause`. */
export function discordDigestError(err: unknown): Error {
  const cause = { cause: err };
  if (err instanceof RateLimitError) return new RateLimitedError(err.retryAfter, err.global, cause);
  if (err instanceof DiscordAPIError) {
    const word = typeof err.code === "number" ? PERMANENT_CODES[err.code] : undefined;
    if (word) return new PermanentSendError(word, cause);
    if (err.status >= 500) return new TransientSendError(`http_${err.status}`, cause);
    // 401 (bad token), 403, 404 and refused payloads will not change by retrying.
    return new PermanentSendError(`http_${err.status}${err.code ? ` code ${err.code}` : ""}`, cause);
  }
  if (err instanceof HTTPError) return err.status >= 500 ? new TransientSendError(`http_${err.status}`, cause) : new PermanentSendError(`http_${err.status}`, cause);
  return new TransientSendError(err instanceof Error ? err.message : String(err), cause);
}

/**
 * A REST client for digests: no retries of its own and 429s handed back (the digest runner paces,
 * retries and records); the bot's chat REST waits 429s out instead.
 */
export function createDiscordDigestRest(token: string, apiUrl = "https://discord.com/api"): REST {
  // The digest limiter already spaces posts at 50/s; discord.js's own fixed one-second windows on
  // top of it bunch requests at window edges, which a sliding count sees as over the limit.
  return new REST({ api: apiUrl, retries: 0, rejectOnRateLimit: () => true, timeout: 20_000, globalRequestsPerSecond: Infinity }).setToken(token);
}

/** Discord: a nonce is at most 25 characters. Stable per (digest, part). */
export const digestNonce = (key: string, part: number) => createHash("sha256").update(`${key}#${part}`).digest("base64url").slice(0, 16);

/** The reference line at the end of every digest message (Discord "-# " is small grey text). */
const refLine = (nonce: string) => `-# ref ${nonce}`;
const REF_RESERVE = 40;

/** Discord snowflake for an instant: messages "after" it were created later. */
const snowflakeAt = (ms: number) => (BigInt(Math.max(0, ms - 1_420_070_400_000)) << BigInt(22)).toString();

export interface DiscordDigestSenderOptions {
  rest: REST;
  /** Pause between the messages of one digest (Discord: 5 messages per 5 s in a channel). */
  partGapMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

interface ApiMessage {
  id: string;
  content?: string;
}

export function createDiscordDigestSender(o: DiscordDigestSenderOptions): DigestSender {
  const { rest } = o;
  const gap = o.partGapMs ?? 1000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  const messages = (destination: DigestDestination, cards: readonly BriefingCard[], ctx: DigestContext): DiscordMessage[] =>
    digestToDiscord(cards.length ? digestHeader(destination, cards, ctx) : nothingNewLine(ctx), cards, REF_RESERVE, {}, ctx.stories);

  async function post(channel: string, m: DiscordMessage, nonce: string): Promise<string> {
    const body = { ...m, content: m.content ? `${m.content}\n${refLine(nonce)}` : refLine(nonce), nonce, enforce_nonce: true };
    try {
      return ((await rest.post(Routes.channelMessages(channel), { body })) as ApiMessage).id;
    } catch (err) {
      throw discordDigestError(err);
    }
  }

  /** Posts the parts not in `have` (all of them on a first send); the first part's id is the digest's. */
  async function postParts(channel: string, parts: DiscordMessage[], key: string, have: ReadonlyMap<string, string>): Promise<string> {
    let first: string | undefined;
    for (let i = 0; i < parts.length; i++) {
      const nonce = digestNonce(key, i);
      let id = have.get(nonce);
      if (!id) {
        if (i > 0) await sleep(gap);
        id = await post(channel, parts[i]!, nonce);
      }
      first ??= id;
    }
    return first!;
  }

  return {
    platform: "discord",
    cost: (destination, cards) => digestToDiscord("", cards, REF_RESERVE).length,
    async send(destination, cards, ctx): Promise<SentMessage> {
      return { messageId: await postParts(destination.channel, messages(destination, cards, ctx), ctx.idempotencyKey, new Map()) };
    },
    /** Reads the channel's messages since the slot for this digest's ref; finishes a digest cut short. */
    async findSent(destination, ctx, cards) {
      let found: ApiMessage[];
      try {
        const query = new URLSearchParams({ limit: "100", after: snowflakeAt(ctx.slot - 60_000) });
        found = (await rest.get(Routes.channelMessages(destination.channel), { query })) as ApiMessage[];
      } catch (err) {
        const e = discordDigestError(err);
        // Cannot read the channel (no Read Message History, channel gone): the post decides.
        if (e instanceof PermanentSendError) return undefined;
        throw e;
      }
      const have = new Map<string, string>();
      for (const m of found) {
        const ref = /-# ref ([\w-]{16})$/.exec(m.content ?? "")?.[1];
        if (ref) have.set(ref, m.id);
      }
      if (!have.has(digestNonce(ctx.idempotencyKey, 0))) return undefined;
      return { messageId: await postParts(destination.channel, messages(destination, cards, ctx), ctx.idempotencyKey, have) };
    },
  };
}

// The digest on Slack: chat.postMessage with Block Kit, one message or a header and a thread.
// Each message carries metadata with the slot's idempotency key, so findSent can read it back
// with conversations.history after a crash between "posted" and "recorded".
import { webApi } from "@slack/bolt";
import {
  digestHeader, nothingNewLine, PermanentSendError, RateLimitedError, TransientSendError,
  type DigestContext, type DigestDestination, type DigestSender, type SentMessage,
} from "../../digest/index.js";
import type { Logger } from "../../log/index.js";
import { digestToSlack, type SlackMessage } from "../../render/slack/index.js";
import { boltLogger } from "./logger.js";

/** Slack message metadata event type for digests (the app manifest need not declare it). */
export const DIGEST_EVENT_TYPE = "briefbot_digest";

/** Will not work by trying again: the channel, the membership or the token is wrong. */
const PERMANENT = new Set(["channel_not_found", "not_in_channel", "is_archived", "invalid_auth", "not_authed", "account_inactive", "token_revoked", "missing_scope", "restricted_action"]);

/** A Web API failure as the digest's typed error (the runner retries by class); keeps `cause`. */
export function slackDigestError(err: unknown): Error {
  const e = (err ?? {}) as { code?: unknown; retryAfter?: unknown; statusCode?: unknown; headers?: Record<string, unknown>; data?: { error?: unknown }; message?: unknown };
  const cause = { cause: err };
  // Slack: Retry-After is in whole seconds.
  if (e.code === webApi.ErrorCode.RateLimitedError) return new RateLimitedError(Number(e.retryAfter ?? 1) * 1000, false, cause);
  if (e.code === webApi.ErrorCode.PlatformError) {
    const word = String(e.data?.error ?? "unknown_error");
    return PERMANENT.has(word) ? new PermanentSendError(word, cause) : new TransientSendError(word, cause);
  }
  if (e.code === webApi.ErrorCode.HTTPError && typeof e.statusCode === "number") {
    if (e.statusCode === 429) return new RateLimitedError(Number(e.headers?.["retry-after"] ?? 1) * 1000, false, cause);
    return e.statusCode >= 500 ? new TransientSendError(`http_${e.statusCode}`, cause) : new PermanentSendError(`http_${e.statusCode}`, cause);
  }
  return new TransientSendError(typeof e.message === "string" ? e.message : String(err), cause);
}

export interface SlackDigestClientOptions {
  botToken: string;
  apiUrl?: string;
  /** Per request; the runner gives a post up after 30 s anyway. */
  timeoutMs?: number;
  /** The Web API client's own lines, tokens scrubbed. */
  log: Logger;
}

/**
 * A Web API client for digests: no retries of its own and 429s handed back, because the digest
 * runner paces, retries and records (Bolt's client for chat answers waits out 429s instead).
 */
export function createSlackDigestClient(o: SlackDigestClientOptions): webApi.WebClient {
  return new webApi.WebClient(o.botToken, {
    slackApiUrl: o.apiUrl ?? "https://slack.com/api/",
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: o.timeoutMs ?? 20_000,
    logger: boltLogger(o.log, [o.botToken]),
  });
}

export interface SlackDigestSenderOptions {
  client: webApi.WebClient;
  /** Pause between the messages of one digest (header, then thread replies). Slack: about 1 per second per channel. */
  partGapMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Pages of conversations.history findSent reads (200 messages each) from the slot on. */
  historyPages?: number;
}

/** 429s waited out for one thread reply before the digest is handed back as a transient failure. */
const MAX_REPLY_RATE_LIMITED = 5;

interface Part {
  message: SlackMessage;
  index: number;
}

const metadata = (key: string, part: number, parts: number) => ({ event_type: DIGEST_EVENT_TYPE, event_payload: { key, part, parts } });

function partOf(m: { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }, key: string): { part: number; parts: number } | undefined {
  const p = m.metadata?.event_type === DIGEST_EVENT_TYPE ? m.metadata.event_payload : undefined;
  return p && p.key === key ? { part: Number(p.part), parts: Number(p.parts) } : undefined;
}

export function createSlackDigestSender(o: SlackDigestSenderOptions): DigestSender {
  const { client } = o;
  const gap = o.partGapMs ?? 1000;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));

  function layout(destination: DigestDestination, cards: Parameters<DigestSender["send"]>[1], ctx: DigestContext) {
    return digestToSlack(cards.length ? digestHeader(destination, cards, ctx) : nothingNewLine(ctx), cards, ctx.stories);
  }

  async function post(channel: string, part: Part, parts: number, key: string, threadTs?: string): Promise<string> {
    try {
      const r = await client.chat.postMessage({
        channel, text: part.message.text, blocks: part.message.blocks, metadata: metadata(key, part.index, parts),
        unfurl_links: false, unfurl_media: false, ...(threadTs ? { thread_ts: threadTs } : {}),
      });
      if (!r.ts) throw new TransientSendError("chat.postMessage answered without a ts");
      return r.ts;
    } catch (err) {
      throw err instanceof TransientSendError ? err : slackDigestError(err);
    }
  }

  /**
   * Posts the replies not yet in the thread (all of them on a first send). The header is out, so a
   * failure here must not make the runner post it again: a 429 is waited out here, and anything
   * else is handed back as transient, which makes the runner ask findSent (which finishes the thread).
   */
  async function replies(channel: string, key: string, parentTs: string, msgs: SlackMessage[], have: ReadonlySet<number>): Promise<void> {
    for (let i = 0; i < msgs.length; i++) {
      if (have.has(i + 1)) continue;
      await sleep(gap);
      for (let limited = 0; ; limited++) {
        try {
          await post(channel, { message: msgs[i]!, index: i + 1 }, msgs.length + 1, key, parentTs);
          break;
        } catch (err) {
          if (err instanceof RateLimitedError && limited < MAX_REPLY_RATE_LIMITED) {
            await sleep(err.retryAfterMs);
            continue;
          }
          if (err instanceof PermanentSendError) throw err;
          throw new TransientSendError(`thread reply ${i + 1} of ${msgs.length}: ${(err as Error).message}`, { cause: err });
        }
      }
    }
  }

  const sender: DigestSender = {
    platform: "slack",
    cost(destination, cards) {
      const d = digestToSlack("", cards);
      return d.layout === "single" ? 1 : 1 + d.replies.length;
    },
    async send(destination, cards, ctx): Promise<SentMessage> {
      const d = layout(destination, cards, ctx);
      if (d.layout === "single") return { messageId: await post(destination.channel, { message: d.message, index: 0 }, 1, ctx.idempotencyKey) };
      const ts = await post(destination.channel, { message: d.header, index: 0 }, d.replies.length + 1, ctx.idempotencyKey);
      await replies(destination.channel, ctx.idempotencyKey, ts, d.replies, new Set());
      return { messageId: ts };
    },
    /**
     * Reads the channel from the slot on for a message with this slot's key. A thread cut short
     * by a crash is finished here (the missing replies posted) before the digest counts as sent.
     */
    async findSent(destination, ctx, cards) {
      const channel = destination.channel;
      let cursor: string | undefined;
      try {
        for (let page = 0; page < (o.historyPages ?? 5); page++) {
          const r = await client.conversations.history({
            channel, oldest: String(Math.floor(ctx.slot / 1000) - 60), limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}),
          });
          for (const m of r.messages ?? []) {
            const p = partOf(m as Parameters<typeof partOf>[0], ctx.idempotencyKey);
            if (!p || p.part !== 0 || !m.ts) continue;
            if (p.parts > 1) await finishThread(destination, ctx, cards, m.ts);
            return { messageId: m.ts };
          }
          cursor = r.response_metadata?.next_cursor || undefined;
          if (!cursor) break;
        }
      } catch (err) {
        const e = err instanceof TransientSendError || err instanceof PermanentSendError || err instanceof RateLimitedError ? err : slackDigestError(err);
        // Cannot read the channel (no channels:history scope, channel gone): the post decides, and a
        // gone channel is recorded failed there. Without the scope a retaken slot may be posted twice.
        if (e instanceof PermanentSendError) return undefined;
        throw e;
      }
      return undefined;
    },
  };

  async function finishThread(destination: DigestDestination, ctx: DigestContext, cards: Parameters<DigestSender["send"]>[1], parentTs: string): Promise<void> {
    const d = layout(destination, cards, ctx);
    if (d.layout !== "thread") return;
    const r = await client.conversations.replies({ channel: destination.channel, ts: parentTs, include_all_metadata: true, limit: 200 });
    const have = new Set<number>();
    for (const m of r.messages ?? []) {
      const p = partOf(m as Parameters<typeof partOf>[0], ctx.idempotencyKey);
      if (p) have.add(p.part);
    }
    await replies(destination.channel, ctx.idempotencyKey, parentTs, d.replies, have);
  }
  return sender;
}

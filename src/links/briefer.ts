// A link someone shared -> a card, kept in the store for /brief, who said and the digest. Every
// fetch goes through the SSRF guard and the per-user / per-channel limits; every failure becomes a
// short reason for people (no stack, no internal address), with the detail kept for the log.
import { buildCard, CardError, type Article, type BriefingCard } from "../core/index.js";
import { articleFromHtml, fetchPage, FetchError, IngestError, isFeed, LinkRefusedError, type FetchOptions, type UrlGuard } from "../ingest/index.js";
import type { BriefingStore, PutStatus } from "../store/index.js";
import type { LinkLimiter } from "./limit.js";

export type LinkProblem =
  | "not_a_link"
  | "rate_limited"
  | "scheme"
  | "private_address"
  | "unresolvable"
  | "unreachable"
  | "not_found"
  | "forbidden"
  | "timeout"
  | "too_large"
  | "not_article";

export type LinkAnswer =
  | {
      kind: "card";
      url: string;
      card: BriefingCard;
      /** How the store took it; "not_stored" when the store was unavailable (the card is still shown). */
      status: PutStatus | "not_stored";
    }
  | { kind: "refused"; url: string; problem: LinkProblem; message: string };

export interface LinkAsker {
  /** Who asked, for the rate limits: a user id and a channel id (any stable strings). */
  brief(url: string, who: { user: string; channel: string }): Promise<LinkAnswer>;
}

export interface LinkBrieferOptions {
  store: BriefingStore;
  now: () => number;
  guard: UrlGuard;
  limiter: LinkLimiter;
  fetch: Partial<Pick<FetchOptions, "timeoutMs" | "maxBytes" | "userAgent">>;
  /** Told what went wrong in full (the people are told less); "not_stored": the store failed. */
  onProblem?: (url: string, problem: LinkProblem | "not_stored", err: unknown) => void;
}

const WORDS: Record<Exclude<LinkProblem, "rate_limited" | "scheme" | "private_address" | "unresolvable">, string> = {
  not_a_link: "that is not an http or https link",
  unreachable: "the site could not be reached",
  not_found: "the site says that page does not exist",
  forbidden: "the site refused to let briefbot read that page",
  timeout: "the site took too long to answer",
  too_large: "that page is too large to brief",
  not_article: "briefbot found no article to brief on that page",
};

function problemOf(err: unknown): LinkProblem | undefined {
  if (err instanceof LinkRefusedError) return err.reason;
  if (err instanceof FetchError) {
    if (err.code === "timeout" || err.code === "too_large" || err.code === "not_found" || err.code === "forbidden") return err.code;
    if (err.code === "bad_url") return "not_a_link";
    if (err.code === "unsupported_type") return "not_article";
    return "unreachable";
  }
  if (err instanceof IngestError || err instanceof CardError) return "not_article";
  return undefined;
}

export function createLinkBriefer(o: LinkBrieferOptions): LinkAsker {
  const refuse = (url: string, problem: LinkProblem, message: string, err?: unknown): LinkAnswer => {
    o.onProblem?.(url, problem, err);
    return { kind: "refused", url, problem, message };
  };

  async function read(url: string): Promise<{ article: Article; url: string }> {
    await o.guard.check(new URL(url));
    const res = await fetchPage(url, {}, { ...o.fetch, fetch: o.guard.fetch, checkUrl: o.guard.check });
    if (res.kind !== "ok") throw new FetchError("http_status", `${url}: not modified without validators`);
    if (isFeed(res.contentType, res.body)) throw new IngestError("no_article", `${res.url} is a feed, not an article`);
    const article = /^text\/plain/i.test(res.contentType) ? { text: res.body, url: res.url } : articleFromHtml(res.body, res.url);
    return { article, url: res.url };
  }

  return {
    async brief(url, who) {
      try {
        new URL(url);
      } catch {
        return refuse(url, "not_a_link", WORDS.not_a_link);
      }
      const verdict = o.limiter.take(who.user, who.channel);
      if (!verdict.ok) {
        const wait = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
        const whose = verdict.scope === "user" ? "you have shared" : "this channel has shared";
        return refuse(url, "rate_limited", `${whose} too many links in the last minute; try again in ${wait} s`);
      }
      let article: Article, card: BriefingCard;
      try {
        ({ article } = await read(url));
        card = buildCard(article);
      } catch (err) {
        const problem = problemOf(err);
        if (!problem) throw err;
        return refuse(url, problem, err instanceof LinkRefusedError ? err.message : WORDS[problem as keyof typeof WORDS]!, err);
      }
      // The card is shown even when the store is away; it is stored when the store answers.
      try {
        const r = await o.store.put(article, card, o.now());
        return { kind: "card", url, card: { ...card, id: r.id }, status: r.status };
      } catch (err) {
        o.onProblem?.(url, "not_stored", err);
        return { kind: "card", url, card, status: "not_stored" };
      }
    },
  };
}

// Checks a feed URL before it is added: fetched once, recognised as RSS or Atom, its items counted;
// otherwise the reason in words ("a web page, not a feed", "404 Not Found").
import { FetchError, IngestError, fetchPage, isFeed, parseFeed, type FetchOptions } from "../ingest/index.js";

export type FeedCheck = { ok: true; url: string; title: string | null; items: number } | { ok: false; reason: string };

export async function checkFeed(url: string, options: Partial<FetchOptions> = {}): Promise<FeedCheck> {
  try {
    const r = await fetchPage(url, {}, options);
    if (r.kind !== "ok") return { ok: false, reason: "the server answered 304 Not Modified to a first request" };
    if (!isFeed(r.contentType, r.body)) {
      const type = r.contentType.split(";")[0]?.trim() || "no content type";
      return { ok: false, reason: `${url} is not an RSS or Atom feed (it sent ${type}); look for the site's feed link, often ending in /feed, /rss or .xml` };
    }
    const feed = parseFeed(r.body, r.url);
    return { ok: true, url: r.url, title: feed.title ?? null, items: feed.items.length };
  } catch (err) {
    if (err instanceof FetchError || err instanceof IngestError) return { ok: false, reason: err.message };
    throw err;
  }
}

// RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> items. Our own small reader on linkedom's XML DOM:
// feeds need only a handful of elements, and linkedom is already here for HTML.
import { DOMParser } from "linkedom";
import { isoDate } from "./date.js";
import { IngestError } from "./errors.js";

export interface FeedItem {
  /** guid / id, else the link. */
  id: string;
  link: string;
  title?: string;
  /** ISO 8601. */
  publishedAt?: string;
  /** The item's own text (content, else description or summary), HTML as the feed gives it. */
  content?: string;
}

export interface Feed {
  title?: string;
  items: FeedItem[];
}

type El = { textContent: string | null; getAttribute(n: string): string | null; getElementsByTagName(n: string): ArrayLike<El> };

/** Whether a fetched body is a feed rather than a page. */
export function isFeed(contentType: string, body: string): boolean {
  if (/(rss|atom|rdf)\+xml/i.test(contentType)) return true;
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(body);
}

const first = (el: El, ...names: string[]): string | undefined => {
  for (const n of names) {
    const t = el.getElementsByTagName(n)[0]?.textContent?.trim();
    if (t) return t;
  }
  return undefined;
};

function atomLink(entry: El): string | undefined {
  const links = Array.from(entry.getElementsByTagName("link"));
  const alt = links.find((l) => !l.getAttribute("rel") || l.getAttribute("rel") === "alternate");
  return (alt ?? links[0])?.getAttribute("href")?.trim() || undefined;
}

export function parseFeed(xml: string, base?: string): Feed {
  let doc: { getElementsByTagName(n: string): ArrayLike<El> };
  try {
    doc = new DOMParser().parseFromString(xml, "text/xml") as unknown as typeof doc;
  } catch (err) {
    throw new IngestError("bad_feed", `${base ?? "feed"}: not readable XML`, { cause: err });
  }
  const root = doc.getElementsByTagName("rss")[0] ?? doc.getElementsByTagName("feed")[0] ?? doc.getElementsByTagName("rdf:RDF")[0];
  if (!root) throw new IngestError("bad_feed", `${base ?? "feed"}: neither RSS nor Atom`);
  const atom = !!doc.getElementsByTagName("feed")[0] && !doc.getElementsByTagName("rss")[0];
  const entries = Array.from(root.getElementsByTagName(atom ? "entry" : "item"));
  const items: FeedItem[] = [];
  for (const e of entries) {
    const raw = atom ? atomLink(e) : (first(e, "link") ?? e.getAttribute("rdf:about") ?? undefined);
    if (!raw) continue;
    let link: string;
    try {
      link = new URL(raw, base).href;
    } catch {
      continue;
    }
    const item: FeedItem = { id: first(e, atom ? "id" : "guid") ?? link, link };
    const title = first(e, "title");
    if (title) item.title = title;
    const date = isoDate(first(e, "pubDate", "published", "updated", "dc:date"));
    if (date) item.publishedAt = date;
    const content = first(e, "content:encoded", "content", "description", "summary");
    if (content) item.content = content;
    items.push(item);
  }
  const feed: Feed = { items };
  const channel = atom ? root : (root.getElementsByTagName("channel")[0] ?? root);
  const title = channel.getElementsByTagName("title")[0]?.textContent?.trim();
  if (title) feed.title = title;
  return feed;
}

// RSS 2.0, RSS 1.0 (RDF) and Atom feeds -> items, read with sax, a streaming XML parser in strict
// mode: a feed that is not well-formed XML (cut short, unclosed tags) is a typed error with the line
// and column, never a silent half-read. HTML entities (&nbsp;, &mdash;), common in real feeds, are
// accepted. Items past `maxItems` are counted, not kept: a feed of 10,000 items costs a bounded poll.
import sax from "sax";
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
  /** Items the feed lists past `maxItems` (first ones kept: feeds list the newest first); absent when none. */
  omitted?: number;
}

export interface FeedOptions {
  /** Items kept from one feed document. */
  maxItems: number;
}

export const DEFAULT_FEED_OPTIONS = { maxItems: 500 } as const;

/** Whether a fetched body is a feed rather than a page. */
export function isFeed(contentType: string, body: string): boolean {
  if (/(rss|atom|rdf)\+xml/i.test(contentType)) return true;
  return /^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)\b/i.test(body);
}

// The fields read from an item, by element name, in order of preference.
const FIELDS = {
  title: ["title"],
  guid: ["guid", "id"],
  link: ["link"],
  date: ["pubDate", "published", "updated", "dc:date"],
  content: ["content:encoded", "content", "description", "summary"],
} as const;
const FIELD_OF = new Map<string, true>(Object.values(FIELDS).flat().map((n) => [n, true]));

interface RawItem {
  /** First text of each field element (any depth, as textContent would give). */
  text: Map<string, string>;
  atomLinks: Array<{ rel: string | undefined; href: string }>;
  about?: string;
}

const pick = (raw: RawItem, names: readonly string[]): string | undefined => {
  for (const n of names) {
    const t = raw.text.get(n)?.trim();
    if (t) return t;
  }
  return undefined;
};

function toItem(raw: RawItem, atom: boolean, base: string | undefined): FeedItem | undefined {
  const alt = raw.atomLinks.find((l) => !l.rel || l.rel === "alternate") ?? raw.atomLinks[0];
  const href = atom ? alt?.href.trim() || undefined : (pick(raw, FIELDS.link) ?? raw.about);
  if (!href) return undefined;
  let link: string;
  try {
    link = new URL(href, base).href;
  } catch {
    return undefined;
  }
  const item: FeedItem = { id: pick(raw, atom ? ["id"] : ["guid"]) ?? link, link };
  const title = pick(raw, FIELDS.title);
  if (title) item.title = title;
  const date = isoDate(pick(raw, FIELDS.date));
  if (date) item.publishedAt = date;
  const content = pick(raw, FIELDS.content);
  if (content) item.content = content;
  return item;
}

export function parseFeed(xml: string, base?: string, options: Partial<FeedOptions> = {}): Feed {
  const { maxItems } = { ...DEFAULT_FEED_OPTIONS, ...options };
  const where = base ?? "feed";
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const stack: string[] = [];
  const items: FeedItem[] = [];
  let total = 0;
  let atom = false;
  let rootSeen = false;
  let title: string | undefined;
  let item: RawItem | undefined;
  let itemDepth = 0;
  // The field being read (its name and depth) and its text so far; feed title likewise.
  let field: { name: string; depth: number; text: string } | undefined;
  let feedTitle: { depth: number; text: string } | undefined;

  parser.onopentag = (tag) => {
    const name = tag.name;
    const attrs = tag.attributes as Record<string, string>;
    if (!rootSeen) {
      rootSeen = true;
      if (!/^(rss|feed|rdf:RDF)$/i.test(name)) throw new IngestError("bad_feed", `${where}: neither RSS nor Atom`);
      atom = name.toLowerCase() === "feed";
    }
    stack.push(name);
    const depth = stack.length;
    if (!item && (name === (atom ? "entry" : "item"))) {
      total += 1;
      item = { text: new Map(), atomLinks: [] };
      if (attrs["rdf:about"]) item.about = attrs["rdf:about"];
      itemDepth = depth;
      return;
    }
    if (item && !field && depth === itemDepth + 1) {
      if (atom && name === "link" && attrs.href !== undefined) item.atomLinks.push({ rel: attrs.rel, href: attrs.href });
      if (FIELD_OF.has(name) && !item.text.has(name)) field = { name, depth, text: "" };
    }
    // The channel's (RSS) or feed's (Atom) own title, outside any item.
    if (!item && !feedTitle && title === undefined && name === "title" && /^(channel|feed)$/.test(stack[depth - 2] ?? "")) feedTitle = { depth, text: "" };
  };
  const onText = (t: string) => {
    if (field) field.text += t;
    if (feedTitle) feedTitle.text += t;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = () => {
    const depth = stack.length;
    stack.pop();
    if (field && depth === field.depth) {
      item?.text.set(field.name, field.text);
      field = undefined;
    }
    if (feedTitle && depth === feedTitle.depth) {
      title = feedTitle.text.trim() || undefined;
      feedTitle = undefined;
    }
    if (item && depth === itemDepth) {
      // Past the bound an item is counted, not kept.
      const done = items.length < maxItems ? toItem(item, atom, base) : undefined;
      if (done) items.push(done);
      item = undefined;
    }
  };
  parser.onerror = (err) => {
    throw new IngestError("bad_feed", `${where}: not well-formed XML (line ${parser.line + 1}, column ${parser.column + 1}: ${err.message.split("\n")[0]})`, { cause: err });
  };
  try {
    parser.write(xml.replace(/^\uFEFF/, "")).close();
  } catch (err) {
    if (err instanceof IngestError) throw err;
    throw new IngestError("bad_feed", `${where}: not readable XML`, { cause: err });
  }
  if (!rootSeen) throw new IngestError("bad_feed", `${where}: neither RSS nor Atom`);
  const feed: Feed = { items };
  if (title) feed.title = title;
  if (total > maxItems) feed.omitted = total - maxItems;
  return feed;
}

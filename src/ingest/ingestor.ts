// Everything that feeds the store: files and folders, pages, feeds, JSON lines. Counts what happened
// to each article for the summary line; an article that cannot be read is a failure with a reason,
// a store that cannot write stops the run (its error is thrown).
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { CardError, type Article, type BriefingCard } from "../core/index.js";
import { inlineCards, type CardBuilder } from "./cards.js";
import type { BriefingStore } from "../store/index.js";
import { FetchError, IngestError } from "./errors.js";
import { fetchPage, type FetchOptions, type Validators } from "./fetch.js";
import { DEFAULT_FEED_OPTIONS, isFeed, parseFeed, type FeedItem } from "./feed.js";
import { ArticleFileError } from "./file.js";
import { articleFromHtml, paragraphs } from "./html.js";
import { articleFromContent, readTextFile } from "./local.js";

export interface IngestFailure {
  source: string;
  code: string;
  message: string;
}

export interface IngestSummary {
  ingested: number;
  updated: number;
  unchanged: number;
  failed: IngestFailure[];
}

export interface IngestorOptions {
  store: BriefingStore;
  now: () => number;
  /** Article -> card: the core's buildCard in this thread by default, or a worker pool. */
  cards: CardBuilder;
  fetch: Partial<FetchOptions>;
  /** Articles written per store transaction in bulk runs (folders, JSON lines). */
  batchSize: number;
  /** Articles written after which a bulk run ends with store.maintain(). */
  maintainAfter: number;
  /** Items read from one feed document; the rest are reported as left out. */
  maxFeedItems: number;
  onProgress?: (done: number, total: number | undefined, source: string) => void;
}

/** What a feed poll remembers between runs. */
export interface FeedState {
  validators: Validators;
  /** Item ids and links already fetched, oldest first; bounded (SEEN_PER_ITEM x maxFeedItems). */
  seen: Set<string>;
}

export const newFeedState = (): FeedState => ({ validators: {}, seen: new Set() });

/**
 * How many polls' worth of ids and links a feed state keeps. A feed that gives every item a new guid
 * on each poll would otherwise grow it without end (and refetch every page: links are remembered too).
 */
const SEEN_PER_ITEM = 8;

function remember(state: FeedState, keys: readonly string[], bound: number): void {
  for (const k of keys) {
    state.seen.delete(k); // re-inserted as the newest
    state.seen.add(k);
  }
  for (const old of state.seen) {
    if (state.seen.size <= bound) break;
    state.seen.delete(old);
  }
}

const FILE_TYPES = new Set([".txt", ".md", ".markdown", ".html", ".htm"]);
/** Read as RSS or Atom feeds: each item's page is fetched. A folder's .xml files are not taken (often not feeds). */
const FEED_TYPES = new Set([".rss", ".atom", ".xml"]);
const isFeedFile = (path: string) => FEED_TYPES.has(extname(path).toLowerCase());

/** A feed item's own text as an article, for when its page cannot be fetched; undefined if it has none. */
function excerptArticle(item: FeedItem): Article | undefined {
  const text = item.content ? paragraphs(item.content) : "";
  if (!/\p{L}{2,}/u.test(text)) return undefined;
  const a: Article = { text, url: item.link, excerpt: "feed" };
  if (item.title) a.title = item.title;
  if (item.publishedAt) a.publishedAt = item.publishedAt;
  return a;
}

/** Our errors that mean "this input is unusable", not "the store is broken". */
function inputFailure(err: unknown): { code: string; message: string } | undefined {
  if (err instanceof CardError || err instanceof FetchError || err instanceof IngestError || err instanceof ArticleFileError) {
    return { code: err.code, message: err.message };
  }
  return undefined;
}

function walk(path: string, out: string[]): void {
  const st = statSync(path);
  if (!st.isDirectory()) return void out.push(path);
  for (const name of readdirSync(path).sort()) {
    if (name.startsWith(".")) continue;
    const p = join(path, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (FILE_TYPES.has(extname(name).toLowerCase()) || /\.(rss|atom)$/i.test(name)) out.push(p);
  }
}

export function createIngestor(options: Partial<IngestorOptions> & Pick<IngestorOptions, "store" | "now">) {
  const opts = { cards: inlineCards(), fetch: {}, batchSize: 64, maintainAfter: 1000, maxFeedItems: DEFAULT_FEED_OPTIONS.maxItems, ...options };
  let pending: Array<{ article: Article; source: string; seq: number }> = [];
  // Failures are reported in input order, though cards fail later than files do (at flush).
  let seq = 0;
  const order = new Map<IngestFailure, number>();
  const summary: IngestSummary = { ingested: 0, updated: 0, unchanged: 0, failed: [] };
  let done = 0;
  const fail = (source: string, f: { code: string; message: string }, at = seq++) => {
    const failure = { source, ...f };
    order.set(failure, at);
    summary.failed.push(failure);
  };
  const tick = (total: number | undefined, source: string) => opts.onProgress?.(++done, total, source);

  /** Queues an article; cards are built (in parallel on a pool) and stored a batch at a time. */
  async function article(a: Article, source: string): Promise<void> {
    pending.push({ article: a, source, seq: seq++ });
    if (pending.length >= opts.batchSize) await cut();
  }

  let written = 0;
  /** After a bulk run, let the store compact its indexes. */
  async function settle(): Promise<void> {
    await flush();
    if (written >= opts.maintainAfter) {
      written = 0;
      await opts.store.maintain();
    }
  }

  type Built = Array<{ article: Article; card: BriefingCard; source: string; seq: number }>;
  // A bulk run keeps the card pool and the store busy at once: a full batch's cards are built while the
  // batch before it is written (with a pool, on other threads than this one, which writes). At most one
  // batch is built and not yet written; only a written batch is counted.
  let ready: Built | undefined;

  /** The batch's cards; an article whose card failed is counted as a failure with its reason. */
  function cardsOf(batch: typeof pending, built: ReadonlyArray<PromiseSettledResult<BriefingCard>>): Built {
    const good: Built = [];
    built.forEach((b, i) => {
      if (b.status === "fulfilled") return void good.push({ article: batch[i]!.article, card: b.value, source: batch[i]!.source, seq: batch[i]!.seq });
      const f = inputFailure(b.reason);
      if (!f) throw b.reason;
      fail(batch[i]!.source, f, batch[i]!.seq);
    });
    return good;
  }

  /** Starts building the pending batch's cards, writes the batch built before it meanwhile, then holds this one. */
  async function cut(): Promise<void> {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    const building = Promise.allSettled(batch.map((p) => opts.cards.build(p.article)));
    const before = ready;
    ready = undefined;
    try {
      if (before) await write(before);
    } catch (err) {
      // The store stopped taking writes: this batch is not stored either, and says so.
      for (const g of cardsOf(batch, await building)) fail(g.source, { code: "not_stored", message: (err as Error).message }, g.seq);
      throw err;
    }
    ready = cardsOf(batch, await building);
  }

  /** Builds and writes everything pending; only then are its articles acknowledged (counted). */
  async function flush(): Promise<void> {
    await cut();
    const last = ready;
    ready = undefined;
    if (last) await write(last);
  }

  /** Writes one batch in one transaction. */
  async function write(good: Built): Promise<void> {
    let results: Awaited<ReturnType<BriefingStore["putMany"]>>;
    try {
      results = await opts.store.putMany(good, opts.now());
    } catch (err) {
      // The store refused the batch (read-only, disk full, database gone): the transaction rolled back,
      // so each of its articles is reported as not stored, then the run stops with the store's error.
      for (const g of good) fail(g.source, { code: "not_stored", message: (err as Error).message }, g.seq);
      throw err;
    }
    for (const r of results) summary[r.status]++;
    written += good.length;
  }

  /** Runs `read` for one input; a usable failure is counted, anything else is thrown. */
  async function guarded(source: string, total: number | undefined, read: () => Promise<void>): Promise<boolean> {
    try {
      await read();
      return true;
    } catch (err) {
      const f = inputFailure(err);
      if (!f) throw err;
      fail(source, f);
      return false;
    } finally {
      tick(total, source);
    }
  }

  function readText(path: string): string {
    try {
      return readTextFile(path);
    } catch (err) {
      throw new IngestError("unreadable", `${path}: ${(err as Error).message}`, { cause: err });
    }
  }

  function fileArticle(path: string): Article {
    const ext = extname(path).toLowerCase();
    if (!FILE_TYPES.has(ext)) throw new IngestError("unsupported_file", `${path}: briefbot reads .txt, .md and .html files, and .rss, .atom and .xml feeds`);
    return articleFromContent(readText(path), path);
  }

  /** A feed saved as a file: its items' pages are fetched, as for a feed by URL. */
  async function feedFile(path: string): Promise<void> {
    const body = readText(path);
    if (!isFeed("", body)) throw new IngestError("bad_feed", `${path}: not an RSS or Atom feed`);
    await feedBody(undefined, body, newFeedState());
  }

  async function page(url: string, hint: { title?: string; publishedAt?: string } = {}): Promise<void> {
    const res = await fetchPage(url, {}, opts.fetch);
    if (res.kind === "not_modified") return void summary.unchanged++;
    if (isFeed(res.contentType, res.body)) return feedBody(res.url, res.body, newFeedState());
    const a = /^text\/plain/i.test(res.contentType) ? { text: res.body, url: res.url } : articleFromHtml(res.body, res.url);
    if (!a.title && hint.title) a.title = hint.title;
    if (!a.publishedAt && hint.publishedAt) a.publishedAt = hint.publishedAt;
    await article(a, url);
  }

  async function feedBody(url: string | undefined, body: string, state: FeedState): Promise<void> {
    const feed = parseFeed(body, url, { maxItems: opts.maxFeedItems });
    const where = url ?? "feed";
    if (feed.omitted)
      fail(where, { code: "feed_truncated", message: `${where}: the feed lists ${feed.items.length + feed.omitted} items; the first ${opts.maxFeedItems} were read, ${feed.omitted} left out` });
    // An item already fetched under its id or its link (a feed that renames every guid on each poll).
    const fresh = feed.items.filter((i) => !state.seen.has(i.id) && !state.seen.has(i.link));
    for (const item of fresh) {
      let excerpt = false;
      const ok = await guarded(item.link, undefined, async () => {
        const hint: { title?: string; publishedAt?: string } = {};
        if (item.title) hint.title = item.title;
        if (item.publishedAt) hint.publishedAt = item.publishedAt;
        try {
          await page(item.link, hint);
        } catch (err) {
          // The page is out of reach: the item's own description stands in, marked as an excerpt.
          const a = inputFailure(err) ? excerptArticle(item) : undefined;
          if (!a) throw err;
          excerpt = true;
          await article(a, item.link);
        }
      });
      // Failed items (and excerpts) are tried again at the next poll; fetched ones are not.
      if (ok && !excerpt) remember(state, [item.id, item.link], SEEN_PER_ITEM * opts.maxFeedItems);
    }
  }

  return {
    summary: (): IngestSummary => ({ ...summary, failed: [...summary.failed].sort((a, b) => order.get(a)! - order.get(b)!) }),
    async article(a: Article, source: string): Promise<void> {
      await guarded(source, undefined, () => article(a, source));
      await flush();
    },
    /** Files (feeds too: .rss, .atom, .xml), and folders of .txt, .md, .html, .rss and .atom (recursively). */
    async paths(paths: readonly string[]): Promise<void> {
      const files: string[] = [];
      for (const p of paths) {
        try {
          walk(p, files);
        } catch (err) {
          fail(p, { code: "unreadable", message: `${p}: ${(err as Error).message}` });
        }
      }
      for (const f of files) await guarded(f, files.length, async () => (isFeedFile(f) ? feedFile(f) : article(fileArticle(f), f)));
      await settle();
    },
    /** A page (its article) or a feed (each new item's page). */
    async url(url: string): Promise<void> {
      await guarded(url, undefined, () => page(url));
      await flush();
    },
    /** One poll of a feed: only new items are fetched; 304 Not Modified costs nothing. */
    async feed(url: string, state: FeedState): Promise<boolean> {
      const ok = await guarded(url, undefined, async () => {
        const res = await fetchPage(url, state.validators, opts.fetch);
        if (res.kind === "not_modified") return;
        state.validators = res.validators;
        await feedBody(res.url, res.body, state);
      });
      await flush();
      return ok;
    },
    /** Lines {"id","text","title"?,"url"?,"publisher"?,"publishedAt"?}. */
    async jsonl(lines: AsyncIterable<string>, source: string): Promise<void> {
      let n = 0;
      for await (const line of lines) {
        n++;
        if (!line.trim()) continue;
        const label = `${source}:${n}`;
        await guarded(label, undefined, async () => article(articleFromJson(line, label), label));
      }
      await settle();
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;

function articleFromJson(line: string, label: string): Article {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    throw new IngestError("bad_line", `${label}: not JSON`, { cause: err });
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) throw new IngestError("bad_line", `${label}: not a JSON object`);
  const r = rec as Record<string, unknown>;
  if (typeof r.text !== "string") throw new IngestError("bad_line", `${label}: "text" is missing or not a string`);
  const a: Article = { text: r.text };
  for (const k of ["title", "url", "publisher", "publishedAt"] as const) if (typeof r[k] === "string") a[k] = r[k];
  return a;
}

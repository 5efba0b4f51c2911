// What every store derives from a card before writing it: identity keys and the text it indexes.
// Shared so that the three stores agree on dedup and on what a search can match.
import { normalizeText, stableHash, type Article, type BriefingCard } from "../core/index.js";
import type { ArticleMeta, StoredArticle } from "./types.js";

/** Lower-case word tokens without diacritics: the one tokenisation every index uses. */
export function tokens(text: string): string[] {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|cmpid|smid)$/i;

/** The URL that identifies an article: no fragment, no tracking parameters, lower-case host, no trailing slash. */
export function canonicalUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim() || undefined;
  }
  u.hash = "";
  for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
  u.searchParams.sort();
  if (u.pathname.length > 1) u.pathname = u.pathname.replace(/\/+$/, "");
  const s = u.toString();
  return s.endsWith("?") ? s.slice(0, -1) : s;
}

/** Same text whatever the spacing or quote marks: same hash (the card id is this hash, see core). */
export function textHash(text: string): string {
  return stableHash(normalizeText(text));
}

/** The time an article sorts by: its publication date when it parses, else when it was stored. */
export function sortTime(card: BriefingCard, now: number): number {
  const t = card.source.publishedAt ? Date.parse(card.source.publishedAt) : NaN;
  return Number.isFinite(t) ? t : now;
}

/** Most recent first, for stored articles. */
export function byRecent(a: StoredArticle, b: StoredArticle): number {
  return sortTime(b.card, b.ingestedAt) - sortTime(a.card, a.ingestedAt) || b.ingestedAt - a.ingestedAt;
}

export interface CardRows {
  meta: ArticleMeta;
  url: string | undefined;
  hash: string;
  sortTime: number;
  topics: string[];
  /** Token text indexed for article search: title, summary, topics, names. */
  articleBody: string;
  quoteBodies: string[];
  figureBodies: string[];
}

/** A card's topics as the stores index them: trimmed, lower-case, once each, most prominent first. */
export const keys = (topics: readonly string[]): string[] => [...new Set(topics.map((t) => t.trim().toLowerCase()).filter(Boolean))];

export function cardRows(id: string, article: Article, card: BriefingCard, now: number): CardRows {
  const url = canonicalUrl(article.url ?? card.source.url);
  const meta: ArticleMeta = { id, title: card.title };
  if (url) meta.url = url;
  if (card.source.publisher) meta.publisher = card.source.publisher;
  if (card.source.publishedAt) meta.publishedAt = card.source.publishedAt;
  const topics = keys(card.topics);
  const names = card.entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]);
  return {
    meta,
    url,
    // The core's card id is already the hash of the normalised text: no second pass over it.
    hash: card.id,
    sortTime: sortTime(card, now),
    topics,
    articleBody: tokens([card.title, ...card.summary, ...topics, ...names].join(" ")).join(" "),
    quoteBodies: card.quotes.map((q) => tokens(q.text).join(" ")),
    figureBodies: card.figures.map((f) => tokens([f.text, f.unit ?? "", f.about ?? "", f.sentence, ...topics].join(" ")).join(" ")),
  };
}

/** The columns every store keeps for an article's reference (snake_case, as in both schemas). */
export interface MetaRow {
  id: string;
  title: string;
  url: string | null;
  publisher: string | null;
  published_at: string | null;
}

export function metaOf(r: MetaRow): ArticleMeta {
  const m: ArticleMeta = { id: r.id, title: r.title };
  if (r.url) m.url = r.url;
  if (r.publisher) m.publisher = r.publisher;
  if (r.published_at) m.publishedAt = r.published_at;
  return m;
}

// The bot's memory. Implementations: memory.ts (tests, console without a database),
// sqlite.ts (default), postgres.ts (several replicas). One contract suite tests them all.
import type { Article, BriefingCard, Figure, Quote } from "../core/index.js";

export interface StoredArticle {
  /** The card id of the first version stored; kept when the article is updated. */
  id: string;
  card: BriefingCard;
  /** Canonical URL when the article has one. */
  url?: string;
  /** Milliseconds since the epoch when it was stored (or last updated). */
  ingestedAt: number;
}

export type PutStatus = "ingested" | "unchanged" | "updated";

export interface PutResult {
  id: string;
  status: PutStatus;
}

export interface QuoteHit {
  articleId: string;
  quote: Quote;
  /** Relevance from the store's index (higher is better); ask/ ranks again. */
  score: number;
}

export interface FigureHit {
  articleId: string;
  figure: Figure;
  score: number;
}

export interface TopicCount {
  topic: string;
  count: number;
}

export interface BriefingStore {
  /** Stores the article and its card; the same article twice is stored once. */
  put(article: Article, card: BriefingCard, now: number): Promise<PutResult>;
  get(id: string): Promise<StoredArticle | undefined>;
  /** Most recent first. */
  byTopic(topic: string, limit: number): Promise<StoredArticle[]>;
  topics(limit: number): Promise<TopicCount[]>;
  /** Quotes whose words best match `words` (inexact: typos and dropped words allowed). */
  searchQuotes(words: string[], limit: number): Promise<QuoteHit[]>;
  /** Figures from articles about `topic` or whose sentence matches `words`. */
  searchFigures(words: string[], limit: number): Promise<FigureHit[]>;
  /** Cards stored after `since` (ms), most recent first. */
  since(since: number, limit: number): Promise<StoredArticle[]>;
  count(): Promise<number>;
  close(): Promise<void>;
}

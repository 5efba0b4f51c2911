// The bot's memory. Implementations: memory.ts (tests, console without a database),
// sqlite.ts (default), postgres.ts (several replicas). One contract suite tests them all.
import type { Article, BriefingCard, Figure, Quote, StoryFlag } from "../core/index.js";

/** What an answer needs to cite an article without loading its card. */
export interface ArticleMeta {
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  publishedAt?: string;
}

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

/**
 * A search: every term must match (AND); a term is one word or a list of alternatives (OR),
 * e.g. ["troops", ["kyiv", "kiev"]]. Words are matched as whole tokens after `tokens()`.
 * When all terms together find too little, stores relax the query one term at a time
 * (a typo or an extra word in the question), then to any term.
 */
export type Terms = ReadonlyArray<string | readonly string[]>;

export interface QuoteHit {
  article: ArticleMeta;
  quote: Quote;
  /** Relevance from the store's index (higher is better): terms matched, then index rank. */
  score: number;
}

export interface FigureHit {
  article: ArticleMeta;
  figure: Figure;
  score: number;
}

/** A figure with what a series needs of its article: its topics and the time it sorts by. */
export interface SeriesHit extends FigureHit {
  /** The article's topics (lower-case keys), most prominent first. */
  topics: string[];
  /** Publication time when the article gives one, else when it was stored (ms). */
  time: number;
}

export interface ArticleHit {
  article: StoredArticle;
  score: number;
}

export interface TopicCount {
  topic: string;
  count: number;
}

export interface SinceWindow {
  /** Upper bound (ms, inclusive); none means up to now. */
  until?: number;
  /** Rows of the window to skip (paging). */
  offset?: number;
}

/** A person in the index (issue 13), as a look-up finds them. */
export interface PersonFound {
  /** Name words without case or diacritics ("helga sorensen"): the person's identity. */
  key: string;
  /** The name as first written ("Helga Sørensen"). */
  name: string;
  /** The most recent role given, if any. */
  role: string | null;
  articles: number;
  /** Sort time (ms) of the newest article naming them. */
  lastSeen: number;
}

/** An article naming a person, with the person's role there and their quotes in it. */
export interface PersonArticle {
  article: ArticleMeta;
  /** Which of the keys asked for this article names. */
  key: string;
  role: string | null;
  quotes: Quote[];
  /** Publication time (or storing time when there is none), ms. */
  sortTime: number;
}

export interface PersonTotals {
  articles: number;
  quotes: number;
  firstSeen: number | null;
  lastSeen: number | null;
  /** Roles given, most often first. */
  roles: Array<{ role: string; count: number }>;
}

/**
 * Articles from several outlets about one event (core/stories decides which). Every stored article
 * is in exactly one story; a story of one is a story.
 */
export interface StoredStory {
  id: string;
  /** The title of the story's most complete card. */
  title: string;
  /** The id of that card. */
  bestArticle: string;
  /** Its articles, oldest first (publication time, else when stored). */
  articles: Array<ArticleMeta & { time: number }>;
  /** Where its outlets disagree. */
  flags: StoryFlag[];
  /** Merged from its cards. */
  people: string[];
  topics: string[];
  figures: string[];
  firstTime: number;
  lastTime: number;
  /** When it last took an article (ms, the store's clock). */
  updatedAt: number;
}

export interface StoriesWindow {
  /** Stories to skip (paging), newest first. */
  offset?: number;
}

export interface BriefingStore {
  /** Stores the article and its card atomically; the same article twice is stored once. */
  put(article: Article, card: BriefingCard, now: number): Promise<PutResult>;
  /** Stores several articles in one transaction (much faster for bulk ingestion); all or none. */
  putMany(items: ReadonlyArray<{ article: Article; card: BriefingCard }>, now: number): Promise<PutResult[]>;
  get(id: string): Promise<StoredArticle | undefined>;
  /** Articles carrying any of `topics` (lower-case keys), most recent first. */
  byTopic(topics: readonly string[], limit: number): Promise<StoredArticle[]>;
  /** Full-text search over titles, summaries, topics and names; best first. */
  searchArticles(terms: Terms, limit: number): Promise<ArticleHit[]>;
  /** Topics with their card counts, most cards first; `prefix` filters (autocomplete). */
  topics(limit: number, prefix?: string): Promise<TopicCount[]>;
  /** Quotes whose words best match `terms`; best first. */
  searchQuotes(terms: Terms, limit: number): Promise<QuoteHit[]>;
  /** Figures whose sentence, unit or "about" match `terms`; best first. */
  searchFigures(terms: Terms, limit: number): Promise<FigureHit[]>;
  /**
   * Figures for a series over time (trends): as searchFigures, restricted to articles carrying one
   * of `topics` when given, each with its article's topics and time; newest first.
   */
  figureSeries(terms: Terms, limit: number, topics?: readonly string[]): Promise<SeriesHit[]>;
  /**
   * Cards stored after `since` (ms) and, with `window.until`, at or before it; most recent first
   * (ties: the later stored first), skipping `window.offset`. Bounded at both ends so a late
   * digest reads its own window, not the newest cards stored after its slot.
   */
  since(since: number, limit: number, window?: SinceWindow): Promise<StoredArticle[]>;
  count(): Promise<number>;
  /**
   * People whose index keys (people-rows.ts: name words, "r:" role words, "~" reversed name
   * words) hold one of each group's alternatives; most articles first.
   */
  findPeople(groups: ReadonlyArray<readonly string[]>, limit: number): Promise<PersonFound[]>;
  /** Person index keys starting with `prefix`, in order (typo candidates, autocomplete). */
  personKeys(prefix: string, limit: number): Promise<string[]>;
  /** Articles naming any of the people `keys`, newest first, with their quotes in each. */
  personArticles(keys: readonly string[], limit: number, offset?: number): Promise<PersonArticle[]>;
  /** Counts over every article naming any of `keys`. */
  personTotals(keys: readonly string[]): Promise<PersonTotals>;
  /** One story by its id. */
  story(id: string): Promise<StoredStory | undefined>;
  /** The stories of these articles, each once, in the order their first article appears in `articleIds`. */
  storiesOf(articleIds: readonly string[]): Promise<StoredStory[]>;
  /** Stories, the most recently updated (newest article) first. */
  stories(limit: number, window?: StoriesWindow): Promise<StoredStory[]>;
  /** Compacts indexes and refreshes statistics after bulk ingestion (cheap when there is nothing to do). */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

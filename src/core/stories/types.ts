// Stories: articles from several outlets about one event, grouped at ingestion, with the
// places where the outlets disagree. Everything here is pure; stores keep the state.

/** A quote as grouping and flags compare it: its words, and who the article gives it to. */
export interface QuoteSig {
  /** Lower-case word tokens of the quote, space-joined. */
  words: string;
  /** Surname (lower-case) of the speaker the article names, if any. */
  speaker?: string;
  /** The speaker as the article names them, for the flag's words. */
  speakerName?: string;
}

/** A figure as flags compare it. */
export interface FigureSig {
  text: string;
  value: number;
  valueMax?: number;
  kind: string;
  qualifier: string | null;
  /** What the figure counts: a unit class and, where the sentence says it, an event ("dead", "injured"). */
  thing: string;
  /** Content-word stems around the figure: two figures of one unit count the same thing when these meet. */
  context: string[];
  /** The sentence says the figure changed ("rose to", "now"): a later one is an update, not a conflict. */
  update: boolean;
}

/** What grouping and flags need of one article: small, serialisable, computed once per card. */
export interface StoryFeatures {
  /** The article (card) id. */
  id: string;
  /** Ms since the epoch: publication time, else when it was stored. */
  time: number;
  publisher?: string;
  title: string;
  /** Content-word stems of the title and lead, deduplicated. */
  words: string[];
  /** Surnames of the people named (lower-case). */
  people: string[];
  /** Places and organisations named (lower-case). */
  places: string[];
  quotes: QuoteSig[];
  figures: FigureSig[];
}

export type FlagKind = "figure" | "speaker";

/** A disagreement between two articles of a story. */
export interface StoryFlag {
  kind: FlagKind;
  /** The two articles, earlier first. */
  articles: [string, string];
  /** What they disagree on: the thing counted ("troops"), or the quote's words. */
  what: string;
  /** Each article's version, in the order of `articles` ("100,000 troops", "130,000"). */
  values: [string, string];
}

/** A story as answers, digests and renderers carry it: its sources and where they differ. */
export interface StorySummary {
  id: string;
  title: string;
  /** Each article of the story, oldest first, with its time (ms). */
  sources: Array<{ id: string; title: string; url?: string; publisher?: string; publishedAt?: string; time: number }>;
  flags: StoryFlag[];
}

export interface StoryOptions {
  /** A story takes no article more than this long after its newest one (or before its oldest). */
  quietMs: number;
  /** Score an article needs with a story to join it (see match.ts). */
  threshold: number;
  /** Figures counting the same thing differ when apart by more than this share (0.05 = 5%). */
  figureMargin: number;
  /** Articles of a story that new articles are compared with (the newest). */
  maxCompared: number;
}

export const DEFAULT_STORY_OPTIONS = {
  quietMs: 72 * 3600_000,
  threshold: 1.5,
  figureMargin: 0.05,
  maxCompared: 12,
} as const satisfies StoryOptions;

// The briefing card and what it is built from. Documented in README.md ("The card").

/** An article as it reaches the core: text plus whatever metadata is known. */
export interface Article {
  text: string;
  title?: string;
  url?: string;
  path?: string;
  publisher?: string;
  /** ISO 8601 date or date-time, as given by the source. */
  publishedAt?: string;
  /** "feed": the text is only a feed item's own description, its page could not be fetched. */
  excerpt?: "feed";
}

export interface Speaker {
  /** The fullest name the article uses ("Antony Blinken", not "Blinken"). */
  name: string;
  /** The role the article gives ("US Secretary of State"), if any. */
  role?: string;
}

export type QuoteKind = "direct" | "partial";

export interface Quote {
  /** The words inside the marks; a quote over several paragraphs is joined into one, with spaces. */
  text: string;
  /** JS string offsets of the quoted span in the article text (`text` is that span, but for the joins). */
  start: number;
  end: number;
  kind: QuoteKind;
  speaker: Speaker | null;
  /** 0..1: how sure the attribution is. */
  confidence: number;
  /** The speech verb or phrase that attributes it ("said", "according to"), when there is one. */
  cue?: string;
}

export type FigureKind = "count" | "money" | "percent" | "measure" | "year" | "ordinal" | "number";

export interface Figure {
  /** The figure as written, with its unit and qualifier where adjacent ("over 1 lakh troops"). */
  text: string;
  start: number;
  end: number;
  /** The normalised value: "1 lakh" = 100000, "$2.3bn" = 2300000000, "7.5%" = 7.5. */
  value: number;
  /** For a range ("between 20 and 30"): the upper bound; `value` is the lower. */
  valueMax?: number;
  kind: FigureKind;
  /** What is counted or the unit of measure ("troops", "people", "km", "%", "USD"). */
  unit: string | null;
  /** ISO 4217 code for money. */
  currency?: string;
  /** "over", "nearly", "at least", "more than", "up to", "about"... */
  qualifier: string | null;
  /** A short phrase for what the figure counts or measures. */
  about: string | null;
  /** The sentence the figure stands in. */
  sentence: string;
}

export type EntityType = "person" | "organization" | "place";

export interface Entity {
  name: string;
  type: EntityType;
  /** For people: the role the text gives ("US Secretary of State"). */
  role?: string;
  /** How many times the article refers to it (by name, surname or alias). */
  mentions: number;
  /** Other forms the article uses ("Blinken", "NATO"). */
  aliases?: string[];
}

export interface CardSource {
  path?: string;
  url?: string;
  publisher?: string;
  publishedAt?: string;
  /** "feed": built from a feed item's description because its page could not be fetched. */
  excerpt?: "feed";
}

export interface CardStats {
  words: number;
  readingMinutes: number;
  sentences: number;
  paragraphs: number;
}

export const CARD_SCHEMA_VERSION = 1 as const;

export interface BriefingCard {
  schemaVersion: typeof CARD_SCHEMA_VERSION;
  /** Stable hash of the normalised text: the same article always gets the same id. */
  id: string;
  title: string;
  /** True when the article came without a title and the core wrote one. */
  titleGenerated: boolean;
  source: CardSource;
  /** 2-4 bullets, each a sentence that stands alone. */
  summary: string[];
  quotes: Quote[];
  /** At most eight, most important first. */
  figures: Figure[];
  entities: Entity[];
  /** Lower-case keys a user would type: "ukraine", "russia", "nato". */
  topics: string[];
  stats: CardStats;
}

// Typed results about people (issue 13); ask/ wraps them in answers, render/ words them.
import type { Quote } from "../core/index.js";
import type { ArticleMeta } from "../store/index.js";

/** An article cited in an answer (the same shape as ask/'s ArticleRef). */
export type ArticleRef = ArticleMeta;

/** A person as the index knows them: one or more keys (a full name and, when it can only be
 *  them, the surname used alone in other articles). */
export interface PersonRef {
  name: string;
  /** The most recent role given, if any. */
  role: string | null;
  /** Index keys merged into this person ("helga sorensen", "sorensen"). */
  keys: string[];
  articles: number;
}

/** How the typed words found the person. */
export type MatchedBy = "name" | "role" | "typo";

export type PersonMatch =
  | { kind: "found"; person: PersonRef; by: MatchedBy }
  /** Several people fit (a shared surname, a common role): "did you mean". */
  | { kind: "ambiguous"; candidates: PersonRef[] }
  | { kind: "none"; suggestions: string[] };

/** One article's quotes by the person, with the role the article gave. */
export interface PersonQuotes {
  article: ArticleRef;
  /** ISO date-time the article sorts by (publication, else storing). */
  date: string;
  role: string | null;
  quotes: Quote[];
}

/** One quote with where it comes from (the person card's recent quotes). */
export interface PersonQuote {
  quote: Quote;
  article: ArticleRef;
  date: string;
  role: string | null;
}

export interface PersonCard {
  person: PersonRef;
  roles: Array<{ role: string; count: number }>;
  organisations: string[];
  topics: string[];
  quotes: number;
  articles: number;
  /** ISO date-times of the oldest and newest article naming them. */
  firstSeen: string | null;
  lastSeen: string | null;
  recent: PersonQuote[];
}

// Typed answers; renderers (src/render) turn them into messages for each platform.
import type { BriefingCard, Figure, Quote, Speaker, StorySummary } from "../core/index.js";
import type { PersonCard, PersonQuotes, PersonRef } from "../people/index.js";
import type { TrendSeries } from "../trends/index.js";

export interface ArticleRef {
  id: string;
  title: string;
  url?: string;
  publisher?: string;
  publishedAt?: string;
}

/** A story (one event told by several outlets) as answers carry it. */
export type StoryRef = StorySummary;

export interface QuoteAnswer {
  /** First key named `speaker` in an answer is the top answer (scorers read it that way). */
  speaker: Speaker | null;
  quote: Quote;
  article: ArticleRef;
  score: number;
}

export interface FigureAnswer {
  figure: Figure;
  article: ArticleRef;
  score: number;
}

export type Intent =
  | { kind: "brief"; topic: string }
  | { kind: "story"; id: string }
  | { kind: "whosaid"; words: string }
  | { kind: "figures"; topic: string; question?: string }
  | { kind: "topics" }
  | { kind: "help" }
  | { kind: "trend"; what: string; topic?: string }
  | { kind: "quotes"; person: string; about?: string }
  | { kind: "person"; name: string };

export type Answer =
  /** One card per story; `stories[i]` is the story of `cards[i]` (absent for a card made from a link). */
  | { kind: "brief"; topic: string; cards: BriefingCard[]; stories?: StoryRef[] }
  /** A story with each source's card, oldest first. */
  | { kind: "story"; story: StoryRef; cards: BriefingCard[] }
  | { kind: "whosaid"; query: string; matches: QuoteAnswer[] }
  | { kind: "figures"; topic: string; figures: FigureAnswer[] }
  | { kind: "topics"; topics: Array<{ topic: string; count: number }> }
  /**
   * `suggestions`: known topics near what was typed. `known`: when none is near, the topics the bot
   * knows most about, so a person always has a next step.
   */
  | { kind: "not_found"; intent: Intent["kind"]; query: string; suggestions: string[]; known?: string[] }
  | { kind: "help"; commands: Array<{ usage: string; description: string }> }
  | ({ kind: "trend" } & TrendSeries)
  /** A person's quotes across articles, newest first, one entry per article (`matches`). */
  | { kind: "quotes"; query: string; person: PersonRef; about?: string; matches: PersonQuotes[] }
  | ({ kind: "person"; query: string } & PersonCard)
  /** Several people fit what was typed: "did you mean" one of them. */
  | { kind: "which_person"; intent: "quotes" | "person"; query: string; about?: string; candidates: PersonRef[] };

/** What every adapter talks to. Implemented in ask/asker.ts over a BriefingStore. */
export interface Asker {
  /** A free-text question or command ("/brief ukraine", "who said ...?", "how many troops?"). */
  ask(text: string): Promise<Answer>;
  /** An already-parsed intent (slash commands with options). */
  answer(intent: Intent): Promise<Answer>;
  /** Topics the bot knows, most cards first; `prefix` filters (autocomplete). */
  topics(prefix?: string, limit?: number): Promise<Array<{ topic: string; count: number }>>;
  /** People whose name starts with what is typed, most articles first (autocomplete). */
  people?(typed: string, limit?: number): Promise<PersonRef[]>;
}

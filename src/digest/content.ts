// What goes in a digest: cards ingested since the destination's last digest that match its
// topics, most important first. `storeDigestSource` reads them from a BriefingStore.
import type { BriefingCard } from "../core/index.js";
import type { BriefingStore } from "../store/index.js";
import type { DigestCandidate, DigestSource } from "./types.js";

export type TopicFilter = readonly string[] | "all";

export const matchesTopics = (card: BriefingCard, topics: TopicFilter) =>
  topics === "all" || card.topics.some((t) => topics.includes(t.toLowerCase()));

/**
 * A card's weight in a digest: what a reader gets from it (attributed quotes, figures, people
 * and organisations named more than once), plus how squarely it meets the destination's topics.
 */
export function importance(card: BriefingCard, topics: TopicFilter): number {
  const quotes = card.quotes.reduce((s, q) => s + (q.kind === "direct" && q.speaker ? 2 : 0.5), 0);
  const figures = Math.min(card.figures.length, 8);
  const entities = Math.min(card.entities.filter((e) => e.mentions > 1).length, 5) * 0.5;
  const onTopic = topics === "all" ? 0 : card.topics.filter((t) => topics.includes(t.toLowerCase())).length * 3;
  return quotes + figures + entities + onTopic;
}

export interface DigestSelection {
  cards: BriefingCard[];
  /** Matching cards before `max` cut the list. */
  matched: number;
}

/** Most important first; ties go to the newer card, then the card id (stable order). */
export function selectForDigest(candidates: readonly DigestCandidate[], topics: TopicFilter, max: number): DigestSelection {
  const matching = candidates.filter((c) => matchesTopics(c.card, topics));
  const scored = matching.map((c) => ({ c, score: importance(c.card, topics) }));
  scored.sort((a, b) => b.score - a.score || b.c.ingestedAt - a.c.ingestedAt || (a.c.card.id < b.c.card.id ? -1 : 1));
  return { cards: scored.slice(0, max).map((s) => s.c.card), matched: matching.length };
}

/** Reads through `store.since`, which is newest first; `scanLimit` bounds one digest's reading. */
export function storeDigestSource(store: Pick<BriefingStore, "since">, scanLimit = 500): DigestSource {
  return {
    async cardsSince(sinceMs, untilMs, topics, limit) {
      const rows = await store.since(sinceMs, scanLimit);
      return rows
        .filter((r) => r.ingestedAt > sinceMs && r.ingestedAt <= untilMs && matchesTopics(r.card, topics))
        .slice(0, limit)
        .map((r) => ({ card: r.card, ingestedAt: r.ingestedAt }));
    },
  };
}

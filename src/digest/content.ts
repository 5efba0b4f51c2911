// What goes in a digest: cards ingested since the destination's last digest that match its
// topics, most important first. `storeDigestSource` reads them from a BriefingStore.
import type { BriefingCard } from "../core/index.js";
import type { BriefingStore, StoredStory } from "../store/index.js";
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

/**
 * Reads the window (sinceMs, untilMs] through `store.since`, newest first, a page of `scanLimit`
 * at a time until `limit` cards meet the topics or the window ends. The store bounds both ends:
 * cards ingested after the slot (a late digest after a backlog) never take the page's room.
 * `maxPages` bounds one digest's reading when most of the window is off topic.
 */
export function storeDigestSource(store: Pick<BriefingStore, "since" | "storiesOf">, scanLimit = 500, maxPages = 20): DigestSource {
  return {
    async cardsSince(sinceMs, untilMs, topics, limit) {
      const out: DigestCandidate[] = [];
      for (let page = 0; page < maxPages && out.length < limit; page++) {
        const rows = await store.since(sinceMs, scanLimit, { until: untilMs, offset: page * scanLimit });
        for (const r of rows) if (matchesTopics(r.card, topics) && out.length < limit) out.push({ card: r.card, ingestedAt: r.ingestedAt });
        if (rows.length < scanLimit) break;
      }
      return onePerStory(out, await store.storiesOf(out.map((c) => c.card.id)));
    },
  };
}

/**
 * One candidate per story, with the story: its most complete card when that card is in the window,
 * else the newest of its cards that is. Candidates keep their order (newest first).
 */
export function onePerStory(candidates: readonly DigestCandidate[], stories: readonly StoredStory[]): DigestCandidate[] {
  const storyOf = new Map<string, StoredStory>();
  for (const s of stories) for (const a of s.articles) storyOf.set(a.id, s);
  const at = new Map(candidates.map((c, i) => [c.card.id, i]));
  const chosen = new Map<string, DigestCandidate>();
  for (const c of candidates) {
    const s = storyOf.get(c.card.id);
    const key = s?.id ?? `card:${c.card.id}`;
    const had = chosen.get(key);
    if (had && !(s && c.card.id === s.bestArticle)) continue;
    chosen.set(key, s ? { ...c, story: { id: s.id, title: s.title, sources: s.articles, flags: s.flags } } : c);
  }
  return [...chosen.values()].sort((a, b) => at.get(a.card.id)! - at.get(b.card.id)!);
}

// An in-memory Asker over many synthetic cards, for the Discord bench when no real store is given.
// Cards come from the core (buildCard) on a few texts written here, copied under many topics.
import type { Answer, Asker, Intent } from "../src/ask/index.js";
import { buildCard, type BriefingCard } from "../src/core/index.js";

const PLACES = ["harbour", "valley", "river", "airport", "market", "school", "bridge", "station", "forest", "clinic"];
const ACTS = ["reopens", "floods", "expands", "closes", "votes", "strikes", "grows", "shrinks"];

function text(i: number): string {
  const place = PLACES[i % PLACES.length]!, act = ACTS[i % ACTS.length]!;
  return (
    `The ${place} ${act} after a long ${i % 2 ? "winter" : "summer"} of talks.\n\n` +
    `“We expect the ${place} to be busy again by the end of the month,” said Dana Holm, who leads the council.\n\n` +
    `About ${1000 + i} people use the ${place} each week. The work cost ${2 + (i % 9)} million euros and took ${10 + i} days.`
  );
}

export function benchTopics(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${PLACES[i % PLACES.length]}-${Math.floor(i / PLACES.length)}`);
}

export class SyntheticAsker implements Asker {
  private readonly byTopic = new Map<string, BriefingCard[]>();
  private readonly byWord = new Map<string, Array<{ card: BriefingCard; q: number }>>();
  private readonly sortedTopics: string[];
  readonly topicList: string[];

  constructor(articles: number, topicCount = 2000) {
    const templates = Array.from({ length: 40 }, (_, i) => buildCard({ text: text(i), title: `Story ${i}`, url: `https://news.example/${i}`, publisher: "Example Gazette", publishedAt: "2026-03-01" }));
    this.topicList = benchTopics(topicCount);
    for (let i = 0; i < articles; i++) {
      const t = templates[i % templates.length]!;
      const topic = this.topicList[i % topicCount]!;
      const card: BriefingCard = { ...t, id: `${t.id}-${i}`, title: `${t.title} #${i}`, topics: [topic] };
      const list = this.byTopic.get(topic) ?? [];
      list.push(card);
      this.byTopic.set(topic, list);
      card.quotes.forEach((quote, q) => {
        for (const w of new Set(quote.text.toLowerCase().match(/\p{L}+/gu) ?? [])) {
          const hits = this.byWord.get(w) ?? [];
          if (hits.length < 50) hits.push({ card, q });
          this.byWord.set(w, hits);
        }
      });
    }
    this.sortedTopics = [...this.byTopic.keys()].sort();
  }

  async ask(question: string): Promise<Answer> {
    return this.answer({ kind: "brief", topic: question.trim().toLowerCase() });
  }

  async answer(intent: Intent): Promise<Answer> {
    if (intent.kind === "brief" || intent.kind === "figures") {
      const cards = (this.byTopic.get(intent.topic) ?? []).slice(-3).reverse();
      if (!cards.length) return { kind: "not_found", intent: intent.kind, query: intent.topic, suggestions: [] };
      if (intent.kind === "brief") return { kind: "brief", topic: intent.topic, cards };
      const figures = cards.flatMap((c) => c.figures.map((figure) => ({ figure, article: { id: c.id, title: c.title, url: c.source.url! }, score: 1 })));
      return { kind: "figures", topic: intent.topic, figures };
    }
    if (intent.kind === "whosaid") {
      const words = intent.words.toLowerCase().match(/\p{L}+/gu) ?? [];
      const hits = (this.byWord.get(words[0] ?? "") ?? []).slice(0, 5);
      if (!hits.length) return { kind: "not_found", intent: "whosaid", query: intent.words, suggestions: [] };
      const matches = hits.map(({ card, q }) => ({ speaker: card.quotes[q]!.speaker, quote: card.quotes[q]!, article: { id: card.id, title: card.title }, score: 1 }));
      return { kind: "whosaid", query: intent.words, matches };
    }
    return { kind: "help", commands: [] };
  }

  async topics(prefix = "", limit = 25): Promise<Array<{ topic: string; count: number }>> {
    // Binary search to the first topic with the prefix.
    let lo = 0, hi = this.sortedTopics.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTopics[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: Array<{ topic: string; count: number }> = [];
    for (let i = lo; i < this.sortedTopics.length && out.length < limit && this.sortedTopics[i]!.startsWith(prefix); i++) {
      const t = this.sortedTopics[i]!;
      out.push({ topic: t, count: this.byTopic.get(t)!.length });
    }
    return out;
  }
}

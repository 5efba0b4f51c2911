// A small Asker for adapter tests: real cards built by the core from articles written for these tests.
import type { Answer, Asker, Intent } from "../../../src/ask/index.js";
import { buildCard, type Article, type BriefingCard } from "../../../src/core/index.js";

export interface TestArticle extends Article {
  /** Topics given by the test, so answers do not depend on how topic extraction evolves. */
  topics: string[];
}

export const ARTICLES: TestArticle[] = [
  {
    title: "Harbour to reopen by spring",
    url: "https://news.example/harbour-reopens",
    publisher: "Example Gazette",
    publishedAt: "2026-03-02",
    topics: ["harbour", "shipping"],
    text:
      "The city harbour will reopen to ferries by spring after repairs costing 4 million euros.\n\n" +
      "“We will reopen the harbour before the first warm weekend,” said Mara Lind, who runs the port.\n\n" +
      "About 1,200 ships used the harbour last year. Crews have rebuilt 300 metres of quay wall.",
  },
  {
    title: "Rail strike ends after talks",
    url: "https://news.example/rail-strike",
    publisher: "Example Gazette",
    publishedAt: "2026-03-03",
    topics: ["rail", "strikes"],
    text:
      "Train drivers ended a three day strike on Tuesday after overnight talks.\n\n" +
      "“Nobody wanted the trains to stand still for another week,” said Tomas Berg, speaking for the drivers.\n\n" +
      "The deal raises pay by 6 percent over two years for 15,000 staff.",
  },
  {
    title: "Ping storm: @everyone <@123> <@&456> **bold**",
    url: "https://news.example/pings",
    publisher: "Example Gazette",
    publishedAt: "2026-03-04",
    topics: ["pings"],
    text:
      "A forum post told @everyone to look, naming <@123> and the <@&456> role in **bold**.\n\n" +
      "“Hello @everyone and <@123>, read this now please,” said Ada Quill, the moderator.",
  },
];

export class TestAsker implements Asker {
  readonly cards: Array<{ card: BriefingCard; topics: string[] }>;
  readonly calls: Intent[] = [];

  constructor(articles: TestArticle[] = ARTICLES) {
    this.cards = articles.map(({ topics, ...a }) => ({ card: buildCard(a), topics }));
  }

  card(topic: string): BriefingCard {
    return this.cards.find((c) => c.topics.includes(topic))!.card;
  }

  async ask(text: string): Promise<Answer> {
    const who = /^who said (.+?)\??$/i.exec(text.trim());
    return this.answer(who ? { kind: "whosaid", words: who[1]! } : { kind: "brief", topic: text.trim().toLowerCase() });
  }

  async answer(intent: Intent): Promise<Answer> {
    this.calls.push(intent);
    if (intent.kind === "brief" || intent.kind === "figures") {
      const hits = this.cards.filter((c) => c.topics.includes(intent.topic));
      if (!hits.length) return { kind: "not_found", intent: intent.kind, query: intent.topic, suggestions: (await this.topics(intent.topic.slice(0, 1), 3)).map((t) => t.topic) };
      if (intent.kind === "brief") return { kind: "brief", topic: intent.topic, cards: hits.map((h) => h.card) };
      const figures = hits.flatMap((h) => h.card.figures.map((figure) => ({ figure, article: ref(h.card), score: 1 })));
      return { kind: "figures", topic: intent.topic, figures };
    }
    if (intent.kind === "whosaid") {
      const words = intent.words.toLowerCase();
      const matches = this.cards.flatMap((h) =>
        h.card.quotes.filter((q) => q.text.toLowerCase().includes(words)).map((quote) => ({ speaker: quote.speaker, quote, article: ref(h.card), score: 1 })),
      );
      return matches.length ? { kind: "whosaid", query: intent.words, matches } : { kind: "not_found", intent: "whosaid", query: intent.words, suggestions: [] };
    }
    if (intent.kind === "topics") return { kind: "topics", topics: await this.topics() };
    return { kind: "help", commands: [{ usage: "/brief topic", description: "Briefing cards on a topic" }] };
  }

  async topics(prefix = "", limit = 25): Promise<Array<{ topic: string; count: number }>> {
    const counts = new Map<string, number>();
    for (const c of this.cards) for (const t of c.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts]
      .filter(([t]) => t.startsWith(prefix))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, limit)
      .map(([topic, count]) => ({ topic, count }));
  }
}

const ref = (c: BriefingCard) => ({ id: c.id, title: c.title, ...(c.source.url ? { url: c.source.url } : {}) });

/** An asker whose answers wait until the test lets them go (deferral). */
export class GatedAsker extends TestAsker {
  private gate: Promise<void>;
  release!: () => void;
  constructor(articles?: TestArticle[]) {
    super(articles);
    this.gate = new Promise((resolve) => (this.release = resolve));
  }
  override async answer(intent: Intent): Promise<Answer> {
    await this.gate;
    return super.answer(intent);
  }
}

/** Many topics, for the 25-choice autocomplete cap. */
export class ManyTopicsAsker extends TestAsker {
  override async topics(prefix = "", limit = 25) {
    return Array.from({ length: 40 }, (_, i) => ({ topic: `topic${String(i).padStart(2, "0")}`, count: 40 - i }))
      .filter((t) => t.topic.startsWith(prefix))
      .slice(0, limit);
  }
}

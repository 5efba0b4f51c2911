// A small Asker over real cards (buildCard on articles written for these tests): a test double at our own
// interface boundary. `gate` holds every answer until the test releases it (a slow store).
import type { Answer, ArticleRef, Asker, Intent } from "../../../src/ask/index.js";
import { buildCard, type BriefingCard } from "../../../src/core/index.js";

export const ARTICLES = [
  {
    topics: ["bridge", "harbour", "kestrel bay"],
    article: {
      title: "Harbour bridge reopens after nine weeks of repairs",
      publisher: "Kestrel Bay Courier",
      publishedAt: "2031-05-04",
      url: "https://courier.example/bridge",
      text: `Harbour bridge reopens after nine weeks of repairs

The Kestrel Bay harbour bridge reopened to traffic on Monday after nine weeks of repairs that cost $4.2 million.

"We are proud of the crews who worked through the storms," said Mara Olsen, the city engineer.

More than 30,000 vehicles cross the bridge every day, according to the Kestrel Bay Transport Authority.

Mayor Tomas Reyes said the city would review how it maintains older crossings. "No bridge in this city will be left to rust again," Reyes said.`,
    },
  },
  {
    topics: ["ferry", "harbour", "kestrel bay"],
    article: {
      title: "Kestrel Bay council approves new ferry route",
      publisher: "Kestrel Bay Courier",
      publishedAt: "2031-05-06",
      url: "https://courier.example/ferry",
      text: `Kestrel Bay council approves new ferry route

The Kestrel Bay council voted 7 to 2 on Tuesday to approve a ferry route linking the harbour to the northern islands.

"This ferry will bring the islands within an hour of the city centre," said councillor Ines Moreau.

The route will need two new vessels and about 40 crew members, the council said.`,
    },
  },
  {
    topics: ["<!channel>"],
    article: {
      title: "<!channel> Hostile & <@U123> headline",
      publisher: "<!here> Weekly",
      text: `The notice said <!channel> and <@U123> should read it & act now.

"Tell <!everyone> to come," said Pia Lund, the organiser.

Another paragraph follows with nothing more to say about it.`,
    },
  },
] as const;

export const HELP = [
  { usage: "/brief <topic>", description: "a briefing on a topic" },
  { usage: "/whosaid <words>", description: "who said it" },
  { usage: "/figures <topic>", description: "the numbers" },
];

export interface TestAsker extends Asker {
  readonly cards: BriefingCard[];
  /** Every intent answered, in order. */
  readonly asked: Intent[];
}

export function createTestAsker(options: { gate?: Promise<void> } = {}): TestAsker {
  const stored = ARTICLES.map((a) => ({ card: buildCard(a.article), topics: a.topics as readonly string[] }));
  const ref = (c: BriefingCard): ArticleRef => ({ id: c.id, title: c.title, url: c.source.url, publisher: c.source.publisher, publishedAt: c.source.publishedAt });
  const about = (topic: string) => stored.filter((s) => s.topics.includes(topic.toLowerCase().trim()));
  const topicCounts = () => {
    const counts = new Map<string, number>();
    for (const s of stored) for (const t of s.topics) counts.set(t, (counts.get(t) ?? 0) + 1);
    return [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
  };
  const asked: Intent[] = [];

  const compute = (intent: Intent): Answer => {
    switch (intent.kind) {
      case "brief": {
        const found = about(intent.topic);
        if (!found.length) return { kind: "not_found", intent: "brief", query: intent.topic, suggestions: topicCounts().map((t) => t.topic).filter((t) => t[0] === intent.topic[0]) };
        return { kind: "brief", topic: intent.topic, cards: found.map((s) => s.card) };
      }
      case "story":
        return { kind: "not_found", intent: "story", query: intent.id, suggestions: [] };
      case "whosaid": {
        const words = intent.words.toLowerCase().split(/\W+/).filter((w) => w.length > 2);
        const matches = stored.flatMap((s) =>
          s.card.quotes
            .map((quote) => ({ quote, score: words.filter((w) => quote.text.toLowerCase().includes(w)).length }))
            .filter((m) => m.score > 0)
            .map((m) => ({ speaker: m.quote.speaker, quote: m.quote, article: ref(s.card), score: m.score })),
        );
        matches.sort((a, b) => b.score - a.score);
        return matches.length ? { kind: "whosaid", query: intent.words, matches } : { kind: "not_found", intent: "whosaid", query: intent.words, suggestions: [] };
      }
      case "figures": {
        const figures = about(intent.topic).flatMap((s) => s.card.figures.map((figure) => ({ figure, article: ref(s.card), score: 1 })));
        return figures.length ? { kind: "figures", topic: intent.topic, figures } : { kind: "not_found", intent: "figures", query: intent.topic, suggestions: [] };
      }
      case "topics":
        return { kind: "topics", topics: topicCounts() };
      case "help":
        return { kind: "help", commands: HELP };
      case "trend":
        return { kind: "not_found", intent: "trend", query: intent.what, suggestions: [] };
      // People are answered by the real asker in the people tests (test/adapters/*/people.test.ts).
      case "quotes":
        return { kind: "not_found", intent: "quotes", query: intent.person, suggestions: [] };
      case "person":
        return { kind: "not_found", intent: "person", query: intent.name, suggestions: [] };
    }
  };

  const parse = (text: string): Intent => {
    const t = text.trim().replace(/[?!.]+$/, "");
    let m: RegExpMatchArray | null;
    if (!t || /^help$/i.test(t)) return { kind: "help" };
    if ((m = t.match(/^who said\s+(.+)$/i))) return { kind: "whosaid", words: m[1]! };
    if ((m = t.match(/^figures(?: on| about)?\s+(.+)$/i))) return { kind: "figures", topic: m[1]! };
    if ((m = t.match(/^(?:\/?brief)\s+(.+)$/i))) return { kind: "brief", topic: m[1]! };
    if (/^topics$/i.test(t)) return { kind: "topics" };
    return { kind: "brief", topic: t };
  };

  return {
    cards: stored.map((s) => s.card),
    asked,
    async answer(intent) {
      asked.push(intent);
      if (options.gate) await options.gate;
      return compute(intent);
    },
    async ask(text) {
      return this.answer(parse(text));
    },
    async topics(prefix = "", limit = 25) {
      return topicCounts().filter((t) => t.topic.startsWith(prefix)).slice(0, limit);
    },
  };
}

/** A gate the test opens: answers wait until `release()`. */
export function gate(): { promise: Promise<void>; release: () => void } {
  let release = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

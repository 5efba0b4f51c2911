// Answers as plain text, for the console and the command line.
import type { Answer, ArticleRef, QuoteAnswer, StoryRef } from "../ask/index.js";
import { flagLines, sourcesLine } from "./story-text.js";
import type { BriefingCard } from "../core/index.js";
import { cardToText, formatValue } from "./text.js";
import { trendToText } from "./trend-text.js";

const ref = (a: ArticleRef) => [a.title, a.publisher, a.publishedAt?.slice(0, 10), a.url].filter(Boolean).join(" · ");

const whoLine = (m: QuoteAnswer) =>
  m.speaker ? `${m.speaker.name}${m.speaker.role ? ` (${m.speaker.role})` : ""}` : "Nobody named in the article";

/** The lines under a story's card: its sources, where they differ, and how to see them all. */
export function storyFooterText(s: StoryRef): string {
  const out = [sourcesLine(s), ...flagLines(s).map((l) => `⚠ ${l}`)];
  if (s.sources.length > 1) out.push(`Each source's card: /story ${s.id}`);
  return out.join("\n") + "\n";
}

export function answerToText(answer: Answer): string {
  switch (answer.kind) {
    case "brief":
      return answer.cards.map((c, i) => cardToText(c) + (answer.stories?.[i] ? storyFooterText(answer.stories[i]) : "")).join("\n");
    case "story": {
      const s = answer.story;
      const head = [`Story: ${s.title}`, sourcesLine(s), ...flagLines(s).map((l) => `⚠ ${l}`)].join("\n");
      return `${head}\n\n${answer.cards.map(cardToText).join("\n")}`;
    }
    case "whosaid": {
      const [top, ...rest] = answer.matches;
      if (!top) return `No quote matches "${answer.query}".\n`;
      const out = [`${whoLine(top)} said:`, `  “${top.quote.text}”`, `  — ${ref(top.article)}`];
      if (rest.length) out.push("", "Also close:", ...rest.map((m) => `  ${whoLine(m)}: “${m.quote.text.slice(0, 100)}${m.quote.text.length > 100 ? "…" : ""}”`));
      return out.join("\n") + "\n";
    }
    case "figures": {
      if (!answer.figures.length) return `No figures found for "${answer.topic}".\n`;
      return answer.figures
        .map((f) => `${formatValue(f.figure)}${f.figure.about && f.figure.about !== f.figure.unit ? ` — ${f.figure.about}` : ""}\n  ${f.figure.sentence}\n  — ${ref(f.article)}`)
        .join("\n") + "\n";
    }
    case "topics":
      return answer.topics.length
        ? `Topics: ${answer.topics.map((t) => `${t.topic} (${t.count})`).join(", ")}\n`
        : "No articles yet: add some to briefings/ or run `briefbot ingest`.\n";
    case "not_found":
      return `Nothing found for "${answer.query}".${answer.suggestions.length ? ` Closest topics: ${answer.suggestions.join(", ")}.` : ""}\n`;
    case "trend":
      return trendToText(answer);
    case "help":
      return answer.commands.map((c) => `  ${c.usage.padEnd(28)} ${c.description}`).join("\n") + "\n";
  }
}

/** Cards as a short list under a heading (the console's start-up digest): title, two bullets, topics. */
export function cardListToText(cards: BriefingCard[], heading: string): string {
  if (!cards.length) return `${heading}\n\nNothing new.\n`;
  const blocks = cards.map((c) => [`■ ${c.title}`, ...c.summary.slice(0, 2).map((b) => `  • ${b}`), c.topics.length ? `  (${c.topics.slice(0, 4).join(", ")})` : ""].filter(Boolean).join("\n"));
  return `${heading}\n\n${blocks.join("\n\n")}\n`;
}

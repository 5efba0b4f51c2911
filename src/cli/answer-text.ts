// Answers as plain text for the terminal. Chat renderers live in src/render.
import type { Answer, ArticleRef } from "../ask/index.js";
import { cardToText, formatValue } from "../render/index.js";

const cite = (a: ArticleRef) => [a.title, a.publisher, a.publishedAt?.slice(0, 10), a.url].filter(Boolean).join(" · ");

export function answerToText(answer: Answer): string {
  switch (answer.kind) {
    case "brief":
      return answer.cards.map(cardToText).join("\n");
    case "whosaid":
      return (
        answer.matches
          .map((m, i) => {
            const who = m.speaker ? `${m.speaker.name}${m.speaker.role ? `, ${m.speaker.role}` : ""}` : "(speaker not identified)";
            return `${i + 1}. ${who}\n   “${m.quote.text}”\n   ${cite(m.article)}`;
          })
          .join("\n") + "\n"
      );
    case "figures":
      return (
        answer.figures
          .map((f, i) => `${i + 1}. ${formatValue(f.figure)}${f.figure.about ? ` (${f.figure.about})` : ""}\n   ${f.figure.sentence}\n   ${cite(f.article)}`)
          .join("\n") + "\n"
      );
    case "topics":
      return answer.topics.length ? answer.topics.map((t) => `${t.topic} (${t.count})`).join("\n") + "\n" : "No topics yet: ingest some articles first.\n";
    case "not_found": {
      const more = answer.suggestions.length ? ` Closest topics: ${answer.suggestions.join(", ")}.` : "";
      return `Nothing found for "${answer.query}".${more}\n`;
    }
    case "help":
      return answer.commands.map((c) => `${c.usage.padEnd(20)} ${c.description}`).join("\n") + "\n";
  }
}

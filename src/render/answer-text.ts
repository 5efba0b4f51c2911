// Answers as plain text, for the console and the command line.
import type { Answer, ArticleRef, QuoteAnswer, StoryRef } from "../ask/index.js";
import { flagLines, sourcesLine } from "./story-text.js";
import type { BriefingCard } from "../core/index.js";
import { cardToText, formatValue } from "./text.js";
import { trendToText } from "./trend-text.js";
import { candidateLine, dayOf, groupLine, noPersonText, quotesSummary, rolesLine, seenLine, whichHint, whichQuestion, type PersonAnswer, type QuotesAnswer } from "./people-text.js";

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
      if (answer.intent === "quotes" || answer.intent === "person") return noPersonText(answer.query, answer.suggestions) + "\n";
      return `Nothing found for "${answer.query}".${answer.suggestions.length ? ` Closest topics: ${answer.suggestions.join(", ")}.` : ""}${answer.known?.length ? ` Topics I know: ${answer.known.join(", ")}.` : ""}\n`;
    case "trend":
      return trendToText(answer);
    case "quotes":
      return quotesToText(answer);
    case "person":
      return personToText(answer);
    case "which_person":
      return [whichQuestion(answer), ...answer.candidates.map((c) => `  • ${candidateLine(c)}`), whichHint(answer)].join("\n") + "\n";
    case "help":
      return answer.commands.map((c) => `  ${c.usage.padEnd(28)} ${c.description}`).join("\n") + "\n";
  }
}

function quotesToText(a: QuotesAnswer): string {
  const out = [quotesSummary(a)];
  for (const g of a.matches) {
    out.push("", `■ ${ref(g.article)}`);
    if (g.role) out.push(`  ${groupLine(g)}`);
    out.push(...g.quotes.map((q) => `  “${q.text}”`));
  }
  return out.join("\n") + "\n";
}

function personToText(a: PersonAnswer): string {
  const out = [a.person.name];
  if (a.roles.length) out.push(`  Roles: ${rolesLine(a)}`);
  if (a.organisations.length) out.push(`  Organisations: ${a.organisations.join(", ")}`);
  out.push(`  ${seenLine(a)}`);
  if (a.topics.length) out.push(`  Topics: ${a.topics.join(", ")}`);
  if (a.recent.length) out.push("  Latest quotes:", ...a.recent.map((r) => `    “${r.quote.text}” — ${r.article.title}, ${dayOf(r.date)}`));
  return out.join("\n") + "\n";
}

/** Cards as a short list under a heading (the console's start-up digest): title, two bullets, topics. */
export function cardListToText(cards: BriefingCard[], heading: string): string {
  if (!cards.length) return `${heading}\n\nNothing new.\n`;
  const blocks = cards.map((c) => [`■ ${c.title}`, ...c.summary.slice(0, 2).map((b) => `  • ${b}`), c.topics.length ? `  (${c.topics.slice(0, 4).join(", ")})` : ""].filter(Boolean).join("\n"));
  return `${heading}\n\n${blocks.join("\n\n")}\n`;
}

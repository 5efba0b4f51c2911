// A digest as Slack messages: one message with a card per item when it fits in Slack's 50 blocks,
// otherwise a header message listing the cards and each card as a reply in its thread.
import type { BriefingCard, StorySummary } from "../../core/index.js";
import { storyBlocks } from "./answer.js";
import { context, divider, section, type Block, type SlackMessage } from "./blocks.js";
import { cardBlocks, cardFallback } from "./card.js";
import { escapeMrkdwn as e } from "./escape.js";
import { fitMessage, SLACK_LIMITS } from "./limits.js";

export type SlackDigest =
  | { layout: "single"; message: SlackMessage }
  | { layout: "thread"; header: SlackMessage; replies: SlackMessage[] };

/** `headline` is plain text (escaped here); `cards` empty means the header alone ("Nothing new since ..."). */
export function digestToSlack(headline: string, cards: readonly BriefingCard[], stories: Readonly<Record<string, StorySummary>> = {}): SlackDigest {
  const top: Block[] = [section(`*${e(headline)}*`)];
  // Each item is a story: its card, its sources and, marked, where they differ.
  const perCard = cards.map((c) => [...cardBlocks(c), ...(stories[c.id] ? storyBlocks(stories[c.id]!) : [])]);
  const all = [...top, ...perCard.flatMap((b) => [divider(), ...b])];
  if (all.length <= SLACK_LIMITS.blocks) return { layout: "single", message: fitMessage({ text: headline, blocks: all }) };
  // Slack: a message holds at most 50 blocks; the list of titles stays far inside a section's 3000.
  const list = cards.map((c, i) => `${i + 1}. ${e(c.title)}${stories[c.id]?.flags.length ? " :warning:" : ""}`).join("\n");
  return {
    layout: "thread",
    header: fitMessage({ text: headline, blocks: [...top, section(list), context("The cards are in the thread.")] }),
    replies: cards.map((c, i) => fitMessage({ text: cardFallback(c), blocks: perCard[i] ?? [] })),
  };
}

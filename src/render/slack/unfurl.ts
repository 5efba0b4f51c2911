// A card as a compact unfurl under a shared link: the title, two bullets, the first attributed
// quote, up to three figures and the source line. Slack shows unfurls inline in the conversation,
// so it stays short; the full card is one `/brief <url>` away.
import type { BriefingCard } from "../../core/index.js";
import { formatValue } from "../text.js";
import { context, section, type Block } from "./blocks.js";
import { quoteMrkdwn, sourceMrkdwn } from "./card.js";
import { escapeMrkdwn as e } from "./escape.js";
import { fitMessage, shorten } from "./limits.js";

const BULLETS = 2;
const FIGURES = 3;
/** Short enough that two bullets and a quote read at a glance. */
const LINE_CHARS = 300;

export function cardUnfurlBlocks(card: BriefingCard): Block[] {
  const blocks: Block[] = [];
  const bullets = card.summary.slice(0, BULLETS).map((b) => `• ${shorten(e(b), LINE_CHARS)}`);
  blocks.push(section([`*${e(card.title)}*`, ...bullets].join("\n")));
  const quote = card.quotes.find((q) => q.kind === "direct" && q.speaker) ?? card.quotes.find((q) => q.kind === "direct");
  if (quote) blocks.push(section(quoteMrkdwn({ text: shorten(quote.text, LINE_CHARS), speaker: quote.speaker })));
  const figures = card.figures.slice(0, FIGURES).map((f) => `*${e(formatValue(f))}*${f.about ? ` ${e(f.about)}` : ""}`);
  const foot = [sourceMrkdwn(card.source), figures.join(" · "), `briefbot · ${card.stats.readingMinutes} min read`].filter(Boolean);
  blocks.push(context(...foot));
  // Limits are checked in one place (limits.ts), as for every message.
  return fitMessage({ text: card.title, blocks }).blocks;
}

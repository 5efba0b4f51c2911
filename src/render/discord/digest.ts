// A digest as Discord messages: the headline, then one embed per card, packed into as few messages
// as Discord's limits allow (10 embeds and 6000 embed characters a message). Nobody is pinged.
import type { BriefingCard, StorySummary } from "../../core/index.js";
import { cardEmbed, DEFAULT_DISCORD_RENDER_OPTIONS, withStory, type DiscordRenderOptions } from "./answer.js";
import { escapeDiscordMarkdown } from "./escape.js";
import { DISCORD_LIMITS, embedChars, fitMessage, shorten } from "./limits.js";
import type { DiscordMessage, Embed } from "./types.js";

/**
 * `headline` is plain text (escaped here); `reserve` characters of content are left free in every
 * message for the sender's own line (a reference it finds the digest by again).
 */
export function digestToDiscord(
  headline: string,
  cards: readonly BriefingCard[],
  reserve = 0,
  options: Partial<DiscordRenderOptions> = {},
  stories: Readonly<Record<string, StorySummary>> = {},
): DiscordMessage[] {
  const o = { ...DEFAULT_DISCORD_RENDER_OPTIONS, ...options };
  const content = shorten(escapeDiscordMarkdown(headline), DISCORD_LIMITS.content - reserve);
  // Each card fitted alone first: a card too big for a message on its own is trimmed, not dropped.
  // Each item is a story: its card with its sources and, marked, where they differ.
  const embeds = cards.map((c) => fitMessage({ embeds: [withStory(cardEmbed(c, o), stories[c.id])], allowed_mentions: { parse: [] } }).embeds[0]).filter((x): x is Embed => !!x);
  const messages: DiscordMessage[] = [];
  let current: Embed[] = [];
  let used = 0;
  const flush = () => {
    messages.push({ ...(messages.length ? {} : { content }), embeds: current, allowed_mentions: { parse: [] } });
    current = [];
    used = 0;
  };
  for (const embed of embeds) {
    const n = embedChars(embed);
    if (current.length && (current.length === DISCORD_LIMITS.embeds || used + n > DISCORD_LIMITS.totalEmbedChars)) flush();
    current.push(embed);
    used += n;
  }
  if (current.length || !messages.length) flush();
  return messages;
}

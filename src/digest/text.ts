// A digest as plain text: the console sender prints it; adapters may use the header and the
// "nothing new" line as their fallback text.
import type { BriefingCard } from "../core/index.js";
import { cardToText, flagLines, sourcesLine } from "../render/index.js";
import type { DigestDestination } from "./config.js";
import type { DigestContext } from "./types.js";

export function digestHeader(destination: DigestDestination, cards: readonly BriefingCard[], ctx: DigestContext): string {
  const more = ctx.matched > cards.length ? ` (top ${cards.length} of ${ctx.matched})` : "";
  const late = ctx.late ? ", sent late" : "";
  return `Briefing digest for ${destination.channel}: ${ctx.slotLocal}${late}. ${cards.length} new card${cards.length === 1 ? "" : "s"}${more}.`;
}

/** Says when a digest is late, so an empty one sent hours after its slot is not taken for today's. */
export function nothingNewLine(ctx: DigestContext): string {
  const line = ctx.sinceLocal ? `Nothing new since ${ctx.sinceLocal}.` : "Nothing new yet.";
  return ctx.late ? `Digest for ${ctx.slotLocal}, sent late. ${line}` : line;
}

export function digestToText(destination: DigestDestination, cards: readonly BriefingCard[], ctx: DigestContext): string {
  if (!cards.length) return `${nothingNewLine(ctx)}\n`;
  const story = (c: BriefingCard) => {
    const s = ctx.stories?.[c.id];
    return s ? [sourcesLine(s), ...flagLines(s).map((l) => `⚠ ${l}`)].join("\n") + "\n" : "";
  };
  return [digestHeader(destination, cards, ctx), "", ...cards.map((c) => cardToText(c) + story(c))].join("\n");
}

// Links on Discord -> cards: `/brief url:<url>` and a message that mentions the bot with a link.
// The link briefer (src/links) fetches through the SSRF guard and the limits; a refused link gets
// its short reason, never the address it resolved to.
import type { LinkAnswer, LinkAsker } from "../../links/index.js";
import { answerToMessage, textMessage, type DiscordMessage } from "../../render/discord/index.js";
import { describeError } from "./log.js";
import type { Logger } from "./types.js";

const SORRY = "Sorry, I could not brief that link just now. Please try again.";

async function briefAll(links: LinkAsker, logger: Logger, urls: readonly string[], who: { user: string; channel: string }): Promise<Array<LinkAnswer | undefined>> {
  const out: Array<LinkAnswer | undefined> = [];
  for (const url of urls) {
    out.push(
      await links.brief(url, who).catch((err: unknown) => {
        logger.error({ err: describeError(err) }, "discord: briefing a link failed");
        return undefined;
      }),
    );
  }
  return out;
}

/** The cards of the links that were briefed; else the reasons (refusals are short, no address). */
export async function linksMessage(links: LinkAsker, logger: Logger, urls: readonly string[], who: { user: string; channel: string }, ephemeral: boolean): Promise<DiscordMessage> {
  const answers = await briefAll(links, logger, urls, who);
  const cards = answers.flatMap((a) => (a?.kind === "card" ? [a.card] : []));
  if (cards.length) return answerToMessage({ kind: "brief", topic: cards[0]!.topics[0] ?? cards[0]!.title, cards }, { ephemeral });
  const reasons = [...new Set(answers.map((a) => (a?.kind === "refused" ? a.message : SORRY)))];
  return textMessage(`I did not brief ${urls.length === 1 ? "that link" : "those links"}: ${reasons.join("; ")}.`, ephemeral);
}

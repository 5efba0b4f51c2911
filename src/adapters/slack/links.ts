// Links shared in Slack -> cards: `link_shared` (for the unfurl domains in manifest.yml) is answered
// with `chat.unfurl` carrying a compact card; `/brief <url>` answers with the full card. A link the
// guard or the limits refuse gets its short reason, shown only to the person who shared it.
import type { App, webApi } from "@slack/bolt";
import type { LinkAnswer, LinkAsker } from "../../links/index.js";
import { MAX_LINKS_PER_MESSAGE } from "../../links/index.js";
import type { Logger } from "../../log/index.js";
import { answerToSlack, cardUnfurlBlocks, noticeToSlack, type SlackMessage } from "../../render/slack/index.js";
import { classifySlackError, PROBLEM_WORDS } from "./errors.js";

export interface LinkHandlerDeps {
  links: LinkAsker;
  log: Logger;
  track: <T>(work: Promise<T>) => Promise<T>;
}

const SORRY = "Sorry, I could not brief that link just now. Please try again.";

async function briefSafely(links: LinkAsker, log: Logger, url: string, who: { user: string; channel: string }): Promise<LinkAnswer | undefined> {
  try {
    return await links.brief(url, who);
  } catch (err) {
    log.error({ err }, "briefing a link failed");
    return undefined;
  }
}

/** `/brief <url>`: the whole card (no "post" button: it re-asks by topic, and this card came by link). */
export async function linkCommandMessage(links: LinkAsker, log: Logger, url: string, who: { user: string; channel: string }): Promise<SlackMessage> {
  const a = await briefSafely(links, log, url, who);
  if (!a) return noticeToSlack(SORRY);
  if (a.kind === "refused") return noticeToSlack(`I did not brief that link: ${a.message}.`);
  return answerToSlack({ kind: "brief", topic: a.card.topics[0] ?? a.card.title, cards: [a.card] });
}

export function registerLinkHandlers(app: App, deps: LinkHandlerDeps): void {
  const { links, log, track } = deps;
  // Slack redelivers an event it thinks was missed: brief each link once (a bounded memory of ids).
  const seen = new Set<string>();
  const isRepeat = (id: string | undefined) => {
    if (!id) return false;
    if (seen.has(id)) return true;
    seen.add(id);
    if (seen.size > 1000) seen.delete(seen.values().next().value as string);
    return false;
  };

  const call = async (what: string, f: () => Promise<unknown>) => {
    try {
      await f();
    } catch (err) {
      const { problem, detail } = classifySlackError(err);
      log.error({ problem, detail, what }, PROBLEM_WORDS[problem].log);
    }
  };

  app.event("link_shared", async ({ event, body, client }) => {
    if (isRepeat(body.event_id)) return;
    await track(
      (async () => {
        const who = { user: event.user, channel: event.channel };
        const unfurls: Record<string, { blocks: ReturnType<typeof cardUnfurlBlocks> }> = {};
        const refused: string[] = [];
        for (const { url } of event.links.slice(0, MAX_LINKS_PER_MESSAGE)) {
          const a = await briefSafely(links, log, url, who);
          if (a?.kind === "card") unfurls[url] = { blocks: cardUnfurlBlocks(a.card) };
          else refused.push(a ? a.message : SORRY);
        }
        if (Object.keys(unfurls).length) {
          // A link still in the message composer has an unfurl_id instead of a message.
          const where = event.source === "composer" && event.unfurl_id ? { unfurl_id: event.unfurl_id, source: "composer" as const } : { channel: event.channel, ts: event.message_ts };
          await call("chat.unfurl", () => client.chat.unfurl({ ...where, unfurls } as webApi.ChatUnfurlArguments));
        }
        // Only the person who shared it sees why; the URL is not repeated (it may name an internal host).
        if (refused.length && event.source !== "composer") {
          const text = `briefbot did not brief ${refused.length === 1 ? "a link" : `${refused.length} links`} you shared: ${[...new Set(refused)].join("; ")}.`;
          await call("chat.postEphemeral", () => client.chat.postEphemeral({ channel: event.channel, user: event.user, ...noticeToSlack(text) }));
        }
      })(),
    );
  });
}

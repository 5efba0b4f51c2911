// Interactions to answers, whichever mode delivered them: reply at once when the answer is quick,
// otherwise defer (Discord allows 3 s for the first reply) and edit the answer in.
import type { Asker } from "../../ask/index.js";
import { asLink, type LinkAsker } from "../../links/index.js";
import { linksMessage } from "./links.js";
import { answerToMessage, fitMessage, POST_PUBLICLY_ID, storyFromButton, textMessage, type DiscordMessage, type Embed, type EmbedField } from "../../render/discord/index.js";
import { answerFailureText, STORY_BUTTON_BROKEN_TEXT, STORY_GONE_TEXT } from "../../render/index.js";
import { commandIntent, PERSON_OPTION } from "./commands.js";
import { answerWithChart } from "./chart.js";
import { isManageCommand, manageAnswer, zoneChoices, type DiscordManage } from "./manage.js";
import { describeError } from "./log.js";
import { CALLBACK, type Incoming, type Logger, type MessageFile, type Responder } from "./types.js";

export interface HandlerDeps {
  asker: Asker;
  /** Briefs `/brief url:<url>` (links.ts). */
  links?: LinkAsker;
  logger: Logger;
  deferAfterMs: number;
  manage?: DiscordManage;
}

/** Discord: at most 25 autocomplete choices, each name and value at most 100 characters. */
const MAX_CHOICES = 25;
const clip100 = (s: string) => s.slice(0, 100);

const SORRY = "Sorry, something went wrong while answering. Please try again in a moment.";

function withoutFlags(m: DiscordMessage): Omit<DiscordMessage, "flags"> {
  const { flags: _flags, ...rest } = m;
  return rest;
}

/** Resolves with the work's value, or with `late` if the work takes longer than `ms`. */
function raceDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ms)));
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
const LATE: unique symbol = Symbol("late");

/** Only the embed parts we render ourselves survive a round trip through Discord. */
function cleanEmbed(e: Embed): Embed {
  const out: Embed = {};
  if (e.title) out.title = e.title;
  if (e.url) out.url = e.url;
  if (e.description) out.description = e.description;
  if (e.color !== undefined) out.color = e.color;
  if (e.fields?.length) out.fields = e.fields.map((f): EmbedField => (f.inline ? { name: f.name, value: f.value, inline: true } : { name: f.name, value: f.value }));
  if (e.footer?.text) out.footer = { text: e.footer.text };
  if (e.author?.name) out.author = { name: e.author.name };
  // A chart shown from an attachment: Discord gives its CDN link back, which a new message can show.
  if (e.image?.url && /^https:\/\//.test(e.image.url)) out.image = { url: e.image.url };
  return out;
}

export function createInteractionHandler(deps: HandlerDeps) {
  const { asker, logger, deferAfterMs } = deps;

  async function command(i: Extract<Incoming, { kind: "command" }>, r: Responder): Promise<void> {
    const intent = commandIntent(i.name, i.options);
    const manage = isManageCommand(i.name) ? deps.manage : undefined;
    const ephemeral = manage ? true : i.options.public !== true;
    const url = i.name === "brief" && typeof i.options.url === "string" ? i.options.url.trim() : "";
    if (url && deps.links) {
      const link = asLink(url);
      const who = { user: i.userId ?? "unknown", channel: i.channelId ?? "unknown" };
      const work = link ? linksMessage(deps.links, logger, [link], who, ephemeral) : Promise.resolve(textMessage("I did not brief that: it is not an http or https link.", true));
      return reply(work, ephemeral, r);
    }
    // A trend's chart is a file: files go with an edit, so the reply is deferred and the chart edited in.
    if (!manage && intent?.kind === "trend") {
      await r.respond({ type: CALLBACK.deferredMessage, data: ephemeral ? { flags: 64 } : {} });
      const { message, files } = await asker
        .answer(intent)
        .then((a) => answerWithChart(a, ephemeral, logger))
        .catch((err: unknown): { message: DiscordMessage; files: MessageFile[] } => {
          logger.error({ err: describeError(err), command: i.name }, "discord: the asker failed");
          return { message: textMessage(answerFailureText(err, SORRY), true), files: [] };
        });
      await r.edit(withoutFlags(message), files);
      return;
    }
    // Checking a feed can take seconds: slow answers are deferred and edited in, like the asker's.
    const answer = manage ? manageAnswer(i, manage) : intent ? asker.answer(intent).then((a) => answerToMessage(a, { ephemeral })) : undefined;
    if (!answer) {
      await r.respond({ type: CALLBACK.message, data: textMessage(isManageCommand(i.name) ? `/${i.name} is not enabled on this bot.` : `Unknown command /${i.name}.`, true) });
      return;
    }
    const work = answer.catch((err: unknown) => {
      logger.error({ err: describeError(err), command: i.name }, manage ? "discord: a manage command failed" : "discord: the asker failed");
      return textMessage(answerFailureText(err, SORRY), true);
    });
    return reply(work, ephemeral, r);
  }

  /** Replies at once when the answer is quick; otherwise defers and edits it in. */
  async function reply(work: Promise<DiscordMessage>, ephemeral: boolean, r: Responder): Promise<void> {
    const quick = await raceDeadline(work, deferAfterMs);
    if (quick !== LATE) {
      await r.respond({ type: CALLBACK.message, data: quick });
      return;
    }
    await r.respond({ type: CALLBACK.deferredMessage, data: ephemeral ? { flags: 64 } : {} });
    await r.edit(withoutFlags(await work));
  }

  async function autocomplete(i: Extract<Incoming, { kind: "autocomplete" }>, r: Responder): Promise<void> {
    if (i.name === "digest" && i.focused.name === "timezone") {
      await r.respond({ type: CALLBACK.autocomplete, data: { choices: zoneChoices(i.focused.value) } });
      return;
    }
    if (i.focused.name === PERSON_OPTION && asker.people) {
      const people = await asker.people(i.focused.value, MAX_CHOICES).catch((err: unknown) => {
        logger.warn({ err: describeError(err) }, "discord: people for autocomplete failed");
        return [];
      });
      // The value is the full name, which the matcher takes as that one person.
      const choices = people.slice(0, MAX_CHOICES).map((p) => ({ name: clip100(p.role ? `${p.name} (${p.role})` : p.name), value: clip100(p.name) }));
      await r.respond({ type: CALLBACK.autocomplete, data: { choices } });
      return;
    }
    const topics = await asker.topics(i.focused.value.trim().toLowerCase(), MAX_CHOICES).catch((err: unknown) => {
      logger.warn({ err: describeError(err) }, "discord: topics for autocomplete failed");
      return [];
    });
    const choices = topics.slice(0, MAX_CHOICES).map((t) => ({ name: clip100(t.topic), value: clip100(t.topic) }));
    await r.respond({ type: CALLBACK.autocomplete, data: { choices } });
  }

  async function button(i: Extract<Incoming, { kind: "button" }>, r: Responder): Promise<void> {
    const story = storyFromButton(i.customId);
    if (story !== undefined) return storyButton(story, r);
    if (i.customId !== POST_PUBLICLY_ID || !i.embeds.length) {
      await r.respond({ type: CALLBACK.message, data: textMessage("That button no longer works.", true) });
      return;
    }
    // The same embeds, now for everyone; no ephemeral flag, no button.
    await r.respond({ type: CALLBACK.message, data: fitMessage({ embeds: i.embeds.map(cleanEmbed), allowed_mentions: { parse: [] } }) });
  }

  /** A story button under a briefing: what /story shows, to whoever clicked, privately. */
  async function storyButton(id: string | null, r: Responder): Promise<void> {
    if (!id) {
      logger.warn({}, "discord: a story button with an id that is not a story id");
      await r.respond({ type: CALLBACK.message, data: textMessage(STORY_BUTTON_BROKEN_TEXT, true) });
      return;
    }
    const work = asker
      .answer({ kind: "story", id })
      .then((a) => (a.kind === "story" ? answerToMessage(a, { ephemeral: true }) : textMessage(STORY_GONE_TEXT, true)))
      .catch((err: unknown) => {
        logger.error({ err: describeError(err), story: id }, "discord: the asker failed");
        return textMessage(answerFailureText(err, SORRY), true);
      });
    return reply(work, true, r);
  }

  return async function handle(i: Incoming, r: Responder): Promise<void> {
    try {
      if (i.kind === "command") await command(i, r);
      else if (i.kind === "autocomplete") await autocomplete(i, r);
      else if (i.kind === "button") await button(i, r);
      else await r.respond({ type: CALLBACK.message, data: textMessage("briefbot does not handle that yet.", true) });
    } catch (err) {
      // Usually Discord refusing the reply: missing permissions, unknown interaction (too late).
      logger.error({ err: describeError(err), interaction: i.kind }, "discord: could not answer an interaction");
    }
  };
}

export type InteractionHandler = ReturnType<typeof createInteractionHandler>;

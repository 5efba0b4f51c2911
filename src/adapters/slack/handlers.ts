// Slack events -> ask/ calls -> rendered answers. Slash commands ack within Slack's 3 seconds whatever the
// asker is doing; mentions and DMs are answered in a thread; the card's button posts it to the channel.
import type { App, RespondArguments, RespondFn, webApi } from "@slack/bolt";
import type { Logger } from "../../log/index.js";
import { parseQuestion, type Answer, type Asker, type Intent } from "../../ask/index.js";
import {
  answerToSlack,
  context,
  fitMessage,
  mentionUser,
  noticeToSlack,
  POST_CARD_ACTION,
  STORY_ACTION,
  type AnswerRenderOptions,
  type PostCardValue,
  type SlackMessage,
} from "../../render/slack/index.js";
import { answerFailureText, isStoryId, STORY_BUTTON_BROKEN_TEXT, STORY_GONE_TEXT } from "../../render/index.js";
import { asLink, type LinkAsker } from "../../links/index.js";
import { classifySlackError, PROBLEM_WORDS } from "./errors.js";
import { linkCommandMessage } from "./links.js";
import { uploadChart } from "./chart.js";
import { openPeoplePicker, registerPeoplePicker } from "./people-picker.js";

export interface HandlerDeps {
  asker: Asker;
  log: Logger;
  /** An answer ready within this many ms goes back in the ack itself; a slower one through response_url. */
  inlineAnswerMs: number;
  /** Registers work that `stop()` must let finish. */
  track: <T>(work: Promise<T>) => Promise<T>;
  /** Briefs `/brief <url>` (links.ts); without it a URL is taken as a topic. */
  links?: LinkAsker;
}

/** Slash commands and the intent each asks for; a bare command gets the topic list or help. */
export const SLASH_COMMANDS: Record<string, (text: string) => Intent> = {
  "/brief": (text) => (text ? { kind: "brief", topic: text } : { kind: "topics" }),
  "/whosaid": (text) => (text ? { kind: "whosaid", words: text } : { kind: "help" }),
  "/figures": (text) => (text ? { kind: "figures", topic: text } : { kind: "help" }),
  "/story": (text) => (text ? { kind: "story", id: text.trim() } : { kind: "help" }),
  // People (issue 13): "/quotes sorensen about the dam" (ask/parse.ts splits the person from "about");
  // alone, /quotes and /person open a modal with a typeahead of people (people-picker.ts).
  "/quotes": (text) => (text ? parseQuestion(`quotes ${text}`) : { kind: "help" }),
  "/person": (text) => (text ? { kind: "person", name: text } : { kind: "help" }),
  // "/trend evacuees in wildfire": the words after the last "in" are the topic, as in a question.
  "/trend": (text) => (text ? parseQuestion(`/trend ${text}`) : { kind: "help" }),
};

/** Slack escapes & < > in what users type; mentions (`<@U123>`) are not part of the question. */
export const questionText = (text: string): string =>
  text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

const within = <T>(work: Promise<T>, ms: number): Promise<T | undefined> => {
  if (ms <= 0) return Promise.resolve(undefined);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
};

export function registerHandlers(app: App, deps: HandlerDeps): void {
  const { asker, log, track } = deps;
  registerPeoplePicker(app, { asker, log, track });

  /** `seen` gets the answer itself (a trend's chart is uploaded beside the message). */
  const render = async (question: () => Promise<Answer>, options: AnswerRenderOptions = {}, seen?: (a: Answer) => void): Promise<SlackMessage> => {
    try {
      const answer = await question();
      seen?.(answer);
      return answerToSlack(answer, options);
    } catch (err) {
      log.error({ err }, "the asker failed to answer");
      return noticeToSlack(answerFailureText(err, "Sorry, I could not answer that just now. Please try again."));
    }
  };

  const respondSafely = async (respond: RespondFn, message: RespondArguments, what: string): Promise<void> => {
    try {
      await respond(message);
    } catch (err) {
      const { problem, detail } = classifySlackError(err);
      log.error({ problem, detail, what }, `could not answer through response_url: ${PROBLEM_WORDS[problem].log}`);
    }
  };

  /** Posts to a channel; on failure logs a clear line and returns the words for whoever can still be told. */
  const post = async (client: webApi.WebClient, args: SlackMessage & { channel: string; thread_ts?: string }, what: string): Promise<string | undefined> => {
    try {
      await client.chat.postMessage(args);
      return undefined;
    } catch (err) {
      const { problem, detail } = classifySlackError(err);
      log.error({ problem, detail, channel: args.channel, what }, PROBLEM_WORDS[problem].log);
      return PROBLEM_WORDS[problem].reply;
    }
  };

  for (const [name, toIntent] of Object.entries(SLASH_COMMANDS)) {
    app.command(name, async ({ command, ack, respond, client }) => {
      const text = questionText(command.text ?? "");
      if ((name === "/quotes" || name === "/person") && !text && asker.people && command.trigger_id) {
        // Slack: a trigger_id is good for 3 seconds, so the modal opens right after the ack.
        await ack();
        const failed = await track(openPeoplePicker(client, log, name, command.trigger_id, command.channel_id));
        if (failed) await respondSafely(respond, { response_type: "ephemeral", ...noticeToSlack(failed) }, name);
        return;
      }
      const intent = toIntent(text);
      const link = name === "/brief" && deps.links ? asLink(text) : undefined;
      const reply = (m: SlackMessage): RespondArguments => ({ response_type: "ephemeral", text: m.text, blocks: m.blocks });
      // Tracked to the last response_url post, so stop() lets it land.
      await track(
        (async () => {
          const who = { user: command.user_id, channel: command.channel_id };
          let answer: Answer | undefined;
          const work = link && deps.links ? linkCommandMessage(deps.links, log, link, who) : render(() => asker.answer(intent), { postButton: intent.kind === "brief" }, (a) => (answer = a));
          const quick = await within(work, deps.inlineAnswerMs);
          if (quick) await ack(reply(quick));
          else {
            await ack();
            log.debug({ command: name }, "acked at once; answering through response_url");
            await respondSafely(respond, reply(await work), name);
          }
          // A trend's chart goes into the channel as a file; if it cannot, the asker is told why.
          const failed = answer && (await uploadChart(client, log, answer, { channel: command.channel_id }));
          if (failed) await respondSafely(respond, { response_type: "ephemeral", ...noticeToSlack(`I could not post the chart: ${failed}`) }, name);
        })(),
      );
    });
  }

  const answerInThread = async (client: webApi.WebClient, channel: string, ts: string, threadTs: string | undefined, text: string) => {
    const question = questionText(text);
    let answer: Answer | undefined;
    const message = await render(() => (question ? asker.ask(question) : asker.answer({ kind: "help" })), {}, (a) => (answer = a));
    const failed = await post(client, { channel, thread_ts: threadTs ?? ts, ...message }, "thread reply");
    if (!failed && answer) await uploadChart(client, log, answer, { channel, thread_ts: threadTs ?? ts });
  };

  // Slack redelivers an event it thinks was missed (a slow ack, a dropped socket): answer each once.
  const isRepeat = recentIds(1000);

  app.event("app_mention", async ({ event, body, client }) => {
    if (isRepeat(body.event_id)) return;
    await track(answerInThread(client, event.channel, event.ts, event.thread_ts, event.text));
  });

  app.message(async ({ message, body, client }) => {
    // Only plain messages people send the bot directly; edits, joins and bots (itself included) are not questions.
    if (message.subtype !== undefined || message.channel_type !== "im" || message.bot_id) return;
    if (isRepeat(body.event_id)) return;
    await track(answerInThread(client, message.channel, message.ts, message.thread_ts, message.text ?? ""));
  });

  app.action(POST_CARD_ACTION, async ({ ack, body, action, respond, client }) => {
    await ack();
    await track(
      (async () => {
        const value = action.type === "button" ? parseValue(action.value) : undefined;
        const channel = body.channel?.id;
        if (!value || !channel) {
          await respondSafely(respond, { response_type: "ephemeral", ...noticeToSlack("That button no longer works: run /brief again.") }, "post button");
          return;
        }
        const message = await render(async () => {
          const answer = await asker.answer({ kind: "brief", topic: value.topic });
          if (answer.kind !== "brief") return answer;
          // The card the user saw first, even if newer ones have arrived since.
          const chosen = answer.cards.find((c) => c.id === value.card);
          return chosen ? { ...answer, cards: [chosen, ...answer.cards.filter((c) => c !== chosen)] } : answer;
        });
        const shared = fitMessage({ text: message.text, blocks: [...message.blocks, context(`Shared by ${mentionUser(body.user.id)}`)] });
        const failed = await post(client, { channel, ...shared }, "post to channel");
        const notice = noticeToSlack(failed ?? "Posted to the channel.");
        await respondSafely(respond, { response_type: "ephemeral", replace_original: !failed, ...notice }, "post button");
      })(),
    );
  });

  // A story button under a briefing: the story with each outlet's card, to whoever clicked, as /story
  // shows it. The value is checked before any look-up: a forged one gets a short line, not an error.
  app.action(STORY_ACTION, async ({ ack, action, respond }) => {
    await ack();
    await track(
      (async () => {
        let gone = false;
        const id = action.type === "button" ? action.value : undefined;
        const message = isStoryId(id) ? await render(() => asker.answer({ kind: "story", id }), {}, (a) => (gone = a.kind !== "story")) : noticeToSlack(STORY_BUTTON_BROKEN_TEXT);
        if (gone) log.info({ story: id }, "story button for a story no longer stored");
        await respondSafely(respond, { response_type: "ephemeral", replace_original: false, ...(gone ? noticeToSlack(STORY_GONE_TEXT) : message) }, "story button");
      })(),
    );
  });
}

function parseValue(value: string | undefined): PostCardValue | undefined {
  try {
    const v = JSON.parse(value ?? "") as Partial<PostCardValue>;
    return typeof v.topic === "string" && typeof v.card === "string" ? { topic: v.topic, card: v.card } : undefined;
  } catch {
    return undefined;
  }
}

/** True for an id seen among the last `size`: a bounded memory of delivered events. */
function recentIds(size: number): (id: string | undefined) => boolean {
  const seen = new Set<string>();
  return (id) => {
    if (!id) return false;
    if (seen.has(id)) return true;
    seen.add(id);
    if (seen.size > size) seen.delete(seen.values().next().value as string);
    return false;
  };
}

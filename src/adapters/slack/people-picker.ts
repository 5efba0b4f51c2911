// A bare `/quotes` or `/person` opens a modal whose person field is a typeahead over the store's person
// index (Slack offers no typeahead in a slash command's own text, but an external select in a modal has
// one: Slack asks the app for options as the user types, a `block_suggestion`). The answer goes back to
// the asker privately in the channel the command came from. `/quotes <name>` typed in full still works.
import type { App, webApi } from "@slack/bolt";
import type { Logger } from "../../log/index.js";
import { parseQuestion, type Asker, type Intent } from "../../ask/index.js";
import { answerToSlack, noticeToSlack, type SlackMessage } from "../../render/slack/index.js";
import { answerFailureText } from "../../render/index.js";
import { classifySlackError, PROBLEM_WORDS } from "./errors.js";

export const PEOPLE_MODAL = "briefbot_people";
export const PERSON_SELECT = "person";
export const ABOUT_INPUT = "about";
const PERSON_BLOCK = "person_block";
const ABOUT_BLOCK = "about_block";

/** Slack: an option's text is at most 75 characters, its value 150, and a menu lists at most 100. */
const OPTION_TEXT_MAX = 75;
const OPTION_VALUE_MAX = 150;
const OPTIONS_MAX = 100;
const OPTIONS_SHOWN = 25;

type PickerCommand = "/quotes" | "/person";
interface Metadata {
  command: PickerCommand;
  channel: string;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** The modal for `command`, remembering the channel the answer goes to. */
export function peopleModal(command: PickerCommand, channel: string) {
  const quotes = command === "/quotes";
  const metadata: Metadata = { command, channel };
  return {
    type: "modal" as const,
    callback_id: PEOPLE_MODAL,
    private_metadata: JSON.stringify(metadata),
    // Slack: a modal's title and button texts are at most 24 characters.
    title: { type: "plain_text" as const, text: quotes ? "Quotes by person" : "Person card" },
    submit: { type: "plain_text" as const, text: "Show" },
    close: { type: "plain_text" as const, text: "Cancel" },
    blocks: [
      {
        type: "input",
        block_id: PERSON_BLOCK,
        label: { type: "plain_text", text: "Person" },
        element: {
          type: "external_select",
          action_id: PERSON_SELECT,
          min_query_length: 1,
          placeholder: { type: "plain_text", text: "A name, a surname or a role" },
        },
      },
      ...(quotes
        ? [
            {
              type: "input",
              block_id: ABOUT_BLOCK,
              optional: true,
              label: { type: "plain_text", text: "About (optional)" },
              element: { type: "plain_text_input", action_id: ABOUT_INPUT, max_length: 200, placeholder: { type: "plain_text", text: "words the quotes should be about" } },
            },
          ]
        : []),
    ],
  };
}

/** What the modal asks for, from its submitted state; undefined when no person was picked. */
export function intentFromModal(metadata: Metadata, values: Record<string, Record<string, { selected_option?: { value?: string } | null; value?: string | null }>>): Intent | undefined {
  const name = values[PERSON_BLOCK]?.[PERSON_SELECT]?.selected_option?.value?.trim();
  if (!name) return undefined;
  if (metadata.command === "/person") return { kind: "person", name };
  const about = values[ABOUT_BLOCK]?.[ABOUT_INPUT]?.value?.trim();
  return parseQuestion(`quotes ${name}${about ? ` about ${about}` : ""}`);
}

function readMetadata(raw: string | undefined): Metadata | undefined {
  try {
    const m = JSON.parse(raw ?? "") as Partial<Metadata>;
    return (m.command === "/quotes" || m.command === "/person") && typeof m.channel === "string" && m.channel ? { command: m.command, channel: m.channel } : undefined;
  } catch {
    return undefined;
  }
}

export interface PickerDeps {
  asker: Asker;
  log: Logger;
  track: <T>(work: Promise<T>) => Promise<T>;
}

/**
 * Opens the modal for a bare `/quotes` or `/person`. Returns undefined when it is open, else the words to
 * answer the command with (no person index, or Slack refused the modal).
 */
export async function openPeoplePicker(client: webApi.WebClient, log: Logger, command: PickerCommand, triggerId: string, channel: string): Promise<string | undefined> {
  try {
    await client.views.open({ trigger_id: triggerId, view: peopleModal(command, channel) as never });
    return undefined;
  } catch (err) {
    const { problem, detail } = classifySlackError(err);
    log.error({ problem, detail, what: "people picker" }, PROBLEM_WORDS[problem].log);
    return `I could not open the people picker: type the name instead, as in ${command} Ada Lovelace`;
  }
}

export function registerPeoplePicker(app: App, deps: PickerDeps): void {
  const { asker, log, track } = deps;

  // Slack asks for options as the user types; the full name is the value, which the matcher takes as one person.
  app.options(PERSON_SELECT, async ({ options, ack }) => {
    const typed = String(options.value ?? "").trim();
    const people = asker.people
      ? await asker.people(typed, OPTIONS_SHOWN).catch((err: unknown) => {
          log.warn({ err: (err as Error).message }, "slack: people for the picker failed");
          return [];
        })
      : [];
    await ack({
      options: people.slice(0, OPTIONS_MAX).map((p) => ({
        text: { type: "plain_text" as const, text: clip(p.role ? `${p.name} (${p.role})` : p.name, OPTION_TEXT_MAX) },
        value: clip(p.name, OPTION_VALUE_MAX),
      })),
    });
  });

  app.view(PEOPLE_MODAL, async ({ ack, view, body, client }) => {
    const metadata = readMetadata(view.private_metadata);
    const intent = metadata && intentFromModal(metadata, view.state.values as never);
    if (!metadata || !intent) {
      // Slack shows an input block's error under the field and keeps the modal open.
      await ack({ response_action: "errors", errors: { [PERSON_BLOCK]: metadata ? "Pick a person from the list." : "This form is out of date: run the command again." } });
      return;
    }
    await ack();
    await track(
      (async () => {
        let message: SlackMessage;
        try {
          message = answerToSlack(await asker.answer(intent));
        } catch (err) {
          log.error({ err }, "the asker failed to answer");
          message = noticeToSlack(answerFailureText(err, "Sorry, I could not answer that just now. Please try again."));
        }
        await tell(client, log, metadata.channel, body.user.id, message);
      })(),
    );
  });
}

/** Privately in the channel; where the bot cannot post there (not a member), in a direct message instead. */
async function tell(client: webApi.WebClient, log: Logger, channel: string, user: string, message: SlackMessage): Promise<void> {
  try {
    await client.chat.postEphemeral({ channel, user, text: message.text, blocks: message.blocks });
    return;
  } catch (err) {
    const { problem, detail } = classifySlackError(err);
    log.warn({ problem, detail, channel, what: "people picker answer" }, `${PROBLEM_WORDS[problem].log}; sending it as a direct message`);
  }
  try {
    await client.chat.postMessage({ channel: user, text: message.text, blocks: message.blocks });
  } catch (err) {
    const { problem, detail } = classifySlackError(err);
    log.error({ problem, detail, what: "people picker answer" }, PROBLEM_WORDS[problem].log);
  }
}

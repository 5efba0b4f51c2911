// The slash commands, registered with one bulk overwrite (running it twice changes nothing).
import { REST, Routes } from "discord.js";
import type { Intent } from "../../ask/index.js";
import { MANAGE_DEFINITIONS } from "./manage.js";
import { MESSAGE_BACKOFF_MS, withBackoff } from "./retry.js";
import type { Logger } from "./types.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

// Discord option types: 3 = string, 5 = boolean.
const PUBLIC = { type: 5, name: "public", description: "Post the answer for everyone (by default only you see it)", required: false } as const;
const TOPIC = { type: 3, name: "topic", description: "A topic briefbot knows", required: true, autocomplete: true, max_length: 100 } as const;

// /brief takes a topic or a link (url), so neither is required; with neither it lists the topics.
const BRIEF_TOPIC = { ...TOPIC, required: false } as const;
const URL_OPTION = { type: 3, name: "url", description: "A news link to brief (http or https)", required: false, max_length: 2000 } as const;

// People (issue 13): the person is autocompleted from the store's person index.
const PERSON = { type: 3, name: "person", description: "A name, a surname or a role (the emergency director)", required: true, autocomplete: true, max_length: 100 } as const;
const ABOUT = { type: 3, name: "about", description: "Only quotes about these words", required: false, max_length: 100 } as const;

const ASK_DEFINITIONS = [
  { type: 1, name: "brief", description: "Briefing cards on a topic, or on a news link", options: [BRIEF_TOPIC, URL_OPTION, PUBLIC] },
  {
    type: 1, name: "whosaid", description: "Who said these words?",
    options: [{ type: 3, name: "words", description: "Words from the quote", required: true, max_length: 200 }, PUBLIC],
  },
  { type: 1, name: "figures", description: "Figures on a topic", options: [TOPIC, PUBLIC] },
  {
    type: 1, name: "story", description: "Each outlet's card for one story, and where they differ",
    options: [{ type: 3, name: "id", description: "The story's id (shown under a briefing)", required: true, max_length: 100 }, PUBLIC],
  },
  { type: 1, name: "quotes", description: "What someone has said across the news, newest first", options: [PERSON, ABOUT, PUBLIC] },
  { type: 1, name: "person", description: "One card for a person: roles, counts, topics, latest quotes", options: [PERSON, PUBLIC] },
  {
    type: 1, name: "trend", description: "A figure over time across articles, as a chart",
    options: [{ type: 3, name: "what", description: "What is counted (evacuees, troops, death toll)", required: true, max_length: 100 }, { ...TOPIC, required: false }, PUBLIC],
  },
] as const;

/** The commands whose focused option autocompletes people rather than topics. */
export const PERSON_OPTION = PERSON.name;

/** Everything registered: the questions, and /feeds and /digest for members who manage channels. */
export const COMMAND_DEFINITIONS = [...ASK_DEFINITIONS, ...MANAGE_DEFINITIONS] as const;

/** A REST client for one-off calls (registration); stop its sweepers with `closeRest` when done. */
export function createRest(token: string, apiUrl: string): REST {
  // 5xx are retried with pauses by withBackoff (retry.ts), not at once by discord.js.
  return new REST({ api: apiUrl, retries: 0 }).setToken(token);
}

export function closeRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}

export interface RegisterResult {
  scope: string;
  commands: Array<{ id: string; name: string }>;
}

/** PUT replaces the whole list: commands not in it are deleted, the rest keep their ids. */
export async function registerCommands(rest: REST, applicationId: string, guildId?: string, logger: Logger = silent): Promise<RegisterResult> {
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const out = (await withBackoff("register", MESSAGE_BACKOFF_MS, logger, () => rest.put(route, { body: COMMAND_DEFINITIONS }))) as Array<{ id: string; name: string }>;
  return { scope: guildId ? `guild ${guildId}` : "global", commands: out.map((c) => ({ id: c.id, name: c.name })) };
}

/** The intent a slash command asks for, or undefined for a command we do not know. */
export function commandIntent(name: string, options: Record<string, string | number | boolean>): Intent | undefined {
  const str = (k: string) => String(options[k] ?? "").trim();
  if (name === "brief") return str("topic") ? { kind: "brief", topic: str("topic") } : { kind: "topics" };
  if (name === "whosaid") return { kind: "whosaid", words: str("words") };
  if (name === "figures") return { kind: "figures", topic: str("topic") };
  if (name === "story") return { kind: "story", id: str("id") };
  if (name === "quotes") return str("about") ? { kind: "quotes", person: str("person"), about: str("about") } : { kind: "quotes", person: str("person") };
  if (name === "person") return { kind: "person", name: str("person") };
  if (name === "trend") return str("topic") ? { kind: "trend", what: str("what"), topic: str("topic") } : { kind: "trend", what: str("what") };
  return undefined;
}

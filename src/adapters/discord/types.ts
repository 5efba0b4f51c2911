// What the Discord adapter is given, and the shapes it passes between its parts.
import type { Asker } from "../../ask/index.js";
import type { LinkAsker } from "../../links/index.js";
import type { DiscordMessage, Embed } from "../../render/discord/index.js";
import type { ManagePolicy, ManageService } from "../../manage/index.js";

/** pino's logger fits this; so does anything with the four levels. */
export interface Logger {
  debug(fields: Record<string, unknown>, msg: string): void;
  info(fields: Record<string, unknown>, msg: string): void;
  warn(fields: Record<string, unknown>, msg: string): void;
  error(fields: Record<string, unknown>, msg: string): void;
}

export interface DiscordConfig {
  /** "gateway" (default: a discord.js Client, no public URL) or "http" (an interactions endpoint). */
  mode: "gateway" | "http";
  token: string;
  applicationId: string;
  /** The application's public key (hex); HTTP mode checks every request's signature with it. */
  publicKey?: string;
  /** REST base URL, e.g. a shared REST proxy; default https://discord.com/api. */
  apiUrl?: string;
  /** HTTP mode: port to listen on (0 picks a free one) and host. */
  port?: number;
  host?: string;
  /** HTTP mode: the path Discord posts interactions to. */
  path?: string;
  /** Answers slower than this are deferred, then edited in (Discord allows 3 s for the first reply). */
  deferAfterMs?: number;
  /** Gateway mode: answer messages that mention the bot. */
  mentions?: boolean;
  /** Gateway mode: also ask for the privileged message content intent. */
  messageContent?: boolean;
  /** Gateway mode: shard ids and count (set by discord.js's ShardingManager through the environment). */
  shards?: number[] | "auto";
  shardCount?: number;
}

export const DISCORD_DEFAULTS = {
  mode: "gateway",
  apiUrl: "https://discord.com/api",
  port: 3001,
  host: "0.0.0.0",
  path: "/interactions",
  deferAfterMs: 1000,
  mentions: true,
  messageContent: false,
} as const;

/** The config with every default filled in; what the modes work from. */
export type ResolvedDiscordConfig = DiscordConfig & Required<Pick<DiscordConfig, keyof typeof DISCORD_DEFAULTS>>;

export function withDefaults(config: DiscordConfig): ResolvedDiscordConfig {
  const given = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) as DiscordConfig;
  return { ...DISCORD_DEFAULTS, ...given };
}

export interface StartDiscordOptions {
  asker: Asker;
  /** /feeds and /digest (docs/manage.md); absent: answered as not enabled. */
  manage?: DiscordManage;
  /** Links become cards (`/brief url:`, mentions with a link); none: a link is left alone. */
  links?: LinkAsker;
  logger: Logger;
  config: DiscordConfig;
  /** Milliseconds since the epoch; HTTP mode refuses stale signatures with it. */
  now?: () => number;
}

export interface RunningDiscord {
  mode: "gateway" | "http";
  /** HTTP mode: the port actually listened on. */
  port?: number;
  /** Stops taking new work, lets answers under way finish, then disconnects. */
  stop(): Promise<void>;
}

/** An interaction as both modes see it, whatever delivered it. */
export type Incoming =
  | {
      kind: "command"; id: string; token: string; name: string; options: Record<string, string | number | boolean>; userId?: string;
      /** The subcommand (/digest here), when the command has them. */
      subcommand?: string;
      channelId?: string;
      /** In a server: the member's permissions where they typed it (decimal bitfield) and role ids. */
      member?: { permissions: string; roles: string[] };
      /** The bot's own permissions in the channel (decimal bitfield). */
      appPermissions?: string;
    }
  | { kind: "autocomplete"; id: string; token: string; name: string; focused: { name: string; value: string } }
  | { kind: "button"; id: string; token: string; customId: string; embeds: Embed[] }
  | { kind: "other"; id: string; token: string; type: number };

/** Discord interaction callback types. */
export const CALLBACK = { pong: 1, message: 4, deferredMessage: 5, autocomplete: 8 } as const;

export type CallbackBody =
  | { type: 1 }
  | { type: 4; data: DiscordMessage }
  | { type: 5; data: { flags?: number } }
  | { type: 8; data: { choices: Array<{ name: string; value: string }> } };

/** How an interaction is answered: the first callback, then edits of the original reply. */
export interface Responder {
  respond(body: CallbackBody): Promise<void>;
  /** `files` go with the edit as multipart (a trend's chart); the message's attachments[] name them. */
  edit(message: Omit<DiscordMessage, "flags">, files?: MessageFile[]): Promise<void>;
}

/** A file sent with a message (discord.js REST's RawFile). */
export interface MessageFile {
  name: string;
  data: Buffer;
  contentType: string;
}

/** What /feeds and /digest need on Discord: the management service and who may change settings. */
export interface DiscordManage {
  service: ManageService;
  policy: ManagePolicy;
}

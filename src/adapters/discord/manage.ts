// /feeds and /digest on Discord: registered for members with Manage Channels (default_member_permissions),
// checked again on every call from the member's permissions in the interaction (a server may override
// the default), plus roles and users from config. Answers are ephemeral; zones autocomplete over IANA names.
import {
  digestFromFields, DISCORD_PERMISSIONS, parseFeeds, resultToText, suggestZones,
  type DigestFields, type ManageCommand, type ManageResult, type Parsed,
} from "../../manage/index.js";
import { textMessage, type DiscordMessage } from "../../render/discord/index.js";
import type { DiscordManage, Incoming } from "./types.js";

export type { DiscordManage };

const MANAGERS = String(DISCORD_PERMISSIONS.manageChannels);
// Discord option types: 1 = subcommand, 3 = string. Contexts: 0 = in a server only.
const sub = (name: string, description: string, options: readonly object[] = []) => ({ type: 1, name, description, options });
const str = (name: string, description: string, required: boolean, extra: object = {}) => ({ type: 3, name, description, required, ...extra });

export const MANAGE_DEFINITIONS = [
  {
    type: 1, name: "feeds", description: "Feeds briefbot polls", default_member_permissions: MANAGERS, contexts: [0],
    options: [
      sub("add", "Poll an RSS or Atom feed", [str("url", "The feed's URL", true, { max_length: 500 }), str("topics", "Topics, separated by spaces", false, { max_length: 200 })]),
      sub("list", "The feeds polled"),
      sub("remove", "Stop polling a feed", [str("feed", "Its URL, or its id from /feeds list", true, { max_length: 500 })]),
    ],
  },
  {
    type: 1, name: "digest", description: "This channel's morning digest", default_member_permissions: MANAGERS, contexts: [0],
    options: [
      // Discord: required options come first.
      sub("here", "Set this channel's digest", [
        str("timezone", "IANA time zone, such as Europe/London", true, { autocomplete: true, max_length: 64 }),
        str("time", "Local time, 24-hour, such as 07:00", false, { max_length: 5 }),
        str("topics", "Topics separated by spaces, or all", false, { max_length: 200 }),
        str("days", "Which days", false, { choices: [{ name: "every day", value: "every day" }, { name: "weekdays", value: "weekdays" }] }),
        str("cron", 'Instead of a time: a cron schedule such as "0 7 * * 1-5"', false, { max_length: 100 }),
      ]),
      sub("show", "Show this channel's digest"),
      sub("off", "Turn this channel's digest off"),
      sub("preview", "What the digest would carry now (only you see it)"),
      sub("send", "Send the digest now"),
      sub("history", "Changes made here"),
    ],
  },
] as const;

export const isManageCommand = (name: string) => name === "feeds" || name === "digest";

/** Discord permission bits the bot needs to post a digest where it is set. */
const POST_BITS = { view: 1n << 10n, send: 1n << 11n, embed: 1n << 14n } as const;

function toCommand(name: string, subcommand: string, o: Record<string, string | number | boolean>): Parsed<ManageCommand> {
  const s = (k: string) => (o[k] === undefined ? undefined : String(o[k]).trim());
  if (name === "feeds") {
    if (subcommand === "add") return parseFeeds(["add", s("url") ?? "", s("topics") ?? ""].join(" "));
    if (subcommand === "remove") return { ok: true, command: { kind: "feeds.remove", target: s("feed") ?? "" } };
    return parseFeeds(subcommand);
  }
  if (subcommand === "here") {
    const f: DigestFields = {};
    for (const k of ["time", "timezone", "topics", "cron"] as const) {
      const v = s(k);
      if (v) f[k] = v;
    }
    const days = s("days");
    if (days === "weekdays" || days === "every day") f.days = days;
    return digestFromFields(f);
  }
  const kinds: Record<string, ManageCommand> = {
    show: { kind: "digest.show" }, off: { kind: "digest.off" }, preview: { kind: "digest.preview" }, send: { kind: "digest.send" }, history: { kind: "digest.history" },
  };
  const command = kinds[subcommand];
  return command ? { ok: true, command } : { ok: true, command: { kind: "digest.help" } };
}

/** Discord: message content is at most 2000 characters. */
const clip = (text: string) => (text.length > 2000 ? `${text.slice(0, 1999)}…` : text);

export async function manageAnswer(i: Extract<Incoming, { kind: "command" }>, manage: DiscordManage): Promise<DiscordMessage> {
  const say = (r: ManageResult) => textMessage(clip(resultToText(r)), true);
  if (!i.member || !i.channelId) return textMessage("Use this in a server channel.", true);
  const parsed = toCommand(i.name, i.subcommand ?? "", i.options);
  if (!parsed.ok) return say({ kind: "invalid", error: parsed.error });
  if (parsed.command.kind === "digest.set" && i.appPermissions !== undefined) {
    const bits = BigInt(i.appPermissions);
    const missing = Object.entries(POST_BITS).filter(([, b]) => !(bits & b)).map(([k]) => k);
    if (missing.length) return say({ kind: "channel_unknown", channel: `<#${i.channelId}>`, reason: `the bot lacks the ${missing.join(", ")} permission${missing.length > 1 ? "s" : ""} there` });
  }
  const result = await manage.service.handle({
    caller: { platform: "discord", userId: i.userId ?? "", permissions: i.member.permissions, roles: i.member.roles },
    place: { platform: "discord", channel: i.channelId },
    command: parsed.command,
  });
  return say(result);
}

/** Discord: at most 25 autocomplete choices. */
export const zoneChoices = (typed: string) => suggestZones(typed, 25).map((z) => ({ name: z, value: z }));

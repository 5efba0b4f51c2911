// Gateway and HTTP interaction payloads as Discord sends them (only what briefbot and discord.js read).
export const GUILD_ID = "800000000000000001";
export const CHANNEL_ID = "810000000000000001";
export const USER = { id: "700000000000000002", username: "reader", discriminator: "0", global_name: "Reader", avatar: null };

let n = 0;
const snowflake = () => String(1_300_000_000_000_000_000n + BigInt(++n));

function base(type: number, applicationId: string) {
  const id = snowflake();
  return {
    id, application_id: applicationId, type, token: `interaction-token-${id}-abcdefghijklmnop`, version: 1,
    guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
    member: { user: USER, roles: [], permissions: "2248473465835073", joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
    app_permissions: "2248473465835073", locale: "en-US", guild_locale: "en-US", entitlements: [],
    authorizing_integration_owners: { "0": GUILD_ID }, context: 0,
  };
}

export function commandInteraction(applicationId: string, name: string, options: Record<string, string | boolean>) {
  return {
    ...base(2, applicationId),
    data: {
      id: "1000", name, type: 1, guild_id: GUILD_ID,
      options: Object.entries(options).map(([k, value]) => ({ name: k, type: typeof value === "boolean" ? 5 : 3, value })),
    },
  };
}

/** What the member who typed it may do where they typed it, and their roles (Discord computes permissions per channel). */
export interface MemberFacts {
  permissions: string;
  roles: string[];
}

/** A command with a subcommand (/digest here ...), as a given member (default: the reader, who may not manage channels). */
export function subcommandInteraction(applicationId: string, name: string, subcommand: string, options: Record<string, string>, member?: MemberFacts, appPermissions?: string) {
  const b = base(2, applicationId);
  return {
    ...b,
    ...(member ? { member: { ...b.member, permissions: member.permissions, roles: member.roles } } : {}),
    ...(appPermissions ? { app_permissions: appPermissions } : {}),
    data: {
      id: "1001", name, type: 1, guild_id: GUILD_ID,
      options: [{ name: subcommand, type: 1, options: Object.entries(options).map(([k, value]) => ({ name: k, type: 3, value })) }],
    },
  };
}

/** Autocomplete inside a subcommand's option. */
export function subcommandAutocomplete(applicationId: string, name: string, subcommand: string, option: string, typed: string) {
  return {
    ...base(4, applicationId),
    data: { id: "1001", name, type: 1, guild_id: GUILD_ID, options: [{ name: subcommand, type: 1, options: [{ name: option, type: 3, value: typed, focused: true }] }] },
  };
}

export function autocompleteInteraction(applicationId: string, name: string, option: string, typed: string) {
  return {
    ...base(4, applicationId),
    data: { id: "1000", name, type: 1, guild_id: GUILD_ID, options: [{ name: option, type: 3, value: typed, focused: true }] },
  };
}

export function buttonInteraction(applicationId: string, botId: string, customId: string, embeds: unknown[]) {
  return {
    ...base(3, applicationId),
    data: { custom_id: customId, component_type: 2 },
    message: {
      id: snowflake(), channel_id: CHANNEL_ID, type: 20, content: "", embeds, components: [], attachments: [], mentions: [],
      mention_roles: [], mention_everyone: false, pinned: false, tts: false, flags: 64, timestamp: new Date(0).toISOString(),
      edited_timestamp: null, author: { id: botId, username: "briefbot", discriminator: "0", global_name: null, avatar: null, bot: true },
    },
  };
}

export function messageCreate(botId: string, content: string) {
  return {
    id: snowflake(), channel_id: CHANNEL_ID, guild_id: GUILD_ID, type: 0, content, embeds: [], components: [], attachments: [],
    mentions: [{ id: botId, username: "briefbot", discriminator: "0", global_name: null, avatar: null, bot: true }],
    mention_roles: [], mention_everyone: false, pinned: false, tts: false, flags: 0, timestamp: new Date(0).toISOString(),
    edited_timestamp: null, author: { ...USER, bot: false },
    member: { roles: [], joined_at: new Date(0).toISOString(), deaf: false, mute: false, flags: 0 },
  };
}

/** A direct message to the bot: no guild, no mention needed. */
export function directMessage(content: string) {
  return {
    id: snowflake(), channel_id: "820000000000000001", channel_type: 1, type: 0, content, embeds: [], components: [], attachments: [], mentions: [],
    mention_roles: [], mention_everyone: false, pinned: false, tts: false, flags: 0, timestamp: new Date(0).toISOString(),
    edited_timestamp: null, author: { ...USER, bot: false },
  };
}

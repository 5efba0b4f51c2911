// Who may change feeds and digests: pure functions of the facts the adapter gathered about the caller.
// Slack: workspace admins and owners (users.info), plus users and user groups named in config.
// Discord: members with Manage Channels (or Administrator) where they typed it, plus roles and users in config.
import type { CallerFacts, ManagePolicy, Permission } from "./types.js";

export const EMPTY_POLICY: ManagePolicy = { slack: { users: [], usergroups: [] }, discord: { users: [], roles: [] } };

/** Discord permission bits (discord.com/developers/docs/topics/permissions). */
export const DISCORD_PERMISSIONS = { administrator: 1n << 3n, manageChannels: 1n << 4n } as const;

function bits(decimal: string): bigint {
  try {
    return BigInt(decimal);
  } catch {
    return 0n;
  }
}

export function mayManage(caller: CallerFacts, policy: ManagePolicy): Permission {
  switch (caller.platform) {
    case "cli":
      // Whoever can run the CLI can already edit the config file and the database.
      return { ok: true, as: "operator" };
    case "slack": {
      if (caller.isOwner) return { ok: true, as: "workspace owner" };
      if (caller.isAdmin) return { ok: true, as: "workspace admin" };
      if (policy.slack.users.includes(caller.userId)) return { ok: true, as: "named in manage.slack.users" };
      const group = caller.usergroups.find((g) => policy.slack.usergroups.includes(g));
      if (group) return { ok: true, as: `member of user group ${group}` };
      return { ok: false, reason: "only workspace admins and owners (and people the bot's operator named) can change feeds and digests" };
    }
    case "discord": {
      const p = bits(caller.permissions);
      if (p & DISCORD_PERMISSIONS.administrator) return { ok: true, as: "administrator" };
      if (p & DISCORD_PERMISSIONS.manageChannels) return { ok: true, as: "Manage Channels" };
      if (policy.discord.users.includes(caller.userId)) return { ok: true, as: "named in manage.discord.users" };
      const role = caller.roles.find((r) => policy.discord.roles.includes(r));
      if (role) return { ok: true, as: `role ${role}` };
      return { ok: false, reason: "you need the Manage Channels permission (or a role the bot's operator named) to change feeds and digests" };
    }
  }
}

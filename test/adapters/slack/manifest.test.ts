// manifest.yml and the adapter agree: the commands it declares are the ones handled, and no more scopes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { MANAGE_COMMANDS, SLASH_COMMANDS } from "../../../src/adapters/slack/index.js";

interface Manifest {
  features: { slash_commands: Array<{ command: string; usage_hint?: string; description: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; socket_mode_enabled: boolean; interactivity: { is_enabled: boolean } };
}

const manifest = parse(readFileSync(join(__dirname, "../../../manifest.yml"), "utf8")) as Manifest;

test("every slash command is declared with a usage hint, and every declared one is handled", () => {
  expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...Object.keys(SLASH_COMMANDS), ...Object.keys(MANAGE_COMMANDS)].sort());
  for (const c of manifest.features.slash_commands) expect(c.usage_hint).toBeTruthy();
});

test("the scopes and events are exactly what the bot uses; Socket Mode and the button's interactivity are on", () => {
  expect(manifest.oauth_config.scopes.bot.sort()).toEqual([
    "app_mentions:read", "channels:history", "channels:read", "chat:write", "commands", "files:write", "groups:history", "groups:read", "im:history", "links:read", "links:write", "usergroups:read", "users:read",
  ]);
  expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(["app_mention", "link_shared", "message.im"]);
  expect(manifest.settings.socket_mode_enabled).toBe(true);
  expect(manifest.settings.interactivity.is_enabled).toBe(true);
});

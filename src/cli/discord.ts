// briefbot discord register [--guild ID] [--config FILE]   registers the slash commands (bulk overwrite: twice changes nothing)
// briefbot discord invite                  prints the invite link with the minimal permissions
// briefbot discord commands                prints the command definitions as JSON
import { loadConfig } from "../config/index.js";
import { parseCommand } from "./args.js";
import { UsageError, type Io } from "./io.js";
import { findRoot } from "./root.js";

export type Env = Record<string, string | undefined>;

/**
 * Permissions for answering mentions in a channel: View Channel (1 << 10), Send Messages (1 << 11),
 * Embed Links (1 << 14), Attach Files (1 << 15, a trend's chart), Read Message History (1 << 16, needed
 * to reply to a message).
 * Slash commands need none: Discord lets an app answer its own interactions anywhere.
 */
export const INVITE_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n);

export function inviteUrl(applicationId: string): string {
  return `https://discord.com/oauth2/authorize?client_id=${applicationId}&scope=bot+applications.commands&permissions=${INVITE_PERMISSIONS}`;
}

function need(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(`set ${name} in the environment (see docs/discord.md)`);
  return value;
}


export async function discordCli(argv: string[], io: Io, env: Env, root: string = findRoot(__dirname)): Promise<number> {
  const { values, positionals } = parseCommand(argv, { guild: { type: "string" }, config: { type: "string" } });
  const config = loadConfig({ root, env, ...(values.config ? { file: values.config } : {}) });
  const sub = positionals[0];
  // Loaded here so other commands do not pay for discord.js at start-up.
  const { closeRest, COMMAND_DEFINITIONS, createRest, DISCORD_DEFAULTS, describeError, redactText, registerCommands } = await import("../adapters/discord/index.js");
  const { discordToken, discordApplicationId } = config.secrets;
  if (sub === "commands") {
    io.stdout(JSON.stringify(COMMAND_DEFINITIONS, null, 2) + "\n");
    return 0;
  }
  if (sub === "invite") {
    io.stdout(inviteUrl(need(discordApplicationId, "DISCORD_APPLICATION_ID")) + "\n");
    return 0;
  }
  if (sub !== "register") throw new UsageError(sub ? `unknown subcommand "${sub}": give register, invite or commands` : "give register, invite or commands");
  if (values.guild !== undefined && !/^\d{15,22}$/.test(values.guild)) throw new UsageError("--guild takes a server id (a number)");
  const token = need(discordToken, "DISCORD_TOKEN");
  const applicationId = need(discordApplicationId, "DISCORD_APPLICATION_ID");
  const rest = createRest(token, config.discord.apiUrl ?? DISCORD_DEFAULTS.apiUrl);
  try {
    const out = await registerCommands(rest, applicationId, values.guild);
    io.stdout(`registered ${out.commands.length} commands (${out.scope}): ${out.commands.map((c) => `/${c.name}`).join(", ")}\n`);
    return 0;
  } catch (err) {
    const d = describeError(err);
    io.stderr(redactText(`briefbot discord: registration failed: ${String(d.message)}${d.status ? ` (HTTP ${String(d.status)})` : ""}\n`, [token]));
    return 1;
  } finally {
    closeRest(rest);
  }
}

// The one place this command touches the environment: handed to the config loader, which reads it.
export const discordCommand = (argv: string[], io: Io) => discordCli(argv, io, process.env);

// The Discord adapter: slash commands over the gateway (default) or as an HTTP interactions endpoint.
import { DiscordAdapterError } from "./errors.js";
import { startGateway } from "./gateway.js";
import { startHttp } from "./http.js";
import { redactingLogger } from "./log.js";
import { withDefaults, type RunningDiscord, type StartDiscordOptions } from "./types.js";

export async function startDiscord(options: StartDiscordOptions): Promise<RunningDiscord> {
  const { asker } = options;
  const manage = options.manage ? { manage: options.manage } : {};
  const links = options.links ? { links: options.links } : {};
  const config = withDefaults(options.config);
  if (!config.token) throw new DiscordAdapterError("bad_config", "the Discord bot token is missing (DISCORD_TOKEN)");
  if (!config.applicationId) throw new DiscordAdapterError("bad_config", "the Discord application id is missing (DISCORD_APPLICATION_ID)");
  const logger = redactingLogger(options.logger, [config.token]);
  if (config.mode === "http") return startHttp({ asker, logger, config, now: options.now ?? (() => Date.now()), ...manage, ...links });
  return startGateway({ asker, logger, config, ...manage, ...links });
}

export { closeRest, COMMAND_DEFINITIONS, commandIntent, createRest, registerCommands } from "./commands.js";
export type { RegisterResult } from "./commands.js";
export { DiscordAdapterError } from "./errors.js";
export type { DiscordAdapterErrorCode } from "./errors.js";
export { describeError, redactingLogger, redactText } from "./log.js";
export { checkSignature, MAX_SKEW_SECONDS, publicKeyFromHex } from "./signature.js";
export { DISCORD_DEFAULTS, withDefaults } from "./types.js";
export type { DiscordConfig, Logger, ResolvedDiscordConfig, RunningDiscord, StartDiscordOptions } from "./types.js";
export { resolveShardCount, startShards } from "./sharding.js";
export type { ShardsOptions } from "./sharding.js";
export { discordConfigFrom } from "./from-config.js";
export { isManageCommand, MANAGE_DEFINITIONS, manageAnswer, type DiscordManage } from "./manage.js";
export { createDiscordDigestRest, createDiscordDigestSender, digestNonce, discordDigestError } from "./digest-sender.js";
export type { DiscordDigestSenderOptions } from "./digest-sender.js";

// The adapter's options from briefbot's validated Config (secrets come from the environment through it).
import type { Config } from "../../config/index.js";
import { DiscordAdapterError } from "./errors.js";
import type { DiscordConfig } from "./types.js";

export function discordConfigFrom(config: Config): DiscordConfig {
  const { discordToken: token, discordApplicationId: applicationId, discordPublicKey: publicKey } = config.secrets;
  if (!token) throw new DiscordAdapterError("bad_config", "set DISCORD_TOKEN in the environment (see docs/discord.md)");
  if (!applicationId) throw new DiscordAdapterError("bad_config", "set DISCORD_APPLICATION_ID in the environment (see docs/discord.md)");
  const out: DiscordConfig = { mode: config.discord.mode, token, applicationId, port: config.discord.port, host: config.discord.host };
  if (config.discord.apiUrl) out.apiUrl = config.discord.apiUrl;
  if (config.discord.mode === "http") {
    if (!publicKey) throw new DiscordAdapterError("bad_config", "HTTP mode needs DISCORD_PUBLIC_KEY in the environment (see docs/discord.md)");
    out.publicKey = publicKey;
  }
  return out;
}

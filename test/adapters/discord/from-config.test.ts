import { join } from "node:path";
import { discordConfigFrom } from "../../../src/adapters/discord/index.js";
import { loadConfig } from "../../../src/config/index.js";

const ROOT = join(__dirname, "../../..");
const config = (env: Record<string, string>) => loadConfig({ root: ROOT, env });

test("gateway mode from the defaults and the environment", () => {
  expect(discordConfigFrom(config({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1", DISCORD_API_URL: "http://127.0.0.1:9/api" }))).toEqual({
    mode: "gateway", token: "t", applicationId: "1", port: 3001, host: "0.0.0.0", apiUrl: "http://127.0.0.1:9/api",
  });
});

test.each<[Record<string, string>, string]>([
  [{ DISCORD_APPLICATION_ID: "1" }, "set DISCORD_TOKEN in the environment (see docs/discord.md)"],
  [{ DISCORD_TOKEN: "t" }, "set DISCORD_APPLICATION_ID in the environment (see docs/discord.md)"],
])("missing secrets are named: %j", (env, message) => {
  expect(() => discordConfigFrom(config(env))).toThrow(message);
});

test("HTTP mode needs the public key", () => {
  const c = config({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "1" });
  const http = { ...c, discord: { ...c.discord, mode: "http" as const } };
  expect(() => discordConfigFrom(http)).toThrow(expect.objectContaining({ code: "bad_config" }));
  expect(discordConfigFrom({ ...http, secrets: { ...http.secrets, discordPublicKey: "ab".repeat(32) } }).publicKey).toBe("ab".repeat(32));
});

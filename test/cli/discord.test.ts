import { join } from "node:path";
import { COMMAND_DEFINITIONS } from "../../src/adapters/discord/index.js";
import { discordCli, inviteUrl } from "../../src/cli/discord.js";
import { memoryIo } from "../helpers/io.js";
import { FAKE_TOKEN } from "../fakes/discord/logger.js";
import { FakeDiscord } from "../fakes/discord/server.js";

const APP = "900000000000000001";
let fake: FakeDiscord;
beforeAll(async () => void (fake = await FakeDiscord.start({ applicationId: APP })));
afterAll(async () => fake?.close());

const ROOT = join(__dirname, "../..");
const run = (args: string[], io: ReturnType<typeof memoryIo>, env: Record<string, string>) => discordCli(args, io, env, ROOT);
// Every command declared, in order (other work adds its own): the list the CLI reports.
const NAMES = COMMAND_DEFINITIONS.map((c) => c.name);
const LISTED = `registered ${NAMES.length} commands`;
const SLASHED = NAMES.map((n) => `/${n}`).join(", ");
const env = () => ({ DISCORD_TOKEN: FAKE_TOKEN, DISCORD_APPLICATION_ID: APP, DISCORD_API_URL: fake.apiUrl });

test.each<[string, string[], RegExp, string]>([
  ["global", [], new RegExp(`^/applications/${APP}/commands$`), "global"],
  ["a guild", ["--guild", "800000000000000009"], new RegExp(`^/applications/${APP}/guilds/800000000000000009/commands$`), "800000000000000009"],
])("register (%s) twice: one bulk overwrite each, same result", async (_name, args, path, scope) => {
  const a = memoryIo(), b = memoryIo();
  expect(await run(["register", ...args], a, env())).toBe(0);
  const after1 = structuredClone(fake.commands.get(scope));
  expect(await run(["register", ...args], b, env())).toBe(0);
  const puts = fake.requestsTo("PUT", path);
  expect(puts).toHaveLength(2);
  expect(puts[0]!.body).toEqual(COMMAND_DEFINITIONS);
  expect(puts[1]!.body).toEqual(puts[0]!.body);
  expect(puts[0]!.headers.authorization).toBe(`Bot ${FAKE_TOKEN}`);
  expect(fake.commands.get(scope)).toEqual(after1);
  expect(after1!.map((c) => c.name)).toEqual(NAMES);
  expect(NAMES).toEqual(expect.arrayContaining(["brief", "whosaid", "figures", "story", "quotes", "person", "trend", "feeds", "digest"]));
  expect(b.out()).toBe(a.out());
  expect(a.out()).toBe(`${LISTED} (${scope === "global" ? "global" : `guild ${scope}`}): ${SLASHED}\n`);
});

test("a 502 is retried after a pause and registration still succeeds", async () => {
  fake.failNext("PUT", /commands$/, 502, { message: "Bad Gateway", code: 0 });
  const before = fake.requestsTo("PUT", /commands$/).length;
  const r = memoryIo();
  expect(await run(["register"], r, env())).toBe(0);
  expect(fake.requestsTo("PUT", /commands$/).length - before).toBe(2);
  expect(r.out()).toBe(`${LISTED} (global): ${SLASHED}\n`);
});

test("a refused registration is reported without the token", async () => {
  fake.failNext("PUT", /commands$/, 401, { message: "401: Unauthorized", code: 0 });
  const r = memoryIo();
  expect(await run(["register"], r, env())).toBe(1);
  expect(r.err()).toBe("briefbot discord: registration failed: 401: Unauthorized (HTTP 401)\n");
});

test("missing environment and bad arguments are usage errors", async () => {
  await expect(run(["register"], memoryIo(), { DISCORD_APPLICATION_ID: APP })).rejects.toThrow("set DISCORD_TOKEN in the environment (see docs/discord.md)");
  await expect(run(["register", "--guild", "abc"], memoryIo(), env())).rejects.toThrow("--guild takes a server id");
  await expect(run(["nope"], memoryIo(), env())).rejects.toThrow("unknown subcommand \"nope\"");
});

test("invite link asks for View Channel, Send Messages, Embed Links, Attach Files and Read Message History only", async () => {
  expect(inviteUrl(APP)).toBe(`https://discord.com/oauth2/authorize?client_id=${APP}&scope=bot+applications.commands&permissions=117760`);
  const r = memoryIo();
  expect(await run(["invite"], r, env())).toBe(0);
  expect(r.out()).toBe(inviteUrl(APP) + "\n");
});

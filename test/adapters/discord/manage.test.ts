// /feeds and /digest through real discord.js (gateway) and our HTTP endpoint against the fake Discord:
// registered for Manage Channels, checked again from the member's permissions and roles in each
// interaction, zones autocompleted, refusals worded; settings in real SQLite.
import { COMMAND_DEFINITIONS, createRest, closeRest, registerCommands, startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import { checkFeed, createManageService, type ManagePolicy, type ManageService } from "../../../src/manage/index.js";
import { openSettings, openStoreWithConnection, type BriefingStore, type SettingsStore } from "../../../src/store/index.js";
import { TestAsker } from "../../fakes/discord/asker.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { CHANNEL_ID, subcommandAutocomplete, subcommandInteraction, type MemberFacts } from "../../fakes/discord/payloads.js";
import { FakeDiscord } from "../../fakes/discord/server.js";
import { signatureHeaders, signingKey } from "../../fakes/discord/signing.js";
import { startServer, type TestServer } from "../../ingest/server.js";

const APP = "900000000000000001";
const EDITORS = "880000000000000007";
const T0 = Date.parse("2026-03-09T05:00:00Z");
const policy: ManagePolicy = { slack: { users: [], usergroups: [] }, discord: { users: [], roles: [EDITORS] } };
const MANAGER: MemberFacts = { permissions: String((1n << 4n) | (1n << 10n) | (1n << 11n)), roles: [] };
const EDITOR: MemberFacts = { permissions: String(1n << 10n), roles: [EDITORS] };
const key = signingKey();

let fake: FakeDiscord;
let gateway: RunningDiscord;
let http: RunningDiscord & { port?: number };
let store: BriefingStore;
let settings: SettingsStore;
let service: ManageService;
let srv: TestServer;

beforeAll(async () => {
  srv = await startServer();
  fake = await FakeDiscord.start({ applicationId: APP, botId: APP, roles: [EDITORS] });
  const opened = await openStoreWithConnection("memory");
  store = opened.store;
  settings = openSettings(opened.connection);
  service = createManageService({ settings, fileDestinations: [], fileFeeds: [], policy, now: () => T0, checkFeed: (u) => checkFeed(u) });
  const manage = { service, policy };
  gateway = await startDiscord({ asker: new TestAsker(), logger: memoryLogger(), manage, config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl } });
  http = await startDiscord({
    asker: new TestAsker(), logger: memoryLogger(), manage, now: () => T0,
    config: { mode: "http", token: FAKE_TOKEN, applicationId: APP, publicKey: key.publicKeyHex, apiUrl: fake.apiUrl, port: 0, host: "127.0.0.1" },
  });
});
afterAll(async () => {
  await gateway?.stop();
  await http?.stop();
  await settings?.close();
  await store?.close();
  await fake?.close();
  await srv?.close();
});

/** Dispatches over the gateway; resolves with the callback discord.js posted. */
async function interact(payload: { id: string; token: string }): Promise<{ type: number; data: { content?: string; flags?: number; choices?: unknown[] } }> {
  const from = fake.requests.length;
  fake.dispatch("INTERACTION_CREATE", payload);
  const req = await fake.request("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`), from);
  return req.body as never;
}
const content = async (payload: { id: string; token: string }) => {
  const body = await interact(payload);
  expect(body.type).toBe(4);
  expect(body.data.flags).toBe(64);
  return body.data.content;
};
const digest = (sub: string, options: Record<string, string>, member?: MemberFacts, app?: string) => content(subcommandInteraction(APP, "digest", sub, options, member, app));

test("/feeds and /digest are registered for members with Manage Channels, in servers only", async () => {
  const rest = createRest(FAKE_TOKEN, fake.apiUrl);
  try {
    await registerCommands(rest, APP);
  } finally {
    closeRest(rest);
  }
  const registered = fake.commands.get("global")!;
  expect(registered.map((c) => c.name)).toEqual(COMMAND_DEFINITIONS.map((c) => c.name));
  for (const name of ["feeds", "digest"]) expect(registered.find((c) => c.name === name)).toMatchObject({ default_member_permissions: "16", contexts: [0] });
  const here = (registered.find((c) => c.name === "digest")!.options as Array<{ name: string; options: Array<{ name: string; required: boolean; autocomplete?: boolean }> }>)[0]!;
  expect(here.options.map((o) => [o.name, o.required])).toEqual([["timezone", true], ["time", false], ["topics", false], ["days", false], ["cron", false]]);
});

test("a member with Manage Channels sets the channel's digest; the setting is stored", async () => {
  expect(await digest("here", { timezone: "europe/paris", time: "7:30", topics: "ports ships", days: "weekdays" }, MANAGER)).toBe(
    `Digest set: \`discord-${CHANNEL_ID}\`: discord ${CHANNEL_ID}, at 07:30 Europe/Paris, not on sat, sun, topics ports, ships (set by discord:700000000000000002).`,
  );
  const [row] = await settings.destinations();
  expect(row).toMatchObject({ id: `discord-${CHANNEL_ID}`, platform: "discord", channel: CHANNEL_ID, spec: { time: "07:30", timezone: "Europe/Paris" } });
  expect(await digest("show", {}, EDITOR)).toMatch(new RegExp(`^\`discord-${CHANNEL_ID}\`: discord ${CHANNEL_ID}, at 07:30 Europe/Paris`));
});

test("checked again on each call: without Manage Channels or a configured role the change is refused; with the role it is made", async () => {
  expect(await digest("off", {})).toBe("Sorry: you need the Manage Channels permission (or a role the bot's operator named) to change feeds and digests.");
  expect(await settings.destinations()).toHaveLength(1);
  expect(await digest("off", {}, EDITOR)).toBe(`Digest \`discord-${CHANNEL_ID}\` turned off.`);
  expect((await settings.audit({ limit: 1 }))[0]).toMatchObject({ action: "digest.off", actor: "discord:700000000000000002", place: `discord:${CHANNEL_ID}` });
});

test("refusals: bad time, bad zone, a channel the bot may not post in, a URL that is no feed", async () => {
  expect(await digest("here", { timezone: "UTC", time: "7.30" }, MANAGER)).toMatch(/^"7\.30" is not a time: give a 24-hour local time such as 07:00 or 18:30\.\nAccepted forms:/);
  expect(await digest("here", { timezone: "Atlantis/Capital", time: "07:00" }, MANAGER)).toMatch(/^"Atlantis\/Capital" is not an IANA time zone/);
  expect(await digest("here", { timezone: "UTC", time: "07:00" }, MANAGER, String(1n << 10n))).toBe(`I cannot post in <#${CHANNEL_ID}>: the bot lacks the send, embed permissions there. Invite the bot to the channel first.`);
  expect(await content(subcommandInteraction(APP, "feeds", "add", { url: `${srv.base}/ferry.html` }, MANAGER))).toMatch(/^Not added: .*ferry\.html is not an RSS or Atom feed \(it sent text\/html\)/);
  expect(await settings.destinations()).toEqual([]);
});

test("the zone option autocompletes over IANA names", async () => {
  const body = await interact(subcommandAutocomplete(APP, "digest", "here", "timezone", "america/new"));
  expect(body).toEqual({ type: 8, data: { choices: [{ name: "America/New_York", value: "America/New_York" }] } });
});

test("HTTP mode reads the member's permissions from the signed interaction too", async () => {
  const post = async (payload: unknown) => {
    const res = await fetch(`http://127.0.0.1:${http.port}/interactions`, { method: "POST", headers: signatureHeaders(key, JSON.stringify(payload), T0 / 1000), body: JSON.stringify(payload) });
    return (await res.json()) as { data: { content: string } };
  };
  expect((await post(subcommandInteraction(APP, "feeds", "add", { url: `${srv.base}/feed.xml` }))).data.content).toMatch(/^Sorry: you need the Manage Channels permission/);
  expect((await post(subcommandInteraction(APP, "feeds", "add", { url: `${srv.base}/feed.xml`, topics: "harbour" }, MANAGER))).data.content).toMatch(/^Added `f[0-9a-f]{7}` Courier .* \[harbour\] .*: 3 items in it now/);
  expect((await post(subcommandInteraction(APP, "feeds", "list", {}))).data.content).toMatch(/^Feeds polled \(1\):/);
});

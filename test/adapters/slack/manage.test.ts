// /feeds and /digest through real Bolt (Socket Mode) against the fake Slack: users.info decides who
// is an admin and which zone a time is in, user groups from config, an unknown channel refused, every
// answer private; /digest send posts through the real digest sender; settings in real SQLite.
import { createSlackDigestClient, createSlackDigestSender, startSlack, type RunningSlack } from "../../../src/adapters/slack/index.js";
import { createDigestRunner, createSqliteLedger, type DigestRunner } from "../../../src/digest/index.js";
import { createLogger } from "../../../src/log/index.js";
import { checkFeed, createManageService, watchSettings, type ManagePolicy } from "../../../src/manage/index.js";
import { openSettings, openStoreWithConnection, type BriefingStore, type SettingsStore } from "../../../src/store/index.js";
import Database from "better-sqlite3";
import { createTestAsker } from "../../fakes/slack/asker.js";
import { slashCommand, USER } from "../../fakes/slack/payloads.js";
import { FakeSlack } from "../../fakes/slack/server.js";
import { memorySource } from "../../digest/harness.js";
import { startServer, type TestServer } from "../../ingest/server.js";
import { APP_TOKEN, BOT_TOKEN, expectNoSecrets } from "./harness.js";

const T0 = Date.parse("2026-03-09T05:00:00Z");
const policy: ManagePolicy = { slack: { users: [], usergroups: ["S0EDITORS"] }, discord: { users: [], roles: [] } };

let fake: FakeSlack;
let slack: RunningSlack;
let store: BriefingStore;
let settings: SettingsStore;
let runner: DigestRunner;
let srv: TestServer;
let lines: string[];
let stopWatch: () => void;
let n = 0;

beforeAll(async () => (srv = await startServer()));
afterAll(async () => srv.close());

beforeEach(async () => {
  fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  const opened = await openStoreWithConnection("memory");
  store = opened.store;
  settings = openSettings(opened.connection);
  lines = [];
  const logger = createLogger({ level: "debug", pretty: false, stream: { write: (s: string) => void lines.push(s) } });
  const now = () => T0;
  const ledgerDb = new Database(":memory:");
  runner = createDigestRunner({
    destinations: [], ledger: createSqliteLedger(ledgerDb), source: memorySource([]), now, owner: "t", timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    senders: [createSlackDigestSender({ client: createSlackDigestClient({ botToken: BOT_TOKEN, apiUrl: fake.apiUrl, log: logger }) })],
  });
  const watch = watchSettings({
    settings, pollMs: 60_000, timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    apply: async () => runner.update((await service.destinations()).map((v) => v.destination)),
  });
  stopWatch = watch.stop;
  const service = createManageService({ settings, fileDestinations: [], fileFeeds: [], policy, now, checkFeed: (u) => checkFeed(u), digest: runner, applied: watch.reload });
  slack = await startSlack({
    asker: createTestAsker(), logger, now: () => T0, manage: { service, policy },
    config: { mode: "socket", botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl, retry: { retries: 1, minTimeoutMs: 5, maxTimeoutMs: 10 } },
  });
  await fake.socketConnected();
});
afterEach(async () => {
  stopWatch();
  await slack.stop();
  await runner.stop();
  await settings.close();
  await store.close();
  await fake.close();
  expectNoSecrets(lines);
});

/** Sends a slash command as USER in `channel`; resolves with the ack and the private answer's text. */
async function command(name: string, text: string, channel = "C0DESK"): Promise<string> {
  const before = fake.calls("respond").length;
  const { ack } = await fake.sendEnvelope("slash_commands", slashCommand(name, text, fake.responseUrl(`m${++n}`), channel));
  expect(ack).toEqual({ envelope_id: expect.any(String), payload: {} });
  const [answer] = (await fake.waitFor("respond", before + 1)).slice(before);
  expect(answer!.body.response_type).toBe("ephemeral");
  return String(answer!.body.text);
}

test("an admin sets the channel's digest in their own zone (users.info tz); a reader sees it but cannot change it", async () => {
  fake.users.set(USER, { is_admin: true, tz: "America/Chicago" });
  expect(await command("/digest", "here at 06:45 topics harbour weekdays")).toBe(
    "Digest set: `slack-c0desk`: slack C0DESK, at 06:45 America/Chicago, not on sat, sun, topics harbour; next 2026-03-09 06:45 (America/Chicago) (set by slack:U0USER1).",
  );
  expect(fake.calls("users.info")[0]!.body.user).toBe(USER);
  expect(fake.calls("conversations.info")[0]!.body.channel).toBe("C0DESK");
  const stored = await settings.destinations();
  expect(stored.map((d) => [d.id, d.channel, d.spec.timezone])).toEqual([["slack-c0desk", "C0DESK", "America/Chicago"]]);

  fake.users.set(USER, { is_admin: false, tz: "America/Chicago" });
  expect(await command("/digest", "off")).toBe("Sorry: only workspace admins and owners (and people the bot's operator named) can change feeds and digests.");
  expect(await command("/digest", "show")).toMatch(/^`slack-c0desk`: slack C0DESK, at 06:45 America\/Chicago/);
  expect(await settings.destinations()).toHaveLength(1);
});

test("a member of a user group named in config may; /digest send posts now through the digest sender", async () => {
  fake.users.set(USER, { tz: "Europe/Madrid" });
  fake.usergroups.set("S0EDITORS", ["U0OTHER", USER]);
  expect(await command("/digest", "here at 08:00")).toMatch(/^Digest set: `slack-c0desk`: slack C0DESK, at 08:00 Europe\/Madrid/);
  expect(fake.calls("usergroups.users.list").map((c) => c.body.usergroup)).toEqual(["S0EDITORS"]);
  expect(await command("/digest", "send")).toBe("Digest `slack-c0desk`: sent (0 cards).");
  const posts = fake.calls("chat.postMessage").filter((c) => c.body.channel === "C0DESK");
  expect(posts).toHaveLength(1);
  expect(String(posts[0]!.body.text)).toBe("Nothing new yet.");
  expect(await command("/digest", "history")).toMatch(/^Changes \(newest first\):\n.*slack:U0USER1 {2}digest send slack-c0desk\n.*digest set at 08:00 Europe\/Madrid/);
});

test("refusals: bad time, bad zone, no zone known, a channel the bot cannot see, a URL that is no feed", async () => {
  fake.users.set(USER, { is_owner: true });
  expect(await command("/digest", "here at 31:00")).toMatch(/^"31:00" is not a time: give a 24-hour local time such as 07:00 or 18:30\.\nAccepted forms:\n• `\/digest here at 07:00/);
  expect(await command("/digest", "here at 07:00 Europe/Lundon")).toMatch(/^"Europe\/Lundon" is not an IANA time zone \(did you mean Europe\/London\?\)/);
  expect(await command("/digest", "here at 07:00")).toMatch(/^say which time zone the time is in/);
  fake.channelErrors.set("C0SECRET", "channel_not_found");
  expect(await command("/digest", "here at 07:00 UTC", "C0SECRET")).toBe("I cannot post in <#C0SECRET>: Slack says channel_not_found. Invite the bot to the channel first.");
  expect(await command("/feeds", `add ${srv.base}/bridge.html`)).toMatch(/^Not added: http:\/\/127\.0\.0\.1:\d+\/bridge\.html is not an RSS or Atom feed \(it sent text\/html\)/);
  expect(await command("/feeds", `add <${srv.base}/feed.xml> harbour`)).toMatch(/^Added `f[0-9a-f]{7}` Courier .* \[harbour\] .*: 3 items in it now/);
  expect(await command("/feeds", "subscribe")).toMatch(/^"\/feeds subscribe" is not a feeds command\.\nAccepted forms:/);
  expect(await settings.destinations()).toEqual([]);
  expect((await settings.audit({ limit: 10 })).map((e) => e.action)).toEqual(["feeds.add"]);
});

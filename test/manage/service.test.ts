// The management service over a real SQLite settings store, a real digest runner and a local feed
// server: what chat and the CLI get back, what is stored and audited, and what the runner then does.
import { createDigestRunner, createRecordingSender, createSqliteLedger, digestDestinationSchema, type DigestRunner, type RecordedMessage } from "../../src/digest/index.js";
import { checkFeed, createManageService, parseDigest, parseFeeds, resultToText, watchSettings, type CallerFacts, type ManageCommand, type ManageResult, type ManageService } from "../../src/manage/index.js";
import { openSettings, openStoreWithConnection, type BriefingStore, type SettingsStore } from "../../src/store/index.js";
import { memorySource } from "../digest/harness.js";
import { startServer, type TestServer } from "../ingest/server.js";

const T0 = Date.parse("2026-03-09T05:00:00Z"); // a Monday
const admin: CallerFacts = { platform: "slack", userId: "U0ADMIN", isAdmin: true, isOwner: false, usergroups: [] };
const reader: CallerFacts = { platform: "slack", userId: "U0READER", isAdmin: false, isOwner: false, usergroups: [] };
const desk = { platform: "slack" as const, channel: "C0DESK" };
const fileDest = digestDestinationSchema.parse({ id: "newsroom", platform: "slack", channel: "C0NEWSROOM", time: "06:00", timezone: "UTC" });

let srv: TestServer;
beforeAll(async () => (srv = await startServer()));
afterAll(async () => srv.close());

let store: BriefingStore;
let settings: SettingsStore;
let service: ManageService;
let runner: DigestRunner;
let messages: RecordedMessage[];
let clock: number;
let stopWatch: () => void;

beforeEach(async () => {
  const opened = await openStoreWithConnection("memory");
  store = opened.store;
  settings = openSettings(opened.connection);
  clock = T0;
  messages = [];
  const now = () => clock;
  const ledgerDb = new (await import("better-sqlite3")).default(":memory:");
  runner = createDigestRunner({
    destinations: [fileDest], ledger: createSqliteLedger(ledgerDb), source: memorySource([]), now, owner: "t",
    senders: [createRecordingSender({ platform: "slack", now, messages })],
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
  });
  await runner.start();
  const watch = watchSettings({
    settings, pollMs: 60_000, timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    apply: async () => runner.update([fileDest, ...(await service.destinations()).filter((v) => v.origin === "chat").map((v) => v.destination)]),
  });
  stopWatch = watch.stop;
  service = createManageService({
    settings, fileDestinations: [fileDest], fileFeeds: [`${srv.base}/atom.xml`], now,
    policy: { slack: { users: [], usergroups: [] }, discord: { users: [], roles: [] } },
    checkFeed: (url) => checkFeed(url), digest: runner, applied: watch.reload,
  });
});
afterEach(async () => {
  stopWatch();
  await runner.stop();
  await settings.close();
  await store.close();
});

const parsed = (r: ReturnType<typeof parseDigest> | ReturnType<typeof parseFeeds>): ManageCommand => {
  if (!r.ok) throw new Error(r.error.message);
  return r.command;
};
const digest = (text: string, caller = admin, callerZone?: string) =>
  service.handle({ caller, place: desk, command: parsed(parseDigest(text)), ...(callerZone ? { callerZone } : {}) });
const feeds = (text: string, caller = admin) => service.handle({ caller, place: desk, command: parsed(parseFeeds(text)) });
const kind = (r: ManageResult) => r.kind;

test("/digest here: saved with the caller's zone, applied to the running digest at once, shown, audited", async () => {
  const saved = await digest("here at 07:00 topics rivers weekdays", admin, "Europe/Oslo");
  expect(saved).toMatchObject({ kind: "destination_saved", created: true, view: { destination: { id: "slack-c0desk", channel: "C0DESK", time: "07:00", timezone: "Europe/Oslo", topics: ["rivers"], quietDays: ["sat", "sun"] }, origin: "chat", next: Date.parse("2026-03-09T06:00:00Z") } });
  expect(resultToText(saved)).toBe("Digest set: `slack-c0desk`: slack C0DESK, at 07:00 Europe/Oslo, not on sat, sun, topics rivers; next 2026-03-09 07:00 (Europe/Oslo) (set by slack:U0ADMIN).");
  // An edit keeps what it does not name.
  const edited = await digest("here at 08:15");
  expect(edited).toMatchObject({ kind: "destination_saved", created: false, view: { destination: { time: "08:15", timezone: "Europe/Oslo", topics: ["rivers"] } } });
  expect(resultToText(await digest("show"))).toMatch(/^`slack-c0desk`: slack C0DESK, at 08:15 Europe\/Oslo/);
  const history = await digest("history");
  expect(history.kind === "history" && history.entries.map((e) => [e.action, e.actor, e.place])).toEqual([
    ["digest.set", "slack:U0ADMIN", "slack:C0DESK"], ["digest.set", "slack:U0ADMIN", "slack:C0DESK"],
  ]);
  expect(resultToText(history)).toMatch(/^Changes \(newest first\):\n2026-03-09 05:00 UTC {2}slack:U0ADMIN {2}digest set at 08:15 Europe\/Oslo/);
  // Preview is private and sends nothing; send posts now and is audited.
  expect(await digest("preview")).toMatchObject({ kind: "preview", destination: { id: "slack-c0desk" } });
  expect(messages).toHaveLength(0);
  expect(await digest("send")).toMatchObject({ kind: "sent", outcome: { kind: "sent" } });
  expect(messages.map((m) => m.channel)).toEqual(["C0DESK"]);
  expect((await settings.audit({ limit: 1 }))[0]).toMatchObject({ action: "digest.send", target: "slack-c0desk" });
  expect(await digest("off")).toMatchObject({ kind: "destination_removed" });
  expect(runner.next("slack-c0desk")).toBeUndefined();
  expect(resultToText(await digest("show"))).toBe("No digest is set up here. Set one with `/digest here at 07:00`.");
});

test("refusals: a non-admin, no zone, a config-file destination, nothing to turn off", async () => {
  const refused = await digest("here at 07:00 UTC", reader);
  expect(resultToText(refused)).toBe("Sorry: only workspace admins and owners (and people the bot's operator named) can change feeds and digests.");
  // Reading is for everyone.
  expect(kind(await digest("show", reader))).toBe("destinations");
  expect(resultToText(await digest("here at 07:00"))).toMatch(/^say which time zone the time is in, such as Europe\/London .*\nAccepted forms:\n• `\/digest here at 07:00/);
  const fileOwned = await service.handle({ caller: admin, place: { platform: "slack", channel: "C0NEWSROOM" }, command: parsed(parseDigest("here at 09:00 UTC")) });
  expect(resultToText(fileOwned)).toBe("The digest `newsroom` comes from the bot's config file, so it cannot be changed from chat: ask whoever runs the bot.");
  const shown = await service.handle({ caller: reader, place: { platform: "slack", channel: "C0NEWSROOM" }, command: { kind: "digest.show" } });
  expect(resultToText(shown)).toBe("`newsroom`: slack C0NEWSROOM, at 06:00 UTC, all topics; next 2026-03-09 06:00 (UTC) (from the config file; change it there)");
  expect(kind(await digest("off"))).toBe("not_found");
  expect(await settings.audit({ limit: 10 })).toEqual([]);
});

test("/feeds add checks the URL (a feed is counted; a page, a 404 or a dead host is refused with the reason)", async () => {
  const added = await feeds(`add ${srv.base}/feed.xml harbour`);
  expect(added).toMatchObject({ kind: "feed_added", items: 3, existed: false, feed: { url: `${srv.base}/feed.xml`, topics: ["harbour"], title: "Courier", origin: "chat" } });
  expect(resultToText(added)).toMatch(/^Added `f[0-9a-f]{7}` Courier http:\/\/127\.0\.0\.1:\d+\/feed\.xml \[harbour\] \(added by slack:U0ADMIN\): 3 items in it now/);
  expect(kind(await feeds(`add ${srv.base}/feed.xml`))).toBe("feed_added");
  expect(resultToText(await feeds(`add ${srv.base}/ferry.html`))).toMatch(/^Not added: http:\/\/127\.0\.0\.1:\d+\/ferry\.html is not an RSS or Atom feed \(it sent text\/html\)/);
  expect(resultToText(await feeds(`add ${srv.base}/missing`))).toMatch(/^Not added: .*404/);
  expect(resultToText(await feeds("add http://127.0.0.1:9/feed"))).toMatch(/^Not added: /);
  expect(kind(await feeds(`add ${srv.base}/feed.xml`, reader))).toBe("refused");
  const list = await feeds("list", reader);
  expect(list.kind === "feeds" && list.feeds.map((f) => [f.origin, f.url])).toEqual([["config", `${srv.base}/atom.xml`], ["chat", `${srv.base}/feed.xml`]]);
  expect(resultToText(await feeds(`remove ${srv.base}/atom.xml`))).toMatch(/comes from the bot's config file/);
  expect(kind(await feeds("remove fnothing"))).toBe("not_found");
  const id = added.kind === "feed_added" ? added.feed.id : "";
  expect(kind(await feeds(`remove ${id}`))).toBe("feed_removed");
  expect((await settings.audit({ limit: 10 })).map((e) => e.action)).toEqual(["feeds.remove", "feeds.add"]);
});

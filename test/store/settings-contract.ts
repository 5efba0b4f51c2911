// The contract every SettingsStore keeps: run on SQLite and PostgreSQL (settings.test.ts).
import type { AuditInput, DestinationRow, FeedRow, SettingsStore } from "../../src/store/index.js";

const T0 = Date.UTC(2026, 2, 9, 6);

const audit = (action: string, target: string, place = "slack:C0DESK", at = T0): AuditInput => ({
  at, actor: "slack:U0EDITOR", surface: "slack", place, action, target, detail: { note: `${action} ${target}` },
});
const destRow = (id: string, over: Partial<DestinationRow> = {}): DestinationRow => ({
  id, platform: "slack", channel: "C0DESK", spec: { id, platform: "slack", channel: "C0DESK", time: "07:00", timezone: "Europe/Oslo" }, updatedBy: "slack:U0EDITOR", updatedAt: T0, ...over,
});
const feedRow = (url: string, over: Partial<FeedRow> = {}): FeedRow => ({ id: `f-${url.length}`, url, topics: ["rivers"], title: "River news", addedBy: "cli:ops", addedAt: T0, ...over });

export function settingsContract(make: () => Promise<{ a: SettingsStore; b: SettingsStore; close(): Promise<void> }>): void {
  let a: SettingsStore;
  let b: SettingsStore;
  let close: () => Promise<void>;
  beforeEach(async () => ({ a, b, close } = await make()));
  afterEach(async () => close());

  test("starts empty at version 0", async () => {
    expect(await a.version()).toBe(0);
    expect(await a.destinations()).toEqual([]);
    expect(await a.feeds()).toEqual([]);
    expect(await a.audit({ limit: 10 })).toEqual([]);
  });

  test("a destination is created, replaced and removed; each change moves the version and is audited", async () => {
    const first = await a.putDestination(destRow("slack-c0desk"), audit("digest.set", "slack-c0desk"));
    expect(first).toEqual({ version: 1, value: { created: true } });
    const edited = destRow("slack-c0desk", { spec: { time: "08:30", timezone: "UTC" }, updatedAt: T0 + 5 });
    expect(await a.putDestination(edited, audit("digest.set", "slack-c0desk", "slack:C0DESK", T0 + 5))).toEqual({ version: 2, value: { created: false } });
    // Seen from the second connection (another replica).
    expect(await b.destinations()).toEqual([edited]);
    expect(await b.destination("slack-c0desk")).toEqual(edited);
    expect(await b.version()).toBe(2);
    const removed = await b.removeDestination("slack-c0desk", audit("digest.off", "slack-c0desk"));
    expect(removed).toEqual({ version: 3, value: edited });
    // Removing what is not there changes nothing and records nothing.
    expect(await a.removeDestination("slack-c0desk", audit("digest.off", "slack-c0desk"))).toEqual({ version: 3, value: undefined });
    const log = await a.audit({ limit: 10 });
    expect(log.map((e) => [e.action, e.at])).toEqual([["digest.off", T0], ["digest.set", T0 + 5], ["digest.set", T0]]);
    expect(log[0]).toMatchObject({ actor: "slack:U0EDITOR", surface: "slack", place: "slack:C0DESK", target: "slack-c0desk", detail: { note: "digest.off slack-c0desk" } });
    expect(log[0]!.seq).toBeGreaterThan(log[1]!.seq);
  });

  test("feeds: one per URL, removed by id or URL", async () => {
    const f = feedRow("https://rivers.example.net/feed.xml");
    expect(await a.addFeed(f, audit("feeds.add", f.id))).toEqual({ version: 1, value: { created: true, feed: f } });
    const again = await b.addFeed({ ...f, id: "other", topics: [] }, audit("feeds.add", "other"));
    expect(again).toEqual({ version: 1, value: { created: false, feed: f } });
    const g = feedRow("https://lakes.example.net/atom", { id: "flakes", topics: [], title: null, addedAt: T0 + 1 });
    await a.addFeed(g, audit("feeds.add", g.id));
    expect(await b.feeds()).toEqual([f, g]);
    expect((await b.removeFeed(f.url, audit("feeds.remove", f.id))).value).toEqual(f);
    expect((await b.removeFeed("flakes", audit("feeds.remove", "flakes"))).value).toEqual(g);
    expect(await a.feeds()).toEqual([]);
    expect(await a.version()).toBe(4);
    expect((await a.audit({ limit: 10 })).map((e) => e.action)).toEqual(["feeds.remove", "feeds.remove", "feeds.add", "feeds.add"]);
  });

  test("the audit log narrows by place and target, newest first, and records actions that change no setting", async () => {
    await a.putDestination(destRow("d1"), audit("digest.set", "d1", "slack:C1"));
    await a.putDestination(destRow("d2"), audit("digest.set", "d2", "discord:81"));
    await a.record(audit("digest.send", "d1", "slack:C1", T0 + 9));
    expect(await a.version()).toBe(2);
    expect((await b.audit({ limit: 10, place: "slack:C1" })).map((e) => e.action)).toEqual(["digest.send", "digest.set"]);
    expect((await b.audit({ limit: 10, target: "d2" })).map((e) => e.place)).toEqual(["discord:81"]);
    expect(await b.audit({ limit: 1 })).toHaveLength(1);
  });

  test("listeners hear a change made through the same object at once, with the new version", async () => {
    const heard: number[] = [];
    const off = a.onChange((v) => heard.push(v));
    await a.putDestination(destRow("d1"), audit("digest.set", "d1"));
    expect(heard).toEqual([1]);
    off();
    await a.removeDestination("d1", audit("digest.off", "d1"));
    expect(heard).toEqual([1]);
  });
}

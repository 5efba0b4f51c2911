// briefbot feeds / digest set|list|remove|history / audit: in process through the CLI's main(), on a
// SQLite file, with a config file that owns one destination and one feed, and a local feed server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/index.js";
import { memoryIo } from "../helpers/io.js";
import { startServer, type TestServer } from "../ingest/server.js";

let dir: string;
let srv: TestServer;
let db: string;
let config: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-manage-cli-"));
  srv = await startServer();
  db = join(dir, "bot.db");
  config = join(dir, "bot.yaml");
  writeFileSync(
    config,
    [
      "log:\n  level: silent",
      `feeds:\n  urls: ["${srv.base}/atom.xml"]`,
      "digest:\n  destinations:\n    - id: newsroom\n      platform: console\n      channel: desk\n      time: \"06:00\"\n      timezone: UTC",
    ].join("\n") + "\n",
  );
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const io = { ...memoryIo(), env: { USER: "ana" } };
  const code = await main([...args, "--db", db, "--config", config], io);
  return { code, out: io.out(), err: io.err() };
}

test("feeds add, list, remove: checked, stored, shown beside the config file's, audited as the OS user", async () => {
  const added = await run(["feeds", "add", `${srv.base}/feed.xml`, "Harbour", "--topics", "ports,weather"]);
  expect(added.code).toBe(0);
  expect(added.out).toMatch(/^Added f[0-9a-f]{7} Courier http:\/\/127\.0\.0\.1:\d+\/feed\.xml \[harbour, ports, weather\] \(added by cli:ana\): 3 items in it now/);

  const listed = await run(["feeds", "list", "--json"]);
  expect(listed.code).toBe(0);
  const feeds = JSON.parse(listed.out) as { kind: string; feeds: Array<{ url: string; origin: string; id: string }> };
  expect(feeds.kind).toBe("feeds");
  expect(feeds.feeds.map((f) => [f.origin, f.url])).toEqual([["config", `${srv.base}/atom.xml`], ["chat", `${srv.base}/feed.xml`]]);

  const page = await run(["feeds", "add", `${srv.base}/ferry.html`]);
  expect(page.code).toBe(1);
  expect(page.err).toMatch(/^briefbot feeds: Not added: .*is not an RSS or Atom feed \(it sent text\/html\)/);

  const fileOwned = await run(["feeds", "remove", `${srv.base}/atom.xml`]);
  expect(fileOwned.code).toBe(1);
  expect(fileOwned.err).toMatch(/comes from the bot's config file/);

  const removed = await run(["feeds", "remove", feeds.feeds[1]!.id]);
  expect(removed.code).toBe(0);
  expect(removed.out).toMatch(/^Removed f[0-9a-f]{7} Courier/);
  expect((await run(["feeds", "remove", feeds.feeds[1]!.id])).code).toBe(1);
});

test("digest set, list, remove, history: by id on any platform; the config file's destination is read-only", async () => {
  const set = await run(["digest", "set", "morning-desk", "--platform", "slack", "--channel", "C0DESK", "--time", "7:30", "--timezone", "europe/london", "--topics", "ports,weather", "--weekdays"]);
  expect(set.code).toBe(0);
  expect(set.out).toBe("Digest set: morning-desk: slack C0DESK, at 07:30 Europe/London, not on sat, sun, topics ports, weather (set by cli:ana).\n");

  const edit = await run(["digest", "set", "morning-desk", "--platform", "slack", "--channel", "C0DESK", "--cron", "0 8 * * *", "--timezone", "UTC"]);
  expect(edit.code).toBe(0);
  expect(edit.out).toMatch(/^Digest changed: morning-desk: slack C0DESK, on cron 0 8 \* \* \* UTC/);

  const list = await run(["digest", "list", "--json"]);
  const destinations = (JSON.parse(list.out) as { destinations: Array<{ origin: string; destination: { id: string; timezone: string } }> }).destinations;
  expect(destinations.map((v) => [v.origin, v.destination.id, v.destination.timezone])).toEqual([["config", "newsroom", "UTC"], ["chat", "morning-desk", "UTC"]]);

  const readOnly = await run(["digest", "set", "newsroom", "--platform", "console", "--channel", "desk", "--time", "08:00", "--timezone", "UTC"]);
  expect(readOnly.code).toBe(1);
  expect(readOnly.err).toMatch(/The digest newsroom comes from the bot's config file/);

  const removed = await run(["digest", "remove", "morning-desk"]);
  expect(removed.code).toBe(0);
  expect(removed.out).toBe("Digest morning-desk turned off.\n");
  expect((await run(["digest", "remove", "morning-desk"])).code).toBe(1);

  const history = await run(["digest", "history", "--json"]);
  const actions = (JSON.parse(history.out) as { entries: Array<{ action: string; actor: string; surface: string }> }).entries;
  expect(actions.slice(0, 3).map((e) => [e.action, e.actor, e.surface])).toEqual([["digest.off", "cli:ana", "cli"], ["digest.set", "cli:ana", "cli"], ["digest.set", "cli:ana", "cli"]]);

  const audit = await run(["audit", "--limit", "2"]);
  expect(audit.code).toBe(0);
  expect(audit.out.split("\n").filter((l) => / UTC {2}cli:ana {2}/.test(l))).toHaveLength(2);
});

test("usage errors: exit 2, one line and the usage", async () => {
  const cases: Array<[string[], RegExp]> = [
    [["digest", "set", "x", "--platform", "slack", "--channel", "C1", "--time", "25:00", "--timezone", "UTC"], /"25:00" is not a time/],
    [["digest", "set", "x", "--platform", "slack", "--channel", "C1", "--time", "07:00", "--timezone", "Mars/Base"], /Mars\/Base/],
    [["digest", "set", "x", "--platform", "fax", "--channel", "C1", "--time", "07:00", "--timezone", "UTC"], /--platform must be one of slack, discord, console/],
    [["digest", "set", "x", "--platform", "slack", "--time", "07:00", "--timezone", "UTC"], /--channel is needed/],
    [["digest", "set", "x", "--platform", "slack", "--channel", "C1", "--time", "07:00"], /--timezone is needed/],
    [["feeds", "add", "not a url"], /is not a URL/],
    [["feeds", "add", "ftp://example.org/feed"], /only http and https/],
    [["feeds", "drop"], /unknown action "drop"/],
    [["audit", "--limit", "0"], /--limit must be a whole number/],
  ];
  for (const [args, message] of cases) {
    const r = await run(args);
    expect({ args, code: r.code }).toEqual({ args, code: 2 });
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/\nusage: briefbot (digest|feeds|audit) /);
  }
});

test("digest preview finds a destination set from the CLI (stored), not only the config file's", async () => {
  expect((await run(["digest", "set", "evening", "--platform", "console", "--channel", "late-desk", "--time", "19:00", "--timezone", "UTC"])).code).toBe(0);
  const preview = await run(["digest", "preview", "evening"]);
  expect(preview.code).toBe(0);
  expect(preview.out).toMatch(/\(preview for console late-desk: nothing sent, nothing recorded\)\n$/);
  const unknown = await run(["digest", "preview", "nowhere"]);
  expect(unknown.code).toBe(1);
  expect(unknown.err).toBe('briefbot digest: no destination "nowhere" (known: newsroom, evening)\n');
});

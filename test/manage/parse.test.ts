// `/feeds` and `/digest` text into commands, and the refusals (with the accepted forms) for bad input.
import { DIGEST_USAGE, FEEDS_USAGE, digestFromFields, parseDigest, parseFeeds, tokenize } from "../../src/manage/parse.js";
import { mayManage } from "../../src/manage/permissions.js";
import { canonicalZone, suggestZones } from "../../src/manage/zones.js";

const set = (text: string) => {
  const r = parseDigest(text);
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  if (r.command.kind !== "digest.set") throw new Error(r.command.kind);
  return r.command.settings;
};
const refusal = (r: ReturnType<typeof parseDigest> | ReturnType<typeof parseFeeds>) => {
  if (r.ok) throw new Error(`accepted: ${JSON.stringify(r.command)}`);
  return r.error;
};

describe("/digest", () => {
  test.each([
    ["here at 07:00", { time: "07:00" }],
    ["here at 7:05 Europe/Oslo", { time: "07:05", timezone: "Europe/Oslo" }],
    ["here at 0630 america/new_york weekdays", { time: "06:30", timezone: "America/New_York", quietDays: ["sat", "sun"] }],
    ["here at 18:00 UTC topics rivers Harbour every day", { time: "18:00", timezone: "UTC", topics: ["rivers", "harbour"], quietDays: [] }],
    ["here 09:15 topics all", { time: "09:15", topics: "all" }],
    ['here cron "0 7 * * 1-5" Asia/Tokyo', { cron: "0 7 * * 1-5", timezone: "Asia/Tokyo" }],
    ["here at 07:00 topics ferries, bridges Europe/Lisbon", { time: "07:00", topics: ["ferries", "bridges"], timezone: "Europe/Lisbon" }],
    ["set at 23:59 in Australia/Sydney daily", { time: "23:59", timezone: "Australia/Sydney", quietDays: [] }],
  ])("%s", (text, want) => expect(set(text)).toEqual(want));

  test.each([
    ["show", "digest.show"], ["off", "digest.off"], ["preview", "digest.preview"], ["send", "digest.send"], ["history", "digest.history"], ["", "digest.help"], ["help", "digest.help"],
  ])("%s", (text, kind) => expect(parseDigest(text)).toEqual({ ok: true, command: { kind } }));

  test.each([
    ["here at 25:00", "bad_time", /"25:00" is not a time: give a 24-hour local time/],
    ["here at 7am", "bad_time", /"7am" is not a time/],
    ["here at", "missing_time", /give a time after "at"/],
    ["here Europe/London", "missing_time", /say when/],
    ["here at 07:00 Europe/Lundon", "bad_zone", /"Europe\/Lundon" is not an IANA time zone \(did you mean Europe\/London/],
    ["here at 07:00 Mars/Olympus", "bad_zone", /not an IANA time zone: use a name such as/],
    ['here cron "61 * * * *"', "bad_cron", /is not a cron expression/],
    ['here cron "* * * * * *"', "bad_cron", /more than once a minute/],
    ['here at 07:00 cron "0 7 * * *"', "unexpected_word", /either a time .* or a cron schedule, not both/],
    ["here at 07:00 tomorrow", "unexpected_word", /"tomorrow" is not part of a digest schedule/],
    ["here at 07:00 topics", "bad_topics", /give topics after "topics"/],
    ["here at 07:00 topics <script>", "bad_topics", /"<script>" is not a topic/],
    ["sometimes", "unknown_action", /"\/digest sometimes" is not a digest command/],
    ["off now", "unexpected_word", /takes nothing after it/],
  ])("refuses %s", (text, code, message) => {
    const e = refusal(parseDigest(text));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.usage).toBe(DIGEST_USAGE);
  });

  test("Discord's option fields meet the same checks", () => {
    expect(digestFromFields({ time: "7:30", timezone: "Europe/Paris", topics: "ports, ships", days: "weekdays" })).toEqual({
      ok: true, command: { kind: "digest.set", settings: { time: "07:30", timezone: "Europe/Paris", topics: ["ports", "ships"], quietDays: ["sat", "sun"] } },
    });
    const bad = digestFromFields({ time: "07:00", timezone: "Nowhere/City" });
    expect(bad.ok || bad.error.code).toBe("bad_zone");
  });
});

describe("/feeds", () => {
  test.each([
    ["add https://rivers.example.net/feed.xml", { kind: "feeds.add", url: "https://rivers.example.net/feed.xml", topics: [] }],
    ["add <https://rivers.example.net/feed.xml?a=1&amp;b=2|rivers> Floods #Dams", { kind: "feeds.add", url: "https://rivers.example.net/feed.xml?a=1&b=2", topics: ["floods", "dams"] }],
    ["list", { kind: "feeds.list" }],
    ["remove fab12cd", { kind: "feeds.remove", target: "fab12cd" }],
    ["", { kind: "feeds.help" }],
  ])("%s", (text, command) => expect(parseFeeds(text)).toEqual({ ok: true, command }));

  test.each([
    ["add", "missing_url", /give the feed's URL/],
    ["add rivers.example.net", "bad_url", /"rivers.example.net" is not a web address/],
    ["add ftp://rivers.example.net/feed", "bad_url", /only http and https/],
    ["remove", "missing_target", /give one feed to remove/],
    ["subscribe https://x.example", "unknown_action", /"\/feeds subscribe" is not a feeds command/],
  ])("refuses %s", (text, code, message) => {
    const e = refusal(parseFeeds(text));
    expect([e.code, e.usage]).toEqual([code, FEEDS_USAGE]);
    expect(e.message).toMatch(message);
  });
});

test("quoted words stay whole, in straight or curly quotes", () => {
  expect(tokenize('here cron "0 7 * * 1" at')).toEqual(["here", "cron", "0 7 * * 1", "at"]);
  expect(tokenize("cron “30 6 * * *”")).toEqual(["cron", "30 6 * * *"]);
});

test("zones: canonical spelling, suggestions for autocomplete and typos", () => {
  expect(canonicalZone("europe/london")).toBe("Europe/London");
  expect(canonicalZone("utc")).toBe("UTC");
  expect(canonicalZone("Europe/Lundon")).toBeUndefined();
  expect(suggestZones("europe/lo")).toEqual(["Europe/London"]);
  expect(suggestZones("new york")).toEqual(["America/New_York"]);
  expect(suggestZones("")).toHaveLength(25);
  expect(suggestZones("Europe/Lundon")).toContain("Europe/London");
});

describe("who may change settings", () => {
  const policy = { slack: { users: ["U0NAMED"], usergroups: ["S0EDITORS"] }, discord: { users: ["77"], roles: ["88"] } };
  test.each([
    [{ platform: "slack", userId: "U1", isAdmin: true, isOwner: false, usergroups: [] }, "workspace admin"],
    [{ platform: "slack", userId: "U1", isAdmin: false, isOwner: true, usergroups: [] }, "workspace owner"],
    [{ platform: "slack", userId: "U0NAMED", isAdmin: false, isOwner: false, usergroups: [] }, "named in manage.slack.users"],
    [{ platform: "slack", userId: "U1", isAdmin: false, isOwner: false, usergroups: ["S0EDITORS"] }, "member of user group S0EDITORS"],
    [{ platform: "discord", userId: "1", permissions: String(1n << 4n), roles: [] }, "Manage Channels"],
    [{ platform: "discord", userId: "1", permissions: "8", roles: [] }, "administrator"],
    [{ platform: "discord", userId: "1", permissions: "0", roles: ["88"] }, "role 88"],
    [{ platform: "discord", userId: "77", permissions: "0", roles: [] }, "named in manage.discord.users"],
    [{ platform: "cli", userId: "ops" }, "operator"],
  ] as const)("allowed: %j", (caller, as) => expect(mayManage(caller, policy)).toEqual({ ok: true, as }));

  test.each([
    [{ platform: "slack", userId: "U1", isAdmin: false, isOwner: false, usergroups: ["S0OTHER"] }, /only workspace admins and owners/],
    [{ platform: "discord", userId: "1", permissions: "2248473465835073", roles: ["99"] }, /Manage Channels permission/],
    [{ platform: "discord", userId: "1", permissions: "not a number", roles: [] }, /Manage Channels permission/],
  ] as const)("refused: %j", (caller, reason) => {
    const r = mayManage(caller, policy);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ConfigError, loadConfig } from "../../src/config/index.js";

const root = resolve(__dirname, "../..");
const tmp = mkdtempSync(join(tmpdir(), "briefbot-config-"));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe("loadConfig", () => {
  test("the shipped defaults load and validate", () => {
    const c = loadConfig({ root, env: {} });
    expect(c.slack.mode).toBe("socket");
    expect(c.discord.mode).toBe("gateway");
    expect(c.store.db).toBe("data/briefbot.db");
    expect(c.secrets).toEqual({});
    expect(c.files).toEqual([join(root, "config", "default.yaml")]);
  });

  test("a user file merges over the defaults and the environment over both; secrets only from the environment", () => {
    const f = file("ok.yaml", "slack:\n  mode: http\n  port: 4000\n");
    const c = loadConfig({ root, file: f, env: { BRIEFBOT_DB: "/tmp/x.db", SLACK_BOT_TOKEN: " xoxb-1 ", DISCORD_TOKEN: "" } });
    expect(c.slack).toEqual({ mode: "http", port: 4000, host: "0.0.0.0" });
    expect(c.store.db).toBe("/tmp/x.db");
    expect(c.secrets).toEqual({ slackBotToken: "xoxb-1" });
  });

  test.each<[string, string, RegExp]>([
    ["unknown-key.yaml", "slack:\n  mod: http\n", /unknown-key\.yaml: "slack\.mod": unknown key/],
    ["wrong-type.yaml", "slack:\n  port: ten\n", /wrong-type\.yaml: "slack\.port": .*number/i],
    ["wrong-enum.yaml", "discord:\n  mode: webhook\n", /wrong-enum\.yaml: "discord\.mode"/],
    ["secret.yaml", "slack:\n  botToken: xoxb-1\n", /secret\.yaml: "slack\.botToken": unknown key/],
  ])("%s: names the key and the file", (name, text, want) => {
    expect(() => loadConfig({ root, file: file(name, text), env: {} })).toThrow(want);
  });

  test("broken YAML and a missing file are ConfigErrors", () => {
    const f = file("broken.yaml", "slack: [\n");
    expect(() => loadConfig({ root, file: f, env: {} })).toThrow(ConfigError);
    expect(() => loadConfig({ root, file: join(tmp, "nope.yaml"), env: {} })).toThrow(/cannot read/);
  });

  test("a bad value from the environment names the environment", () => {
    expect(() => loadConfig({ root, env: { LOG_LEVEL: "loud" } })).toThrow(/environment: "log\.level"/);
  });
});

describe("loadConfig: digest", () => {
  test("the defaults have no destinations and the documented window and lease", () => {
    const c = loadConfig({ root, env: {} });
    expect(c.digest).toEqual({ catchUpWindowMs: 21_600_000, leaseMs: 120_000, destinations: [] });
  });

  test("a destination is read with its defaults filled in", () => {
    const f = file("digest-ok.yaml", 'digest:\n  destinations:\n    - { id: news, platform: slack, channel: C1, time: "07:00", timezone: Europe/London }\n');
    const c = loadConfig({ root, file: f, env: {} });
    expect(c.digest.destinations).toEqual([
      { id: "news", platform: "slack", channel: "C1", time: "07:00", timezone: "Europe/London", topics: "all", maxCards: 8, quietDays: [], whenEmpty: "line" },
    ]);
  });

  test.each<[string, string, RegExp]>([
    ["digest-cron.yaml", 'cron: "61 7 * * *", timezone: Europe/London', /digest-cron\.yaml: "digest\.destinations\.0\.cron": invalid cron expression "61 7 \* \* \*"/],
    ["digest-zone.yaml", 'time: "07:00", timezone: Europe/Lundon', /digest-zone\.yaml: "digest\.destinations\.0\.timezone": unknown IANA time zone "Europe\/Lundon"/],
    ["digest-both.yaml", 'time: "07:00", cron: "0 7 * * *", timezone: UTC', /digest-both\.yaml: "digest\.destinations\.0\.time": give exactly one of/],
    ["digest-typo.yaml", 'time: "07:00", timezon: UTC', /digest-typo\.yaml: "digest\.destinations\.0\.timezon": unknown key/],
  ])("%s: refused at start with the key and the file", (name, fields, want) => {
    const f = file(name, `digest:\n  destinations:\n    - { id: news, platform: slack, channel: C1, ${fields} }\n`);
    expect(() => loadConfig({ root, file: f, env: {} })).toThrow(want);
    // With settings from the environment too, the file is still the one named.
    expect(() => loadConfig({ root, file: f, env: { LOG_LEVEL: "warn" } })).toThrow(want);
  });
});

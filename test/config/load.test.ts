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
    expect(c.slack).toEqual({ mode: "http", port: 4000 });
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

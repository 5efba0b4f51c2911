// Loads config/default.yaml, merges the user's file over it, then the environment; validates once.
import { existsSync, readFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { withPostgresUser } from "../store/index.js";
import { configSchema, type Config, type Secrets } from "./schema.js";

export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly code: "invalid" | "unreadable",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

type Env = Record<string, string | undefined>;

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);

function merge(base: unknown, over: unknown): unknown {
  if (!isObject(base) || !isObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = merge(base[k], v);
  return out;
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new ConfigError("unreadable", `${file}: cannot read the configuration file (${(err as Error).message})`, { cause: err });
  }
  try {
    return parseYaml(text) ?? {};
  } catch (err) {
    throw new ConfigError("invalid", `${file}: not valid YAML: ${(err as Error).message}`, { cause: err });
  }
}

/** Names the key, what was wrong, and the file it came from. */
function describe(issue: z.core.$ZodIssue, layers: Array<{ file: string; data: unknown }>): string {
  const path = issue.path.map(String);
  const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...path, k].join(".")) : [path.join(".")];
  // Through lists too: "digest.destinations.0.timezone".
  const has = (data: unknown, p: string[]) =>
    p.reduce<unknown>((d, k) => (d && typeof d === "object" ? (d as Record<string, unknown>)[k] : undefined), data) !== undefined;
  const key = keys[0] ?? "";
  const from = [...layers].reverse().find((l) => has(l.data, key.split(".")))?.file ?? layers.at(-1)?.file ?? "configuration";
  const what = issue.code === "unrecognized_keys" ? `unknown key${keys.length > 1 ? "s" : ""}` : issue.message;
  return `${from}: ${keys.map((k) => `"${k}"`).join(", ")}: ${what}`;
}

export interface LoadOptions {
  /** The project root holding config/default.yaml. */
  root: string;
  /** A file merged over the defaults (--config or BRIEFBOT_CONFIG). */
  file?: string;
  env: Env;
}

/** The PostgreSQL user when a URL names none, as libpq picks it: PGUSER, else the OS user. */
export function postgresUser(env: Env): string | undefined {
  const fromEnv = env.PGUSER?.trim();
  if (fromEnv) return fromEnv;
  try {
    return userInfo().username;
  } catch {
    return undefined; // no passwd entry for this uid: pg will say no user was given
  }
}

export function loadConfig({ root, file, env }: LoadOptions): Config {
  const layers: Array<{ file: string; data: unknown }> = [];
  const defaults = join(root, "config", "default.yaml");
  if (existsSync(defaults)) layers.push({ file: defaults, data: readYaml(defaults) });
  const userFile = file ?? env.BRIEFBOT_CONFIG;
  if (userFile) layers.push({ file: resolve(userFile), data: readYaml(resolve(userFile)) });
  let data: unknown = {};
  for (const l of layers) data = merge(data, l.data);
  // Environment overrides of non-secret settings.
  const envLayer: Record<string, unknown> = {};
  const db = env.BRIEFBOT_DB ?? env.DATABASE_URL;
  if (db) envLayer.store = { db };
  if (env.LOG_LEVEL) envLayer.log = { level: env.LOG_LEVEL };
  if (env.SLACK_API_URL) envLayer.slack = { apiUrl: env.SLACK_API_URL };
  if (env.DISCORD_API_URL) envLayer.discord = { apiUrl: env.DISCORD_API_URL };
  if (Object.keys(envLayer).length) {
    layers.push({ file: "environment", data: envLayer });
    data = merge(data, envLayer);
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    throw new ConfigError("invalid", parsed.error.issues.map((i) => describe(i, layers)).join("\n"));
  }
  parsed.data.store.db = withPostgresUser(parsed.data.store.db, postgresUser(env)) ?? parsed.data.store.db;
  const secrets: Secrets = {};
  const take = (k: keyof Secrets, name: string) => {
    const v = env[name]?.trim();
    if (v) secrets[k] = v;
  };
  take("slackBotToken", "SLACK_BOT_TOKEN");
  take("slackAppToken", "SLACK_APP_TOKEN");
  take("slackSigningSecret", "SLACK_SIGNING_SECRET");
  take("discordToken", "DISCORD_TOKEN");
  take("discordApplicationId", "DISCORD_APPLICATION_ID");
  take("discordPublicKey", "DISCORD_PUBLIC_KEY");
  return { ...parsed.data, secrets, files: layers.map((l) => l.file) };
}

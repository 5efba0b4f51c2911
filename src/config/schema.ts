// The configuration's shape. Unknown keys are errors: a typo must not be silently ignored.
import { z } from "zod";
import { digestConfigSchema } from "../digest/config.js";
import { manageConfigSchema } from "../manage/config.js";
import { linksConfigSchema } from "../links/config.js";

const onOffAuto = z.union([z.literal("auto"), z.boolean()]);

export const configSchema = z.strictObject({
  log: z.strictObject({
    level: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
    pretty: onOffAuto.default("auto"),
  }).prefault({}),
  briefings: z.strictObject({ dir: z.string().min(1).default("briefings") }).prefault({}),
  store: z.strictObject({ db: z.string().min(1).default("data/briefbot.db") }).prefault({}),
  feeds: z.strictObject({
    urls: z.array(z.url()).default([]),
    everyMinutes: z.number().positive().default(15),
    userAgent: z.string().min(1).optional(),
    timeoutSeconds: z.number().positive().default(15),
    maxBytes: z.number().int().positive().default(5 * 1024 * 1024),
  }).prefault({}),
  card: z.strictObject({ maxChars: z.number().int().positive().default(1_000_000) }).prefault({}),
  console: z.strictObject({ enabled: onOffAuto.default("auto"), digestOnStart: z.boolean().default(true) }).prefault({}),
  slack: z.strictObject({
    mode: z.enum(["socket", "http"]).default("socket"),
    port: z.number().int().min(1).max(65535).default(3000),
    // The address HTTP mode listens on: 0.0.0.0 (every interface, as a container needs), or 127.0.0.1 behind a proxy.
    host: z.string().min(1).default("0.0.0.0"),
    apiUrl: z.url().optional(),
  }).prefault({}),
  discord: z.strictObject({
    mode: z.enum(["gateway", "http"]).default("gateway"),
    port: z.number().int().min(1).max(65535).default(3001),
    host: z.string().min(1).default("0.0.0.0"),
    apiUrl: z.url().optional(),
  }).prefault({}),
  // The morning digest (docs/digest.md): destinations, catch-up window, replica lease.
  digest: digestConfigSchema.prefault({}),
  // Feeds and digests set up from chat (docs/manage.md): who may, and how often replicas re-read.
  manage: manageConfigSchema.prefault({}),
  // Links pasted in chat become cards, through the SSRF guard (docs/links.md).
  links: linksConfigSchema.prefault({}),
});

export type FileConfig = z.infer<typeof configSchema>;

/** Secrets and overrides read from the environment, never from files. */
export interface Secrets {
  slackBotToken?: string;
  slackAppToken?: string;
  slackSigningSecret?: string;
  discordToken?: string;
  discordApplicationId?: string;
  discordPublicKey?: string;
}

export interface Config extends FileConfig {
  secrets: Secrets;
  /** Files the configuration was read from, in merge order. */
  files: string[];
}

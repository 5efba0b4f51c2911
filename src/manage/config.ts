// The `manage:` part of the config (zod), under src/config/schema.ts: who besides the platforms'
// own admins may change feeds and digests from chat, and how often replicas re-read the settings.
import { z } from "zod";

export const MANAGE_DEFAULTS = {
  enabled: true,
  /** Fallback poll of the settings version (PostgreSQL also pushes changes with NOTIFY). */
  pollSeconds: 30,
} as const;

const ids = z.array(z.string().min(1)).default([]);

export const manageConfigSchema = z.strictObject({
  /** The /feeds and /digest chat commands and live settings; false: config file only. */
  enabled: z.boolean().default(MANAGE_DEFAULTS.enabled),
  pollSeconds: z.number().min(1).max(3600).default(MANAGE_DEFAULTS.pollSeconds),
  slack: z.strictObject({ users: ids, usergroups: ids }).prefault({}),
  discord: z.strictObject({ users: ids, roles: ids }).prefault({}),
});

export type ManageConfig = z.infer<typeof manageConfigSchema>;

// The digest's part of the config (zod). The lead wires `digestConfigSchema` into src/config;
// errors carry the path, so "digest.destinations.2.timezone: unknown IANA time zone" names the key.
import { z } from "zod";
import { parse, validate } from "node-cron";
import { WEEKDAYS } from "./slots.js";
import { isValidTimeZone } from "./zone.js";

export const DIGEST_DEFAULTS = {
  maxCards: 8,
  whenEmpty: "line",
  /** A slot missed by less than this is still sent (marked late); older ones are skipped. */
  catchUpWindowMs: 6 * 3_600_000,
  /** How long a replica owns a slot it is sending before another may finish it. */
  leaseMs: 120_000,
} as const;

export const digestDestinationSchema = z
  .object({
    id: z.string().regex(/^[\w.-]+$/, "use letters, digits, '.', '_' or '-'"),
    platform: z.enum(["slack", "discord", "console"]),
    channel: z.string().min(1),
    time: z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time "HH:MM" such as "07:00"')
      .optional(),
    cron: z
      .string()
      .refine((c) => validate(c), { error: (iss) => `invalid cron expression "${String(iss.input)}"` })
      // A digest is a message to people: at most once a minute (and slot lists stay short).
      .refine((c) => !validate(c) || parse(c).second.length === 1, { error: "a digest runs at most once a minute: give one value for seconds" })
      .optional(),
    timezone: z.string().refine(isValidTimeZone, { error: (iss) => `unknown IANA time zone "${String(iss.input)}"` }),
    topics: z.union([z.literal("all"), z.array(z.string().min(1).transform((t) => t.toLowerCase())).min(1)]).default("all"),
    maxCards: z.number().int().min(1).max(25).default(DIGEST_DEFAULTS.maxCards),
    quietDays: z.array(z.enum(WEEKDAYS)).default([]),
    whenEmpty: z.enum(["line", "nothing"]).default(DIGEST_DEFAULTS.whenEmpty),
  })
  .superRefine((d, ctx) => {
    if ((d.time === undefined) === (d.cron === undefined))
      ctx.addIssue({ code: "custom", path: ["time"], message: "give exactly one of `time` or `cron`" });
  });

export type DigestDestination = z.infer<typeof digestDestinationSchema>;

export const digestConfigSchema = z
  .object({
    catchUpWindowMs: z.number().int().min(0).default(DIGEST_DEFAULTS.catchUpWindowMs),
    leaseMs: z.number().int().min(1000).default(DIGEST_DEFAULTS.leaseMs),
    destinations: z.array(digestDestinationSchema).default([]),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.destinations.forEach((d, i) => {
      if (seen.has(d.id)) ctx.addIssue({ code: "custom", path: ["destinations", i, "id"], message: `duplicate destination id "${d.id}"` });
      seen.add(d.id);
    });
  });

export type DigestConfig = z.infer<typeof digestConfigSchema>;

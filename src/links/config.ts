// The `links:` section of the configuration: briefing links pasted in chat (docs/links.md).
import { z } from "zod";

export const linksConfigSchema = z.strictObject({
  /** Answer links shared in chat (Slack unfurls, Discord mentions) and `/brief <url>`. */
  enabled: z.boolean().default(true),
  /** Intranet hosts that may be fetched though they resolve to private addresses: names, `*.suffix`, addresses, CIDRs. */
  allow: z.array(z.string().min(1)).default([]),
  perUserPerMinute: z.number().int().positive().default(10),
  perChannelPerMinute: z.number().int().positive().default(30),
});

export type LinksConfig = z.infer<typeof linksConfigSchema>;

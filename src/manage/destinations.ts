// Config-file destinations and feeds beside the ones made from chat: one list for the runner and
// the poller, each item marked with where it came from (the file's are read-only from chat).
import { digestDestinationSchema, type DigestDestination } from "../digest/index.js";
import type { DestinationRow, FeedRow } from "../store/index.js";
import type { ManagePlatform } from "./types.js";

export type Origin = "config" | "chat";

export interface DestinationView {
  destination: DigestDestination;
  origin: Origin;
  updatedBy?: string;
  updatedAt?: number;
}

export interface FeedView {
  id: string;
  url: string;
  topics: readonly string[];
  title: string | null;
  origin: Origin;
  addedBy?: string;
}

/** The id a channel's chat-made digest gets: one per channel, stable across edits ("slack-c0news"). */
export const chatDestinationId = (platform: ManagePlatform, channel: string) => `${platform}-${channel}`.toLowerCase().replace(/[^\w.-]/g, "_");

export interface Merged<T> {
  items: T[];
  /** Stored rows left out: invalid (a newer briefbot wrote them) or shadowed by a config-file id. */
  ignored: Array<{ id: string; reason: string }>;
}

export function mergeDestinations(file: readonly DigestDestination[], rows: readonly DestinationRow[]): Merged<DestinationView> {
  const items: DestinationView[] = file.map((destination) => ({ destination, origin: "config" }));
  const ids = new Set(file.map((d) => d.id));
  const ignored: Merged<DestinationView>["ignored"] = [];
  for (const row of rows) {
    if (ids.has(row.id)) {
      ignored.push({ id: row.id, reason: "the config file has a destination with this id" });
      continue;
    }
    const parsed = digestDestinationSchema.safeParse({ ...row.spec, id: row.id, platform: row.platform, channel: row.channel });
    if (!parsed.success) {
      ignored.push({ id: row.id, reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      continue;
    }
    items.push({ destination: parsed.data, origin: "chat", updatedBy: row.updatedBy, updatedAt: row.updatedAt });
  }
  return { items, ignored };
}

export function mergeFeeds(fileUrls: readonly string[], rows: readonly FeedRow[], idOf: (url: string) => string): Merged<FeedView> {
  const items: FeedView[] = fileUrls.map((url) => ({ id: idOf(url), url, topics: [], title: null, origin: "config" }));
  const urls = new Set(fileUrls);
  const ignored: Merged<FeedView>["ignored"] = [];
  for (const r of rows) {
    if (urls.has(r.url)) ignored.push({ id: r.id, reason: "the config file lists this feed too" });
    else items.push({ id: r.id, url: r.url, topics: r.topics, title: r.title, origin: "chat", addedBy: r.addedBy });
  }
  return { items, ignored };
}

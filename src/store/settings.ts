// Settings made from chat or the CLI: digest destinations, feeds, and an audit log of every change,
// beside the articles in the same database. A version number moves on every change, so replicas
// that missed a notification still see it on their next poll.
import { createHash } from "node:crypto";

/** A digest destination as stored: the spec is the digest config's JSON (validated by manage/ on read). */
export interface DestinationRow {
  id: string;
  platform: string;
  channel: string;
  spec: Record<string, unknown>;
  updatedBy: string;
  updatedAt: number;
}

export interface FeedRow {
  id: string;
  url: string;
  topics: string[];
  title: string | null;
  addedBy: string;
  addedAt: number;
}

/** One change: who, what, when, from where. */
export interface AuditInput {
  at: number;
  /** "slack:U123", "discord:7000...", "cli:alice". */
  actor: string;
  surface: string;
  /** Where it was typed: "slack:C0NEWS", "cli". */
  place: string;
  /** "digest.set", "digest.off", "feeds.add", "feeds.remove", "digest.send". */
  action: string;
  /** The destination or feed id. */
  target: string;
  detail: Record<string, unknown>;
}

export interface AuditEntry extends AuditInput {
  seq: number;
}

export interface SettingsChange<T> {
  /** The settings version after the change (unchanged when nothing changed). */
  version: number;
  value: T;
}

export interface SettingsStore {
  version(): Promise<number>;
  destinations(): Promise<DestinationRow[]>;
  destination(id: string): Promise<DestinationRow | undefined>;
  /** Creates or replaces, records the audit entry and moves the version, in one transaction. */
  putDestination(row: DestinationRow, audit: AuditInput): Promise<SettingsChange<{ created: boolean }>>;
  removeDestination(id: string, audit: AuditInput): Promise<SettingsChange<DestinationRow | undefined>>;
  feeds(): Promise<FeedRow[]>;
  /** Adds the feed; one with the same URL already there is returned unchanged (created false, no audit). */
  addFeed(row: FeedRow, audit: AuditInput): Promise<SettingsChange<{ created: boolean; feed: FeedRow }>>;
  /** Removes by id or URL. */
  removeFeed(idOrUrl: string, audit: AuditInput): Promise<SettingsChange<FeedRow | undefined>>;
  /** Records an action that changes no setting ("digest.send"). */
  record(audit: AuditInput): Promise<void>;
  /** Newest first; `place` or `target` narrow it. */
  audit(options: { limit: number; place?: string; target?: string }): Promise<AuditEntry[]>;
  /**
   * Calls `listener` after a change: at once for changes made through this object; PostgreSQL also
   * for other processes' changes (LISTEN/NOTIFY). Returns what unsubscribes.
   */
  onChange(listener: (version: number) => void): () => void;
  /** Stops listening (the database itself belongs to the BriefingStore). */
  close(): Promise<void>;
}

/** A feed's id: short, stable, derived from its URL (so every replica agrees on it). */
export function feedId(url: string): string {
  return `f${createHash("sha256").update(url).digest("hex").slice(0, 7)}`;
}

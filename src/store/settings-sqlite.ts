// Settings in SQLite (the store's own file): one replica, so "changed" listeners are told in process.
// Another process writing the same file (the CLI while the bot runs) is seen through version(), which
// the running bot polls (manage/watch.ts).
import type { Database } from "better-sqlite3";
import { StoreError } from "./errors.js";
import type { AuditEntry, AuditInput, DestinationRow, FeedRow, SettingsStore } from "./settings.js";

interface DestRaw { id: string; platform: string; channel: string; spec: string; updated_by: string; updated_at: number }
interface FeedRaw { id: string; url: string; topics: string; title: string | null; added_by: string; added_at: number }
interface AuditRaw { seq: number; at: number; actor: string; surface: string; place: string; action: string; target: string; detail: string }

const dest = (r: DestRaw): DestinationRow => ({
  id: r.id, platform: r.platform, channel: r.channel, spec: JSON.parse(r.spec) as Record<string, unknown>, updatedBy: r.updated_by, updatedAt: r.updated_at,
});
const feed = (r: FeedRaw): FeedRow => ({ id: r.id, url: r.url, topics: JSON.parse(r.topics) as string[], title: r.title, addedBy: r.added_by, addedAt: r.added_at });
const entry = (r: AuditRaw): AuditEntry => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> });

/** Settings on `db`, which the SQLite store has migrated (sqlite-schema.ts). */
export function createSqliteSettings(db: Database): SettingsStore {
  const has = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'settings_version'").get();
  if (!has) throw new StoreError("unavailable", "the database has no settings tables: open it as a store first (which migrates it)");
  const q = {
    version: db.prepare<[], { version: number }>("SELECT version FROM settings_version"),
    bump: db.prepare<[], { version: number }>("UPDATE settings_version SET version = version + 1 RETURNING version"),
    dests: db.prepare<[], DestRaw>("SELECT * FROM settings_destinations ORDER BY id"),
    dest: db.prepare<[string], DestRaw>("SELECT * FROM settings_destinations WHERE id = ?"),
    putDest: db.prepare<[string, string, string, string, string, number]>(`
      INSERT INTO settings_destinations (id, platform, channel, spec, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, channel = excluded.channel, spec = excluded.spec,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`),
    delDest: db.prepare<[string], DestRaw>("DELETE FROM settings_destinations WHERE id = ? RETURNING *"),
    feeds: db.prepare<[], FeedRaw>("SELECT * FROM settings_feeds ORDER BY added_at, id"),
    feedByUrl: db.prepare<[string], FeedRaw>("SELECT * FROM settings_feeds WHERE url = ?"),
    addFeed: db.prepare<[string, string, string, string | null, string, number]>(
      "INSERT INTO settings_feeds (id, url, topics, title, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)"),
    delFeed: db.prepare<[string, string], FeedRaw>("DELETE FROM settings_feeds WHERE id = ? OR url = ? RETURNING *"),
    audit: db.prepare<[number, string, string, string, string, string, string]>(
      "INSERT INTO settings_audit (at, actor, surface, place, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    list: db.prepare<[string | null, string | null, string | null, string | null, number], AuditRaw>(`
      SELECT * FROM settings_audit WHERE (? IS NULL OR place = ?) AND (? IS NULL OR target = ?) ORDER BY seq DESC LIMIT ?`),
  };
  const listeners = new Set<(v: number) => void>();
  const record = (a: AuditInput) => q.audit.run(a.at, a.actor, a.surface, a.place, a.action, a.target, JSON.stringify(a.detail));
  /** Runs `fn` with the audit entry and a version bump in one transaction; tells listeners after commit. */
  function change<T>(fn: () => { value: T; changed: boolean }, audit: AuditInput): { version: number; value: T } {
    const out = db.transaction(() => {
      const r = fn();
      if (!r.changed) return { version: q.version.get()!.version, value: r.value, changed: false };
      record(audit);
      return { version: q.bump.get()!.version, value: r.value, changed: true };
    }).immediate();
    if (out.changed) for (const l of listeners) l(out.version);
    return { version: out.version, value: out.value };
  }

  return {
    async version() {
      return q.version.get()?.version ?? 0;
    },
    async destinations() {
      return q.dests.all().map(dest);
    },
    async destination(id) {
      const r = q.dest.get(id);
      return r ? dest(r) : undefined;
    },
    async putDestination(row, audit) {
      return change(() => {
        const created = !q.dest.get(row.id);
        q.putDest.run(row.id, row.platform, row.channel, JSON.stringify(row.spec), row.updatedBy, row.updatedAt);
        return { value: { created }, changed: true };
      }, audit);
    },
    async removeDestination(id, audit) {
      return change(() => {
        const r = q.delDest.get(id);
        return { value: r ? dest(r) : undefined, changed: !!r };
      }, audit);
    },
    async feeds() {
      return q.feeds.all().map(feed);
    },
    async addFeed(row, audit) {
      return change<{ created: boolean; feed: FeedRow }>(() => {
        const there = q.feedByUrl.get(row.url);
        if (there) return { value: { created: false, feed: feed(there) }, changed: false };
        q.addFeed.run(row.id, row.url, JSON.stringify(row.topics), row.title, row.addedBy, row.addedAt);
        return { value: { created: true, feed: row }, changed: true };
      }, audit);
    },
    async removeFeed(idOrUrl, audit) {
      return change(() => {
        const r = q.delFeed.get(idOrUrl, idOrUrl);
        return { value: r ? feed(r) : undefined, changed: !!r };
      }, audit);
    },
    async record(audit) {
      record(audit);
    },
    async audit({ limit, place, target }) {
      return q.list.all(place ?? null, place ?? null, target ?? null, target ?? null, limit).map(entry);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

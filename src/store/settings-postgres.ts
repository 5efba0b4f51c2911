// Settings in PostgreSQL: every replica sees a change through LISTEN/NOTIFY (sent in the writing
// transaction, so delivered on commit), and through the version it polls if a notification is lost
// (a listener reconnecting after a network cut).
import type pg from "pg";
import type { AuditEntry, AuditInput, DestinationRow, FeedRow, SettingsChange, SettingsStore } from "./settings.js";
import { query } from "./pg-query.js";

interface DestRaw { id: string; platform: string; channel: string; spec: Record<string, unknown>; updated_by: string; updated_at: string }
interface FeedRaw { id: string; url: string; topics: string[]; title: string | null; added_by: string; added_at: string }
interface AuditRaw { seq: string; at: string; actor: string; surface: string; place: string; action: string; target: string; detail: Record<string, unknown> }

const dest = (r: DestRaw): DestinationRow => ({ id: r.id, platform: r.platform, channel: r.channel, spec: r.spec, updatedBy: r.updated_by, updatedAt: Number(r.updated_at) });
const feed = (r: FeedRaw): FeedRow => ({ id: r.id, url: r.url, topics: r.topics, title: r.title, addedBy: r.added_by, addedAt: Number(r.added_at) });
const entry = (r: AuditRaw): AuditEntry => ({ ...r, seq: Number(r.seq), at: Number(r.at) });

export interface PostgresSettingsOptions {
  schema: string;
  /** Wait before listening again after the LISTEN connection broke. */
  relistenMs?: number;
  onError?: (err: unknown) => void;
}

/** The NOTIFY channel for a schema (identifiers stop at 63 bytes). */
export const settingsChannel = (schema: string) => `briefbot_settings_${schema}`.slice(0, 63);

/** Settings in `schema`, which the PostgreSQL store has migrated (postgres-schema.ts). */
export function createPostgresSettings(pool: pg.Pool, options: PostgresSettingsOptions): SettingsStore {
  const s = `"${options.schema}"`;
  const channel = settingsChannel(options.schema);
  const listeners = new Set<(v: number) => void>();
  // Each version once: this process hears its own NOTIFY after it told its listeners itself.
  let told = 0;
  const tell = (v: number) => {
    if (v <= told) return;
    told = v;
    listeners.forEach((l) => l(v));
  };
  let listener: pg.PoolClient | undefined;
  let closed = false;
  let relisten: NodeJS.Timeout | undefined;

  async function listen(): Promise<void> {
    if (listener || closed) return;
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (err) {
      options.onError?.(err);
      relisten = setTimeout(() => void listen(), options.relistenMs ?? 5000).unref();
      return;
    }
    const drop = (err?: unknown) => {
      if (listener !== client) return;
      listener = undefined;
      client.removeAllListeners("notification");
      client.release(err instanceof Error ? err : true);
      if (err) options.onError?.(err);
      if (!closed) relisten = setTimeout(() => void listen(), options.relistenMs ?? 5000).unref();
    };
    listener = client;
    client.on("notification", (n) => n.channel === channel && tell(Number(n.payload)));
    client.on("error", drop);
    try {
      await query(client, `LISTEN "${channel}"`);
    } catch (err) {
      drop(err);
    }
  }

  /** `fn` in one transaction with the audit entry, the version bump and the NOTIFY, when it changed something. */
  async function change<T>(fn: (c: pg.PoolClient) => Promise<{ value: T; changed: boolean }>, audit: AuditInput): Promise<SettingsChange<T>> {
    const c = await pool.connect();
    try {
      await query(c, "BEGIN");
      const r = await fn(c);
      let version: number;
      if (r.changed) {
        await insertAudit(c, audit);
        version = Number((await query<{ version: string }>(c, `UPDATE ${s}.settings_version SET version = version + 1 RETURNING version`)).rows[0]!.version);
        await query(c, "SELECT pg_notify($1, $2)", [channel, String(version)]);
      } else version = Number((await query<{ version: string }>(c, `SELECT version FROM ${s}.settings_version`)).rows[0]!.version);
      await query(c, "COMMIT");
      // This process hears its own NOTIFY too; telling at once keeps `/digest send` right after `/digest here` working.
      if (r.changed) tell(version);
      return { version, value: r.value };
    } catch (err) {
      await query(c, "ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  const insertAudit = (c: pg.PoolClient | pg.Pool, a: AuditInput) =>
    query(c, `INSERT INTO ${s}.settings_audit (at, actor, surface, place, action, target, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      a.at, a.actor, a.surface, a.place, a.action, a.target, JSON.stringify(a.detail),
    ]);

  return {
    async version() {
      return Number((await query<{ version: string }>(pool, `SELECT version FROM ${s}.settings_version`)).rows[0]?.version ?? 0);
    },
    async destinations() {
      return (await query<DestRaw>(pool, `SELECT * FROM ${s}.settings_destinations ORDER BY id`)).rows.map(dest);
    },
    async destination(id) {
      const r = (await query<DestRaw>(pool, `SELECT * FROM ${s}.settings_destinations WHERE id = $1`, [id])).rows[0];
      return r ? dest(r) : undefined;
    },
    putDestination(row, audit) {
      return change(async (c) => {
        const r = await query<{ created: boolean }>(c,
          `INSERT INTO ${s}.settings_destinations (id, platform, channel, spec, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, channel = excluded.channel, spec = excluded.spec,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at
           RETURNING (xmax = 0) AS created`,
          [row.id, row.platform, row.channel, JSON.stringify(row.spec), row.updatedBy, row.updatedAt],
        );
        return { value: { created: r.rows[0]!.created }, changed: true };
      }, audit);
    },
    removeDestination(id, audit) {
      return change(async (c) => {
        const r = (await query<DestRaw>(c, `DELETE FROM ${s}.settings_destinations WHERE id = $1 RETURNING *`, [id])).rows[0];
        return { value: r ? dest(r) : undefined, changed: !!r };
      }, audit);
    },
    async feeds() {
      return (await query<FeedRaw>(pool, `SELECT * FROM ${s}.settings_feeds ORDER BY added_at, id`)).rows.map(feed);
    },
    addFeed(row, audit) {
      return change<{ created: boolean; feed: FeedRow }>(async (c) => {
        const added = await query<FeedRaw>(c,
          `INSERT INTO ${s}.settings_feeds (id, url, topics, title, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (url) DO NOTHING RETURNING *`,
          [row.id, row.url, JSON.stringify(row.topics), row.title, row.addedBy, row.addedAt],
        );
        if (added.rows[0]) return { value: { created: true, feed: feed(added.rows[0]) }, changed: true };
        const there = (await query<FeedRaw>(c, `SELECT * FROM ${s}.settings_feeds WHERE url = $1`, [row.url])).rows[0]!;
        return { value: { created: false, feed: feed(there) }, changed: false };
      }, audit);
    },
    removeFeed(idOrUrl, audit) {
      return change(async (c) => {
        const r = (await query<FeedRaw>(c, `DELETE FROM ${s}.settings_feeds WHERE id = $1 OR url = $1 RETURNING *`, [idOrUrl])).rows[0];
        return { value: r ? feed(r) : undefined, changed: !!r };
      }, audit);
    },
    async record(audit) {
      await insertAudit(pool, audit);
    },
    async audit({ limit, place, target }) {
      const r = await query<AuditRaw>(pool,
        `SELECT * FROM ${s}.settings_audit WHERE ($1::text IS NULL OR place = $1) AND ($2::text IS NULL OR target = $2) ORDER BY seq DESC LIMIT $3`,
        [place ?? null, target ?? null, limit],
      );
      return r.rows.map(entry);
    },
    onChange(l) {
      listeners.add(l);
      void listen();
      return () => listeners.delete(l);
    },
    async close() {
      closed = true;
      clearTimeout(relisten);
      listeners.clear();
      const c = listener;
      listener = undefined;
      if (c) {
        await query(c, `UNLISTEN "${channel}"`).catch(() => undefined);
        c.release();
      }
    },
  };
}

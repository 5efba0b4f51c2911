// The digest ledger in PostgreSQL, for several replicas. A claim is one INSERT .. ON CONFLICT DO
// UPDATE .. WHERE: the row lock it takes makes "write intent or retake an expired lease" atomic,
// so of two replicas racing for a slot exactly one gets it. Leases are written and compared on the
// database's clock (now()), so replicas whose clocks disagree (by 30 s, or by more than a lease)
// still never both own a slot; a lease goes back to the caller on its own clock (its `now` plus
// the time left), so its timers stay right.
import type { Pool } from "pg";
import { DigestLedgerError } from "./errors.js";
import { claimResult, completionColumns, createTableSql, LEDGER_VERSION, toRecord, type LedgerRow } from "./ledger-row.js";
import type { ClaimResult, Completion, DigestLedger, SlotClaim } from "./types.js";
import { query } from "../store/pg-query.js";

export interface PostgresLedgerOptions {
  /** Schema holding the tables (created if missing); default "public". */
  schema?: string;
  /**
   * Whose clock leases are measured on: "database" (default; PostgreSQL's now(), one clock for all
   * replicas) or "caller" (the `now` each call passes: for tests that simulate time).
   */
  clock?: "database" | "caller";
}

/** PostgreSQL's clock in epoch milliseconds (now() is the statement's transaction time). */
const DB_NOW = "(extract(epoch from now()) * 1000)::bigint";

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function migrate(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await query(client, "BEGIN");
    // Replicas starting together migrate one at a time.
    await query(client, "SELECT pg_advisory_xact_lock(hashtext('briefbot.digest_ledger'))");
    await query(client, `CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await query(client, `CREATE TABLE IF NOT EXISTS ${ident(schema)}.digest_ledger_version (version INTEGER NOT NULL)`);
    const { rows } = await query<{ v: number | null }>(client, `SELECT MAX(version) AS v FROM ${ident(schema)}.digest_ledger_version`);
    const current = rows[0]?.v ?? 0;
    if (current > LEDGER_VERSION)
      throw new DigestLedgerError(`digest_ledger is version ${current}; this briefbot knows up to ${LEDGER_VERSION}`);
    if (current < 1) {
      await query(client, createTableSql(`${ident(schema)}.digest_ledger`));
      await query(client, `CREATE INDEX IF NOT EXISTS digest_ledger_pending ON ${ident(schema)}.digest_ledger (destination_id, status)`);
      await query(client, `INSERT INTO ${ident(schema)}.digest_ledger_version (version) VALUES (1)`);
    }
    await query(client, "COMMIT");
  } catch (err) {
    await query(client, "ROLLBACK").catch(() => undefined);
    throw err instanceof DigestLedgerError ? err : new DigestLedgerError("could not create the digest ledger tables", { cause: err });
  } finally {
    client.release();
  }
}

export async function createPostgresLedger(pool: Pool, options: PostgresLedgerOptions = {}): Promise<DigestLedger> {
  const schema = options.schema ?? "public";
  await migrate(pool, schema);
  const t = `${ident(schema)}.digest_ledger`;
  const rows = async (sql: string, params: unknown[]) => (await query<LedgerRow>(pool, sql, params)).rows;
  const fence = "destination_id = $1 AND slot = $2 AND owner = $3 AND attempts = $4 AND status = 'pending'";
  const fenced = (c: SlotClaim) => [c.destinationId, c.slot, c.owner, c.attempt];
  // The caller's now is always the last parameter, sent only when it is the clock.
  const callerClock = options.clock === "caller";
  const clockOf = (param: string) => (callerClock ? `${param}::bigint` : DB_NOW);
  const withNow = (params: unknown[], now: number) => (callerClock ? [...params, now] : params);
  /** A time on the clock leases use -> the caller's clock: its now plus the time left. */
  const toCaller = (at: number | string, clockNow: number | string, now: number) => now + (Number(at) - Number(clockNow));

  return {
    async claim(destinationId, slot, owner, now, leaseMs): Promise<ClaimResult> {
      const c = clockOf("$5");
      const won = await query<{ attempts: number; lease_until: string; clock_now: string }>(pool,
        `INSERT INTO ${t} (destination_id, slot, status, attempts, owner, lease_until, updated_at)
         VALUES ($1, $2, 'pending', 1, $3, ${c} + $4::bigint, ${c})
         ON CONFLICT (destination_id, slot) DO UPDATE SET
           attempts = ${t}.attempts + 1, owner = EXCLUDED.owner,
           lease_until = EXCLUDED.lease_until, updated_at = EXCLUDED.updated_at
         WHERE ${t}.status = 'pending' AND (${t}.lease_until <= EXCLUDED.updated_at OR ${t}.owner = EXCLUDED.owner)
         RETURNING attempts, lease_until, ${c} AS clock_now`,
        withNow([destinationId, slot, owner, leaseMs], now),
      );
      const w = won.rows[0];
      if (w) return claimResult({ destinationId, slot, owner, now }, { attempts: w.attempts, lease_until: toCaller(w.lease_until, w.clock_now, now) }, undefined);
      const [row] = await rows(`SELECT *, ${clockOf("$3")} AS clock_now FROM ${t} WHERE destination_id = $1 AND slot = $2`, withNow([destinationId, slot], now));
      if (row?.lease_until != null) row.lease_until = toCaller(row.lease_until, (row as LedgerRow & { clock_now: string }).clock_now, now);
      return claimResult({ destinationId, slot, owner, now }, undefined, row);
    },
    async extend(claim, now, leaseMs) {
      const c = clockOf("$6");
      const r = await query<{ lease_until: string; clock_now: string }>(pool,
        `UPDATE ${t} SET lease_until = ${c} + $5::bigint, updated_at = ${c} WHERE ${fence} RETURNING lease_until, ${c} AS clock_now`,
        withNow([...fenced(claim), leaseMs], now),
      );
      const row = r.rows[0];
      if (row) claim.leaseUntil = toCaller(row.lease_until, row.clock_now, now);
      return !!row;
    },
    async complete(claim, outcome: Completion, now) {
      const c = completionColumns(outcome);
      const r = await query(pool,
        `UPDATE ${t} SET status = $5, message_id = $6, reason = $7, content_until = $8, lease_until = NULL, updated_at = ${clockOf("$9")} WHERE ${fence}`,
        withNow([...fenced(claim), c.status, c.messageId, c.reason, c.contentUntil], now),
      );
      return r.rowCount === 1;
    },
    async skip(destinationId, slot, reason, now) {
      const r = await query(pool,
        `INSERT INTO ${t} (destination_id, slot, status, attempts, reason, updated_at)
         VALUES ($1, $2, 'skipped', 0, $3, ${clockOf("$4")}) ON CONFLICT DO NOTHING`,
        withNow([destinationId, slot, reason], now),
      );
      return r.rowCount === 1;
    },
    async get(destinationId, slot) {
      const [row] = await rows(`SELECT * FROM ${t} WHERE destination_id = $1 AND slot = $2`, [destinationId, slot]);
      return row ? toRecord(row) : undefined;
    },
    async latestSlot(destinationId) {
      const r = await query<{ s: string | null }>(pool, `SELECT MAX(slot) AS s FROM ${t} WHERE destination_id = $1`, [destinationId]);
      const s = r.rows[0]?.s;
      return s === null || s === undefined ? undefined : Number(s);
    },
    async lastDelivered(destinationId) {
      const [row] = await rows(
        `SELECT * FROM ${t} WHERE destination_id = $1 AND status IN ('sent', 'late') ORDER BY slot DESC LIMIT 1`,
        [destinationId],
      );
      return row ? toRecord(row) : undefined;
    },
    async unfinished(destinationId) {
      return (await rows(`SELECT * FROM ${t} WHERE destination_id = $1 AND status = 'pending' ORDER BY slot`, [destinationId])).map(toRecord);
    },
    async list(destinationId, fromSlot, toSlot) {
      return (await rows(`SELECT * FROM ${t} WHERE destination_id = $1 AND slot BETWEEN $2 AND $3 ORDER BY slot`, [destinationId, fromSlot, toSlot])).map(toRecord);
    },
  };
}

// The digest ledger in PostgreSQL, for several replicas. A claim is one INSERT .. ON CONFLICT DO
// UPDATE .. WHERE: the row lock it takes makes "write intent or retake an expired lease" atomic,
// so of two replicas racing for a slot exactly one gets it. Leases use the callers' clocks, so
// replicas' clocks must agree to well within the lease (NTP does).
import type { Pool } from "pg";
import { DigestLedgerError } from "./errors.js";
import { claimResult, completionColumns, createTableSql, LEDGER_VERSION, toRecord, type LedgerRow } from "./ledger-row.js";
import type { ClaimResult, Completion, DigestLedger, SlotClaim } from "./types.js";

export interface PostgresLedgerOptions {
  /** Schema holding the tables (created if missing); default "public". */
  schema?: string;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

async function migrate(pool: Pool, schema: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Replicas starting together migrate one at a time.
    await client.query("SELECT pg_advisory_xact_lock(hashtext('briefbot.digest_ledger'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident(schema)}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${ident(schema)}.digest_ledger_version (version INTEGER NOT NULL)`);
    const { rows } = await client.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM ${ident(schema)}.digest_ledger_version`);
    const current = rows[0]?.v ?? 0;
    if (current > LEDGER_VERSION)
      throw new DigestLedgerError(`digest_ledger is version ${current}; this briefbot knows up to ${LEDGER_VERSION}`);
    if (current < 1) {
      await client.query(createTableSql(`${ident(schema)}.digest_ledger`));
      await client.query(`CREATE INDEX IF NOT EXISTS digest_ledger_pending ON ${ident(schema)}.digest_ledger (destination_id, status)`);
      await client.query(`INSERT INTO ${ident(schema)}.digest_ledger_version (version) VALUES (1)`);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err instanceof DigestLedgerError ? err : new DigestLedgerError("could not create the digest ledger tables", { cause: err });
  } finally {
    client.release();
  }
}

export async function createPostgresLedger(pool: Pool, options: PostgresLedgerOptions = {}): Promise<DigestLedger> {
  const schema = options.schema ?? "public";
  await migrate(pool, schema);
  const t = `${ident(schema)}.digest_ledger`;
  const rows = async (sql: string, params: unknown[]) => (await pool.query<LedgerRow>(sql, params)).rows;
  const fence = "destination_id = $1 AND slot = $2 AND owner = $3 AND attempts = $4 AND status = 'pending'";
  const fenced = (c: SlotClaim) => [c.destinationId, c.slot, c.owner, c.attempt];

  return {
    async claim(destinationId, slot, owner, now, leaseMs): Promise<ClaimResult> {
      const won = await pool.query<{ attempts: number; lease_until: string }>(
        `INSERT INTO ${t} (destination_id, slot, status, attempts, owner, lease_until, updated_at)
         VALUES ($1, $2, 'pending', 1, $3, $4, $5)
         ON CONFLICT (destination_id, slot) DO UPDATE SET
           attempts = ${t}.attempts + 1, owner = EXCLUDED.owner,
           lease_until = EXCLUDED.lease_until, updated_at = EXCLUDED.updated_at
         WHERE ${t}.status = 'pending' AND (${t}.lease_until <= EXCLUDED.updated_at OR ${t}.owner = EXCLUDED.owner)
         RETURNING attempts, lease_until`,
        [destinationId, slot, owner, now + leaseMs, now],
      );
      const w = won.rows[0];
      const [row] = w ? [] : await rows(`SELECT * FROM ${t} WHERE destination_id = $1 AND slot = $2`, [destinationId, slot]);
      return claimResult({ destinationId, slot, owner, now }, w, row);
    },
    async extend(claim, now, leaseMs) {
      const until = now + leaseMs;
      const r = await pool.query(`UPDATE ${t} SET lease_until = $5, updated_at = $6 WHERE ${fence}`, [...fenced(claim), until, now]);
      const ok = r.rowCount === 1;
      if (ok) claim.leaseUntil = until;
      return ok;
    },
    async complete(claim, outcome: Completion, now) {
      const c = completionColumns(outcome);
      const r = await pool.query(
        `UPDATE ${t} SET status = $5, message_id = $6, reason = $7, content_until = $8, lease_until = NULL, updated_at = $9 WHERE ${fence}`,
        [...fenced(claim), c.status, c.messageId, c.reason, c.contentUntil, now],
      );
      return r.rowCount === 1;
    },
    async skip(destinationId, slot, reason, now) {
      const r = await pool.query(
        `INSERT INTO ${t} (destination_id, slot, status, attempts, reason, updated_at)
         VALUES ($1, $2, 'skipped', 0, $3, $4) ON CONFLICT DO NOTHING`,
        [destinationId, slot, reason, now],
      );
      return r.rowCount === 1;
    },
    async get(destinationId, slot) {
      const [row] = await rows(`SELECT * FROM ${t} WHERE destination_id = $1 AND slot = $2`, [destinationId, slot]);
      return row ? toRecord(row) : undefined;
    },
    async latestSlot(destinationId) {
      const r = await pool.query<{ s: string | null }>(`SELECT MAX(slot) AS s FROM ${t} WHERE destination_id = $1`, [destinationId]);
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

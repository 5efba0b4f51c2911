// The digest ledger in SQLite (better-sqlite3). One process only: SQLite has no lease between
// machines, so run a single replica with it (README "Scaling out" says to use PostgreSQL).
import type { Database } from "better-sqlite3";
import { DigestLedgerError } from "./errors.js";
import { claimResult, completionColumns, createTableSql, LEDGER_VERSION, toRecord, type LedgerRow } from "./ledger-row.js";
import type { ClaimResult, Completion, DigestLedger, SlotClaim } from "./types.js";

function migrate(db: Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS digest_ledger_version (version INTEGER NOT NULL)");
  const row = db.prepare("SELECT MAX(version) AS v FROM digest_ledger_version").get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > LEDGER_VERSION)
    throw new DigestLedgerError(`digest_ledger is version ${current}; this briefbot knows up to ${LEDGER_VERSION}`);
  if (current < 1)
    db.transaction(() => {
      db.exec(createTableSql("digest_ledger"));
      db.exec("CREATE INDEX IF NOT EXISTS digest_ledger_pending ON digest_ledger (destination_id, status)");
      db.prepare("INSERT INTO digest_ledger_version (version) VALUES (1)").run();
    })();
}

export function createSqliteLedger(db: Database): DigestLedger {
  migrate(db);
  const q = {
    claim: db.prepare<[string, number, string, number, number], { attempts: number; lease_until: number }>(`
      INSERT INTO digest_ledger (destination_id, slot, status, attempts, owner, lease_until, updated_at)
      VALUES (?, ?, 'pending', 1, ?, ?, ?)
      ON CONFLICT (destination_id, slot) DO UPDATE SET
        attempts = digest_ledger.attempts + 1, owner = excluded.owner,
        lease_until = excluded.lease_until, updated_at = excluded.updated_at
      WHERE digest_ledger.status = 'pending'
        AND (digest_ledger.lease_until <= excluded.updated_at OR digest_ledger.owner = excluded.owner)
      RETURNING attempts, lease_until`),
    get: db.prepare<[string, number], LedgerRow>("SELECT * FROM digest_ledger WHERE destination_id = ? AND slot = ?"),
    extend: db.prepare<[number, number, string, number, string, number]>(`
      UPDATE digest_ledger SET lease_until = ?, updated_at = ?
      WHERE destination_id = ? AND slot = ? AND owner = ? AND attempts = ? AND status = 'pending'`),
    complete: db.prepare<[string, string | null, string | null, number | null, number, string, number, string, number]>(`
      UPDATE digest_ledger SET status = ?, message_id = ?, reason = ?, content_until = ?, lease_until = NULL, updated_at = ?
      WHERE destination_id = ? AND slot = ? AND owner = ? AND attempts = ? AND status = 'pending'`),
    skip: db.prepare<[string, number, string, number]>(`
      INSERT INTO digest_ledger (destination_id, slot, status, attempts, reason, updated_at)
      VALUES (?, ?, 'skipped', 0, ?, ?) ON CONFLICT DO NOTHING`),
    latest: db.prepare<[string], { s: number | null }>("SELECT MAX(slot) AS s FROM digest_ledger WHERE destination_id = ?"),
    delivered: db.prepare<[string], LedgerRow>(`
      SELECT * FROM digest_ledger WHERE destination_id = ? AND status IN ('sent', 'late') ORDER BY slot DESC LIMIT 1`),
    unfinished: db.prepare<[string], LedgerRow>(
      "SELECT * FROM digest_ledger WHERE destination_id = ? AND status = 'pending' ORDER BY slot"),
    list: db.prepare<[string, number, number], LedgerRow>(
      "SELECT * FROM digest_ledger WHERE destination_id = ? AND slot BETWEEN ? AND ? ORDER BY slot"),
  };

  const fenced = (c: SlotClaim) => [c.destinationId, c.slot, c.owner, c.attempt] as const;

  return {
    async claim(destinationId, slot, owner, now, leaseMs): Promise<ClaimResult> {
      const won = q.claim.get(destinationId, slot, owner, now + leaseMs, now);
      return claimResult({ destinationId, slot, owner, now }, won, won ? undefined : q.get.get(destinationId, slot));
    },
    async extend(claim, now, leaseMs) {
      const until = now + leaseMs;
      const ok = q.extend.run(until, now, ...fenced(claim)).changes === 1;
      if (ok) claim.leaseUntil = until;
      return ok;
    },
    async complete(claim, outcome: Completion, now) {
      const c = completionColumns(outcome);
      return q.complete.run(c.status, c.messageId, c.reason, c.contentUntil, now, ...fenced(claim)).changes === 1;
    },
    async skip(destinationId, slot, reason, now) {
      return q.skip.run(destinationId, slot, reason, now).changes === 1;
    },
    async get(destinationId, slot) {
      const row = q.get.get(destinationId, slot);
      return row ? toRecord(row) : undefined;
    },
    async latestSlot(destinationId) {
      return q.latest.get(destinationId)?.s ?? undefined;
    },
    async lastDelivered(destinationId) {
      const row = q.delivered.get(destinationId);
      return row ? toRecord(row) : undefined;
    },
    async unfinished(destinationId) {
      return q.unfinished.all(destinationId).map(toRecord);
    },
    async list(destinationId, fromSlot, toSlot) {
      return q.list.all(destinationId, fromSlot, toSlot).map(toRecord);
    },
  };
}

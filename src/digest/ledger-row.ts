// Row <-> SlotRecord, shared by the SQLite and PostgreSQL ledgers (pg returns BIGINT as text).
import { DigestLedgerError } from "./errors.js";
import type { ClaimResult, Completion, SlotRecord, SlotStatus } from "./types.js";

export const LEDGER_VERSION = 1;

export interface LedgerRow {
  destination_id: string;
  slot: number | string;
  status: string;
  attempts: number | string;
  owner: string | null;
  lease_until: number | string | null;
  message_id: string | null;
  reason: string | null;
  content_until: number | string | null;
  updated_at: number | string;
}

const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function toRecord(r: LedgerRow): SlotRecord {
  return {
    destinationId: r.destination_id,
    slot: Number(r.slot),
    status: r.status as SlotStatus,
    attempts: Number(r.attempts),
    owner: r.owner,
    leaseUntil: num(r.lease_until),
    messageId: r.message_id,
    reason: r.reason,
    contentUntil: num(r.content_until),
    updatedAt: Number(r.updated_at),
  };
}

/** Same DDL for both engines: BIGINT milliseconds, TEXT everywhere else. */
export const createTableSql = (table: string) => `
CREATE TABLE IF NOT EXISTS ${table} (
  destination_id TEXT NOT NULL,
  slot BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'late', 'skipped', 'failed')),
  attempts INTEGER NOT NULL,
  owner TEXT,
  lease_until BIGINT,
  message_id TEXT,
  reason TEXT,
  content_until BIGINT,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (destination_id, slot)
)`;

/** The columns a completion writes. */
export function completionColumns(o: Completion) {
  return "messageId" in o
    ? { status: o.status, messageId: o.messageId, reason: null, contentUntil: o.contentUntil }
    : { status: o.status, messageId: null, reason: o.reason, contentUntil: null };
}

/** The claim's answer: the won row (attempts, lease_until), else why not from the row as it stands. */
export function claimResult(
  key: { destinationId: string; slot: number; owner: string; now: number },
  won: { attempts: number | string; lease_until: number | string } | undefined,
  row: LedgerRow | undefined,
): ClaimResult {
  const { destinationId, slot, owner, now } = key;
  if (won) {
    const attempt = Number(won.attempts);
    return { kind: "claimed", claim: { destinationId, slot, owner, attempt, leaseUntil: Number(won.lease_until), retake: attempt > 1 } };
  }
  if (!row) throw new DigestLedgerError(`slot ${destinationId}@${slot} vanished while claiming it`);
  const rec = toRecord(row);
  return rec.status === "pending" ? { kind: "busy", leaseUntil: rec.leaseUntil ?? now, owner: rec.owner ?? "" } : { kind: "done", record: rec };
}

// Shared by the Slack and Discord digest tests: a clock that runs at real speed from a chosen
// instant (passed in; nothing global is patched), a SQLite ledger, cards, and dead-process timers.
import Database from "better-sqlite3";
import { createSqliteLedger, digestDestinationSchema, type DigestDestination, type Timers } from "../../src/digest/index.js";
import { card, memorySource } from "../digest/harness.js";

/** Real elapsed time added to `start`: the limiter and backoffs see time pass, at the date the test wants. */
export function offsetClock(start: number): () => number {
  const p0 = performance.now();
  return () => Math.floor(start + (performance.now() - p0));
}

export const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * How long before the slot a test starts its clock and makes its runners: a runner walks slots from the
 * moment it is made, so making it must finish before the slot even on a loaded machine.
 */
export const RUNNER_LEAD_MS = 1000;

/** Waits (really) until `clock` has passed the slot. */
export async function pastSlot(clock: () => number): Promise<void> {
  while (clock() <= SLOT) await realSleep(Math.max(1, SLOT - clock() + 1));
}

/** Timers of a process that died: nothing it scheduled ever runs. */
export const deadTimers: Timers = { setTimeout: () => 0, clearTimeout: () => undefined };

/** Monday 9 March 2026, 07:00 UTC: the slot every test sends. */
export const SLOT = Date.parse("2026-03-09T07:00:00Z");

export const destination = (id: string, platform: "slack" | "discord", channel: string, over: Record<string, unknown> = {}): DigestDestination =>
  digestDestinationSchema.parse({ id, platform, channel, time: "07:00", timezone: "UTC", ...over });

export function digestWorld() {
  const db = new Database(":memory:");
  const ledger = createSqliteLedger(db);
  // Ingested in the hour before the slot; weight 2: two attributed quotes each.
  const source = memorySource(
    Array.from({ length: 8 }, (_, i) => ({ card: card(`c${i}`, `Harbour report ${i}`, ["harbour"], 2), ingestedAt: SLOT - 3_600_000 + i * 60_000 })),
  );
  return { db, ledger, source, close: () => db.close() };
}

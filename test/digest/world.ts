// A small world for runner tests: SQLite (or a given) ledger, a test clock, rate-limit-enforcing
// recording senders that share one history (as a platform would across restarts).
import Database from "better-sqlite3";
import {
  createDigestRunner,
  createRecordingSender,
  createSqliteLedger,
  digestDestinationSchema,
  type DigestDestination,
  type DigestLedger,
  type DigestRunnerOptions,
  type DigestSource,
  type RecordedMessage,
  type RecordingSenderOptions,
} from "../../src/digest/index.js";
import { createTestClock, memorySource, trackLedger } from "./harness.js";

export const dest = (id: string, over: Record<string, unknown> = {}): DigestDestination =>
  digestDestinationSchema.parse({ id, platform: "slack", channel: `C-${id}`, time: "07:00", timezone: "UTC", ...over });

export const at = (iso: string) => Date.parse(iso);
export const iso = (ms: number) => new Date(ms).toISOString().replace(".000", "");

export function createWorld(start: string, ledger?: DigestLedger, moreLedgers: DigestLedger[] = [], shuffleSeed?: number) {
  const db = ledger ? undefined : new Database(":memory:");
  const tracked = trackLedger(ledger ?? createSqliteLedger(db as Database.Database));
  const more = moreLedgers.map(trackLedger);
  const clock = createTestClock(at(start), async () => {
    for (const l of [tracked, ...more, tracked]) await l.idle();
  }, shuffleSeed);
  const messages: RecordedMessage[] = [];
  const source: DigestSource = memorySource([]);
  return {
    db,
    ledger: tracked.ledger,
    /** The extra ledgers (other replicas' connections), tracked for the clock. */
    ledgers: more.map((m) => m.ledger),
    clock,
    messages,
    source,
    /** Starts a bot "process" with its own timers and senders. */
    boot(
      destinations: DigestDestination[],
      opts: Partial<DigestRunnerOptions> & { fault?: RecordingSenderOptions["fault"] } = {},
    ) {
      const proc = clock.process();
      const common = { now: clock.now, sleep: proc.sleep, messages, fault: opts.fault };
      const slack = createRecordingSender({ platform: "slack", perChannelMs: 1000, ...common });
      const discord = createRecordingSender({ platform: "discord", globalPerSecond: 50, ...common });
      const runner = createDigestRunner({
        destinations,
        ledger: tracked.ledger,
        source,
        senders: [slack, discord],
        now: clock.now,
        timers: proc.timers,
        owner: "replica-1",
        ...opts,
      });
      return { runner, slack, discord, kill: proc.kill };
    },
    close: () => db?.close(),
  };
}

/** How many times each (destination, slot) was posted. */
export function postsPerSlot(messages: RecordedMessage[]): Map<string, number> {
  const n = new Map<string, number>();
  for (const m of messages) n.set(m.idempotencyKey, (n.get(m.idempotencyKey) ?? 0) + 1);
  return n;
}

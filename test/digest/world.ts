// A small world for runner tests: SQLite (or a given) ledger, a test clock, rate-limit-enforcing
// recording senders that share one history (as a platform would across restarts).
import Database from "better-sqlite3";
import {
  createDigestRunner,
  createRecordingSender,
  createSqliteLedger,
  digestDestinationSchema,
  type DigestContext,
  type DigestDestination,
  type DigestLedger,
  type DigestRunnerOptions,
  type DigestSource,
  type RecordedMessage,
  type RecordingSenderOptions,
} from "../../src/digest/index.js";
import { createTestClock, mapLedger, memorySource, trackLedger } from "./harness.js";

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
      opts: Partial<DigestRunnerOptions> & { fault?: (d: DigestDestination, ctx: DigestContext, nth: number, kill: () => void) => ReturnType<NonNullable<RecordingSenderOptions["fault"]>> } = {},
    ) {
      const proc = clock.process();
      // kill(): the process is gone. Its timers never fire, its database calls never answer, its
      // requests never leave (what was already posted stays posted).
      let dead = false;
      const kill = () => {
        dead = true;
        proc.kill();
      };
      const { fault, ledger: given, ...rest } = opts;
      const common = {
        now: clock.now,
        sleep: proc.sleep,
        messages,
        fault: (d: DigestDestination, ctx: DigestContext, nth: number) => (dead ? ("stall-before" as const) : fault?.(d, ctx, nth, kill)),
      };
      const slack = createRecordingSender({ platform: "slack", perChannelMs: 1000, ...common });
      const discord = createRecordingSender({ platform: "discord", globalPerSecond: 50, ...common });
      const runner = createDigestRunner({
        destinations,
        ledger: mortal(given ?? tracked.ledger, () => dead),
        source,
        senders: [slack, discord],
        now: clock.now,
        timers: proc.timers,
        owner: "replica-1",
        ...rest,
      });
      return { runner, slack, discord, kill };
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

/** A ledger whose calls never answer once `dead()`: a process that died mid-call. */
function mortal(ledger: DigestLedger, dead: () => boolean): DigestLedger {
  const never = new Promise<never>(() => undefined);
  return mapLedger(ledger, (f) => async (...a) => {
    if (dead()) return never;
    const r = await f(...a);
    return dead() ? never : r;
  });
}

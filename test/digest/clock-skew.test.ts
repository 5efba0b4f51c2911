// Two replicas whose clocks disagree by 30 s, on one PostgreSQL ledger that measures leases on the
// database's clock. Each replica's clock is its own `now` (real time plus an offset), as two hosts'
// clocks would be; the slot is sent once whichever replica runs ahead.
import { Pool } from "pg";
import { createDigestRunner, createPostgresLedger, type DigestDestination, type DigestLedger, type DigestSender, type SlotOutcome } from "../../src/digest/index.js";
import { deadTimers, destination, digestWorld, offsetClock, pastSlot, realSleep, RUNNER_LEAD_MS, SLOT } from "../adapters/digest-world.js";
import { describePg } from "../store/pg-available.js";
import { openTestPg, type PgHandle } from "./pg.js";

const SKEW_MS = 30_000;
const LEASE_MS = 4_000;

let pg: PgHandle | undefined;
let poolB: Pool | undefined;
let ledgerA: DigestLedger;
let ledgerB: DigestLedger;
const world = digestWorld();

/** A platform that takes `delayMs` to accept a post (or dies before posting), recording who posted what. */
function slowPlatform(posts: string[], who: string, delayMs: number | "never"): DigestSender {
  return {
    platform: "slack",
    async send(_d, _cards, ctx) {
      // The replica died before its request left (its timers are dead too: nothing of it runs again).
      if (delayMs === "never") return new Promise<never>(() => undefined);
      await realSleep(delayMs);
      posts.push(`${who}:${ctx.idempotencyKey}`);
      return { messageId: `${who}-${posts.length}` };
    },
  };
}

function replica(owner: string, ledger: DigestLedger, dests: DigestDestination[], now: () => number, sender: DigestSender, outcomes: SlotOutcome[] = [], dead = false) {
  return createDigestRunner({
    destinations: dests, ledger, source: world.source, senders: [sender], now, owner, leaseMs: LEASE_MS,
    onOutcome: (_id, _slot, o) => outcomes.push(o),
    ...(dead ? { timers: deadTimers } : {}),
  });
}

async function until(cond: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error("waited 30 s for a condition that never came");
    await realSleep(20);
  }
}

describePg("two replicas whose clocks differ by 30 s (PostgreSQL ledger on the database clock)", () => {
  beforeAll(async () => {
    pg = await openTestPg();
    if (!pg) throw new Error("PostgreSQL answered the probe but not openTestPg");
    ledgerA = await createPostgresLedger(pg.pool, { schema: pg.schema });
    poolB = new Pool({ ...pg.pool.options, max: 4 });
    ledgerB = await createPostgresLedger(poolB, { schema: pg.schema });
  });
  afterAll(async () => {
    world.close();
    await poolB?.end();
    await pg?.close();
  });

  test("the replica 30 s ahead finds the slot busy while the other sends it, then done: one post", async () => {
    const d = [destination("skew-ahead", "slack", "C0SKEW1")];
    const posts: string[] = [];
    const clockA = offsetClock(SLOT - RUNNER_LEAD_MS);
    const clockB = () => clockA() + SKEW_MS; // on B's clock, A's lease ran out 27 s ago
    const a = replica("replica-a", ledgerA, d, clockA, slowPlatform(posts, "a", LEASE_MS / 4));
    await pastSlot(clockA);
    const sending = a.runDue();
    await until(async () => !!(await ledgerA.get(d[0]!.id, SLOT))); // A has claimed and is posting
    // B starts now, finds A's slot pending in the ledger and tries to take it.
    const seen: SlotOutcome[] = [];
    const b = replica("replica-b", ledgerB, d, clockB, slowPlatform(posts, "b", 0), seen);
    await b.start();
    await until(() => seen.length > 0);
    expect(seen[0]).toMatchObject({ kind: "busy" });
    await sending;
    // B looks again when the lease it was told ends, and finds the slot sent.
    await until(() => seen.length > 1);
    await b.stop();
    expect(seen[1]).toEqual({ kind: "done", status: "sent" });
    expect(posts).toEqual([expect.stringMatching(/^a:/)]);
    expect(await ledgerA.get(d[0]!.id, SLOT)).toMatchObject({ status: "sent", owner: "replica-a", attempts: 1 });
  }, 60_000);

  test("the replica 30 s behind retakes a dead replica's slot when the lease ends on the database clock", async () => {
    const d = [destination("skew-behind", "slack", "C0SKEW2")];
    const posts: string[] = [];
    const clockA = offsetClock(SLOT - RUNNER_LEAD_MS);
    const clockB = () => clockA() - SKEW_MS; // on B's clock, A's lease would last 30 s more
    const a = replica("replica-a", ledgerA, d, clockA, slowPlatform(posts, "a", "never"), [], true);
    await pastSlot(clockA);
    void a.runDue(); // A claims, then dies before its post leaves
    await until(async () => !!(await ledgerA.get(d[0]!.id, SLOT)));
    await realSleep(LEASE_MS + 500);
    const seen: SlotOutcome[] = [];
    const b = replica("replica-b", ledgerB, d, clockB, slowPlatform(posts, "b", 0), seen);
    await b.start();
    await until(() => seen.length > 0);
    await b.stop();
    expect(seen).toEqual([expect.objectContaining({ kind: "sent" })]);
    expect(posts).toEqual([expect.stringMatching(/^b:/)]);
    expect(await ledgerB.get(d[0]!.id, SLOT)).toMatchObject({ status: "sent", owner: "replica-b", attempts: 2 });
  }, 60_000);
});

// Two replicas against one PostgreSQL ledger racing for the same 100 slots; one of them dies
// mid-send on some and the other finishes those after the lease. Each slot is posted once.
import { createPostgresLedger, type DigestLedger } from "../../src/digest/index.js";
import { Pool } from "pg";
import { describePg } from "../store/pg-available.js";
import { openTestPg, type PgHandle } from "./pg.js";
import { at, createWorld, dest, postsPerSlot } from "./world.js";

let pg: PgHandle | undefined;
let ledger: DigestLedger | undefined;
let other: { ledger: DigestLedger; pool: Pool } | undefined;

// Skipped and reported when no server answers (a failure under CI=true), as every PostgreSQL suite.
describePg("two replicas on one PostgreSQL ledger", () => {
  beforeAll(async () => {
    pg = await openTestPg();
    if (!pg) throw new Error("PostgreSQL did not answer");
    ledger = await createPostgresLedger(pg.pool, { schema: pg.schema, clock: "caller" });
    // The second replica has its own connections, as another process would.
    const pool = new Pool({ ...pg.pool.options, max: 8 });
    other = { pool, ledger: await createPostgresLedger(pool, { schema: pg.schema, clock: "caller" }) };
  });
  afterAll(async () => {
    await other?.pool.end();
    await pg?.close();
  });

  // 20 destinations x 5 daily slots = 100 slots, on Slack and Discord.
  const destinations = Array.from({ length: 20 }, (_, i) =>
    i % 2 ? dest(`r${i}`, { platform: "discord", channel: `chan-${i}`, timezone: "America/New_York" }) : dest(`r${i}`, { timezone: "Europe/London" }),
  );

  test("two replicas on PostgreSQL: each of 100 slots is sent exactly once", async () => {
    if (!ledger || !other) throw new Error("the ledgers did not open");
    // Same-instant timers fire in a shuffled order, so neither replica always asks first.
    const w = createWorld("2026-03-05T00:00:00Z", ledger, [other.ledger], 7);
    const stalled: string[] = [];
    const a = w.boot(destinations, { owner: "replica-a", leaseMs: 90_000 });
    // Replica b dies mid-send: its 5th request (so it has won at least five slots in the race) reaches
    // the platform, and then the process is gone, with whatever else it had claimed.
    let bRequests = 0;
    const b = w.boot(destinations, {
      owner: "replica-b",
      ledger: w.ledgers[0],
      leaseMs: 90_000,
      fault: (_d, ctx, _nth, kill) => {
        if (++bRequests !== 5) return undefined;
        stalled.push(ctx.idempotencyKey);
        kill();
        return "stall-after";
      },
    });
    await Promise.all([a.runner.start(), b.runner.start()]);
    await w.clock.advanceTo(at("2026-03-10T00:00:00Z"));
    await a.runner.stop();

    const posts = postsPerSlot(w.messages);
    expect(posts.size).toBe(100);
    expect([...posts.entries()].filter(([, n]) => n !== 1)).toEqual([]);
    const rows = (await Promise.all(destinations.map((d) => ledger!.list(d.id, at("2026-03-05T00:00:00Z"), at("2026-03-10T00:00:00Z"))))).flat();
    expect(rows).toHaveLength(100);
    expect(rows.filter((r) => r.status !== "sent" && r.status !== "late")).toEqual([]);
    // Every row's message id is the one the platform holds for that slot.
    const byKey = new Map(w.messages.map((m) => [m.idempotencyKey, m.messageId]));
    expect(rows.every((r) => byKey.get(`briefbot-digest:${r.destinationId}:${r.slot}`) === r.messageId)).toBe(true);
    // b raced and won (it died at its 5th post). What it left pending, the post the platform took
    // among it, a finished after the lease, late, finding b's post instead of posting again.
    expect(stalled).toHaveLength(1);
    const retaken = rows.filter((r) => r.attempts === 2);
    expect(retaken.map((r) => `briefbot-digest:${r.destinationId}:${r.slot}`)).toContain(stalled[0]);
    expect(w.messages.filter((m) => m.idempotencyKey === stalled[0])).toHaveLength(1);
    expect(new Set(retaken.map((r) => `${r.owner} ${r.status}`))).toEqual(new Set(["replica-a late"]));
    expect(rows.filter((r) => r.attempts > 2)).toEqual([]);
  });
});

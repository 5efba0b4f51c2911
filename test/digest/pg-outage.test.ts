// PostgreSQL stops in the middle of a digest slot and comes back. The database is reached through a
// TCP proxy on 127.0.0.1 (test/helpers/tcp-proxy.ts) that the test cuts and restores: real dropped
// connections, real refused ones, the shared server untouched. The ledger's failed writes are retried
// when it is back; every destination gets its digest once; the process survives idle connections dying.
import { createDigestRunner, createPostgresLedger, createRecordingSender, type RecordedMessage } from "../../src/digest/index.js";
import { createPostgresPool } from "../../src/store/index.js";
import { destination, digestWorld, offsetClock, pastSlot, realSleep, RUNNER_LEAD_MS, SLOT } from "../adapters/digest-world.js";
import { startTcpProxy, type TcpProxy } from "../helpers/tcp-proxy.js";
import { describePg } from "../store/pg-available.js";
import { openTestPg, type PgHandle } from "./pg.js";
import { postsPerSlot } from "./world.js";

let pg: PgHandle | undefined;
let proxy: TcpProxy | undefined;
const world = digestWorld();

describePg("PostgreSQL stops in the middle of a digest slot", () => {
  beforeAll(async () => {
    pg = await openTestPg();
    if (!pg) throw new Error("PostgreSQL answered the probe but not openTestPg");
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
  });
  afterAll(async () => {
    world.close();
    await proxy?.close();
    await pg?.close();
  });

  test("cut after the 4th of 12 posts, back 2 s later: the ledger retries, each digest is posted once, all recorded sent", async () => {
    const user = String(pg!.pool.options.user ?? "postgres");
    const idleErrors: Error[] = [];
    // The product's pool (its 'error' listener is what keeps the process alive when idle clients die).
    const pool = createPostgresPool(`postgres://${user}@127.0.0.1:${proxy!.port}/test`, (err: Error) => idleErrors.push(err));
    try {
      const ledger = await createPostgresLedger(pool, { schema: pg!.schema });
      const dests = Array.from({ length: 12 }, (_, i) => destination(`out${i}`, "slack", `C0OUT${i}`, { maxCards: 1 }));
      const clock = offsetClock(SLOT - RUNNER_LEAD_MS);
      const messages: RecordedMessage[] = [];
      let cutAt = 0;
      const sender = createRecordingSender({
        platform: "slack",
        now: clock,
        messages,
        // The database goes away just after the 4th post reached the platform (before it is recorded sent).
        fault: (_d, _ctx, nth) => {
          if (nth === 4) {
            proxy!.cut();
            cutAt = Date.now();
            setTimeout(() => proxy!.restore(), 2000);
          }
          return undefined;
        },
      });
      const errors: string[] = [];
      const runner = createDigestRunner({
        destinations: dests, ledger, source: world.source, senders: [sender], now: clock, owner: "replica-1",
        leaseMs: 10_000, errorRetryMs: 500, onError: (err, id) => errors.push(`${id}: ${(err as Error).message}`),
      });
      await runner.start();
      await pastSlot(clock);
      const direct = pg!.pool;
      const sent = async () =>
        Number((await direct.query(`SELECT count(*) AS n FROM "${pg!.schema}".digest_ledger WHERE slot = $1 AND status = 'sent'`, [SLOT])).rows[0].n);
      const deadline = Date.now() + 45_000;
      while ((await sent()) < dests.length && Date.now() < deadline) await realSleep(100);
      await runner.stop();
      expect(cutAt).toBeGreaterThan(0);
      expect(errors.length).toBeGreaterThan(0); // the outage was met, and reported
      expect(await sent()).toBe(dests.length);
      expect(messages).toHaveLength(dests.length);
      expect([...postsPerSlot(messages).values()].every((n) => n === 1)).toBe(true);
      for (const d of dests) expect(messages.filter((m) => m.destinationId === d.id)).toHaveLength(1);
    } finally {
      await pool.end();
    }
  }, 90_000);

  test("idle connections cut under the pool are noted, not fatal; the next query after the restore opens a new one", async () => {
    const user = String(pg!.pool.options.user ?? "postgres");
    const idleErrors: Error[] = [];
    const pool = createPostgresPool(`postgres://${user}@127.0.0.1:${proxy!.port}/test`, (err: Error) => idleErrors.push(err));
    try {
      await Promise.all(Array.from({ length: 4 }, () => pool.query("SELECT pg_sleep(0.05)")));
      expect(pool.idleCount).toBe(4);
      proxy!.cut();
      const deadline = Date.now() + 10_000;
      while (idleErrors.length < 4 && Date.now() < deadline) await realSleep(20);
      // Without a listener on the pool, the first of these would have been an uncaught 'error' event.
      expect(idleErrors).toHaveLength(4);
      await expect(pool.query("SELECT 1")).rejects.toThrow();
      proxy!.restore();
      expect((await pool.query<{ n: number }>("SELECT 1 AS n")).rows).toEqual([{ n: 1 }]);
    } finally {
      proxy!.restore();
      await pool.end();
    }
  }, 60_000);
});

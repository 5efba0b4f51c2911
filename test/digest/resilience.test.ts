// What the runner does when the ledger fails, when a queue outlasts the lease, and when a
// platform stays globally rate limited.
import { DigestLedgerError, platformErrors, type DigestLedger } from "../../src/digest/index.js";
import { at, createWorld, dest, iso, postsPerSlot } from "./world.js";

const SLOT = at("2026-02-02T07:00:00Z");

test("a ledger failure is reported and the slot tried again later, then sent once", async () => {
  const w = createWorld("2026-02-02T06:59:00Z");
  let failures = 1;
  const flaky: DigestLedger = {
    ...w.ledger,
    claim: async (...args) => {
      if (failures-- > 0) throw new DigestLedgerError("connection refused");
      return w.ledger.claim(...args);
    },
  };
  const errors: string[] = [];
  const { runner } = w.boot([dest("a")], { ledger: flaky, onError: (err, id, slot) => errors.push(`${id}@${iso(slot)}: ${(err as Error).message}`) });
  await runner.start();
  await w.clock.advanceTo(SLOT + 120_000);
  await runner.stop();
  expect(errors).toEqual(["a@2026-02-02T07:00:00Z: connection refused"]);
  expect(w.messages.map((m) => iso(m.at))).toEqual(["2026-02-02T07:00:30Z"]);
  expect(await w.ledger.get("a", SLOT)).toMatchObject({ status: "sent" });
  w.close();
});

test("a queue longer than the lease: leases are renewed in line, so no other replica retakes them", async () => {
  const w = createWorld("2026-02-02T06:59:00Z");
  // 30 destinations in one Slack channel take 30 s; the lease is 10 s. Replica b starts after a
  // has claimed them all, and would retake any lease left to expire.
  const destinations = Array.from({ length: 30 }, (_, i) => dest(`q${i}`, { channel: "C-one" }));
  const a = w.boot(destinations, { leaseMs: 10_000, owner: "a" });
  await a.runner.start();
  await w.clock.advanceTo(SLOT);
  const b = w.boot(destinations, { leaseMs: 10_000, owner: "b" });
  await b.runner.start();
  await w.clock.advanceTo(SLOT + 60_000);
  await a.runner.stop();
  await b.runner.stop();
  expect(w.clock.pendingTimers()).toBe(0); // no lease renewal left running after its wait
  expect(postsPerSlot(w.messages).size).toBe(30);
  expect([...postsPerSlot(w.messages).values()].every((n) => n === 1)).toBe(true);
  const rows = await Promise.all(destinations.map((d) => w.ledger.get(d.id, SLOT)));
  expect(rows.every((r) => r?.status === "sent" && r.attempts === 1 && r.owner === "a")).toBe(true);
  // 29 gaps of 1 s + 1%.
  expect(iso(Math.max(...w.messages.map((m) => m.at)))).toBe("2026-02-02T07:00:29.290Z");
  w.close();
});

test("a platform globally rate limited past the window: the slot fails with the reason, others go on", async () => {
  const w = createWorld("2026-02-02T06:59:00Z");
  const { runner, discord } = w.boot([dest("d", { platform: "discord", channel: "d1" }), dest("s")], {
    catchUpWindowMs: 3_600_000,
    fault: (d) => (d.platform === "discord" ? platformErrors.rateLimited(600_000, true) : undefined),
  });
  await runner.start();
  await w.clock.advanceTo(SLOT + 2 * 3_600_000);
  await runner.stop();
  expect(await w.ledger.get("d", SLOT)).toMatchObject({ status: "failed", reason: "rate_limited: still limited 1h after the slot" });
  expect(discord.requests()).toBe(7); // at 0, 10, ... 60 minutes: the next wait would end past the window
  expect(discord.violations).toEqual([]);
  expect(w.messages.map((m) => m.destinationId)).toEqual(["s"]);
  w.close();
});

test.each([
  ["a 502 after the platform posted it", { afterPosting: platformErrors.serverError(502) }],
  ["no answer at all (the send times out)", "stall-after" as const],
])("%s: the runner finds the post instead of posting again", async (_name, fault) => {
  const w = createWorld("2026-02-02T06:59:00Z");
  let first = true;
  const { runner } = w.boot([dest("p")], {
    fault: () => {
      if (!first) return undefined;
      first = false;
      return fault;
    },
  });
  await runner.start();
  await w.clock.advanceTo(SLOT + 120_000);
  await runner.stop();
  expect(w.messages).toHaveLength(1);
  expect(await w.ledger.get("p", SLOT)).toMatchObject({ status: "sent", messageId: w.messages[0]?.messageId });
  w.close();
});

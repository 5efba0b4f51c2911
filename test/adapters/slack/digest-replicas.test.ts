// Two replicas on one PostgreSQL ledger sending through the real Web API client to one fake Slack:
// every channel gets its digest once (counted in the fake's records), and a slot left pending by a
// replica that died after posting is finished by the other after the lease, without a second post.
import { createSlackDigestClient, createSlackDigestSender } from "../../../src/adapters/slack/index.js";
import { createDigestRunner, createPostgresLedger, type DigestDestination, type DigestLedger, type DigestSender } from "../../../src/digest/index.js";
import { createLogger } from "../../../src/log/index.js";
import { Pool } from "pg";
import { openTestPg, type PgHandle } from "../../digest/pg.js";
import { describePg } from "../../store/pg-available.js";
import { FakeSlack } from "../../fakes/slack/server.js";
import { deadTimers, destination, digestWorld, offsetClock, RUNNER_LEAD_MS, pastSlot, realSleep, SLOT } from "../digest-world.js";

const TOKEN = "xoxb-1-replicas";
let pg: PgHandle | undefined;
let fake: FakeSlack;
let ledgerA: DigestLedger;
let ledgerB: DigestLedger;
let poolB: Pool | undefined;
const world = digestWorld();

const log = createLogger({ level: "silent", pretty: false });
const slackSender = () => createSlackDigestSender({ client: createSlackDigestClient({ botToken: TOKEN, apiUrl: fake.apiUrl, log }), partGapMs: 20 });
const posts = (channel: string) => fake.calls("chat.postMessage").filter((c) => c.body.channel === channel);

function replica(owner: string, ledger: DigestLedger, destinations: DigestDestination[], now: () => number, sender: DigestSender = slackSender(), leaseMs = 120_000, dead = false) {
  return createDigestRunner({ destinations, ledger, source: world.source, senders: [sender], now, owner, leaseMs, ...(dead ? { timers: deadTimers } : {}) });
}

describePg("two replicas on PostgreSQL, one fake Slack", () => {
  beforeAll(async () => {
    pg = await openTestPg();
    if (!pg) throw new Error("PostgreSQL answered the probe but not openTestPg");
    ledgerA = await createPostgresLedger(pg.pool, { schema: pg.schema, clock: "caller" });
    // The second replica has its own connections, as another process would.
    poolB = new Pool({ ...pg.pool.options, max: 4 });
    ledgerB = await createPostgresLedger(poolB, { schema: pg.schema, clock: "caller" });
  });
  afterAll(async () => {
    world.close();
    await poolB?.end();
    await pg?.close();
  });
  beforeEach(async () => (fake = await FakeSlack.start({ botToken: TOKEN })));
  afterEach(async () => fake.close());

  test("two replicas racing for 30 channels' slot: each channel gets one digest", async () => {
    const dests = Array.from({ length: 30 }, (_, i) => destination(`race${i}`, "slack", `C0RACE${i}`, { maxCards: 1 }));
    const now = offsetClock(SLOT - RUNNER_LEAD_MS);
    const a = replica("replica-a", ledgerA, dests, now);
    const b = replica("replica-b", ledgerB, dests, now);
    await pastSlot(now);
    const [ra, rb] = await Promise.all([a.runDue(), b.runDue()]);
    for (const d of dests) expect(posts(d.channel)).toHaveLength(1);
    const sentBy = (r: Map<string, { kind: string }>) => [...r.values()].filter((o) => o.kind === "sent").length;
    // Between them every slot was sent once; the other replica found it busy or done.
    expect(sentBy(ra) + sentBy(rb)).toBe(30);
    for (const d of dests) expect(await ledgerA.get(d.id, SLOT)).toMatchObject({ status: "sent", attempts: 1 });
  });

  test("a replica dies after posting; the other finishes the slot after the lease, posting nothing again", async () => {
    const d = destination("orphan", "slack", "C0ORPHAN", { maxCards: 2 });
    const now = offsetClock(SLOT - RUNNER_LEAD_MS);
    const real = slackSender();
    const dying: DigestSender = { ...real, send: async (...x) => (await real.send(...x), new Promise<never>(() => undefined)) };
    const a = replica("replica-a", ledgerA, [d], now, dying, 1500, true);
    await pastSlot(now);
    void a.runDue();
    await fake.waitFor("chat.postMessage", 1);
    const b = replica("replica-b", ledgerB, [d], now, slackSender(), 1500);
    await b.start();
    for (let waited = 0; (await ledgerB.get(d.id, SLOT))?.status === "pending" && waited < 10_000; waited += 50) await realSleep(50);
    await b.stop();
    expect(posts("C0ORPHAN")).toHaveLength(1);
    expect(await ledgerB.get(d.id, SLOT)).toMatchObject({ status: "sent", attempts: 2, owner: "replica-b", messageId: fake.messages[0]!.ts });
  });
});

// The digest through the real Slack Web API client to the fake Slack: exact payloads, a restart
// between intent and sent (posted once, also mid-thread), failing channels, and a 429 honoured.
import {
  createSlackDigestClient, createSlackDigestSender, DIGEST_EVENT_TYPE,
} from "../../../src/adapters/slack/index.js";
import { createLogger } from "../../../src/log/index.js";
import { createDigestRunner, type DigestDestination, type DigestRunnerOptions } from "../../../src/digest/index.js";
import { digestToSlack } from "../../../src/render/slack/index.js";
import { FakeSlack } from "../../fakes/slack/server.js";
import { deadTimers, destination, digestWorld, offsetClock, RUNNER_LEAD_MS, pastSlot, SLOT } from "../digest-world.js";

const TOKEN = "xoxb-1-digest-test";

describe("Slack digest sender against the fake Slack", () => {
  let fake: FakeSlack;
  let world: ReturnType<typeof digestWorld>;
  beforeEach(async () => {
    fake = await FakeSlack.start({ botToken: TOKEN });
    world = digestWorld();
  });
  afterEach(async () => {
    world.close();
    await fake.close();
  });

  const log = createLogger({ level: "silent", pretty: false });
  const client = () => createSlackDigestClient({ botToken: TOKEN, apiUrl: fake.apiUrl, log });
  /** A runner whose clock starts just before the slot; `runDue` once it has passed. */
  function runner(destinations: DigestDestination[], over: Partial<DigestRunnerOptions> = {}, partGapMs = 50) {
    const senders = over.senders ?? [createSlackDigestSender({ client: client(), partGapMs })];
    // Made last: the runner starts watching from its creation, a little before the slot.
    const now = over.now ?? (clock = offsetClock(SLOT - RUNNER_LEAD_MS));
    return createDigestRunner({ destinations, ledger: world.ledger, source: world.source, now, owner: "replica-1", ...over, senders });
  }
  let clock = offsetClock(SLOT);
  const posts = (channel: string) => fake.calls("chat.postMessage").filter((c) => c.body.channel === channel);

  test("one message with a card per item: the exact payload, and the ledger holds Slack's ts", async () => {
    const news = destination("news", "slack", "C0NEWS", { maxCards: 2 });
    const r = runner([news]);
    await pastSlot(clock);
    await r.runDue();
    const [call] = posts("C0NEWS");
    const text = "Briefing digest for C0NEWS: 2026-03-09 07:00 (UTC). 2 new cards (top 2 of 8).";
    const cards = (await world.source.cardsSince(0, SLOT, "all", 8)).slice(0, 2).map((c) => c.card);
    expect(cards.map((c) => c.id)).toEqual(["c7", "c6"]);
    const want = digestToSlack(text, cards);
    if (want.layout !== "single") throw new Error("expected one message");
    expect(call!.body).toEqual({
      channel: "C0NEWS", text, blocks: want.message.blocks, unfurl_links: "false", unfurl_media: "false",
      metadata: { event_type: DIGEST_EVENT_TYPE, event_payload: { key: `briefbot-digest:news:${SLOT}`, part: 0, parts: 1 } },
    });
    expect(call!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(want.message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: `*${text}*` } });
    expect(want.message.blocks.filter((b) => b.type === "header").map((b) => b.type === "header" && b.text.text)).toEqual(["Harbour report 7", "Harbour report 6"]);
    const record = await world.ledger.get("news", SLOT);
    expect(record).toMatchObject({ status: "sent", messageId: fake.messages[0]!.ts, attempts: 1 });
  });

  test("a long digest is a header message and the cards in its thread, each within Slack's limits", async () => {
    const news = destination("long", "slack", "C0LONG", { maxCards: 8 });
    const r = runner([news]);
    await pastSlot(clock);
    await r.runDue();
    const [head, ...replies] = posts("C0LONG");
    expect(replies).toHaveLength(8);
    expect(head!.body.thread_ts).toBeUndefined();
    expect(replies.every((c) => c.body.thread_ts === fake.messages[0]!.ts)).toBe(true);
    expect(replies.map((c) => (c.body.metadata as { event_payload: { part: number } }).event_payload.part)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const c of [head!, ...replies]) expect((c.body.blocks as unknown[]).length).toBeLessThanOrEqual(50);
    expect(await world.ledger.get("long", SLOT)).toMatchObject({ status: "sent", messageId: fake.messages[0]!.ts });
  });

  test("a 429 or a 503 in the middle of a thread: the header is not posted again, every reply once", async () => {
    // The 1st post is the header; the 3rd (reply 2) meets a 429, the 6th a 503.
    fake.failCall("chat.postMessage", 3, { status: 429, retryAfter: 1 });
    fake.failCall("chat.postMessage", 6, { status: 503 });
    const r = runner([destination("bumpy", "slack", "C0BUMPY", { maxCards: 8 })], { retry: { backoffBaseMs: 50 } });
    await pastSlot(clock);
    await r.runDue();
    const accepted = fake.messages.filter((m) => m.channel === "C0BUMPY").map((m) => (m.metadata as { event_payload: { part: number } }).event_payload.part);
    expect(accepted.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(posts("C0BUMPY")).toHaveLength(11);
    const headers = posts("C0BUMPY").filter((c) => c.body.thread_ts === undefined);
    expect(headers).toHaveLength(1);
    // After the 503 the runner read the channel and finished the thread from there.
    expect(fake.calls("conversations.replies")).toHaveLength(1);
    expect(await world.ledger.get("bumpy", SLOT)).toMatchObject({ status: "sent", messageId: fake.messages[0]!.ts });
  });

  test("a restart between intent and sent: the digest is found by its metadata, not posted again (also a thread cut short)", async () => {
    const single = destination("single", "slack", "C0ONE", { maxCards: 2 });
    const thread = destination("thread", "slack", "C0THREAD", { maxCards: 8, topics: ["harbour"] });
    // Replica 1 writes its intents, posts, and dies: its timers never fire again, and on the
    // thread it dies after the header and one reply (its pause before the next reply never ends).
    let parts = 0;
    const real = createSlackDigestSender({ client: client(), partGapMs: 0, sleep: () => (++parts > 1 ? new Promise<void>(() => undefined) : Promise.resolve()) });
    // Slack accepted the post; the process died before its answer reached the ledger.
    const dying = { ...real, send: async (...a: Parameters<typeof real.send>) => (await real.send(...a), new Promise<never>(() => undefined)) };
    const first = runner([single, thread], { senders: [dying], timers: deadTimers }, 0);
    await pastSlot(clock);
    void first.runDue();
    await fake.waitFor("chat.postMessage", 3);
    // The single digest's post reached Slack, its answer never reached a ledger write.
    expect((await world.ledger.get("single", SLOT))?.status).toBe("pending");
    expect((await world.ledger.get("thread", SLOT))?.status).toBe("pending");
    const before = posts("C0ONE").length;
    // Replica 1 restarts with the same name: it retakes its own pending slots at once.
    const second = runner([single, thread], { now: offsetClock(SLOT + 500) });
    await second.start();
    await second.settled();
    await second.stop();
    expect(before).toBe(1);
    expect(posts("C0ONE")).toHaveLength(1);
    // The thread: header once, every reply once, the missing ones added by the restarted replica.
    const threadParts = posts("C0THREAD").map((c) => (c.body.metadata as { event_payload: { part: number } }).event_payload.part);
    expect(threadParts.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(fake.calls("conversations.history").length).toBeGreaterThanOrEqual(2);
    expect(fake.calls("conversations.replies")).toHaveLength(1);
    for (const id of ["single", "thread"]) expect(await world.ledger.get(id, SLOT)).toMatchObject({ status: "sent", attempts: 2 });
  });

  test("failing channels are recorded failed with Slack's word while the others get theirs", async () => {
    fake.channelErrors.set("C0GONE", "channel_not_found");
    fake.channelErrors.set("C0OUT", "not_in_channel");
    const ok = [destination("a", "slack", "C0A", { maxCards: 1 }), destination("b", "slack", "C0B", { maxCards: 1 })];
    const r = runner([destination("gone", "slack", "C0GONE"), ...ok, destination("out", "slack", "C0OUT")]);
    await pastSlot(clock);
    await r.runDue();
    expect(await world.ledger.get("gone", SLOT)).toMatchObject({ status: "failed", reason: "channel_not_found" });
    expect(await world.ledger.get("out", SLOT)).toMatchObject({ status: "failed", reason: "not_in_channel" });
    for (const d of ok) expect(await world.ledger.get(d.id, SLOT)).toMatchObject({ status: "sent" });
    // Permanent: asked once each, never retried.
    expect(posts("C0GONE")).toHaveLength(1);
    expect(posts("C0OUT")).toHaveLength(1);
    expect(posts("C0A")).toHaveLength(1);
    expect(posts("C0B")).toHaveLength(1);
  });

  test("a 429 waits the Retry-After Slack named, then the digest goes once; a 503 is retried", async () => {
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 }, { status: 503 });
    const r = runner([destination("busy", "slack", "C0BUSY", { maxCards: 1 })], { retry: { backoffBaseMs: 100 } });
    await pastSlot(clock);
    await r.runDue();
    const [limited, failed, ok] = posts("C0BUSY");
    expect(ok).toBeDefined();
    expect(posts("C0BUSY")).toHaveLength(3);
    expect(failed!.at - limited!.at).toBeGreaterThanOrEqual(1000);
    expect(ok!.body).toEqual(limited!.body);
    // Before posting again after the 503, the runner looked for the digest (a 5xx may come after posting).
    expect(fake.calls("conversations.history")).toHaveLength(1);
    expect(await world.ledger.get("busy", SLOT)).toMatchObject({ status: "sent", messageId: fake.messages[0]!.ts });
  });
});

// The digest through discord.js REST to the fake Discord: exact payloads (embeds, no pings, nonce
// with enforce_nonce), a restart between intent and sent (posted once), failing channels, a 429.
import { createDiscordDigestRest, createDiscordDigestSender, digestNonce } from "../../../src/adapters/discord/index.js";
import { createDigestRunner, type DigestDestination, type DigestRunnerOptions } from "../../../src/digest/index.js";
import { digestToDiscord } from "../../../src/render/discord/index.js";
import { FakeDiscord } from "../../fakes/discord/server.js";
import { deadTimers, destination, digestWorld, offsetClock, RUNNER_LEAD_MS, pastSlot, realSleep, SLOT } from "../digest-world.js";

const TOKEN = "discord-digest-test-token";

describe("Discord digest sender against the fake Discord", () => {
  let fake: FakeDiscord;
  let world: ReturnType<typeof digestWorld>;
  let clock: () => number;
  const rests: Array<ReturnType<typeof createDiscordDigestRest>> = [];
  beforeEach(async () => {
    clock = offsetClock(SLOT - RUNNER_LEAD_MS);
    fake = await FakeDiscord.start({ now: () => clock() });
    world = digestWorld();
  });
  afterEach(async () => {
    for (const r of rests.splice(0)) r.clearHashSweeper(), r.clearHandlerSweeper();
    world.close();
    await fake.close();
  });

  function sender(over: { sleep?: (ms: number) => Promise<void> } = {}) {
    const rest = createDiscordDigestRest(TOKEN, fake.apiUrl);
    rests.push(rest);
    return createDiscordDigestSender({ rest, partGapMs: 20, ...over });
  }
  /** A runner whose clock starts just before the slot (`again`: the same clock runs on, for a restart). */
  function runner(destinations: DigestDestination[], over: Partial<DigestRunnerOptions> = {}, again = false) {
    const senders = over.senders ?? [sender()];
    // Set last: the runner starts watching from its creation, a little before the slot.
    if (!again) clock = offsetClock(SLOT - RUNNER_LEAD_MS);
    return createDigestRunner({ destinations, ledger: world.ledger, source: world.source, now: () => clock(), owner: "replica-1", ...over, senders });
  }
  const posts = (channel: string) => fake.requestsTo("POST", new RegExp(`^/channels/${channel}/messages$`));

  test("embeds for the cards, nobody pinged, a nonce Discord enforces: the exact payload", async () => {
    const news = destination("news", "discord", "100000000000000001", { maxCards: 2 });
    const r = runner([news]);
    await pastSlot(clock);
    await r.runDue();
    const [call] = posts("100000000000000001");
    const text = "Briefing digest for 100000000000000001: 2026-03-09 07:00 (UTC). 2 new cards (top 2 of 8).";
    const cards = (await world.source.cardsSince(0, SLOT, "all", 8)).slice(0, 2).map((c) => c.card);
    const [want] = digestToDiscord(text, cards, 40);
    const nonce = digestNonce(`briefbot-digest:news:${SLOT}`, 0);
    expect(nonce).toHaveLength(16);
    // Markdown in the headline is escaped: "(UTC)" shows as written.
    const content = "Briefing digest for 100000000000000001: 2026-03-09 07:00 \\(UTC\\). 2 new cards \\(top 2 of 8\\).";
    expect(call!.body).toEqual({ ...want, content: `${content}\n-# ref ${nonce}`, nonce, enforce_nonce: true });
    expect(call!.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect((call!.body as { embeds: Array<{ title: string }> }).embeds.map((e) => e.title)).toEqual(["Harbour report 7", "Harbour report 6"]);
    expect(call!.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(await world.ledger.get("news", SLOT)).toMatchObject({ status: "sent", messageId: fake.channelMessages[0]!.id });
  });

  test("a restart between intent and sent: found by its ref in the channel, not posted again", async () => {
    const news = destination("news", "discord", "100000000000000002", { maxCards: 2 });
    const real = sender();
    // Discord accepted the post; the process died before its answer reached the ledger.
    const dying = { ...real, send: async (...a: Parameters<typeof real.send>) => (await real.send(...a), new Promise<never>(() => undefined)) };
    const first = runner([news], { senders: [dying], timers: deadTimers });
    await pastSlot(clock);
    void first.runDue();
    await fake.waitFor(() => posts("100000000000000002").length === 1, "the first post");
    await realSleep(20);
    expect((await world.ledger.get("news", SLOT))?.status).toBe("pending");
    const second = runner([news], {}, true);
    await second.start();
    await second.settled();
    await second.stop();
    expect(posts("100000000000000002")).toHaveLength(1);
    expect(fake.requestsTo("GET", /^\/channels\/100000000000000002\/messages$/)).toHaveLength(1);
    expect(fake.channelMessages).toHaveLength(1);
    expect(await world.ledger.get("news", SLOT)).toMatchObject({ status: "sent", attempts: 2, messageId: fake.channelMessages[0]!.id });
  });

  test("a repeated post with the same nonce is answered with the first message (enforce_nonce)", async () => {
    const news = destination("news", "discord", "100000000000000003", { maxCards: 1 });
    const s = sender();
    const ctx = { slot: SLOT, slotLocal: "2026-03-09 07:00 (UTC)", since: undefined, sinceLocal: undefined, matched: 1, late: false, idempotencyKey: `briefbot-digest:news:${SLOT}` };
    const cards = (await world.source.cardsSince(0, SLOT, "all", 1)).map((c) => c.card);
    const a = await s.send(news, cards, ctx);
    const b = await s.send(news, cards, ctx);
    expect(b).toEqual(a);
    expect(fake.channelMessages).toHaveLength(1);
  });

  test("missing access and unknown channels are recorded failed while the others get theirs", async () => {
    fake.channelErrors.set("100000000000000010", { status: 403, code: 50001, message: "Missing Access" });
    fake.channelErrors.set("100000000000000011", { status: 404, code: 10003, message: "Unknown Channel" });
    fake.channelErrors.set("100000000000000012", { status: 403, code: 50013, message: "Missing Permissions" });
    const ok = destination("ok", "discord", "100000000000000013", { maxCards: 1 });
    const r = runner([
      destination("noaccess", "discord", "100000000000000010"), destination("unknown", "discord", "100000000000000011"),
      destination("noperm", "discord", "100000000000000012"), ok,
    ]);
    await pastSlot(clock);
    await r.runDue();
    expect(await world.ledger.get("noaccess", SLOT)).toMatchObject({ status: "failed", reason: "missing_access" });
    expect(await world.ledger.get("unknown", SLOT)).toMatchObject({ status: "failed", reason: "unknown_channel" });
    expect(await world.ledger.get("noperm", SLOT)).toMatchObject({ status: "failed", reason: "missing_permissions" });
    expect(await world.ledger.get("ok", SLOT)).toMatchObject({ status: "sent" });
    for (const c of ["10", "11", "12", "13"]) expect(posts(`1000000000000000${c}`)).toHaveLength(1);
  });

  test("a 429 waits the retry_after Discord named, then the digest goes once; a 502 is retried", async () => {
    const channel = "100000000000000020";
    fake.failNext("POST", new RegExp(`^/channels/${channel}/messages$`), 429, { message: "You are being rate limited.", retry_after: 1.2, global: false }, { "retry-after": "1.2", "x-ratelimit-scope": "user" });
    fake.failNext("POST", new RegExp(`^/channels/${channel}/messages$`), 502, { message: "Bad Gateway", code: 0 });
    const r = runner([destination("busy", "discord", channel, { maxCards: 1 })], { retry: { backoffBaseMs: 100 } });
    const times: number[] = [];
    const watch = setInterval(() => times.length < posts(channel).length && times.push(clock()), 5);
    await pastSlot(clock);
    await r.runDue();
    clearInterval(watch);
    expect(posts(channel)).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1150);
    expect(fake.channelMessages).toHaveLength(1);
    expect(await world.ledger.get("busy", SLOT)).toMatchObject({ status: "sent", messageId: fake.channelMessages[0]!.id });
  });

  test("429s during a fan-out to 20 channels, one per-route and one global: each waited out, every channel posted once", async () => {
    const channels = Array.from({ length: 20 }, (_, i) => `1000000000000003${String(i).padStart(2, "0")}`);
    const route = (c: string) => new RegExp(`^/channels/${c}/messages$`);
    // Discord: a per-route 429 names its bucket's wait; a global one says so in a header and the body.
    fake.failNext("POST", route(channels[3]!), 429, { message: "You are being rate limited.", retry_after: 1.0, global: false }, { "retry-after": "1", "x-ratelimit-scope": "user" });
    fake.failNext("POST", route(channels[7]!), 429, { message: "You are being rate limited.", retry_after: 1.5, global: true }, { "retry-after": "1.5", "x-ratelimit-global": "true", "x-ratelimit-scope": "global" });
    const r = runner(channels.map((c, i) => destination(`fan${i}`, "discord", c, { maxCards: 1 })));
    await pastSlot(clock);
    await r.runDue();
    for (const c of channels) expect(fake.channelMessages.filter((m) => m.channel_id === c)).toHaveLength(1);
    for (let i = 0; i < channels.length; i++) expect(await world.ledger.get(`fan${i}`, SLOT)).toMatchObject({ status: "sent", attempts: 1 });
    const postsAt = fake.requests.map((q) => ({ q, t: q.at })).filter((x) => x.q.method === "POST" && /^\/channels\/\d+\/messages$/.test(x.q.path));
    // Each limited channel was asked twice: the 429, then after its wait.
    for (const c of [channels[3]!, channels[7]!]) expect(posts(c)).toHaveLength(2);
    const first = (c: string) => postsAt.find((x) => x.q.path === `/channels/${c}/messages`)!.t;
    const second = (c: string) => postsAt.filter((x) => x.q.path === `/channels/${c}/messages`)[1]!.t;
    expect(second(channels[3]!) - first(channels[3]!)).toBeGreaterThanOrEqual(950);
    // After the global 429, nothing went to Discord on any channel until its 1.5 s were over, except the
    // posts already on their way before the answer came back (a burst at 50/s; a loaded machine stretches it).
    const globalAt = first(channels[7]!);
    expect(second(channels[7]!) - globalAt).toBeGreaterThanOrEqual(1450);
    expect(postsAt.filter((x) => x.t > globalAt + 500 && x.t < globalAt + 1450).map((x) => x.q.path)).toEqual([]);
  }, 60_000);
});

// The runner with a clock the test moves: local times, catch-up, restarts, DST, content.
import { createConsoleSender, createDigestRunner, type DigestContext } from "../../src/digest/index.js";
import { card, memorySource } from "./harness.js";
import { at, createWorld, dest, iso, postsPerSlot } from "./world.js";

describe("digest runner", () => {
  test("each destination gets its digest at 07:00 in its own zone, once", async () => {
    const w = createWorld("2026-01-15T00:00:00Z");
    const zones = ["Europe/London", "America/New_York", "Asia/Kolkata", "Asia/Tokyo", "America/St_Johns"];
    const { runner } = w.boot(zones.map((timezone, i) => dest(`d${i}`, { timezone })));
    await runner.start();
    await w.clock.advanceTo(at("2026-01-16T00:00:00Z"));
    await runner.stop();
    const sent = Object.fromEntries(w.messages.map((m) => [m.destinationId, iso(m.at)]));
    expect(sent).toEqual({
      d0: "2026-01-15T07:00:00Z",
      d1: "2026-01-15T12:00:00Z",
      d2: "2026-01-15T01:30:00Z",
      d3: "2026-01-15T22:00:00Z", // 07:00 on the 16th in Tokyo
      d4: "2026-01-15T10:30:00Z",
    });
    expect(w.messages).toHaveLength(5);
    expect(await w.ledger.get("d1", at("2026-01-15T12:00:00Z"))).toMatchObject({ status: "sent", messageId: expect.stringMatching(/^slack-/) });
    w.close();
  });

  test.each([
    ["America/New_York", "2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z", ["2026-03-06T12:00:00Z", "2026-03-07T12:00:00Z", "2026-03-08T11:00:00Z", "2026-03-09T11:00:00Z"]],
    ["America/New_York", "2026-10-30T00:00:00Z", "2026-11-03T00:00:00Z", ["2026-10-30T11:00:00Z", "2026-10-31T11:00:00Z", "2026-11-01T12:00:00Z", "2026-11-02T12:00:00Z"]],
    ["Europe/London", "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z", ["2026-03-27T07:00:00Z", "2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z", "2026-03-30T06:00:00Z"]],
    ["Europe/London", "2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z", ["2026-10-23T06:00:00Z", "2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z", "2026-10-26T07:00:00Z"]],
  ])("DST in %s from %s: 07:00 local every day, once", async (timezone, from, to, expected) => {
    const w = createWorld(from);
    const { runner } = w.boot([dest("dst", { timezone })]);
    await runner.start();
    await w.clock.advanceTo(at(to));
    await runner.stop();
    expect(w.messages.map((m) => iso(m.at))).toEqual(expected);
    w.close();
  });

  test("quiet days send nothing, and the Monday digest carries the weekend's cards", async () => {
    const w = createWorld("2026-01-09T06:00:00Z"); // a Friday
    const source = memorySource([
      { card: card("sat", "Saturday story", ["energy"]), ingestedAt: at("2026-01-10T12:00:00Z") },
      { card: card("sun", "Sunday story", ["energy"]), ingestedAt: at("2026-01-11T12:00:00Z") },
    ]);
    const seen: DigestContext[] = [];
    const { runner, slack } = w.boot([dest("wk", { quietDays: ["sat", "sun"] })], { source });
    const send = slack.send.bind(slack);
    slack.send = (d, cards, ctx) => (seen.push(ctx), send(d, cards, ctx));
    await runner.start();
    await w.clock.advanceTo(at("2026-01-13T00:00:00Z"));
    expect(w.messages.map((m) => [iso(m.at), m.cards])).toEqual([["2026-01-09T07:00:00Z", 0], ["2026-01-12T07:00:00Z", 2]]);
    expect(seen.map((c) => c.sinceLocal)).toEqual([undefined, "2026-01-09 07:00 (UTC)"]);
    await runner.stop();
    w.close();
  });

  test("downtime: a missed slot inside the window is sent late, older ones are skipped", async () => {
    const w = createWorld("2026-01-01T00:00:00Z");
    const first = w.boot([dest("a")]);
    await first.runner.start();
    await w.clock.advanceTo(at("2026-01-01T08:00:00Z"));
    await first.runner.stop();
    first.kill();
    // Down from 1 January 08:00 to 4 January 10:00: the 2nd and 3rd are past the 6 h window, the 4th is 3 h late.
    w.clock.jumpTo(at("2026-01-04T10:00:00Z"));
    const second = w.boot([dest("a")]);
    await second.runner.start();
    await w.clock.advanceBy(1);
    const rows = await w.ledger.list("a", 0, at("2026-01-05T00:00:00Z"));
    expect(rows.map((r) => [iso(r.slot), r.status, r.reason])).toEqual([
      ["2026-01-01T07:00:00Z", "sent", null],
      ["2026-01-02T07:00:00Z", "skipped", "missed by 51h (window 6h)"],
      ["2026-01-03T07:00:00Z", "skipped", "missed by 27h (window 6h)"],
      ["2026-01-04T07:00:00Z", "late", null],
    ]);
    expect(w.messages.map((m) => [iso(m.slot), iso(m.at), m.late])).toEqual([
      ["2026-01-01T07:00:00Z", "2026-01-01T07:00:00Z", false],
      ["2026-01-04T07:00:00Z", "2026-01-04T10:00:00Z", true],
    ]);
    // And it goes on: the 5th at 07:00 on time.
    await w.clock.advanceTo(at("2026-01-05T08:00:00Z"));
    expect(iso(w.messages[2]?.at ?? 0)).toBe("2026-01-05T07:00:00Z");
    await second.runner.stop();
    w.close();
  });

  test.each([
    ["after the platform accepted it", "stall-after" as const],
    ["before the platform got it", "stall-before" as const],
  ])("a restart between intent and sent (%s) posts the slot once", async (_name, stall) => {
    const w = createWorld("2026-01-01T06:00:00Z");
    const first = w.boot([dest("r"), dest("s")], { fault: (d) => (d.id === "r" ? stall : undefined) });
    await first.runner.start();
    await w.clock.advanceTo(at("2026-01-01T07:00:00Z"));
    const slot = at("2026-01-01T07:00:00Z");
    expect(await w.ledger.get("r", slot)).toMatchObject({ status: "pending", attempts: 1 });
    first.kill(); // the process dies mid-send; its send never returns
    w.clock.jumpTo(at("2026-01-01T07:02:00Z"));
    const second = w.boot([dest("r"), dest("s")]);
    await second.runner.start();
    await w.clock.advanceBy(1);
    await second.runner.settled();
    expect(await w.ledger.get("r", slot)).toMatchObject({ status: "late", attempts: 2 });
    expect(postsPerSlot(w.messages)).toEqual(new Map([[`briefbot-digest:r:${slot}`, 1], [`briefbot-digest:s:${slot}`, 1]]));
    // The ledger's message id is the one the platform holds.
    const posted = w.messages.find((m) => m.destinationId === "r");
    expect((await w.ledger.get("r", slot))?.messageId).toBe(posted?.messageId);
    await second.runner.stop();
    w.close();
  });

  test("another replica takes over a dead one's slot only after its lease expires", async () => {
    const w = createWorld("2026-01-01T06:59:00Z");
    const a = w.boot([dest("x")], { owner: "a", leaseMs: 120_000, fault: () => "stall-before" });
    await a.runner.start();
    await w.clock.advanceTo(at("2026-01-01T07:00:00Z"));
    a.kill();
    const b = w.boot([dest("x")], { owner: "b", leaseMs: 120_000 });
    await b.runner.start();
    await w.clock.advanceTo(at("2026-01-01T07:01:59Z"));
    expect(w.messages).toHaveLength(0);
    await w.clock.advanceTo(at("2026-01-01T07:02:01Z"));
    expect(w.messages.map((m) => iso(m.at))).toEqual(["2026-01-01T07:02:00Z"]);
    expect(await w.ledger.get("x", at("2026-01-01T07:00:00Z"))).toMatchObject({ status: "late", owner: "b", attempts: 2 });
    await b.runner.stop();
    w.close();
  });

  test("content: since the last digest, on topic, most important first, at most maxCards; then the nothing-new line", async () => {
    const w = createWorld("2026-01-01T08:00:00Z");
    const source = memorySource([
      { card: card("old", "Already sent", ["energy"], 9), ingestedAt: at("2026-01-01T06:00:00Z") },
      { card: card("e1", "Grid upgrade", ["energy"], 1), ingestedAt: at("2026-01-01T09:00:00Z") },
      { card: card("e2", "Pipeline talks", ["energy", "trade"], 3), ingestedAt: at("2026-01-01T10:00:00Z") },
      { card: card("e3", "Solar tender", ["energy"], 2), ingestedAt: at("2026-01-01T11:00:00Z") },
      { card: card("f1", "Football final", ["sport"], 5), ingestedAt: at("2026-01-01T12:00:00Z") },
      { card: card("late", "After the slot", ["energy"], 9), ingestedAt: at("2026-01-02T07:30:00Z") },
    ]);
    const out: string[] = [];
    const d = dest("c", { platform: "console", topics: ["energy"], maxCards: 2, timezone: "Europe/London" });
    // The previous digest (1 January 07:00) is in the ledger.
    const prev = await w.ledger.claim("c", at("2026-01-01T07:00:00Z"), "old", at("2026-01-01T07:00:00Z"), 60_000);
    if (prev.kind !== "claimed") throw new Error("claim expected");
    await w.ledger.complete(prev.claim, { status: "sent", messageId: "m0", contentUntil: at("2026-01-01T07:00:00Z") }, at("2026-01-01T07:00:01Z"));
    const runner = createDigestRunner({ destinations: [d], ledger: w.ledger, source, senders: [createConsoleSender((s) => out.push(s))], now: w.clock.now, timers: w.clock.timers });
    await runner.start();
    await w.clock.advanceTo(at("2026-01-03T08:00:00Z"));
    await runner.stop();
    expect(out).toHaveLength(2);
    const [day2, day3] = out as [string, string];
    expect(day2.split("\n")[0]).toBe("Briefing digest for C-c: 2026-01-02 07:00 (Europe/London). 2 new cards (top 2 of 3).");
    expect(day2.indexOf("Pipeline talks")).toBeLessThan(day2.indexOf("Solar tender"));
    expect(day2).not.toMatch(/Grid upgrade|Football|Already sent|After the slot/);
    expect(day3.split("\n")[0]).toBe("Briefing digest for C-c: 2026-01-03 07:00 (Europe/London). 1 new card.");
    expect(day3).toContain("After the slot");
    expect(await w.ledger.get("c", at("2026-01-03T07:00:00Z"))).toMatchObject({ status: "sent", messageId: `console:briefbot-digest:c:${at("2026-01-03T07:00:00Z")}` });
    w.close();
  });

  test.each([
    ["line", ["Nothing new since 2026-01-01 07:00 (UTC).\n"], "sent", null],
    ["nothing", [], "skipped", "nothing_new"],
  ])("nothing new, whenEmpty %s", async (whenEmpty, printed, status, reason) => {
    const w = createWorld("2026-01-01T06:00:00Z");
    const out: string[] = [];
    const d = dest("e", { platform: "console", whenEmpty });
    const runner = createDigestRunner({ destinations: [d], ledger: w.ledger, source: memorySource([]), senders: [createConsoleSender((s) => out.push(s))], now: w.clock.now, timers: w.clock.timers });
    await runner.start();
    await w.clock.advanceTo(at("2026-01-02T08:00:00Z"));
    await runner.stop();
    // Day one has no earlier digest; day two's line names day one's (when day one was sent).
    if (whenEmpty === "line") expect(out).toEqual(["Nothing new yet.\n", ...printed]);
    else expect(out).toEqual(printed);
    expect(await w.ledger.get("e", at("2026-01-02T07:00:00Z"))).toMatchObject({ status, reason });
    w.close();
  });

  test("preview shows without sending; send now records a slot of its own", async () => {
    const w = createWorld("2026-01-01T09:15:00Z");
    const source = memorySource([{ card: card("p", "Port reopens", ["trade"], 1), ingestedAt: at("2026-01-01T09:00:00Z") }]);
    const { runner } = w.boot([dest("p")], { source });
    await runner.start();
    const plan = await runner.preview("p");
    expect(plan.cards.map((c) => c.id)).toEqual(["p"]);
    expect(w.messages).toHaveLength(0);
    const sent = await runner.sendNow("p");
    expect(sent).toMatchObject({ kind: "sent", cards: 1 });
    expect(await w.ledger.lastDelivered("p")).toMatchObject({ slot: at("2026-01-01T09:15:00Z"), status: "sent" });
    expect((await runner.preview("p")).cards).toEqual([]);
    await expect(runner.preview("nope")).rejects.toThrow('no digest destination "nope"');
    await runner.stop();
    w.close();
  });
});

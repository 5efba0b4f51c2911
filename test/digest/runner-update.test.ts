// Destinations changed while the runner runs (settings from chat): added, edited, removed.
// An edit never resends the day's digest; a removed destination's slot finishes or is cancelled, never both.
import { at, createWorld, dest, iso } from "./world.js";

describe("runner.update", () => {
  test("a destination added at 06:00 gets its 07:00 digest; one added after its time waits for tomorrow's", async () => {
    const w = createWorld("2026-01-15T06:00:00Z");
    const { runner } = w.boot([]);
    await runner.start();
    await runner.update([dest("early"), dest("late", { time: "05:00" })]);
    expect(iso(runner.next("early")!)).toBe("2026-01-15T07:00:00Z");
    await w.clock.advanceTo(at("2026-01-16T06:00:00Z"));
    await runner.stop();
    expect(w.messages.map((m) => [m.destinationId, iso(m.at)])).toEqual([["early", "2026-01-15T07:00:00Z"], ["late", "2026-01-16T05:00:00Z"]]);
    w.close();
  });

  test("editing the time or the channel after today's digest does not send it again today", async () => {
    const w = createWorld("2026-01-15T06:00:00Z");
    const { runner } = w.boot([dest("desk", { timezone: "Europe/Berlin", time: "07:30" })]);
    await runner.start();
    await w.clock.advanceTo(at("2026-01-15T07:00:00Z")); // 08:00 in Berlin: sent at 06:30Z
    expect(w.messages).toHaveLength(1);
    // Later today, at 09:00 Berlin, and to another channel: tomorrow's digest is the next one.
    await runner.update([dest("desk", { timezone: "Europe/Berlin", time: "09:00", channel: "C-moved" })]);
    expect(iso(runner.next("desk")!)).toBe("2026-01-16T08:00:00Z");
    await w.clock.advanceTo(at("2026-01-16T09:00:00Z"));
    await runner.stop();
    expect(w.messages.map((m) => [m.channel, iso(m.at)])).toEqual([["C-desk", "2026-01-15T06:30:00Z"], ["C-moved", "2026-01-16T08:00:00Z"]]);
    w.close();
  });

  test("an edit before today's digest moves today's digest", async () => {
    const w = createWorld("2026-01-15T05:00:00Z");
    const { runner } = w.boot([dest("desk")]);
    await runner.start();
    await runner.update([dest("desk", { time: "06:15" })]);
    await w.clock.advanceTo(at("2026-01-15T12:00:00Z"));
    await runner.stop();
    expect(w.messages.map((m) => iso(m.at))).toEqual(["2026-01-15T06:15:00Z"]);
    w.close();
  });

  test("removed before its slot: nothing is sent or recorded", async () => {
    const w = createWorld("2026-01-15T06:00:00Z");
    const { runner } = w.boot([dest("gone"), dest("kept")]);
    await runner.start();
    await runner.update([dest("kept")]);
    expect(runner.next("gone")).toBeUndefined();
    await w.clock.advanceTo(at("2026-01-16T00:00:00Z"));
    await runner.stop();
    expect(w.messages.map((m) => m.destinationId)).toEqual(["kept"]);
    expect(await w.ledger.latestSlot("gone")).toBeUndefined();
    w.close();
  });

  test("removed while its slot is being sent: the send finishes and is recorded once, nothing after", async () => {
    const w = createWorld("2026-01-15T06:59:00Z");
    let removing: Promise<void> | undefined;
    const { runner } = w.boot([dest("mid")], {
      // The destination is removed while its post is on its way.
      fault: (_d, _ctx, nth) => {
        if (nth === 1) removing = runner.update([]);
        return undefined;
      },
    });
    await runner.start();
    await w.clock.advanceTo(at("2026-01-17T00:00:00Z"));
    await removing;
    await runner.stop();
    expect(removing).toBeDefined();
    expect(w.messages.map((m) => iso(m.at))).toEqual(["2026-01-15T07:00:00Z"]);
    expect(await w.ledger.get("mid", at("2026-01-15T07:00:00Z"))).toMatchObject({ status: "sent" });
    expect(await w.ledger.latestSlot("mid")).toBe(at("2026-01-15T07:00:00Z"));
    w.close();
  });

  test("a new destination can be previewed and sent at once", async () => {
    const w = createWorld("2026-01-15T10:00:00Z");
    const { runner } = w.boot([]);
    await runner.start();
    await runner.update([dest("fresh")]);
    expect((await runner.preview("fresh")).cards).toEqual([]);
    expect((await runner.sendNow("fresh")).kind).toBe("sent");
    await runner.stop();
    expect(w.messages).toHaveLength(1);
    w.close();
  });
});

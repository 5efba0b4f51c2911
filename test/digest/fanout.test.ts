// Fan-out under the platforms' limits: a 429 storm, failing channels among healthy ones.
import { platformErrors, type RecordedMessage } from "../../src/digest/index.js";
import { at, createWorld, dest, iso, postsPerSlot } from "./world.js";

const SLOT = at("2026-02-02T07:00:00Z");

function minGap(messages: RecordedMessage[], channel: string): number {
  const times = messages.filter((m) => m.channel === channel).map((m) => m.at).sort((a, b) => a - b);
  return Math.min(...times.slice(1).map((t, i) => t - (times[i] ?? 0)));
}

describe("digest fan-out", () => {
  test("a 429 storm: every slot posted once, no Retry-After ignored, limits kept", async () => {
    const w = createWorld("2026-02-02T06:59:00Z");
    const destinations = [
      ...Array.from({ length: 40 }, (_, i) => dest(`dc${i}`, { platform: "discord", channel: `chan-${i}` })),
      ...Array.from({ length: 15 }, (_, i) => dest(`sl${i}`, { channel: `C${i}` })),
      ...Array.from({ length: 5 }, (_, i) => dest(`sh${i}`, { channel: "C-shared" })),
    ];
    // The first 30 requests each platform sees are answered 429: Discord globally for 1.5 s, Slack per channel for 2 s.
    const { runner, slack, discord } = w.boot(destinations, {
      fault: (d, _ctx, nth) => (nth > 30 ? undefined : d.platform === "discord" ? platformErrors.rateLimited(1500, true) : platformErrors.rateLimited(2000)),
    });
    await runner.start();
    await w.clock.advanceTo(SLOT + 120_000);
    await runner.stop();
    const posts = postsPerSlot(w.messages);
    expect(posts.size).toBe(60);
    expect([...posts.values()].every((n) => n === 1)).toBe(true);
    expect(slack.violations).toEqual([]);
    expect(discord.violations).toEqual([]);
    expect(minGap(w.messages, "C-shared")).toBeGreaterThanOrEqual(1000);
    const rows = await Promise.all(destinations.map((d) => w.ledger.get(d.id, SLOT)));
    expect(rows.every((r) => r?.status === "sent" && r.messageId)).toBe(true);
    // Discord: never more than 50 in any second.
    const dTimes = w.messages.filter((m) => m.channel.startsWith("chan-")).map((m) => m.at).sort((a, b) => a - b);
    const busiestSecond = Math.max(...dTimes.map((t) => dTimes.filter((u) => u > t - 1000 && u <= t).length));
    expect(busiestSecond).toBeLessThanOrEqual(50);
    w.close();
  });

  test("a channel that answers 429 for ever is recorded failed after a bounded number of tries", async () => {
    const w = createWorld("2026-02-02T06:59:00Z");
    const { runner, slack } = w.boot([dest("busy"), dest("fine")], {
      fault: (d) => (d.id === "busy" ? platformErrors.rateLimited(5000) : undefined),
      retry: { maxRateLimited: 3 },
    });
    await runner.start();
    await w.clock.advanceTo(SLOT + 600_000);
    await runner.stop();
    expect(await w.ledger.get("busy", SLOT)).toMatchObject({ status: "failed", reason: "rate_limited: retry after 5000 ms, 4 times" });
    expect(slack.requests()).toBe(5); // 4 for "busy", 1 for "fine"
    expect(w.messages.map((m) => m.destinationId)).toEqual(["fine"]);
    w.close();
  });

  test("failing channels are recorded with their reasons and do not hold up the others", async () => {
    const w = createWorld("2026-02-02T06:59:00Z");
    const healthy = Array.from({ length: 25 }, (_, i) => dest(`ok${i}`));
    const destinations = [
      ...healthy,
      dest("gone"),
      dest("noaccess", { platform: "discord", channel: "d-1" }),
      dest("flaky"),
      dest("down"),
    ];
    const { runner } = w.boot(destinations, {
      fault: (d, _ctx, nth) => {
        if (d.id === "gone") return platformErrors.channelNotFound();
        if (d.id === "noaccess") return platformErrors.missingAccess();
        if (d.id === "down") return platformErrors.serverError(503);
        if (d.id === "flaky" && flakyTries++ < 2) return platformErrors.serverError(502);
        return nth < 0 ? "stall-before" : undefined;
      },
    });
    let flakyTries = 0;
    await runner.start();
    await w.clock.advanceTo(SLOT + 120_000);
    await runner.stop();
    const status = async (id: string) => {
      const r = await w.ledger.get(id, SLOT);
      return [r?.status, r?.reason];
    };
    expect(await status("gone")).toEqual(["failed", "channel_not_found"]);
    expect(await status("noaccess")).toEqual(["failed", "missing_access"]);
    expect(await status("down")).toEqual(["failed", "http_503 (after 5 attempts)"]);
    expect(await status("flaky")).toEqual(["sent", null]);
    // Backoff 1 s then 2 s for the flaky one (each try also waits out its channel's 1 s window
    // plus the limiter's 1% margin); the healthy ones all went at the slot.
    expect(new Date(w.messages.find((m) => m.destinationId === "flaky")?.at ?? 0).toISOString()).toBe("2026-02-02T07:00:03.010Z");
    const healthyTimes = new Set(w.messages.filter((m) => m.destinationId.startsWith("ok")).map((m) => iso(m.at)));
    expect([...healthyTimes]).toEqual(["2026-02-02T07:00:00Z"]);
    expect(w.messages).toHaveLength(26);
    w.close();
  });
});

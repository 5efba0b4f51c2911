// The limiter on a test clock: windows, FIFO order, pauses, and channel queues not blocking others.
import { createLimiter } from "../../src/digest/index.js";
import { createTestClock } from "./harness.js";

const idle = async () => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

function setup() {
  const clock = createTestClock(0, idle);
  const limiter = createLimiter({ now: clock.now, sleep: clock.sleep });
  const log: string[] = [];
  const send = async (platform: "slack" | "discord", channel: string, name: string, cost = 1) => {
    const go = await limiter.acquire(platform, channel, cost);
    go();
    log.push(`${name}@${clock.now()}`);
  };
  return { clock, limiter, log, send };
}

describe("digest limiter", () => {
  test("Slack: one per second per channel (plus 1%), in order; other channels go at once", async () => {
    const { clock, log, send } = setup();
    void send("slack", "A", "a1");
    void send("slack", "A", "a2");
    void send("slack", "B", "b1");
    void send("slack", "A", "a3");
    await clock.advanceTo(5000);
    expect(log).toEqual(["a1@0", "b1@0", "a2@1010", "a3@2020"]);
  });

  test("Discord: 50 in any second globally, then the next 50", async () => {
    const { clock, log, send } = setup();
    for (let i = 0; i < 120; i++) void send("discord", `c${i}`, `m${i}`);
    await clock.advanceTo(5000);
    const times = log.map((l) => Number(l.split("@")[1]));
    expect(times.filter((t) => t === 0)).toHaveLength(50);
    expect(times.filter((t) => t === 1010)).toHaveLength(50);
    expect(times.filter((t) => t === 2020)).toHaveLength(20);
  });

  test("a busy Discord channel does not hold the global queue", async () => {
    const { clock, log, send } = setup();
    for (let i = 0; i < 6; i++) void send("discord", "busy", `busy${i}`); // 5 per 5 s on one channel
    void send("discord", "other", "other");
    await clock.advanceTo(20_000);
    expect([...log].sort()).toEqual(["busy0@0", "busy1@0", "busy2@0", "busy3@0", "busy4@0", "busy5@5050", "other@0"]);
    expect(log.at(-1)).toBe("busy5@5050");
  });

  test("a digest of several messages books them at the channel's rate", async () => {
    const { clock, log, send } = setup();
    void send("slack", "A", "thread", 3); // a header and two replies: 0, 1 s, 2 s
    void send("slack", "A", "next");
    await clock.advanceTo(10_000);
    expect(log).toEqual(["thread@0", "next@3010"]);
  });

  test("a 429 pause holds what is already queued", async () => {
    const { clock, limiter, log, send } = setup();
    void send("slack", "A", "a1");
    await clock.advanceTo(0);
    limiter.pause("slack", "A", 3000, false);
    void send("slack", "A", "a2");
    void send("slack", "B", "b1");
    limiter.pause("discord", "x", 2000, true);
    void send("discord", "y", "d1");
    await clock.advanceTo(10_000);
    expect(log).toEqual(["a1@0", "b1@0", "d1@2000", "a2@3000"]);
  });
});

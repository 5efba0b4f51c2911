// The per-user and per-channel link limits: a sliding minute, time passed in.
import { createLinkLimiter } from "../../src/links/limit.js";

test("10 links a minute per user by default config; the 11th waits for the oldest to age out", () => {
  let t = 1_000_000;
  const limiter = createLinkLimiter({ perUserPerMinute: 10, perChannelPerMinute: 30 }, () => t);
  for (let i = 0; i < 10; i++, t += 1000) expect(limiter.take("ana", "C1")).toEqual({ ok: true });
  expect(limiter.take("ana", "C1")).toEqual({ ok: false, scope: "user", retryAfterMs: 50_000 });
  // Another user in the same channel is not held back by ana.
  expect(limiter.take("ben", "C1")).toEqual({ ok: true });
  t += 50_000;
  expect(limiter.take("ana", "C1")).toEqual({ ok: true });
});

test("a channel's limit holds whoever posts; a refused link is not counted", () => {
  let t = 0;
  const limiter = createLinkLimiter({ perUserPerMinute: 3, perChannelPerMinute: 4 }, () => t);
  for (const u of ["a", "b", "c", "d"]) expect(limiter.take(u, "busy").ok).toBe(true);
  expect(limiter.take("e", "busy")).toEqual({ ok: false, scope: "channel", retryAfterMs: 60_000 });
  expect(limiter.take("e", "quiet").ok).toBe(true);
  t = 60_001;
  expect(limiter.take("e", "busy").ok).toBe(true);
});

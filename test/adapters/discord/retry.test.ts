import { isRetryable, withBackoff } from "../../../src/adapters/discord/retry.js";
import { memoryLogger } from "../../fakes/discord/logger.js";

const status = (n: number) => Object.assign(new Error(`HTTP ${n}`), { status: n });

test.each<[string, unknown, boolean]>([
  ["500", status(500), true],
  ["503", status(503), true],
  ["400", status(400), false],
  ["403 missing permissions", status(403), false],
  ["429 (discord.js waits those out itself)", status(429), false],
  ["connection reset", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }), true],
  ["timeout", Object.assign(new Error("aborted"), { name: "AbortError" }), true],
  ["not an error", "boom", false],
])("isRetryable: %s", (_name, err, want) => expect(isRetryable(err)).toBe(want));

test("retries retryable errors with the given pauses, then gives up with the last error", async () => {
  const logger = memoryLogger();
  let calls = 0;
  await expect(withBackoff("edit", [1, 2], logger, async () => {
    calls++;
    throw status(500);
  })).rejects.toThrow("HTTP 500");
  expect(calls).toBe(3);
  expect(logger.lines.map((l) => [l.fields.attempt, l.fields.delayMs])).toEqual([[1, 1], [2, 2]]);
});

test("does not retry what a retry cannot fix", async () => {
  let calls = 0;
  await expect(withBackoff("edit", [1, 2], memoryLogger(), async () => {
    calls++;
    throw status(403);
  })).rejects.toThrow("HTTP 403");
  expect(calls).toBe(1);
  expect(await withBackoff("edit", [1], memoryLogger(), async () => "ok")).toBe("ok");
});

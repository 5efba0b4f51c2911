// The feed poller, driven by timers and a clock this test owns.
import { createFeedPoller, createIngestor, newFeedState, type Timers } from "../../src/ingest/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { startServer, type TestServer } from "./server.js";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

/** Timers that run only when the test says so. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => (pending.set(++next, { fn, ms }), next),
    clearTimeout: (h) => void pending.delete(h as number),
  };
  return {
    timers,
    pending,
    fire(): void {
      const [id, t] = [...pending][0]!;
      pending.delete(id);
      t.fn();
    },
  };
}

test("polls every feed at start, then on schedule; a failing feed does not stop the others", async () => {
  const store = createMemoryStore();
  const ing = createIngestor({ store, now: () => 0 });
  const t = manualTimers();
  let clock = 1000;
  const rounds: Array<{ ms: number; errors: number }> = [];
  let roundDone: () => void = () => undefined;
  const poller = createFeedPoller({
    feeds: [srv.base + "/bad-feed.xml", srv.base + "/feed.xml", srv.base + "/throws"],
    intervalMs: 15 * 60_000,
    timers: t.timers,
    now: () => (clock += 5),
    newState: newFeedState,
    poll: async (url, state) => {
      if (url.endsWith("/throws")) throw new Error("feed handler crashed");
      return ing.feed(url, state);
    },
    onRound: (r) => {
      rounds.push({ ms: r.ms, errors: r.errors.length });
      roundDone();
    },
  });
  await poller.start();
  expect(ing.summary().ingested).toBe(2);
  expect(ing.summary().failed.map((f) => f.code)).toEqual(["http_status", "not_found"]);
  expect(rounds).toEqual([{ ms: 5, errors: 1 }]);
  expect([...t.pending.values()].map((p) => p.ms)).toEqual([900_000]);

  srv.feedLinks = [...srv.feedLinks, "/broken.html"];
  const second = new Promise<void>((r) => (roundDone = r));
  t.fire();
  await second;
  await new Promise((r) => setImmediate(r)); // the next round is scheduled once this one has ended
  expect(ing.summary().ingested).toBe(3);
  expect(rounds).toHaveLength(2);
  expect(t.pending.size).toBe(1);
  poller.stop();
  expect(t.pending.size).toBe(0);
});

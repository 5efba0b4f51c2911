// Feeds that go wrong, served over HTTP on 127.0.0.1: each ends in a typed error or a bound, and
// nothing that was read is lost.
import { createIngestor, FetchError, IngestError, newFeedState, parseFeed } from "../../src/ingest/index.js";
import { fetchPage } from "../../src/ingest/fetch.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import { startServer, type TestServer } from "./server.js";

let srv: TestServer;
let store: BriefingStore;
let clock = 0;
const now = () => ++clock;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());
beforeEach(() => {
  store = createMemoryStore();
});

test("malformed XML (a feed cut short) is a bad_feed error with the line and column, nothing half-read", async () => {
  const ing = createIngestor({ store, now });
  expect(await ing.feed(srv.base + "/malformed.xml", newFeedState())).toBe(false);
  const s = ing.summary();
  expect(s.ingested).toBe(0);
  expect(s.failed).toEqual([{ source: srv.base + "/malformed.xml", code: "bad_feed", message: expect.stringMatching(/not well-formed XML \(line \d+, column \d+: .+\)/) }]);
  // The items before the break were not fetched either: the whole document is refused.
  expect(srv.hits.get("/ferry.html") ?? 0).toBe(0);
});

test.each([
  ["an unclosed tag", "<rss><channel><item><title>x</item></channel></rss>"],
  ["a tag closed by another name", "<rss><channel><title>x</channel></rss>"],
  ["a stray ampersand", "<rss><channel><title>A & B</title></channel></rss>"],
])("parseFeed refuses %s with a typed error", (_name, xml) => {
  expect(() => parseFeed(xml)).toThrow(IngestError);
  expect(() => parseFeed(xml)).toThrow(/not well-formed XML/);
});

test("HTML entities common in real feeds are read, not refused", () => {
  const xml = `<rss version="2.0"><channel><title>Courier &mdash; news</title><item><title>Tide&nbsp;tables</title><link>https://courier.example/t</link></item></channel></rss>`;
  expect(parseFeed(xml)).toEqual({ title: "Courier — news", items: [{ id: "https://courier.example/t", link: "https://courier.example/t", title: "Tide\u00a0tables" }] });
});

test("10,000 items: the first maxFeedItems are read, the rest reported as left out", async () => {
  const ing = createIngestor({ store, now, maxFeedItems: 50 });
  await ing.feed(srv.base + "/many.xml", newFeedState());
  const s = ing.summary();
  expect(s.failed[0]).toEqual({ source: srv.base + "/many.xml", code: "feed_truncated", message: expect.stringContaining("lists 10000 items; the first 50 were read, 9950 left out") });
  // Each of the 50 was tried (its page is a 404 here), no more.
  expect(s.failed.filter((f) => f.code === "not_found")).toHaveLength(50);
  expect(srv.hits.get("/missing")).toBe(50);
});

test("a gzip body that inflates past the size limit is too_large, counted after decompression", async () => {
  const e = await fetchPage(srv.base + "/gzip-bomb.xml", {}, { maxBytes: 1024 * 1024 }).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(FetchError);
  expect(e).toMatchObject({ code: "too_large" });
  const ing = createIngestor({ store, now, fetch: { maxBytes: 1024 * 1024 } });
  expect(await ing.feed(srv.base + "/gzip-bomb.xml", newFeedState())).toBe(false);
  expect(ing.summary().failed).toEqual([expect.objectContaining({ code: "too_large" })]);
});

test("a body that trickles a byte at a time is cut at the time limit (timeout), headers or not", async () => {
  const ing = createIngestor({ store, now, fetch: { timeoutMs: 800 } });
  expect(await ing.feed(srv.base + "/trickle.xml", newFeedState())).toBe(false);
  expect(ing.summary().failed).toEqual([{ source: srv.base + "/trickle.xml", code: "timeout", message: expect.stringMatching(/did not arrive within 800 ms/) }]);
});

test("a feed that renames every guid on each poll: pages are fetched once (known by link), the state stays bounded", async () => {
  const ing = createIngestor({ store, now, maxFeedItems: 2 });
  const state = newFeedState();
  await ing.feed(srv.base + "/churn.xml", state);
  const first = { ferry: srv.hits.get("/ferry.html"), bridge: srv.hits.get("/bridge.html") };
  expect(ing.summary().ingested).toBe(2);
  for (let i = 0; i < 30; i++) await ing.feed(srv.base + "/churn.xml", state);
  expect({ ferry: srv.hits.get("/ferry.html"), bridge: srv.hits.get("/bridge.html") }).toEqual(first);
  expect(ing.summary()).toMatchObject({ ingested: 2, failed: [] });
  expect(await store.count()).toBe(2);
  // 8 polls' worth of ids and links for a 2-item bound, not 31 polls' worth.
  expect(state.seen.size).toBeLessThanOrEqual(16);
});

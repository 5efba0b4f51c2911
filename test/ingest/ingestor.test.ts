// Ingestion into a store from a local HTTP server, files and JSON lines.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { createIngestor, newFeedState } from "../../src/ingest/index.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import { BRIDGE_HTML, DESCRIBED_RSS, GONE_ITEM_TEXT, startServer, type TestServer } from "./server.js";

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
  srv.feedLinks = ["/ferry.html", "/bridge.html", "/missing"];
});

test("a page by URL: extracted, stored with its canonical URL, publisher and date", async () => {
  const ing = createIngestor({ store, now });
  await ing.url(srv.base + "/moved");
  expect(ing.summary()).toEqual({ ingested: 1, updated: 0, unchanged: 0, failed: [] });
  const [a] = await store.since(0, 5);
  expect(a?.url).toBe(srv.base + "/news/ferry-service-returns-to-the-islands");
  expect(a?.card.source).toMatchObject({ publisher: "The Valley Courier", publishedAt: "2026-05-04T07:00:00Z" });
  expect(a?.card.title).toMatch(/Ferry service returns/);
  expect(a?.card.summary.join(" ")).not.toMatch(/Home|Copyright/);
  await ing.url(srv.base + "/ferry.html");
  expect(ing.summary().unchanged).toBe(1);
});

test("broken HTML still gives its article", async () => {
  const ing = createIngestor({ store, now });
  await ing.url(srv.base + "/broken.html");
  expect(ing.summary().ingested).toBe(1);
  const [a] = await store.since(0, 5);
  expect(a?.card.stats.paragraphs).toBeGreaterThanOrEqual(2);
});

test("failures are counted with their reasons and do not stop the run", async () => {
  const ing = createIngestor({ store, now, fetch: { maxBytes: 100_000 } });
  for (const p of ["/busy", "/forbidden", "/huge", "/image.png", "/binary.html", "/missing", "/bridge.html"]) await ing.url(srv.base + p);
  const s = ing.summary();
  expect(s.ingested).toBe(1);
  expect(s.failed.map((f) => f.code)).toEqual(["rate_limited", "forbidden", "too_large", "unsupported_type", "unsupported_type", "not_found"]);
  expect(s.failed[0]!.message).toMatch(/429/);
});

test("a feed: each item's page is fetched once; a failing item is retried at the next poll", async () => {
  const ing = createIngestor({ store, now });
  const state = newFeedState();
  await ing.feed(srv.base + "/feed.xml", state);
  expect(ing.summary()).toMatchObject({ ingested: 2, failed: [{ source: srv.base + "/missing", code: "not_found" }] });
  const ferryHits = srv.hits.get("/ferry.html");
  // Unchanged feed: 304, nothing fetched again.
  await ing.feed(srv.base + "/feed.xml", state);
  expect(srv.hits.get("/ferry.html")).toBe(ferryHits);
  // A new item: only it (and the still-missing one) is fetched.
  srv.feedLinks = [...srv.feedLinks, "/broken.html"];
  const missing = srv.hits.get("/missing")!;
  await ing.feed(srv.base + "/feed.xml", state);
  expect(srv.hits.get("/ferry.html")).toBe(ferryHits);
  expect(srv.hits.get("/missing")).toBe(missing + 1);
  expect(ing.summary().ingested).toBe(3);
  expect(await store.count()).toBe(3);
});

test("an Atom feed given as a URL is ingested item by item", async () => {
  const ing = createIngestor({ store, now });
  await ing.url(srv.base + "/atom.xml");
  expect(ing.summary().ingested).toBe(1);
  expect((await store.since(0, 1))[0]?.card.title).toMatch(/Old bridge/);
});

test("a feed served as application/x-rss+xml is a feed", async () => {
  const ing = createIngestor({ store, now });
  await ing.url(srv.base + "/x-rss.xml");
  expect(ing.summary()).toMatchObject({ ingested: 1, failed: [] });
  const [a] = await store.since(0, 5);
  expect(a?.card.title).toMatch(/Old bridge/);
});

test("an item whose page cannot be fetched: its own content is the article, marked as an excerpt; dates are ISO 8601", async () => {
  const ing = createIngestor({ store, now });
  const state = newFeedState();
  await ing.feed(srv.base + "/described.xml", state);
  expect(ing.summary()).toMatchObject({ ingested: 2, failed: [] });
  const cards = (await store.since(0, 5)).map((a) => a.card);
  const bus = cards.find((c) => c.title === "Night bus stops at the hospital");
  expect(bus?.source).toEqual({ url: srv.base + "/gone", publishedAt: "2026-12-04T05:30:00Z", excerpt: "feed" });
  expect(bus?.summary.join(" ")).toContain("will stop at the hospital from March");
  const ferry = cards.find((c) => /Ferry service/.test(c.title));
  expect(ferry?.source.excerpt).toBeUndefined();
  // The page may come back: the excerpt's item is tried again at the next poll, the fetched one is not.
  const gone = srv.hits.get("/gone")!;
  await ing.feed(srv.base + "/described.xml", state);
  expect(srv.hits.get("/gone")).toBe(gone + 1);
  expect(GONE_ITEM_TEXT).toMatch(/hospital/);
});

test("an RSS pubDate is stored as ISO 8601", async () => {
  const ing = createIngestor({ store, now });
  await ing.feed(srv.base + "/feed.xml", newFeedState());
  const dates = (await store.since(0, 5)).map((a) => a.card.source.publishedAt);
  // The pages carry their own date; a page without one takes the item's, converted.
  expect(dates.every((d) => d === undefined || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(d))).toBe(true);
  expect(dates.length).toBe(2);
});

test("a page in Latin-1 with no charset declared reads as Windows-1252, not U+FFFD", async () => {
  const ing = createIngestor({ store, now });
  await ing.url(srv.base + "/latin1.html");
  const [a] = await store.since(0, 5);
  const text = a!.card.summary.join(" ") + a!.card.quotes.map((q) => q.text).join(" ");
  expect(text).toContain("café");
  expect(text).not.toContain("\uFFFD");
});

describe("files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "briefbot-ingest-"));
    mkdirSync(join(dir, "sub"));
    writeFileSync(join(dir, "a.md"), "---\ntitle: Lighthouse keeper retires\npublishedAt: 2026-01-02\n---\nThe last keeper of the Merrow light retired on Sunday after 31 years.\n\n\"The sea was my clock,\" said Owen Tally.\n");
    writeFileSync(join(dir, "sub", "b.html"), BRIDGE_HTML);
    writeFileSync(join(dir, "sub", "c.txt"), "");
    writeFileSync(join(dir, "notes.pdf"), "%PDF");
    writeFileSync(join(dir, "bad.md"), "---\ntitle: [unclosed\n---\nText here.\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("a feed saved as a file (.rss, .atom, .xml) is read as a feed: each item's page is fetched", async () => {
    const feeds = mkdtempSync(join(tmpdir(), "briefbot-feeds-"));
    try {
      writeFileSync(join(feeds, "courier.rss"), DESCRIBED_RSS(srv.base));
      writeFileSync(join(feeds, "courier.xml"), DESCRIBED_RSS(srv.base));
      writeFileSync(join(feeds, "not-a-feed.xml"), "<config><debug>true</debug></config>");
      const ing = createIngestor({ store, now });
      await ing.paths([join(feeds, "courier.rss"), join(feeds, "courier.xml"), join(feeds, "not-a-feed.xml")]);
      const s = ing.summary();
      expect(s).toMatchObject({ ingested: 2, unchanged: 2 });
      expect(s.failed.map((f) => [f.source.replace(feeds, ""), f.code])).toEqual([["/not-a-feed.xml", "bad_feed"]]);
    } finally {
      rmSync(feeds, { recursive: true, force: true });
    }
  });

  test("a Latin-1 text file reads as Windows-1252", async () => {
    const file = join(dir, "latin1.txt");
    writeFileSync(file, Buffer.from("The caf\xe9 on the quay reopened on Monday after the winter storms, and its owner said the queue reached the harbour wall.", "latin1"));
    try {
      const ing = createIngestor({ store, now });
      await ing.paths([file]);
      const [a] = await store.since(0, 5);
      expect(a?.card.summary[0]).toContain("The café on the quay");
    } finally {
      rmSync(file);
    }
  });

  test("folders are walked for .txt, .md and .html; bad files are failures with reasons", async () => {
    const progress: number[] = [];
    const ing = createIngestor({ store, now, onProgress: (d) => progress.push(d) });
    await ing.paths([dir, join(dir, "notes.pdf")]);
    const s = ing.summary();
    expect(s.ingested).toBe(2);
    expect(s.failed.map((f) => [f.source.replace(dir, ""), f.code])).toEqual([
      ["/bad.md", "bad_front_matter"],
      ["/sub/c.txt", "empty"],
      ["/notes.pdf", "unsupported_file"],
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
    const titles = (await store.since(0, 5)).map((a) => a.card.title).sort();
    expect(titles).toEqual(["Lighthouse keeper retires", "Old bridge closes for a safety check"]);
  });
});

test("JSON lines: articles in, bad lines counted", async () => {
  const lines = [
    JSON.stringify({ id: "x1", text: "The ferry to the islands runs again from Saturday after four months of repairs.", title: "Ferry back" }),
    "not json",
    JSON.stringify({ id: "x2" }),
    "",
    JSON.stringify({ id: "x3", text: "The ferry to the islands runs again from Saturday after four months of repairs." }),
  ];
  const ing = createIngestor({ store, now });
  await ing.jsonl(createInterface({ input: Readable.from(lines.join("\n")) }), "in.jsonl");
  expect(ing.summary()).toEqual({
    ingested: 1,
    updated: 0,
    unchanged: 1,
    failed: [
      { source: "in.jsonl:2", code: "bad_line", message: "in.jsonl:2: not JSON" },
      { source: "in.jsonl:3", code: "bad_line", message: 'in.jsonl:3: "text" is missing or not a string' },
    ],
  });
});

test("a store that cannot write stops the run", async () => {
  await store.close();
  const ing = createIngestor({ store, now });
  await expect(ing.url(srv.base + "/bridge.html")).rejects.toThrow(/closed/);
});

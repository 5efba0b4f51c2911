// Ingestion into a store from a local HTTP server, files and JSON lines.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { createIngestor, newFeedState } from "../../src/ingest/index.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import { BRIDGE_HTML, startServer, type TestServer } from "./server.js";

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

// What a newcomer feeds the CLI, run as a user would (the built bin/briefbot.js): a saved feed, a saved
// web page, a Latin-1 file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBin, runBinAsync } from "../helpers/bin.js";
import { BRIDGE_HTML, DESCRIBED_RSS, startServer, type TestServer } from "../ingest/server.js";

jest.setTimeout(60_000);
let dir: string;
let srv: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-inputs-"));
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
});

test("ingest feed.rss reads a saved feed; an item whose page is gone is stored from its own text, marked; dates are ISO 8601", async () => {
  const feed = join(dir, "courier.rss"), db = join(dir, "feed.db");
  writeFileSync(feed, DESCRIBED_RSS(srv.base));
  const r = await runBinAsync(["ingest", feed, "--db", db]);
  expect(r.stderr).toBe("");
  expect(r.stdout).toBe("ingested 2, updated 0, unchanged 0, failed 0\n");
  expect(r.status).toBe(0);
  const brief = runBin(["ask", "brief night bus", "--db", db, "--json"]);
  expect(brief.status).toBe(0);
  const answer = JSON.parse(brief.stdout);
  const card = answer.cards?.[0] ?? answer.card;
  expect(card.source).toMatchObject({ publishedAt: "2026-12-04T05:30:00Z", excerpt: "feed" });
});

test("card page.html extracts the article (readability), not the page's tags and navigation", () => {
  const page = join(dir, "bridge.html");
  writeFileSync(page, BRIDGE_HTML);
  const r = runBin(["card", page, "--format", "text"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Old bridge closes for a safety check/);
  expect(r.stdout).not.toMatch(/<p>|<nav|Copyright|Home Sport Weather/);
  expect(r.stdout).toContain("2026-05-04T07:00:00Z");
  const json = JSON.parse(runBin(["card", page]).stdout);
  expect(json.source).toMatchObject({ path: page, publisher: "The Valley Courier" });
});

test("card reads a Latin-1 file (byte 0xE9) as Windows-1252, not U+FFFD", () => {
  const file = join(dir, "latin1.txt");
  writeFileSync(file, Buffer.from("The caf\xe9 on the quay reopened on Monday after the winter storms, its owner said.", "latin1"));
  const r = runBin(["card", file, "--format", "text"]);
  expect(r.status).toBe(0);
  expect(r.stdout).toContain("The café on the quay");
  expect(r.stdout).not.toContain("\uFFFD");
});

test("a text full of stray quotation marks still gets readable bullets of at most about 60 words", () => {
  const words = "harbour council wall storm builders money ferry quay engineers survey winter residents shops trade boats mayor town plan".split(" ");
  const paragraph = (p: number) =>
    "The " + Array.from({ length: 90 }, (_, i) => `${(i * 7 + p) % 13 === 0 ? "\u201c" : ""}${words[(i * 5 + p * 3) % words.length]}${(i * 3 + p) % 17 === 0 ? '"' : ""}`).join(" ") + ".";
  const file = join(dir, "stray-marks.txt");
  writeFileSync(file, [0, 1, 2, 3].map(paragraph).join("\n\n"));
  const r = runBin(["card", file]);
  expect(r.status).toBe(0);
  const card = JSON.parse(r.stdout) as { summary: string[] };
  expect(card.summary.length).toBeGreaterThanOrEqual(2);
  for (const b of card.summary) expect(b.split(/\s+/).length).toBeLessThanOrEqual(60);
});

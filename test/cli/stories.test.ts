// briefbot stories and ask --json through the CLI's main(), on articles of the story evaluation set
// (written for the project) ingested from JSON lines into a SQLite file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";
import { evalArticle } from "../store/stories-contract.js";

const IDS = ["troops-border-a", "troops-border-b", "troops-border-c", "troops-talks-a", "troops-talks-b", "minister-named-a"];
let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-stories-"));
  db = join(dir, "s.db");
  const lines = IDS.map((id) => {
    const { article } = evalArticle(id);
    return JSON.stringify({ id, text: article.text, title: article.title, publisher: article.publisher, publishedAt: article.publishedAt, url: article.url });
  });
  // One article on a topic the core knows (a country), for --topic.
  lines.push(JSON.stringify({ id: "grain", title: "Ukraine ships more grain", publisher: "Farm Post", publishedAt: "2026-06-02T08:00:00Z", text: "Ukraine shipped more grain through its Black Sea ports in May than in any month this year, the agriculture ministry said on Tuesday. Exporters said insurance costs had fallen." }));
  writeFileSync(join(dir, "in.jsonl"), lines.join("\n"));
  const r = io();
  expect(await main(["ingest", "--jsonl", join(dir, "in.jsonl"), "--db", db], r.io)).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [], err: string[] = [];
  const value: Io = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), stdin: Readable.from(""), env: {} };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}

test("stories --json: every stored article in exactly one story, in the shape of issue 14", async () => {
  const r = io();
  expect(await main(["stories", "--json", "--db", db], r.io)).toBe(0);
  const { stories } = JSON.parse(r.out()) as { stories: Array<{ id: string; title: string; articles: Array<Record<string, unknown>>; flags: unknown[] }> };
  expect(stories).toHaveLength(4);
  const ids = stories.flatMap((s) => s.articles.map((a) => a.id));
  expect(ids).toHaveLength(IDS.length + 1);
  expect(new Set(ids).size).toBe(IDS.length + 1);
  for (const s of stories) {
    expect(Object.keys(s)).toEqual(["id", "title", "articles", "flags"]);
    for (const a of s.articles) expect(Object.keys(a)).toEqual(["id", "title", "url", "publisher", "publishedAt"]);
  }
  const border = stories.find((s) => s.articles.length === 3)!;
  expect(border.articles.map((a) => a.publisher)).toEqual(["Continental Wire", "Capital Times", "Evening Standard Post"]);
  expect(border.articles[0]).toMatchObject({ url: "https://news.example.org/troops-border-a", publishedAt: "2026-06-01T09:10:00Z" });
  expect(border.flags).toEqual([
    { kind: "figure", articles: [border.articles[0]!.id, border.articles[1]!.id], what: "troops", values: ["100,000 troops", "130,000 Kestrian soldiers"] },
  ]);
});

test("stories in words, --limit, and a bad --limit is a usage error", async () => {
  const r = io();
  expect(await main(["stories", "--db", db, "--limit", "5"], r.io)).toBe(0);
  expect(r.out()).toContain("3 sources: Continental Wire, Capital Times, Evening Standard Post");
  expect(r.out()).toContain("⚠ Sources differ: 100,000 troops (Continental Wire, 09:10) vs 130,000 Kestrian soldiers (Capital Times, 11:45)");
  const one = io();
  expect(await main(["stories", "--db", db, "--limit", "1", "--json"], one.io)).toBe(0);
  expect(JSON.parse(one.out()).stories).toHaveLength(1);
  const bad = io();
  expect(await main(["stories", "--db", db, "--limit", "0"], bad.io)).toBe(2);
  expect(bad.err()).toContain("--limit must be a positive whole number");
});

test("stories --topic keeps the stories with articles on the topic", async () => {
  const r = io();
  expect(await main(["stories", "--db", db, "--topic", "ukraine", "--json"], r.io)).toBe(0);
  expect(JSON.parse(r.out()).stories.map((s: { title: string }) => s.title)).toEqual(["Ukraine ships more grain"]);
  const none = io();
  expect(await main(["stories", "--db", db, "--topic", "nothing-like-this", "--json"], none.io)).toBe(0);
  expect(JSON.parse(none.out())).toEqual({ stories: [] });
});

test("ask --json carries each story's sources and flags", async () => {
  const r = io();
  expect(await main(["ask", "/brief dravia", "--json", "--db", db], r.io)).toBe(0);
  const answer = JSON.parse(r.out());
  expect(answer.kind).toBe("brief");
  expect(answer.stories[0].sources).toHaveLength(3);
  expect(answer.stories[0].flags[0]).toMatchObject({ kind: "figure", what: "troops" });
});

// kill -9 in the middle of ingestion: every acknowledged article is there, and none is half there.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import type { BriefingCard } from "../../src/core/index.js";
import { openSqliteStore } from "../../src/store/index.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-crash-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it has acknowledged `acks` articles, then kills it with SIGKILL. */
function ingestAndKill(path: string, acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, "crash-child.js"), path], { stdio: ["ignore", "pipe", "pipe"] });
    const acked: string[] = [];
    let buf = "", err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith("ack ")) acked.push(line.slice(4));
        if (acked.length === acks) child.kill("SIGKILL");
      }
    });
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve(acked) : reject(new Error(`child exited on its own: ${err}`))));
  });
}

test("kill -9 mid-ingestion loses nothing acknowledged and leaves no half article", async () => {
  const path = join(dir, "crash.db");
  const acked = await ingestAndKill(path, 150);
  expect(acked.length).toBeGreaterThanOrEqual(150);

  const raw = new Sqlite(path);
  expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
  // Every stored article has exactly its card's quotes, figures and topics, and its search row.
  const rows = raw.prepare("SELECT seq, card FROM articles").all() as Array<{ seq: number; card: string }>;
  const count = (sql: string, seq: number) => (raw.prepare(sql).get(seq) as { n: number }).n;
  for (const r of rows) {
    const card = JSON.parse(r.card) as BriefingCard;
    expect(count("SELECT count(*) AS n FROM quotes WHERE seq = ?", r.seq)).toBe(card.quotes.length);
    expect(count("SELECT count(*) AS n FROM figures WHERE seq = ?", r.seq)).toBe(card.figures.length);
    expect(count("SELECT count(*) AS n FROM topics WHERE seq = ?", r.seq)).toBe(new Set(card.topics).size);
    expect(count("SELECT count(*) AS n FROM articles_fts WHERE rowid = ?", r.seq)).toBe(1);
  }
  raw.close();

  const store = openSqliteStore(path);
  for (const id of acked) expect((await store.get(id))?.id).toBe(id);
  expect(await store.count()).toBeGreaterThanOrEqual(acked.length);
  // Ingestion goes on where it stopped.
  const more = await ingestAndKill(path, 5);
  expect(more.length).toBeGreaterThanOrEqual(5);
  await store.close();
});

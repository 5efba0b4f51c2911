// ingest, ask and topics through the CLI's main(), in process, against SQLite files in a temp folder.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import Sqlite from "better-sqlite3";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";
import { SQLITE_MIGRATIONS } from "../../src/store/sqlite-schema.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-cli-"));
  writeFileSync(
    join(dir, "wall.md"),
    "---\ntitle: Harbour town votes to rebuild its sea wall\n---\nThe council of Port Merrow voted on Monday to rebuild the sea wall.\n\n" +
      '"We cannot ask families to sandbag their doors every spring," said Lena Okafor, the mayor.\n\nThe work will employ 130 builders.\n',
  );
  writeFileSync(
    join(dir, "in.jsonl"),
    [
      JSON.stringify({ id: "a", text: 'Growers in the Vell valley lost their blossom to frost. "Nobody here remembers a frost this hard in April," said Tomas Reyes.' }),
      "{broken",
    ].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string> = {}, stdin = "") {
  const out: string[] = [], err: string[] = [];
  const value: Io = {
    stdout: (s) => void out.push(s),
    stderr: (s) => void err.push(s),
    stdin: Readable.from(stdin),
    env,
  };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}

test("ingest files and JSON lines, then ask, ask --jsonl and topics", async () => {
  const db = join(dir, "one.db");
  const env = { BRIEFBOT_DB: db };
  const a = io(env);
  expect(await main(["ingest", join(dir, "wall.md"), "--jsonl", join(dir, "in.jsonl")], a.io)).toBe(0);
  expect(a.out()).toBe("ingested 2, updated 0, unchanged 0, failed 1\n");
  expect(a.err()).toMatch(/failed: .*in.jsonl:2: bad_line: .*not JSON/);

  const again = io(env);
  expect(await main(["ingest", join(dir, "wall.md")], again.io)).toBe(0);
  expect(again.out()).toBe("ingested 0, updated 0, unchanged 1, failed 0\n");

  const q = io(env);
  expect(await main(["ask", 'who said "sandbag their doors"?', "--json"], q.io)).toBe(0);
  const answer = JSON.parse(q.out());
  expect(answer.kind).toBe("whosaid");
  expect(answer.matches[0].quote.text).toMatch(/sandbag their doors/);

  const text = io(env);
  expect(await main(["ask", "who said nobody remembers a frsot this hard"], text.io)).toBe(0);
  expect(text.out()).toMatch(/“Nobody here remembers a frost this hard in April,?”/);

  const lines = [JSON.stringify({ id: 1, ask: "how many builders?" }), "nope", JSON.stringify({ id: 2, ask: "/brief volcano" })].join("\n");
  const jl = io(env, lines);
  expect(await main(["ask", "--jsonl"], jl.io)).toBe(0);
  const got = jl.out().trim().split("\n").map((l) => JSON.parse(l));
  expect(got.map((g) => [g.id, g.answer?.kind ?? g.error.code])).toEqual([
    [1, "figures"],
    [null, "bad_json"],
    [2, "not_found"],
  ]);
  expect(got[0].answer.figures[0].figure.value).toBe(130);

  const t = io(env);
  expect(await main(["topics", "--json"], t.io)).toBe(0);
  expect(Array.isArray(JSON.parse(t.out()))).toBe(true);
});

test("--db wins over BRIEFBOT_DB and DATABASE_URL", async () => {
  const a = io({ BRIEFBOT_DB: join(dir, "env.db"), DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
  expect(await main(["ingest", join(dir, "wall.md"), "--db", join(dir, "flag.db")], a.io)).toBe(0);
  const b = io({ DATABASE_URL: join(dir, "flag.db") });
  expect(await main(["ask", "who said sandbag their doors"], b.io)).toBe(0);
});

test("a database from a newer briefbot: exit 1 and a clear message", async () => {
  const path = join(dir, "newer.db");
  const raw = new Sqlite(path);
  // One version past the last migration this build knows (a fixed number goes stale as migrations are appended).
  const newer = SQLITE_MIGRATIONS.length + 1;
  raw.pragma(`user_version = ${newer}`);
  raw.close();
  const a = io();
  expect(await main(["topics", "--db", path], a.io)).toBe(1);
  expect(a.err()).toMatch(new RegExp(`newer_schema: .*newer\\.db has schema version ${newer}.*Upgrade briefbot`));
});

test("usage errors", async () => {
  const a = io();
  expect(await main(["ingest"], a.io)).toBe(2);
  expect(await main(["ask"], a.io)).toBe(2);
  expect(a.err()).toMatch(/give files, folders or URLs/);
});

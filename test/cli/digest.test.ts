// briefbot digest preview|send through the CLI's main(), in process, with a console destination
// and a SQLite store in a temp folder: preview sends and records nothing; send prints and records.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import Sqlite from "better-sqlite3";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";
import { runBin } from "../helpers/bin.js";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-digest-cli-"));
  writeFileSync(
    join(dir, "wall.md"),
    "---\ntitle: Harbour town votes to rebuild its sea wall\n---\nThe council of Port Merrow voted on Monday to rebuild the sea wall.\n\n" +
      '"We cannot ask families to sandbag their doors every spring," said Lena Okafor, the mayor.\n\nThe work will employ 130 builders.\n',
  );
  writeFileSync(
    join(dir, "digest.yaml"),
    ["log:", "  level: silent", "digest:", "  destinations:", '    - { id: desk, platform: console, channel: news-desk, time: "07:00", timezone: Europe/London }', ""].join("\n"),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [], err: string[] = [];
  const value: Io = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), stdin: Readable.from(""), env: {} };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}

const ledgerRows = (db: string) => {
  const d = new Sqlite(db, { readonly: true });
  try {
    return d.prepare("SELECT destination_id, status, message_id FROM digest_ledger ORDER BY slot").all() as Array<{ destination_id: string; status: string; message_id: string }>;
  } finally {
    d.close();
  }
};

test("preview shows the digest and records nothing; send prints it and records it; a second send has nothing new", async () => {
  const db = join(dir, "store.db");
  const config = join(dir, "digest.yaml");
  expect(await main(["ingest", join(dir, "wall.md"), "--db", db], io().io)).toBe(0);

  const preview = io();
  expect(await main(["digest", "preview", "desk", "--config", config, "--db", db], preview.io)).toBe(0);
  expect(preview.out()).toMatch(/^Briefing digest for news-desk: \d{4}-\d\d-\d\d \d\d:\d\d \(Europe\/London\)\. 1 new card\.\n/);
  expect(preview.out()).toContain("Harbour town votes to rebuild its sea wall");
  expect(preview.out()).toContain("(preview for console news-desk: nothing sent, nothing recorded)");
  expect(ledgerRows(db)).toEqual([]);

  const send = io();
  expect(await main(["digest", "send", "desk", "--config", config, "--db", db], send.io)).toBe(0);
  expect(send.out()).toMatch(/^Briefing digest for news-desk: .* 1 new card\.\n/);
  expect(send.out()).toContain("Harbour town votes to rebuild its sea wall");
  expect(send.err()).toMatch(/^digest desk: sent, 1 card, message console:briefbot-digest:desk:\d+\n$/);
  const [row] = ledgerRows(db);
  expect(row).toEqual({ destination_id: "desk", status: "sent", message_id: expect.stringMatching(/^console:briefbot-digest:desk:\d+$/) });

  // The card went out with the first send: the next digest starts after it.
  const again = io();
  expect(await main(["digest", "send", "desk", "--config", config, "--db", db], again.io)).toBe(0);
  expect(again.out()).toMatch(/^Nothing new since \d{4}-\d\d-\d\d \d\d:\d\d \(Europe\/London\)\.\n$/);
  expect(ledgerRows(db).map((r) => r.status)).toEqual(["sent", "sent"]);
});

test("an unknown destination and a wrong action are refused", async () => {
  const config = join(dir, "digest.yaml");
  const unknown = io();
  expect(await main(["digest", "preview", "nowhere", "--config", config, "--db", join(dir, "x.db")], unknown.io)).toBe(1);
  expect(unknown.err()).toBe('briefbot digest: no destination "nowhere" (known: desk)\n');
  const wrong = io();
  expect(await main(["digest", "publish", "desk"], wrong.io)).toBe(2);
  expect(wrong.err()).toMatch(/usage: briefbot digest preview\|send <destination>/);
});

test("a Slack destination without SLACK_BOT_TOKEN is refused with the variable named", async () => {
  const config = join(dir, "slack.yaml");
  writeFileSync(config, 'log:\n  level: silent\ndigest:\n  destinations:\n    - { id: news, platform: slack, channel: C1, time: "07:00", timezone: UTC }\n');
  const r = io();
  expect(await main(["digest", "send", "news", "--config", config, "--db", join(dir, "y.db")], r.io)).toBe(1);
  expect(r.err()).toBe("briefbot digest: digest destinations news are on slack: set SLACK_BOT_TOKEN in the environment\n");
});

test("preview of a Slack or Discord destination needs no token: it prints the digest and sends nothing (built CLI)", async () => {
  const db = join(dir, "preview.db");
  expect(await main(["ingest", join(dir, "wall.md"), "--db", db], io().io)).toBe(0);
  const config = join(dir, "platforms.yaml");
  writeFileSync(
    config,
    'log:\n  level: silent\ndigest:\n  destinations:\n    - { id: news, platform: slack, channel: C1, time: "07:00", timezone: UTC }\n    - { id: guild, platform: discord, channel: "123", time: "07:00", timezone: UTC }\n',
  );
  for (const id of ["news", "guild"]) {
    const r = runBin(["digest", "preview", id, "--config", config, "--db", db], { env: { SLACK_BOT_TOKEN: undefined, DISCORD_TOKEN: undefined, BRIEFBOT_DB: undefined, DATABASE_URL: undefined } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Harbour town votes to rebuild its sea wall");
    expect(r.stdout).toMatch(/\(preview for (slack C1|discord 123): nothing sent, nothing recorded\)/);
  }
  expect(ledgerRows(db)).toEqual([]);
}, 60_000);

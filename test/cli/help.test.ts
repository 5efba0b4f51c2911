// Every command and subcommand answers --help and -h (exit 0); bad arguments get one line and the
// usage (exit 2), never a stack trace. Runs the built bin/briefbot.js as a child process.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runBin } from "../helpers/bin.js";

const SAMPLE = "briefings/2026-11-25-river-flood-warning.md";
const COMMANDS: Array<[string[], RegExp]> = [
  [["start"], /^usage: briefbot start /],
  [["card"], /^usage: briefbot card FILE/],
  [["quotes"], /^usage: briefbot quotes FILE\.\.\./],
  [["ingest"], /^usage: briefbot ingest /],
  [["ask"], /^usage: briefbot ask /],
  [["topics"], /^usage: briefbot topics /],
  [["digest", "preview"], /^usage: briefbot digest preview\|send/],
  [["digest", "send"], /^usage: briefbot digest preview\|send/],
  [["digest", "set"], /\n {7}briefbot digest set <id> /],
  [["digest", "list"], /briefbot digest list\|history/],
  [["feeds", "add"], /^usage: briefbot feeds add URL/],
  [["feeds", "list"], /briefbot feeds list/],
  [["audit"], /^usage: briefbot audit /],
  [["discord", "register"], /^usage: briefbot discord register/],
  [["discord", "invite"], /briefbot discord invite/],
  [["discord", "commands"], /briefbot discord commands/],
];

describe("--help and -h", () => {
  test.each(COMMANDS.flatMap(([cmd, usage]) => [[[...cmd, "--help"], usage] as const, [[...cmd, "-h"], usage] as const]))("briefbot %j prints the usage, exit 0", (argv, usage) => {
    const r = runBin([...argv]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(usage);
    expect(r.status).toBe(0);
  });
});

const STACK = /\n\s+at |TypeError|ERR_PARSE_ARGS/;

describe("usage errors: one line, then the usage, exit 2", () => {
  test.each<[string[], RegExp]>([
    [["card", SAMPLE, "--bogus"], /^briefbot card: unknown option --bogus\nusage: briefbot card /],
    [["card", SAMPLE, "--format"], /^briefbot card: --format needs a value\nusage: briefbot card /],
    [["quotes", "--verbose", SAMPLE], /^briefbot quotes: unknown option --verbose\nusage: briefbot quotes /],
    [["ask", "--json=yes", "brief flood"], /^briefbot ask: --json takes no value\nusage: briefbot ask /],
    [["topics", "--db", "mysql://db.example/news"], /^briefbot topics: unknown database scheme "mysql:".*\nusage: briefbot topics /],
    [["ingest", SAMPLE, "--db", "redis://127.0.0.1"], /^briefbot ingest: unknown database scheme "redis:".*\nusage: briefbot ingest /],
    [["start", "--db", "mysql://x"], /^briefbot start: unknown database scheme "mysql:".*\nusage: briefbot start /],
    [["start", "now"], /^briefbot start: unexpected argument now\nusage: briefbot start /],
    [["digest", "publish", "desk"], /^briefbot digest: unknown action "publish": give preview, send, set, list, remove or history\nusage: briefbot digest /],
    [["digest", "preview", "desk", "--db", "mysql://x"], /^briefbot digest: unknown database scheme "mysql:".*\nusage: briefbot digest /],
    [["discord", "--guild"], /^briefbot discord: --guild needs a value\nusage: briefbot discord /],
    [["carrd"], /^briefbot: unknown command "carrd"\nusage:/],
  ])("briefbot %j", (argv, message) => {
    const r = runBin(argv);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stdout).toBe("");
    expect(r.status).toBe(2);
  });

  test("mysql://x creates no SQLite file named mysql:", () => {
    const dir = mkdtempSync(join(tmpdir(), "briefbot-db-"));
    expect(runBin(["topics", "--db", "mysql://x"], { cwd: dir }).status).toBe(2);
    expect(existsSync(join(dir, "mysql:"))).toBe(false);
  });
});

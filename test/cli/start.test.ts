// Console mode end to end: start the built bot as a process, type questions, read the answers.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { SAMPLES } from "../helpers/briefings.js";

const root = resolve(__dirname, "../..");
const bin = join(root, "bin", "briefbot.js");
const built = existsSync(join(root, "dist", "src", "cli", "index.js"));
const tmp = mkdtempSync(join(tmpdir(), "briefbot-start-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The environment of a fresh machine: no chat tokens, no database settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK|DISCORD|BRIEFBOT|DATABASE_URL)/.test(k)) env[k] = v;
  return { ...env, LOG_LEVEL: "warn", ...extra };
}

function run(args: string[], input: string, env = cleanEnv()): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { env, cwd: tmp });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", fail);
    child.on("close", (code) => done({ code, out, err }));
    child.stdin.end(input);
  });
}

(built ? describe : describe.skip)("briefbot start (console mode, no tokens set)", () => {
  test("prints the digest of briefings/, then answers typed commands and questions", async () => {
    const db = join(tmp, "console.db");
    const questions = ["/brief ukraine", "/whosaid closer than we were", 'who said "cook fast"?', "how many troops?", "/figures flood", "/topics", "/brief atlantis", "/quit", "/brief never read"];
    const { code, out } = await run(["start", "--db", db], questions.join("\n") + "\n");
    expect(code).toBe(0);
    const [digest, ...answers] = out.split("Ask me:");
    // The digest lists every sample briefing by title.
    expect(digest).toMatch(new RegExp(`^Morning digest · \\d{4}-\\d\\d-\\d\\d · ${SAMPLES} briefings`));
    expect(digest).toContain("■ Ukraine races to repair power grid before winter as Kyiv rations electricity");
    expect(digest).toContain("■ Flood warning for 2.4 million people as the Marren river rises");
    const rest = answers.join("");
    expect(rest).toContain("Ukraine races to repair power grid"); // /brief ukraine
    expect(rest).toMatch(/“We are not there yet, but we are closer than we were a week ago\.”/);
    expect(rest).toMatch(/Iryna Savchuk[^\n]* said:\n  “You learn to cook fast/);
    expect(rest).toMatch(/1,800 soldiers/); // how many troops? finds soldiers
    expect(rest).toMatch(/\$2\.3B( — [^\n]*)?\n  The government has set aside \$2\.3bn for flood defences/); // figures flood
    expect(rest).toMatch(/Topics: .*ukraine/);
    expect(rest).toMatch(/Nothing found for "atlantis"/);
    // Nothing after /quit is answered.
    expect(rest).not.toContain("never read");
  });

  test("a second start finds the briefings already stored (unchanged), and the store persists", async () => {
    const db = join(tmp, "twice.db");
    await run(["start", "--db", db], "");
    const { code, err } = await run(["start", "--db", db], "/topics\n", cleanEnv({ LOG_LEVEL: "info" }));
    expect(code).toBe(0);
    expect(err).toContain(`"ingested":0,"updated":0,"unchanged":${SAMPLES}`);
  });

  test("a digest destination with a bad time zone, or on Slack without a token, stops the start with the reason", async () => {
    const zone = join(tmp, "zone.yaml");
    writeFileSync(zone, 'digest:\n  destinations:\n    - { id: news, platform: console, channel: desk, time: "07:00", timezone: Europe/Lundon }\n');
    const bad = await run(["start", "--config", zone], "");
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`briefbot: the bot did not start: ${zone}: "digest.destinations.0.timezone": unknown IANA time zone "Europe/Lundon"`);
    const slack = join(tmp, "slack-digest.yaml");
    writeFileSync(slack, 'digest:\n  destinations:\n    - { id: news, platform: slack, channel: C1, time: "07:00", timezone: UTC }\n');
    const noToken = await run(["start", "--config", slack, "--db", join(tmp, "nt.db")], "");
    expect(noToken.code).toBe(1);
    expect(noToken.err).toContain("briefbot: the bot did not start: digest destinations news are on slack: set SLACK_BOT_TOKEN in the environment");
  });

  test("a wrong configuration stops the start with the key and the file named", async () => {
    const bad = join(tmp, "bad.yaml");
    writeFileSync(bad, "slack:\n  mode: websocket\n");
    const { code, err, out } = await run(["start", "--config", bad], "");
    expect(code).toBe(1);
    expect(err).toContain(`briefbot: the bot did not start: ${bad}: "slack.mode"`);
    expect(out).toBe("");
  });
});

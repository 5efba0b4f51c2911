import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { main } from "../../src/cli/index.js";
import { memoryIo } from "../helpers/io.js";

const root = resolve(__dirname, "../..");
const sample = join(root, "briefings", "2026-11-25-river-flood-warning.md");
const tmp = mkdtempSync(join(tmpdir(), "briefbot-cli-"));

describe("briefbot card", () => {
  test("FILE prints the card as JSON, with front matter as title and source", async () => {
    const io = memoryIo();
    expect(await main(["card", sample], io)).toBe(0);
    const card = JSON.parse(io.out());
    expect(card.schemaVersion).toBe(1);
    expect(card.title).toBe("Flood warning for 2.4 million people as the Marren river rises");
    expect(card.source).toEqual({ path: sample, publisher: "briefbot samples", publishedAt: "2026-11-25" });
    expect(card.id).toMatch(/^[0-9a-f]{16}$/);
  });

  test("--format text and markdown print for people", async () => {
    const text = memoryIo();
    expect(await main(["card", sample, "--format", "text"], text)).toBe(0);
    expect(text.out()).toMatch(/^Flood warning for 2\.4 million people/);
    expect(text.out()).toContain("• ");
    const md = memoryIo();
    expect(await main(["card", sample, "--format", "markdown"], md)).toBe(0);
    expect(md.out()).toMatch(/^## Flood warning/);
  });

  test("- reads standard input", async () => {
    const io = memoryIo("Officials said on Monday that the bridge would open next year. The mayor welcomed it.");
    expect(await main(["card", "-"], io)).toBe(0);
    expect(JSON.parse(io.out()).stats.words).toBe(15);
  });

  test.each<[string, string[], string, number, RegExp]>([
    ["no file", ["card"], "", 2, /give a FILE/],
    ["a bad format", ["card", sample, "--format", "pdf"], "", 2, /--format must be one of/],
    ["a missing file", ["card", join(tmp, "missing.txt")], "", 1, /cannot read/],
    ["an empty article", ["card", "-"], "   \n  ", 1, /empty: the article has no words/],
    ["a binary article", ["card", "-"], "PK\u0003\u0004\u0000\u0000binary", 1, /not_text/],
    ["an unknown command", ["carrd"], "", 2, /unknown command "carrd"/],
  ])("%s: exit code and a clear error", async (_what, argv, stdin, code, message) => {
    const io = memoryIo(stdin);
    expect(await main(argv, io)).toBe(code);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe("");
  });

  test("--jsonl writes one line per input line and goes on after bad lines", async () => {
    const lines = [
      JSON.stringify({ id: "a", text: "The council approved the plan on Monday. Work starts in March.", title: "Plan approved" }),
      "{not json",
      JSON.stringify({ id: "b", text: "" }),
      JSON.stringify({ id: "c" }),
      JSON.stringify(["array"]),
      JSON.stringify({ id: "d", text: "x".repeat(1_000_001) }),
      JSON.stringify({ id: "e", text: "Rain fell for three days. Rivers rose across the valley.", url: "https://example.org/e" }),
    ];
    const io = memoryIo(lines.join("\n") + "\n");
    expect(await main(["card", "--jsonl"], io)).toBe(0);
    const out = io.out().trim().split("\n").map((l) => JSON.parse(l));
    expect(out.map((o) => [o.id, o.error?.code ?? "card"])).toEqual([
      ["a", "card"],
      [null, "bad_json"],
      ["b", "empty"],
      ["c", "not_text"],
      [null, "bad_record"],
      ["d", "too_large"],
      ["e", "card"],
    ]);
    expect(out[0].card.title).toBe("Plan approved");
    expect(out[6].card.source.url).toBe("https://example.org/e");
    expect(io.err()).toMatch(/5 of 7 lines failed/);
  });

  const bin = join(root, "bin", "briefbot.js");
  const built = existsSync(join(root, "dist", "src", "cli", "index.js"));
  (built ? test : test.skip)("the installed bin runs the built CLI (npm run build first)", () => {
    const file = join(tmp, "a.txt");
    writeFileSync(file, "Ministers met on Friday. They agreed on a plan to cut emissions by 40% before 2035.");
    const out = execFileSync(process.execPath, [bin, "card", file], { encoding: "utf8" });
    expect(JSON.parse(out).figures.map((f: { value: number }) => f.value)).toContain(40);
    const bad = spawnSync(process.execPath, [bin, "card"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
  });
});

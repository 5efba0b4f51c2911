// briefbot quotes FILE: the table a person reads, and its exit codes.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";

function capture(stdin = ""): Io & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    stdout: (s: string) => void (io.out += s),
    stderr: (s: string) => void (io.err += s),
    stdin: Readable.from([Buffer.from(stdin)]),
  };
  return io;
}

describe("briefbot quotes", () => {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-quotes-"));
  const file = join(dir, "article.txt");
  writeFileSync(file, "Harbour Repairs Begin\n\n“The crane arrives on Tuesday,” said Tomas Berg, the harbour master.\n\nBerg said the work could “take all winter”.\n");

  test("prints one row per quote with speaker, role, kind and confidence", async () => {
    const io = capture();
    expect(await main(["quotes", file], io)).toBe(0);
    const lines = io.out.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^#\s+kind\s+speaker\s+role\s+conf\s+cue\s+quote$/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toMatch(/^1\s+direct\s+Tomas Berg\s+harbour master\s+0\.\d\d\s+said\s+“The crane arrives on Tuesday”$/);
    expect(lines[3]).toMatch(/^2\s+partial\s+Tomas Berg\s+harbour master\s+0\.\d\d\s+said\s+“take all winter”$/);
  });

  test("reads standard input with -", async () => {
    const io = capture("Nothing quoted here, only plain words.");
    expect(await main(["quotes", "-"], io)).toBe(0);
    expect(io.out).toBe("no quotes\n");
  });

  test("a missing file or an empty article exits 1 with a message; no FILE is a usage error", async () => {
    const missing = capture();
    expect(await main(["quotes", join(dir, "nope.txt")], missing)).toBe(1);
    expect(missing.err).toMatch(/cannot read/);
    const empty = capture("   ");
    expect(await main(["quotes", "-"], empty)).toBe(1);
    expect(empty.err).toMatch(/empty/);
    const usage = capture();
    expect(await main(["quotes"], usage)).toBe(2);
  });
});

// The bench runner's --help prints what each bench takes and runs none of them (a store bench run by
// mistake builds 100,000 articles); the allocation sampler used by index-cost --alloc.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { sampleAllocations } from "../../bench/alloc.js";

const root = join(__dirname, "..", "..");

test("--help prints the usage of every bench and runs none", () => {
  for (const args of [["--help"], ["store", "--help"], ["-h"]]) {
    const r = spawnSync(process.execPath, [join(root, "dist", "bench", "run.js"), ...args], { cwd: root, encoding: "utf8", timeout: 30_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run bench/);
    for (const name of ["card", "figures", "store", "stories", "memory", "index-cost", "chart", "pure", "whosaid", "digest", "digest-http"]) {
      expect(r.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    }
    expect(r.stdout).toContain("--alloc all|kept");
    expect(r.stdout).not.toMatch(/^## /m);
  }
});

describe("sampleAllocations", () => {
  const keep: string[][] = [];
  // About 4 MB of strings in arrays, made by one named function.
  function makeWords(keepThem: boolean): void {
    for (let i = 0; i < 200; i++) {
      const ws = Array.from({ length: 500 }, (_, k) => `word-${i}-${k}-`.repeat(2));
      if (keepThem) keep.push(ws);
    }
  }

  it.each([["all"], ["kept"]] as const)("tells what %s was allocated and by which function", async (kind) => {
    const stop = await sampleAllocations(kind);
    makeWords(true);
    const a = await stop();
    // Kept alive here, so counted under both kinds; sampled, so within a wide margin.
    expect(a.bytes).toBeGreaterThan(2 * 2 ** 20);
    expect(a.bytes).toBeLessThan(40 * 2 ** 20);
    expect(a.byFunction[0]![0]).toMatch(/^(?:makeWords|repeat|from|\(anonymous\)) /);
    expect(a.byFunction.filter(([f]) => /makeWords|run\.test/.test(f)).reduce((n, [, b]) => n + b, 0)).toBeGreaterThan(a.bytes / 2);
    keep.length = 0;
  });

  // About 120 MB of strings dropped as soon as made: all of it allocated, little of it outliving a scavenge.
  function makeGarbage(): number {
    let n = 0;
    for (let i = 0; i < 6000; i++) n += Array.from({ length: 500 }, (_, k) => `gone-${i}-${k}-`.repeat(2)).length;
    return n;
  }
  const garbage = (a: { byFunction: Array<[string, number]> }) => a.byFunction.filter(([f]) => /makeGarbage|run\.test/.test(f)).reduce((n, [, b]) => n + b, 0);

  it("leaves out of kept what the young generation collected", async () => {
    let stop = await sampleAllocations("all");
    makeGarbage();
    const all = garbage(await stop());
    stop = await sampleAllocations("kept");
    makeGarbage();
    const kept = garbage(await stop());
    expect(all).toBeGreaterThan(60 * 2 ** 20);
    // What the last scavenge had not reached yet is still counted: at most a young generation's worth.
    expect(kept).toBeLessThan(all / 3);
  });
});

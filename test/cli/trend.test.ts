// briefbot trend through the CLI's main(), in process, over the sample articles in a SQLite file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { main } from "../../src/cli/index.js";
import type { Io } from "../../src/cli/io.js";
import { BRIEFINGS } from "../trends/samples.js";

let dir: string;
let env: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "briefbot-trend-"));
  env = { BRIEFBOT_DB: join(dir, "b.db") };
  expect(await main(["ingest", BRIEFINGS], io().io)).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  const out: string[] = [], err: string[] = [];
  const value: Io = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), stdin: Readable.from(""), env };
  return { io: value, out: () => out.join(""), err: () => err.join("") };
}

test("trend --out writes the chart and prints the table", async () => {
  const file = join(dir, "chart.png");
  const a = io();
  expect(await main(["trend", "evacuees", "--in", "wildfire", "--out", file], a.io)).toBe(0);
  expect(a.out()).toMatch(/^evacuees \(people\) in wildfire: from 3,200 on 2026-12-01 to 15,400 on 2026-12-03/);
  expect(a.out()).toMatch(/2026-12-03 +15,400 +Radio Tessel/);
  expect(a.out()).toMatch(/Chart: .*chart\.png \(\d+×\d+ PNG, \d+ KB\)/);
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.readUInt32BE(16)).toBeGreaterThan(700);
});

test("trend --json is the typed answer; ask gives the same", async () => {
  const a = io();
  expect(await main(["trend", "people evacuated in wildfire", "--json"], a.io)).toBe(0);
  const t = JSON.parse(a.out());
  expect(t).toMatchObject({ kind: "trend", unit: "people" });
  expect(t.series.map((p: { value: number }) => p.value)).toEqual([3200, 9000, 15400]);
  const b = io();
  expect(await main(["ask", "how has the number of evacuees changed?", "--json"], b.io)).toBe(0);
  expect(JSON.parse(b.out()).series).toEqual(t.series);
});

test("one point writes no chart; nothing found and no words are told apart", async () => {
  const file = join(dir, "one.png");
  const a = io();
  expect(await main(["trend", "homes", "--in", "wildfire", "--out", file], a.io)).toBe(1);
  expect(a.out()).toMatch(/^Only one article gives homes/);
  expect(a.err()).toBe("briefbot trend: no chart written: one point is not a trend\n");
  expect(existsSync(file)).toBe(false);
  const b = io();
  expect(await main(["trend", "giraffes"], b.io)).toBe(1);
  expect(b.out()).toMatch(/^Nothing found for "giraffes"/);
  const c = io();
  expect(await main(["trend"], c.io)).toBe(2);
  expect(c.err()).toMatch(/^briefbot trend: say what to follow/);
});

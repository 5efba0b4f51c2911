// The whole card of the seed article against its hand-made gold, and the shared scorer in --strict mode.
// Reads ../shared beside the project; skips with a message where it is absent.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCard } from "../../src/core/index.js";
import { describeShared, SHARED, sharedPath } from "../helpers/shared.js";

const shared = SHARED;
const seed = sharedPath("seed", "ukraine-un-blinken.txt");
const goldFile = sharedPath("seed", "ukraine-un-blinken.gold.json");

interface Gold {
  title: string;
  quotes: Array<{ text: string; start: number; end: number; speaker: string; partial: boolean }>;
  figures: Array<{ value: number; qualifier: string | null; unit: string }>;
  people: Array<{ name: string; role: string }>;
  places: string[];
  organizations: string[];
  topics: string[];
}

describeShared("the seed article's card", ["seed/ukraine-un-blinken.txt", "seed/ukraine-un-blinken.gold.json", "tools/score-seed.mjs"], () => {
  const text = readFileSync(seed, "utf8");
  const gold: Gold = JSON.parse(readFileSync(goldFile, "utf8"));
  const card = buildCard({ text, path: seed });

  test("title from the headline line; 2-4 bullets that stand alone", () => {
    expect(card.title).toBe(gold.title);
    expect(card.summary.length).toBeGreaterThanOrEqual(2);
    expect(card.summary.length).toBeLessThanOrEqual(4);
    for (const b of card.summary) expect(b).not.toMatch(/^(He|She|It|They|But|And|However)\b/);
  });

  test("every quote at its offsets, of its kind, said by Antony Blinken, US Secretary of State", () => {
    for (const g of gold.quotes) {
      const q = card.quotes.find((x) => x.start === g.start);
      expect(q?.text).toBe(g.text.replace(/,$/, "")); // a comma before the closing mark belongs to the sentence
      // The gold's partials ("manufacture") must be partial. One gold "direct" quote is a lower-case clause
      // after "challenged the Kremlin to": the card calls it partial, which the quote scorer also accepts.
      if (g.partial) expect(q?.kind).toBe("partial");
      expect(q?.speaker).toEqual({ name: "Antony Blinken", role: "US Secretary of State" });
      expect(text.slice(q!.start, q!.end)).toBe(q!.text);
    }
  });

  test("the four figures with their values, qualifier and what they count", () => {
    for (const g of gold.figures) {
      const f = card.figures.find((x) => x.value === g.value);
      expect(f).toBeDefined();
      expect(f!.qualifier).toBe(g.qualifier);
      if (g.unit === "year") expect(f!.kind).toBe("year");
      else expect(`${f!.unit} ${f!.about}`).toMatch(g.unit === "troops" ? /troops|more/ : new RegExp(g.unit));
    }
  });

  test("Antony Blinken with his role, the places and organisations, the topics", () => {
    const blinken = card.entities.find((e) => e.type === "person" && e.name === "Antony Blinken");
    expect(blinken?.role).toBe("US Secretary of State");
    const names = (type: string) => card.entities.filter((e) => e.type === type).flatMap((e) => [e.name, ...(e.aliases ?? [])]);
    for (const p of ["Ukraine", "Russia", "Moscow", "Belarus", "Kyiv"]) expect(names("place")).toContain(p);
    expect(names("organization")).toEqual(expect.arrayContaining(["North Atlantic Treaty Organization", "Kremlin"]));
    expect(card.topics.slice(0, 3)).toEqual(expect.arrayContaining(gold.topics));
  });

  test("the shared scorer passes in --strict mode", () => {
    const out = join(mkdtempSync(join(tmpdir(), "briefbot-seed-")), "card.json");
    writeFileSync(out, JSON.stringify(card));
    const report = execFileSync(process.execPath, [join(shared, "tools", "score-seed.mjs"), "--gold", goldFile, "--card", out, "--strict"], { encoding: "utf8" });
    expect(report.trim().split("\n").at(-1)).toMatch(/^seed: (\d+)\/\1 checks pass$/);
  });
});

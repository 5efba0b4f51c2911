// The seed article's figures, against its gold (../shared/seed), through the whole card.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCard } from "../../../src/core/card.js";
import { describeShared, sharedPath } from "../../helpers/shared.js";

const seed = sharedPath("seed");

interface GoldFigure {
  text: string;
  value: number;
  qualifier: string | null;
  unit: string | null;
}

describeShared("seed article figures", ["seed/ukraine-un-blinken.txt", "seed/ukraine-un-blinken.gold.json"], () => {
  const text = readFileSync(join(seed, "ukraine-un-blinken.txt"), "utf8");
  const gold = JSON.parse(readFileSync(join(seed, "ukraine-un-blinken.gold.json"), "utf8")) as { figures: GoldFigure[] };
  const card = buildCard({ text });

  test("every gold figure is on the card with its value and qualifier, each with its sentence", () => {
    expect(gold.figures.length).toBeGreaterThan(0);
    for (const g of gold.figures) {
      const f = card!.figures.find((x) => x.value === g.value);
      expect(f).toBeDefined();
      expect(f!.qualifier ?? null).toBe(g.qualifier);
      expect(text.slice(f!.start, f!.end)).toBe(f!.text);
      expect(f!.sentence.length).toBeGreaterThan(0);
      if (g.unit && g.unit !== "year") expect(f!.unit).toBe(g.unit);
      if (g.unit === "year") expect(f!.kind).toBe("year");
    }
    expect(card!.figures.length).toBeLessThanOrEqual(8);
  });
});

describe("a text of figures alone", () => {
  test("is briefed, and a text with no word and no digit is still refused", () => {
    expect(buildCard({ text: "1,234,567" }).figures.map((f) => f.value)).toEqual([1234567]);
    expect(() => buildCard({ text: "a" })).toThrow(/no words/);
  });
});

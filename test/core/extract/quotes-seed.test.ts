// The seed article's gold: its eight quotes, each attributed to Antony Blinken with his role.
// Reads ../shared (beside the project); skips with a message where that folder is absent.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";
import { extractQuotes } from "../../../src/core/extract/quotes.js";
import { describeShared, sharedPath } from "../../helpers/shared.js";

const seedDir = sharedPath("seed");

interface GoldQuote {
  text: string;
  start: number;
  end: number;
  speaker: string;
  partial: boolean;
}

describeShared("seed article quotes", ["seed/ukraine-un-blinken.txt", "seed/ukraine-un-blinken.gold.json"], () => {
  const text = readFileSync(join(seedDir, "ukraine-un-blinken.txt"), "utf8");
  const gold: { quotes: GoldQuote[]; people: Array<{ name: string; role: string }> } = JSON.parse(readFileSync(join(seedDir, "ukraine-un-blinken.gold.json"), "utf8"));
  const doc = analyze(text);
  const entities = extractEntities(doc);
  const quotes = extractQuotes(doc, entities);

  test("finds every gold quote at its offsets, attributed to its speaker with the role", () => {
    expect(gold.quotes).toHaveLength(8);
    for (const g of gold.quotes) {
      const q = quotes.find((x) => x.start === g.start && x.end === g.end);
      expect({ text: g.text, found: q?.text, speaker: q?.speaker }).toEqual({
        text: g.text,
        found: g.text,
        speaker: { name: g.speaker, role: gold.people[0]!.role },
      });
    }
  });

  test("no other quotes, and every direct quote is confident", () => {
    expect(quotes).toHaveLength(gold.quotes.length);
    for (const q of quotes.filter((x) => x.kind === "direct")) expect(q.confidence).toBeGreaterThanOrEqual(0.6);
  });

  test("Blinken is one person with his role and his surname as an alias", () => {
    const p = entities.entities.find((e) => e.type === "person" && e.name === "Antony Blinken");
    expect(p).toMatchObject({ role: "US Secretary of State", aliases: ["Blinken"] });
  });
});

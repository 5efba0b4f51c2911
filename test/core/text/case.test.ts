// A headline in capitals, said in sentence case with the body's spelling. Invented headlines and bodies.
import { caseLikeBody, isShouted } from "../../../src/core/text/case.js";
import { buildCard } from "../../../src/core/index.js";

describe("a headline in capitals", () => {
  test.each<[string, boolean]>([
    ["HARBOUR DEAL SIGNED AT LAST", true],
    ["Harbour deal signed at last", false],
    ["UN TO ACT", false], // no word of four letters: too short to tell
    ["2,400 JOBS", true],
  ])("%s is shouted: %s", (line, want) => expect(isShouted(line)).toBe(want));

  test.each<[string, string, string]>([
    // Names and acronyms as the body writes them inside its sentences; the rest in lower case.
    ["UN AND NATO LEADERS MEET IN VARLEY OVER HARBOUR ROW", "Leaders of the UN and NATO met in Varley on Monday. The harbour row has gone on.", "UN and NATO leaders meet in Varley over harbour row"],
    // A word the body writes both ways is an everyday word.
    ["HARBOUR BOARD BACKS PLAN", "The Harbour Board met. The board backed the plan.", "Harbour board backs plan"],
    // Words the body spells only where a sentence opens, or not at all: a name when no everyday word,
    // an acronym of two or three letters, an initial.
    ["ROWING - KELLAND BEAT ORVANE'S CREW IN S. VARLEY", "Kelland won by two lengths.", "Rowing - Kelland beat Orvane's crew in S. Varley"],
    ["PORT RAISES FEES, SAYS KPA", "Fees go up in May.", "Port raises fees, says KPA"],
  ])("%s", (line, body, want) => expect(caseLikeBody(line, body)).toBe(want));

  test("a card's given headline in capitals reads in sentence case", () => {
    const card = buildCard({ text: "VARLEY FERRY BACK IN SERVICE\n\nThe Varley ferry sailed again on Monday after repairs. The ferry carries 300 cars a day." });
    expect(card.title).toBe("Varley ferry back in service");
    expect(card.titleGenerated).toBe(false);
  });
});

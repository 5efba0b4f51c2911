// Who said it, when a person's office or campaign speaks for them, and names with suffixes and particles.
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";
import { extractQuotes } from "../../../src/core/extract/quotes.js";

/** [quote text, speaker name or null] for every quote of the text. */
const who = (text: string) => {
  const doc = analyze(text);
  return extractQuotes(doc, extractEntities(doc)).map((q) => [q.text, q.speaker?.name ?? null]);
};

describe("an office or campaign of a person speaks as written", () => {
  test.each<[string, string, Array<string | null>]>([
    [
      "a possessive office as subject",
      "Senator Ingrid Alder flew home on Monday. “The senator does not recall the meeting,” Alder's office said.",
      ["Alder's office"],
    ],
    [
      "the campaign after an inverted verb",
      "Governor Tomas Varga spoke in Lakeport. “We raised more than ever,” said the Varga campaign.",
      ["the Varga campaign"],
    ],
    [
      "a document of the campaign goes back to the campaign, not the person",
      "Governor Tomas Varga spoke in Lakeport.\n\nThe Varga campaign sent out an appeal on Tuesday. “Every dollar counts this week,” the email said.",
      ["the Varga campaign"],
    ],
    [
      "the person whose campaign it is is no subject for a later pronoun",
      "Governor Ines Varga toured the port. Ana Reyes, a pastor, spoke at the rally. “They waited too long,” she said.\n\nRees thinks the Varga campaign took the town for granted. “They have to work for it now,” she said.",
      ["Ana Reyes", "Ana Reyes"],
    ],
  ])("%s", (_case, text, want) => expect(who(text).map((q) => q[1])).toEqual(want));

  test("the person stays the speaker of their own words", () => {
    expect(who("Governor Tomas Varga visited Alder's office. “It went well,” Varga said.").map((q) => q[1])).toEqual(["Tomas Varga"]);
  });
});

describe("a generation suffix is no surname", () => {
  test.each<[string, string, string]>([
    ["a Roman numeral", "Donor Ruben Alvo Marsh IV paid for the plane. “I have not spoken to anyone,” Marsh said.", "Ruben Alvo Marsh IV"],
    ["Jr.", "Alan Fisk Jr. opened the hearing. “It is true,” Fisk said.", "Alan Fisk Jr."],
  ])("the surname alone finds the full name: %s", (_case, text, want) => expect(who(text).map((q) => q[1])).toEqual([want]));
});

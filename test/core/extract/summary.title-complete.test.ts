// Generated titles are complete phrases (issue 11): the lede's tense keeps the verb agreeing with the
// subject right before it, and a verb the tagger took for a noun is no subject. Invented sentences.
import { tagWords } from "../../../src/core/extract/summary/phrases.js";
import { presentPerfect } from "../../../src/core/extract/summary/tense.js";

const perfect = (s: string) => presentPerfect(tagWords(s.split(" "))).join(" ");

describe("presentPerfect: has or have by the subject right before the verb", () => {
  test.each<[string, string]>([
    // A pronoun right before the verb decides, whatever opens the run.
    ["And in some of the clips he posted messages from fans", "And in some of the clips he has posted messages from fans"],
    ["And on the quay she painted the old ferry", "And on the quay she has painted the old ferry"],
    ["And at the harbour they repaired the nets", "And at the harbour they have repaired the nets"],
    // "and" between two subjects still makes them plural.
    ["The mayor and her deputy signed the harbour deal", "The mayor and her deputy have signed the harbour deal"],
    ["Jo Pell and Ana Roy won the rowing race", "Jo Pell and Ana Roy have won the rowing race"],
    // The head of "X of Y" decides, not the noun of its phrase.
    ["A shipment of cheeses arrived at the port", "A shipment of cheeses has arrived at the port"],
  ])("%s", (input, expected) => {
    expect(perfect(input)).toBe(expected);
  });

  test("a verb the tagger reads as a noun before a determiner leaves the run as it is", () => {
    // The tagger reads "extracts" as a noun: "found" is no main verb to put in the perfect.
    expect(perfect("The app extracts the colours from photos found online")).toBe("The app extracts the colours from photos found online");
  });
});

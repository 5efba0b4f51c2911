// "Jo Pell said he ...": the pronoun that opens reported speech means the speaker named right before the
// verb of saying, and the claim becomes a run that names them (articles written for these tests).
import { speakerOf } from "../../../src/core/extract/summary/people.js";
import { makeTitle, titleCandidates } from "../../../src/core/extract/summary/title.js";
import { analyze } from "../../../src/core/text/index.js";

const ARTICLE =
  "Rowan Tiller, the keeper of the Dunmere lighthouse, has worked on the rock for forty years. " +
  "Speaking to a local radio station, Tiller said he would hand the keys of the lighthouse to the harbour trust in May. " +
  "The trust plans to open the lighthouse to visitors.";
const full = (names: Record<string, string>) => (sn: string) => names[sn];
const words = (s: string) => s.split(" ");

describe("speakerOf: the speaker named before the verb of saying", () => {
  test.each([
    // [sentence, index of the pronoun, gender, full names by surname, expected]
    ["Tiller said he would go", 2, "he", { Tiller: "Rowan Tiller" }, "Rowan Tiller"],
    ["Rowan Tiller says that he would go", 4, "he", {}, "Rowan Tiller"],
    ["Mrs Tiller said she would go", 3, "she", {}, "Mrs Tiller"],
    ["Asked twice, Tiller admitted he would go", 4, "he", { Tiller: "Rowan Tiller" }, "Rowan Tiller"],
    // A surname the article never gives in full, a body rather than a person, a title of the other gender.
    ["Tiller said he would go", 2, "he", {}, undefined],
    ["Police said he would go", 2, "he", { Police: "Tom Police" }, undefined],
    ["Mrs Tiller said he would go", 3, "he", {}, undefined],
    // The name must open its clause, and the verb must come right before the claim.
    ["Friends of Rowan Tiller said he would go", 5, "he", {}, undefined],
    ["Rowan Tiller told Ana he would go", 4, "he", {}, undefined],
  ] as const)("%s (%i, %s)", (sentence, start, gender, names, want) => {
    expect(speakerOf(words(sentence), start, `${sentence}.`, gender, full(names))).toBe(want);
  });

  test("a name the article also marks as the other gender is no speaker for the pronoun", () => {
    const article = "Rowan Tiller said he would go. Later Tiller said she would stay.";
    expect(speakerOf(words("Rowan Tiller said he would go"), 3, article, "he", full({}))).toBeUndefined();
  });

  test("the claim is a run that names the speaker in full", () => {
    const cs = titleCandidates(analyze(ARTICLE)).map((c) => c.words.join(" "));
    expect(cs.some((c) => c.startsWith("Rowan Tiller would hand the keys of the lighthouse"))).toBe(true);
    expect(cs.some((c) => /^(?:he|Tiller) would\b/i.test(c))).toBe(false);
    const claim = "Speaking to a local radio station, Rowan Tiller said he would hand the keys of the lighthouse to the harbour trust in May. The trust plans to open the lighthouse to visitors.";
    expect(makeTitle(analyze(claim))).toMatch(/^Rowan Tiller would hand the keys of the lighthouse/);
  });
});

describe("a claim out of reported speech stands as a main clause", () => {
  test("a second claim joined by \"and that\" loses its \"that\"", () => {
    const text =
      "The Varley ferry company has confirmed that the old ferry will be sold and that a new ferry will sail to Kellbridge in May. " +
      "The new ferry was built in Dunmere.";
    const cs = titleCandidates(analyze(text)).map((c) => c.words.join(" "));
    expect(cs).toContain("the old ferry will be sold and a new ferry will sail to Kellbridge in May");
    expect(cs.some((c) => /\band that\b/.test(c) && !/^The Varley ferry company/.test(c))).toBe(false);
  });

  test("from the sentence's start the words stay as they are", () => {
    const cs = titleCandidates(analyze("Dunmere council agreed that the quay would close and that the ferry would move.")).map((c) => c.words.join(" "));
    expect(cs).toContain("Dunmere council has agreed that the quay would close and that the ferry would move");
  });
});

// Generated titles are complete phrases (issue 11): the lede's tense keeps the verb agreeing with the
// subject right before it, and a verb the tagger took for a noun is no subject. Invented sentences.
import { opensWithReport } from "../../../src/core/extract/summary/attribution.js";
import { hasMainVerb, tagWords } from "../../../src/core/extract/summary/phrases.js";
import { presentPerfect } from "../../../src/core/extract/summary/tense.js";
import { subjectComma } from "../../../src/core/extract/summary/title.js";
import { verbsTakenForNouns, type PosTag } from "../../../src/core/text/pos.js";

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

describe("a title has a finite main verb", () => {
  const main = (s: string) => hasMainVerb(tagWords(s.split(" ")));
  test.each<[string, boolean]>([
    ["The harbour crane lifted the nets from the quay", true],
    // An "-ing" form without its auxiliary is no finite verb.
    ["The harbour crane lifting the nets from the quay", false],
    ["A set of photos showing the old harbour of Varley", false],
    ["The harbour crane is lifting the nets from the quay", true],
    // "bring" is no "-ing" form.
    ["Spring storms bring the ferries to a halt", true],
  ])("%s: %s", (s, want) => expect(main(s)).toBe(want));

  test("a verb the tagger reads as a noun is a verb by the words around it", () => {
    const ws = tagWords("The app extracts the colours from old photos".split(" "));
    expect(ws[2]!.first).toBe("VERB");
    expect(hasMainVerb(ws)).toBe(true);
  });
});

describe("a run opens with who said it", () => {
  test.each<[string, boolean]>([
    ["Jo Pell explained to the board that the quay is safe", true],
    ["Jo Pell told reporters the quay is safe", true],
    ["Jo Pell is said to be planning a new quay", false],
    ["The quay was said to have been unsafe for years", false],
  ])("%s: %s", (s, want) => expect(opensWithReport(tagWords(s.split(" ")), 0)).toBe(want));
});

describe("writing to someone is no report", () => {
  test("a run about a letter is a candidate", () => {
    expect(opensWithReport(tagWords("Jo Pell has written to the council to ask for a new quay".split(" ")), 0)).toBe(false);
  });
});

describe("verbsTakenForNouns: a verb by the words around it", () => {
  const tokens = (s: string) => s.split(" ").map((x) => {
    const [text, pos] = x.split("/") as [string, PosTag];
    return { text, pos };
  });
  test.each<[string, number[]]>([
    ["The/DET app/NOUN extracts/NOUN the/DET colours/NOUN", [2]],
    ["Videos/NOUN show/NOUN the/DET old/ADJ quay/NOUN", [1]],
    ["The/DET lifeboat/NOUN rescued/NOUN six/NUM walkers/NOUN", [2]],
    ["The/DET coaches/NOUN thank/NOUN them/PRON", [2]],
    // No clause: a figure in a table, a bare form after one thing, a name in apposition.
    ["Net/PROPN loss/NOUN 5/NUM", []],
    ["Varley/PROPN return/NOUN a/DET fisherman/NOUN", []],
    ["Activist/PROPN group/NOUN The/DET Harbour/PROPN Trust/PROPN", []],
    // The clause has its verb already.
    ["Jo/PROPN said/VERB police/NOUN arrests/NOUN the/DET men/NOUN", []],
  ])("%s", (s, want) => expect([...verbsTakenForNouns(tokens(s))]).toEqual(want));
});

describe("subjectComma: one comma between a subject and its verb", () => {
  const fix = (s: string) => subjectComma(s.split(" ")).join(" ");
  test("an aside the shortening left out leaves its comma, which goes", () => {
    expect(fix("The two rowers from Varley, were found safe")).toBe("The two rowers from Varley were found safe");
  });
  test("a clause with its own verb before the comma is a list of verbs: the title ends with the first", () => {
    expect(fix("The harbour levy pays for two new pumps, has a reserve of four million")).toBe("The harbour levy pays for two new pumps");
  });
  test("a relative clause before the comma is no main clause", () => {
    expect(fix("The ferry that sank in March, was raised on Monday")).toBe("The ferry that sank in March was raised on Monday");
  });
});

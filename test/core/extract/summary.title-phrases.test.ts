// Issue 11, titles: whole phrases (names joined by "and", "either ... or", a that-clause, ", adding ...")
// who heard it ("X was told", "the court heard"), bare descriptions of a person ("The 24-year-old") and
// opening connectives, on invented sentences.
import { headlineClause, opensWithReport } from "../../../src/core/extract/summary/attribution.js";
import { shortenings, tagWords } from "../../../src/core/extract/summary/phrases.js";
import { describesPerson, makeTitle, titleCandidates } from "../../../src/core/extract/summary/title.js";
import { analyze } from "../../../src/core/text/index.js";

const forms = (s: string) => shortenings(tagWords(s.split(" ")), 0, 20).map((f) => f.map((w) => w.text).join(" "));

describe("shortened forms keep a phrase whole", () => {
  test.each<[string, string]>([
    // Names joined by "and" are one object.
    ["The rowing club has signed Jo Pell and Ana Roy for the coming season", "The rowing club has signed Jo Pell"],
    // "either" wants its "or".
    ["The ferry will sail to either Varley or Kellbridge after the repairs", "The ferry will sail to either Varley"],
    // "between" wants its "and".
    ["A new road will run between the quarry and the harbour at Varley", "A new road will run between the quarry"],
    // A verb wants its that-clause.
    ["The harbour board decided that the old ferry would be sold to a museum", "The harbour board decided"],
    // A participle after a comma wants what it adds.
    ["The mayor backed the plan for the quay, adding that the work would start in spring", "The mayor backed the plan for the quay, adding"],
  ])("%s", (sentence, cut) => {
    const all = forms(sentence);
    expect(all.length).toBeGreaterThan(0);
    expect(all).not.toContain(cut);
  });

  test("a whole phrase before the conjunction is still a stop", () => {
    expect(forms("The council closed the quay and the ferry stopped for a month")).toContain("The council closed the quay");
  });
});

describe("who heard it is an attribution", () => {
  test.each<[string, string]>([
    ["The lorry driver had been awake for twenty hours, the court heard.", "The lorry driver had been awake for twenty hours."],
    ["The quay wall had cracked in the spring, an inquiry was told.", "The quay wall had cracked in the spring."],
    // Between commas too.
    ["The driver, the court heard, had been awake for twenty hours.", "The driver had been awake for twenty hours."],
    // What a study found is told as someone's word is; a thing found is not.
    ["Walking to work can lower blood pressure, a study found.", "Walking to work can lower blood pressure."],
    ["Most anglers in Varley fish at night, the survey shows.", "Most anglers in Varley fish at night."],
    ["The boat sank near the quay, where its mast was found.", "The boat sank near the quay, where its mast was found."],
  ])("%s", (sentence, want) => expect(headlineClause(sentence)).toBe(want));

  test.each<[string, string]>([
    ["The mayor backed the plan for the new quay, adding that the work would start in spring.", "The mayor backed the plan for the new quay."],
    ["The harbour board closed the old pier, saying the timbers had rotted.", "The harbour board closed the old pier."],
  ])("what someone said next goes: %s", (sentence, want) => expect(headlineClause(sentence)).toBe(want));

  test("a short claim keeps what was said next", () => {
    const s = "The board agreed, saying the pier was unsafe.";
    expect(headlineClause(s)).toBe(s);
  });

  test("with its day", () => expect(headlineClause("The boathouse was sold for £1, the jury heard on Monday.")).toMatch(/^The boathouse was sold for £1\.?$/));

  test("a sound that was heard is what happened, not who said it", () => {
    const s = "Residents left their homes after midnight, and a loud bang was heard.";
    expect(headlineClause(s)).toBe(s);
  });

  test.each<[string, boolean]>([
    ["The jury heard that the driver had been awake for twenty hours", true],
    ["An inquiry was told how the quay wall had cracked", true],
    ["Residents heard a loud bang after midnight", false],
    ["The driver was told to leave the quay", false],
  ])("%s opens with who heard it: %s", (sentence, want) => expect(opensWithReport(tagWords(sentence.split(" ")), 0)).toBe(want));
});

describe("a bare description of a person leans on the sentence that named them", () => {
  test.each<[string, boolean]>([
    ["The 24-year-old has signed a two-year deal with the club", true],
    ["The former minister was fined £500 at Varley court", true],
    ["The three-time champion has retired from rowing", true],
    ["The world number two has pulled out of the final", true],
    ["The mother-of-two has swum to the island", true],
    ["The father-of-four's boat will be sold at Varley", true],
    ["The former Varley Rovers striker has joined a club in Kellbridge", true],
    // Named: the description ends in the name, or it is no person's.
    ["The former minister Jo Pell has died at the age of 81", false],
    ["The former minister, Jo Pell, has died at the age of 81", false],
    ["The council has approved the new harbour wall", false],
  ])("%s: %s", (sentence, want) => expect(describesPerson(sentence.split(" "))).toBe(want));

  test("the title names the person rather than opening with the description", () => {
    const text =
      "Jo Pell has signed for the Varley rowing club after four seasons in Kellbridge. " +
      "The 24-year-old won the Kellbridge regatta twice and rowed for the Varley rowing club as a junior. " +
      "The Varley rowing club finished third in the regatta last season.";
    const title = makeTitle(analyze(text));
    expect(title).not.toMatch(/^The 24-year-old/);
    expect(title).toMatch(/Jo Pell/);
  });

  test("a weight of 0 lets the description open the title again (the weight is what refuses it)", () => {
    const text =
      "Jo Pell has signed for the Varley rowing club after the Kellbridge regatta. The 24-year-old won the Kellbridge regatta twice and rowed for the Varley rowing club as a junior. " +
      "The Varley rowing club and the Kellbridge regatta share a boathouse.";
    expect(makeTitle(analyze(text), { leaning: 0 })).toMatch(/^The 24-year-old/);
    expect(makeTitle(analyze(text))).not.toMatch(/^The 24-year-old/);
  });
});

describe("an opening connective goes", () => {
  test.each<[string, string]>([
    ["Conversely, the Varley ferry has carried more cars this summer than ever before.", "The Varley ferry has carried more cars this summer than ever before"],
    ["Moreover, the harbour board has bought two new tugs for the Varley quay.", "The harbour board has bought two new tugs for the Varley quay"],
  ])("%s", (text, want) => expect(makeTitle(analyze(text))).toBe(want));
});

describe("sentences a page ran together", () => {
  test("a word capitalised only where a sentence opens, after a lower-case word, ends the run", () => {
    const text =
      "The Varley rowing club has signed three new coaches for the coming season It is the first time the club has paid its coaches. " +
      "The coaches will train the Varley rowing club's juniors.";
    const cs = titleCandidates(analyze(text)).map((c) => c.words.join(" "));
    expect(cs).toContain("The Varley rowing club has signed three new coaches for the coming season");
    expect(cs.some((c) => /season It\b/.test(c))).toBe(false);
  });

  test("each sentence loses its own attribution", () => {
    const text = "Varley anglers catch more fish at night than by day, a survey found In the same survey most anglers fished alone. Night fishing is popular with Varley anglers.";
    const cs = titleCandidates(analyze(text)).map((c) => c.words.join(" "));
    expect(cs.some((c) => /^Varley anglers catch more fish at night/.test(c))).toBe(true);
    expect(cs.some((c) => /survey found/.test(c))).toBe(false);
  });
});

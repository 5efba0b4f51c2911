// Partial quotes, part two (issue 11): a quoted sentence that the writer's own clause leads into. Every
// sentence here is invented.
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";
import { extractQuotes } from "../../../src/core/extract/quotes.js";

const quotes = (text: string) => {
  const doc = analyze(text);
  return extractQuotes(doc, extractEntities(doc)).map((q) => [q.text, q.kind, q.speaker?.name ?? null]);
};
const kinds = (text: string) => quotes(text).map((q) => q[1]);

describe("a quoted sentence after a dash that closes the writer's clause", () => {
  test.each([
    ["an em dash, then a paragraph break", "Mayor Ilse Brandt also backed the new flood levy — “We cannot wait for another winter.”\n\nThe council meets again in May."],
    ["a double hyphen, then the end of the text", "Ilse Brandt also backed the new flood levy -- “We cannot wait for another winter.”"],
    ["an en dash, then a new sentence", "Ilse Brandt spoke at the harbour. Her office printed a line from the charter – “Every town keeps its own bell.” The bell was rung at noon."],
  ])("%s: partial", (_name, text) => {
    expect(kinds(text)).toContain("partial");
    expect(kinds(text)).not.toContain("direct");
  });

  test.each([
    ["a name before the dash (a cue)", "The harbour plan was read out by Ilse Brandt — “We cannot wait for another winter.”"],
    ["a verb of saying before the dash", "Ilse Brandt looked at the crowd and said — “We cannot wait for another winter.”"],
    ["fewer than three words before the dash", "Brandt again — “We cannot wait for another winter.”"],
    ["a cue after the quote", "Ilse Brandt also backed the new flood levy — “We cannot wait for another winter,” she said."],
  ])("%s: direct", (_name, text) => {
    expect(kinds(text)).toContain("direct");
  });

  test("the quote keeps its speaker, the subject of the writer's clause", () => {
    expect(quotes("Ilse Brandt also backed the new flood levy — “We cannot wait for another winter.”\n\nThe council meets in May.")).toEqual([
      ["We cannot wait for another winter.", "partial", "Ilse Brandt"],
    ]);
  });
});

describe("a paragraph that is only a quote, after a paragraph that ends in a partial quote", () => {
  test("it goes on with the same report: partial, with the same speaker", () => {
    expect(quotes("Mayor Ilse Brandt said the dyke would “hold through the spring tides this year.”\n\n“We have sandbags for two more days.”")).toEqual([
      ["hold through the spring tides this year.", "partial", "Ilse Brandt"],
      ["We have sandbags for two more days.", "partial", "Ilse Brandt"],
    ]);
  });

  test.each([
    ["a cue of its own after the quote", "Mayor Ilse Brandt said the dyke would “hold through the spring tides this year.”\n\n“We have sandbags for two more days,” said Ilse Brandt."],
    ["the partial quote not in the last sentence of its paragraph", "Mayor Ilse Brandt said the dyke would “hold through the spring tides this year.” The tide peaks on Monday.\n\n“We have sandbags for two more days.”"],
    ["a fragment of fewer than four words before", "Mayor Ilse Brandt said the dyke was “very sound.”\n\n“We have sandbags for two more days.”"],
  ])("not when there is %s", (_name, text) => {
    expect(quotes(text).at(-1)!.slice(0, 2)).toEqual([expect.stringMatching(/^We have sandbags for two more days/), "direct"]);
  });
});

describe("a quoted sentence after a paraphrase with a partial quote", () => {
  test("one sentence of the writer's with no marks may stand between: still partial, same speaker", () => {
    expect(quotes("Ilse Brandt said the dyke would “hold through the spring tides this year.” And the tide rose fast. “We have sandbags for two more days.”")).toEqual([
      ["hold through the spring tides this year.", "partial", "Ilse Brandt"],
      ["We have sandbags for two more days.", "partial", "Ilse Brandt"],
    ]);
  });

  test("not past two sentences of the writer's", () => {
    const got = quotes("Ilse Brandt said the dyke would “hold through the spring tides this year.” The tide rose fast. The sky cleared. “We have sandbags for two more days.”");
    expect(got.at(-1)![1]).toBe("direct");
  });
});

describe("a quoted sentence after a report that names its speaker at the end", () => {
  test("the quote goes on with the report: partial, with the speaker the report names", () => {
    expect(quotes("The east field will be planted by Monday at the latest, Tomas Ekberg said. “The soil is finally warm enough.”")).toEqual([
      ["The soil is finally warm enough.", "partial", "Tomas Ekberg"],
    ]);
  });

  test.each([
    ["a cue of its own after the quote", "The east field will be planted by Monday at the latest, Tomas Ekberg said. “The soil is finally warm enough,” he added."],
    ["a bare cue sentence", "Tomas Ekberg said. “The soil is finally warm enough.”"],
    ["fewer than four words before the comma", "Planting starts, Tomas Ekberg said. “The soil is finally warm enough.”"],
  ])("not with %s", (_name, text) => {
    expect(quotes(text).find((q) => String(q[0]).startsWith("The soil"))?.[1]).not.toBe("partial");
  });
});

describe("a quoted sentence after a report that opens with its speaker and a verb of saying", () => {
  test.each([
    ["the speaker first", "Tomas Ekberg says the east field will be planted by Monday. “The soil is finally warm enough.”"],
    ["after a short opening phrase, a pronoun", "Tomas Ekberg farms near the coast. On Sunday, he said the east field would be planted by Monday. “The soil is finally warm enough.”"],
    ["a verb of saying and how", "Tomas Ekberg recalled how the first spring on the farm had been the wettest in years. “The soil never warmed at all.”"],
  ])("%s: partial, with that speaker", (_name, text) => {
    expect(quotes(text).at(-1)!.slice(1)).toEqual(["partial", "Tomas Ekberg"]);
  });

  test.each([
    ["a listener after told", "Tomas Ekberg told the co-op that the east field will be planted by Monday. “The soil is finally warm enough.”"],
    ["a cue of its own that the sentence splitter parts from the quote", "Tomas Ekberg says the east field will be planted by Monday. “Is the soil warm enough?” Ekberg asked."],
    ["too few words of what was said", "Tomas Ekberg says it works. “The soil is finally warm enough.”"],
  ])("not with %s", (_name, text) => {
    expect(quotes(text).find((q) => /soil/.test(String(q[0])))?.[1]).toBe("direct");
  });
});

describe("a paragraph that is only a quote, after a paragraph that ends in such a report", () => {
  test("partial", () => {
    const got = quotes("Tomas Ekberg farms near the coast.\n\nTomas Ekberg says the east field will be planted by Monday.\n\n“The soil is finally warm enough, and the seed is in the barn.”");
    expect(got.at(-1)![1]).toBe("partial");
  });

  test("not when the paragraph before ends in a colon (it leads into the quote)", () => {
    const got = quotes("Tomas Ekberg farms near the coast.\n\nTomas Ekberg says the east field will be planted soon, and he put it this way:\n\n“The soil is finally warm enough, and the seed is in the barn.”");
    expect(got.at(-1)![1]).toBe("direct");
  });
});

// Partial quotes (issue 11): fragments kept as quotes, the writer's opening phrase, carried speakers, and the
// verb classes behind them. Every sentence here is invented.
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";
import { extractQuotes } from "../../../src/core/extract/quotes.js";
import { ATTITUDE_VERBS, PARTIAL_CUES, SPEECH_NOUNS, SPEECH_VERBS } from "../../../src/core/extract/speakers/lexicon.js";

const quotes = (text: string) => {
  const doc = analyze(text);
  return extractQuotes(doc, extractEntities(doc)).map((q) => [q.text, q.kind, q.speaker?.name ?? null]);
};

describe("a fragment with no cue of its own", () => {
  test("four words or more after an attributed quote in the paragraph carry its speaker and stay a quote", () => {
    expect(quotes("“The pumps held all night,” Mara Quint said. Without them, “the lower town floods by Friday.”")).toEqual([
      ["The pumps held all night", "direct", "Mara Quint"],
      ["the lower town floods by Friday.", "partial", "Mara Quint"],
    ]);
  });

  test("one to three words in marks stay a scare quote, even beside an attributed quote", () => {
    const got = quotes("“The pumps held all night,” Mara Quint said. The town built a new wall, its “iron belt.”");
    expect(got).toEqual([["The pumps held all night", "direct", "Mara Quint"]]);
  });

  test("nothing is carried over a paragraph break", () => {
    const got = quotes("“The pumps held all night,” Mara Quint said.\n\nAfter that, “the lower town floods by Friday.”");
    expect(got).toEqual([["The pumps held all night", "direct", "Mara Quint"]]);
  });
});

describe("marks kept as a quote by the words of their sentence", () => {
  test.each([
    ["a verb of holding a view", "Ines Varro believes in schools that “teach the whole child.”"],
    ["a view in another inflection", "The planners fear a “slow bleed” of shops from the high street."],
    ["a study's finding", "A 2019 survey of the valley found “lasting” harm to the wetlands."],
    ["a noun of saying", "The mayor's admission that the budget was “badly overstretched” came late."],
    ["a talk verb", "The coach talked at length about “a season of rebuilding.”"],
  ])("%s", (_name, text) => {
    const got = quotes(text);
    expect(got).toHaveLength(1);
    expect(got[0]![1]).toBe("partial");
  });

  test("with no such word, a short phrase in marks is a scare quote and dropped", () => {
    expect(quotes("The harbour front was repaved with “heritage” stone last spring.")).toEqual([]);
  });
});

describe("the writer's opening phrase before a quote", () => {
  test("a phrase and a comma, then the quoted words and the cue: partial", () => {
    expect(quotes("If the rain holds off, “we plant the east field on Monday,” said Tomas Ekberg.")).toEqual([
      ["we plant the east field on Monday", "partial", "Tomas Ekberg"],
    ]);
  });

  test.each([
    ["a cue before the comma", "Tomas Ekberg added, “We plant the east field on Monday.”"],
    ["a question put to the speaker", "Asked about the harvest, “We plant the east field on Monday,” said Tomas Ekberg."],
    ["a phrasal verb of saying", "Tomas Ekberg shot back, “We plant the east field on Monday.”"],
    ["according to", "According to Tomas Ekberg, “We plant the east field on Monday.”"],
  ])("%s: still direct", (_name, text) => {
    expect(quotes(text).map((q) => q[1])).toEqual(["direct"]);
  });
});

describe("the lexicons are classes, by lemma", () => {
  test.each(["elaborated", "recommends", "surmised", "touted", "clarifies", "exhorted"])("speech verb: %s", (w) => {
    expect(SPEECH_VERBS.has(w)).toBe(true);
  });

  test.each(["believes", "feared", "regarded", "portraying", "found", "talking", "spoke"])("verb of a view: %s", (w) => {
    expect(ATTITUDE_VERBS.has(w)).toBe(true);
  });

  test("a view is no speech verb, nor is talk (\"peace talks\", \"Afrikaans-speaking\"), and perception is neither", () => {
    expect(SPEECH_VERBS.has("believes")).toBe(false);
    expect(SPEECH_VERBS.has("talks")).toBe(false);
    expect(SPEECH_VERBS.has("speaking")).toBe(false);
    expect(ATTITUDE_VERBS.has("saw")).toBe(false);
    expect(ATTITUDE_VERBS.has("knows")).toBe(false);
  });

  test("partial cues in any inflection, nouns of saying as written", () => {
    expect(["referring", "labelling", "dubs", "deemed"].every((w) => PARTIAL_CUES.has(w))).toBe(true);
    expect(["admission", "retort", "remarks"].every((w) => SPEECH_NOUNS.has(w))).toBe(true);
    expect(SPEECH_NOUNS.has("river")).toBe(false);
  });
});

test("talk as a noun ends no description: the speaker is the whole phrase", () => {
  const got = quotes("“The main issue is the ferry fee,” said a negotiator close to the port talks.");
  expect(got).toEqual([["The main issue is the ferry fee", "direct", "a negotiator close to the port talks"]]);
});

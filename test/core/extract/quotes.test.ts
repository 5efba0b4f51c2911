// Quote spans and kinds: every mark style, quotes over paragraphs, and what is no quote at all.
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";
import { extractQuotes } from "../../../src/core/extract/quotes.js";

const quotes = (text: string) => {
  const doc = analyze(text);
  return extractQuotes(doc, extractEntities(doc));
};
const texts = (text: string) => quotes(text).map((q) => [q.text, q.kind]);

describe("quote marks", () => {
  test.each<[string, string, Array<[string, string]>]>([
    ["curly double marks", "“We will rebuild the bridge,” Mayor Dana Whitfield said.", [["We will rebuild the bridge", "direct"]]],
    ["straight double marks", '"The budget is late," Omar Haddad said on Monday.', [["The budget is late", "direct"]]],
    ["two apostrophes as one mark", "''The river is rising,'' said Lena Okafor, a hydrologist.", [["The river is rising", "direct"]]],
    ["wrong-way opening mark", "”Nobody warned us,” said Priya Raman.", [["Nobody warned us", "direct"]]],
    ["single marks in a headline", "Whitfield Vows: ‘We Will Rebuild’\n\nThe mayor spoke on Monday.", [["We Will Rebuild", "direct"]]],
    ["guillemets", "«Nous restons ici», a dit Claire Dubois.", [["Nous restons ici", "direct"]]],
  ])("%s", (_name, text, want) => expect(texts(text)).toEqual(want));

  test("paragraphs run together on one line: an opening after a sentence's end inside an open quote starts the next paragraph of that quote", () => {
    const text = 'Fans filled the square. "It was a fine goal," said coach Lee Brand. "We worked all season for this. "Next year we go again."';
    const got = quotes(text).map((q) => [q.text, q.kind, q.speaker?.name ?? null]);
    expect(got).toEqual([
      ["It was a fine goal", "direct", "Lee Brand"],
      ["We worked all season for this.", "direct", "Lee Brand"],
      ["Next year we go again.", "direct", "Lee Brand"],
    ]);
  });

  test("offsets are exact JS string offsets into the article", () => {
    const text = "Intro line.\n\n“Ça va — très bien,” dit-elle. 😀 Later, “the second one” came.";
    for (const q of quotes(text)) expect(text.slice(q.start, q.end)).toBe(q.text);
  });

  test("a quote over two paragraphs: the first opens without closing, the second reopens", () => {
    const text =
      'Tomas Berg, the harbour master, said:\n\n"The storm took three boats from the north pier. We lost the crane as well.\n\n"Nobody was hurt, and that is what matters tonight."\n\nRepairs start next week.';
    const got = quotes(text);
    expect(got).toHaveLength(1);
    // Said as one passage: the break and the reopening mark read as a space; the offsets stay the span's.
    expect(got[0]!.text).toBe("The storm took three boats from the north pier. We lost the crane as well. Nobody was hurt, and that is what matters tonight.");
    expect(text.slice(got[0]!.start, got[0]!.end)).toMatch(/well\.\n\n"Nobody/);
    expect(got[0]!.speaker?.name).toBe("Tomas Berg");
  });

  test("a paragraph of quoted speech that never closes ends at its paragraph", () => {
    const text = "Ines Duarte spoke first.\n\n“We have waited long enough for this road\n\nThe council voted on Tuesday.";
    expect(texts(text)).toEqual([["We have waited long enough for this road", "direct"]]);
  });
});

describe("what is no quote", () => {
  test.each<[string, string]>([
    ["an inch mark", 'The storm dropped 14" of snow on the pass, and roads closed.'],
    ["a height", "The rookie stands 6'2\" tall and plays guard."],
    ["a film title after a title noun", "She starred in the film “The Long Winter Road” last year."],
    ["a scare-quoted word nobody said", "The so-called “reform” has changed little in the valley."],
    ["attributes inside markup", '<tweet author="someone" text="a quoted attribute">Rain again today</tweet>'],
    ["a heading in single marks", "Council Meets Again\n\n'A Long Night Ahead.'\n\nThe session ran late."],
    ["a one-word label on a line of its own", "The council met at noon.\n\n“Related:”\n\nRoads Reopen After the Flood."],
    ["a show's title before the role of someone in it", "“Harbour Lights” star Ana Ruiz opened the fair on Sunday."],
    ["a one-word title before a host", "The ‘Tidewatch’ host Omar Diaz spoke first at the fair."],
    ["a show's title before a capitalised role in a headline", "‘Harbour Lights’ Star Opens Up About Her Past\n\nThe actor spoke on Sunday."],
  ])("%s", (_name, text) => expect(quotes(text).filter((q) => q.kind === "direct")).toEqual([]));

  test("a short paragraph in single marks, where people are quoted in double marks, is a subhead", () => {
    const got = quotes("“We are ready,” said Mayor Ana Reyes.\n\n'A vote of trust.'\n\nThe council met at noon.");
    expect(got.map((q) => q.text)).toEqual(["We are ready"]);
  });

  test("a scare quote is dropped, a partial quote with a speaker stays", () => {
    const got = quotes("The so-called “reform” changed little. Governor Ruth Adeyemi said rivals could “stall” the bill.");
    expect(got.map((q) => [q.text, q.kind, q.speaker?.name])).toEqual([["stall", "partial", "Ruth Adeyemi"]]);
  });

  test.each<[string, string, string[]]>([
    ["a report quoted without a named author", "A memo leaked last week warned of “grave delays” at the port.", ["grave delays"]],
    ["a word someone was called", "Rivals have labeled the plan a “money pit” since spring.", ["money pit"]],
    ["a scare quote in a sentence without speech", "The “new” bridge is forty years old.", []],
    ["so-called is no report of speech", "The so-called “fast lane” opened in June.", []],
  ])("a fragment nobody is named for is kept when its sentence reports speech: %s", (_name, text, want) =>
    expect(quotes(text).filter((q) => q.kind === "partial").map((q) => q.text)).toEqual(want));
});

describe("direct or partial", () => {
  test.each<[string, string, "direct" | "partial"]>([
    ["a whole sentence after a comma cue", "Lena Okafor said, “The levee held through the night.”", "direct"],
    ["a fragment inside paraphrase", "Okafor said the city could “run out of sandbags” by Friday.", "partial"],
    ["a fragment after a no-break space", "The minister says he goes\u00a0“back to the table tomorrow.”", "partial"],
    ["one word inside paraphrase", "Colonel Ayla Demir warned that the rebels might “manufacture” a crisis.", "partial"],
    ["quoted words that run on into the writer's", "“We fixed the pumps” before dawn, Okafor said.", "partial"],
    ["a quote after a colon", "The engineer put it bluntly: “The dam is old and tired.”", "direct"],
    ["an example inside the writer's sentence", "Senator Maria Lopez raised doubts, including, “Who pays for the upkeep?”", "partial"],
    ["a lower-case fragment after a comma", "Okafor said, “we were floored by the vote.”", "partial"],
    ["a clause right after the verb of saying", "At the dock Okafor said “the pumps held all night.”", "direct"],
    ["a clause right after said that", "The mayor told the council that “we cannot wait for the state.”", "direct"],
    ["a clause opening on a conjunction after says that", "The coach says that “when we defend, we win.”", "direct"],
    ["a cry right after the verb", "As the mayor left, a man in the crowd yelled “Come back soon!”", "direct"],
    ["a fragment after the verb", "The minister says he goes “back to the table tomorrow.”", "partial"],
    ["a noun phrase after the verb", "Her rival kept urging “a calmer kind of politics.”", "partial"],
    ["a noun, not a verb, before the marks", "Critics seized on her remarks “about the river tax.”", "partial"],
    ["a clause that does not end the sentence", "Okafor said “the pumps held” until the power failed.", "partial"],
    ["the end of a that-clause the writer began", "Okafor said that once the river falls, “We start clearing the roads.”", "partial"],
    ["after a colon that ends a that-clause", "Okafor added that the crews face one choice: “Dig now or lose the road.”", "partial"],
    ["the cue after a that-clause is still a cue", "Asked about the claim that the dam leaked, Okafor said, “Nothing leaked.”", "direct"],
    ["a relative that is no report", "Okafor replied with a line that drew applause: “Water waits for nobody.”", "direct"],
    ["a report inside a report", "“We have bags for two days,” Okafor told the crews, according to two engineers.", "partial"],
    ["a report inside a report, by the outlet that reports it", "“We have bags for two days,” said Lena Okafor, reports the Valley Courier.", "partial"],
    ["an outlet's report, quoting someone", "“The pumps held,” the Valley Courier reported, quoting a crew chief.", "partial"],
    ["her own words beside someone else's", "“The pumps held,” Okafor tweeted, quoting a crew chief.", "direct"],
    ["a gloss in parentheses inside the writer's sentence", "Her plan for the port (“Ships First”) and the new rail line won support.", "partial"],
    ["an item of a list of quoted phrases", "Candidates need only say, again and again, “Ships First,” “Roads Later,” and “Calm.” Voters will listen.", "partial"],
    ["headline words that run on after the marks", "Okafor: ‘Dry Days’ Ahead For Valley Towns\n\nThe engineer spoke on Monday.", "partial"],
  ])("%s", (_name, text, kind) => expect(quotes(text)[0]?.kind).toBe(kind));

  test.each<[string, string, Array<"direct" | "partial">]>([
    ["a sentence in marks after the same speaker's paraphrase", "Okafor said the town could “run short of sand” by Friday. “We have bags for two days.”", ["partial", "partial"]],
    ["a sentence in marks after a direct quote", "“The levee held,” Okafor said. “We have bags for two days.”", ["direct", "direct"]],
    ["a title in the cue is no paraphrase", "“The levee held,” Okafor told “Morning Desk” on Monday. “We have bags for two days.”", ["direct", "partial", "direct"]],
    ["the next sentence of a report inside a report", "“We have bags for two days,” Okafor said, according to the Valley Courier. “The pumps will hold.”", ["partial", "partial"]],
    ["a new paragraph starts afresh after the writer's own sentence", "Okafor said the town could “run short of sand” by Friday. The river rose.\n\n“We have bags for two days.”", ["partial", "direct"]],
  ])("%s", (_name, text, kinds) => expect(quotes(text).map((q) => q.kind)).toEqual(kinds));

  test("the second half of a split quote is direct, even in lower case", () => {
    const got = quotes("“The levee held,” Dr. Lena Okafor said, “and the pumps kept up all night.”");
    expect(got.map((q) => [q.kind, q.speaker?.name])).toEqual([
      ["direct", "Lena Okafor"],
      ["direct", "Lena Okafor"],
    ]);
  });

  test.each<[string, string, "direct" | "partial"]>([
    ["a question quoted whole after a comma cue", "Okafor asked, “Who will pay for it?”", "direct"],
  ])("%s", (_name, text, kind) => expect(quotes(text)[0]?.kind).toBe(kind));
});

test("the next sentence of a report inside a report keeps its speaker, not the second source", () => {
  const got = quotes("“We have bags for two days,” Okafor said, according to the Valley Courier. “The pumps will hold.”");
  expect(got.map((q) => q.speaker?.name)).toEqual(["Okafor", "Okafor"]);
});

test("every item of a list of quoted phrases is partial", () => {
  const got = quotes("Candidates need only say, again and again, “Ships First,” “Roads Later,” and “Calm.” Voters will listen.");
  expect(got.map((q) => q.kind)).toEqual(["partial", "partial", "partial"]);
});

test.each<[string, string, string[]]>([
  ["after a verb of saying", "“The levee will hold,” Okafor said Sunday on KVL's “Harbour Hour.”", ["The levee will hold"]],
  ["after an appearance", "During an appearance on “Morning Desk,” Okafor spoke about the levee.", []],
  ["a word after 'on' that no one spoke on stays", "Okafor said on Monday that voters were “Done Waiting.”", ["Done Waiting."]],
  ["what someone insisted on stays", "Okafor insisted on “Full Repairs” before the vote.", ["Full Repairs"]],
])("a programme where someone spoke is no quote: %s", (_name, text, want) => expect(quotes(text).map((q) => q.text)).toEqual(want));

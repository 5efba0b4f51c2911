// Who said it: each pattern of the attribution grammar, pronouns, descriptions and carried speakers.
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";
import { extractQuotes } from "../../../src/core/extract/quotes.js";

/** [quote text, speaker name or null] for every quote of the text. */
const who = (text: string) => {
  const doc = analyze(text);
  return extractQuotes(doc, extractEntities(doc)).map((q) => [q.text, q.speaker?.name ?? null]);
};

describe("the speaker beside the quote", () => {
  test.each<[string, string, Array<[string, string | null]>]>([
    ["name, then verb", "“The pumps are running again,” Lena Okafor said.", [["The pumps are running again", "Lena Okafor"]]],
    ["inverted verb", "“The pumps are running again,” said Lena Okafor.", [["The pumps are running again", "Lena Okafor"]]],
    [
      "inverted verb with a role before the name",
      "“Nobody expected the vote to be this close,” said radio host Marcus Bell.",
      [["Nobody expected the vote to be this close", "Marcus Bell"]],
    ],
    [
      "an appositive between name and verb",
      "“The wards are full,” Hugo Lindqvist, a doctor at the county hospital, said on Sunday.",
      [["The wards are full", "Hugo Lindqvist"]],
    ],
    [
      "a long appositive with a relative clause",
      "“We were not consulted,” Amara Nwosu, who chairs the tenants' association and has lived on the estate for thirty years, told reporters.",
      [["We were not consulted", "Amara Nwosu"]],
    ],
    ["according to", "According to Farid Malik, “the count will take three more days.”", [["the count will take three more days.", "Farid Malik"]]],
    ["a colon introduction", "Mayor Dana Whitfield said: “We will rebuild every bridge.”", [["We will rebuild every bridge.", "Dana Whitfield"]]],
    ["a dash attribution", "“Vote like your street depends on it.” ― Rosa Delgado", [["Vote like your street depends on it.", "Rosa Delgado"]]],
    ["a passive cue", "Inspector Joel Mercer was quoted as saying, “The lock was forced from inside.”", [["The lock was forced from inside.", "Joel Mercer"]]],
    ["a passive cue after the quote", "“There is no anger,” his lawyer Eric Lund was quoted as saying.", [["There is no anger", "Eric Lund"]]],
    ["a relative clause", "The plan was backed by Nadia Petrov, who said, “It is the only way to pay for the schools.”", [["It is the only way to pay for the schools.", "Nadia Petrov"]]],
    ["an organisation", "“Our troops are on exercises,” the Kremlin said in a statement.", [["Our troops are on exercises", "Kremlin"]]],
    [
      "an organisation is named as the text names it there",
      "The International Monetary Fund cut its forecast. “Risks remain high,” the IMF said.",
      [["Risks remain high", "IMF"]],
    ],
    ["a title goes to the role, not the name", "“The bill is dead,” Sen. Harold Voss told reporters.", [["The bill is dead", "Harold Voss"]]],
  ])("%s", (_name, text, want) => expect(who(text)).toEqual(want));

  test.each<[string]>([["told"], ["added"], ["wrote"], ["tweeted"], ["insisted"], ["warned"], ["argued"], ["sighed"], ["recalled"], ["explained"]])(
    "speech verb %s",
    (verb) => expect(who(`“It will not happen again,” Camille Ortiz ${verb}.`)).toEqual([["It will not happen again", "Camille Ortiz"]]),
  );
});

describe("speakers carried and resolved", () => {
  test("a split quote has one speaker", () => {
    expect(who("“The river crested at noon,” Okafor said, “and it is falling now.”\n\nEarlier, Lena Okafor had warned of floods.")).toEqual([
      ["The river crested at noon", "Lena Okafor"],
      ["and it is falling now.", "Lena Okafor"],
    ]);
  });

  test("a quote with no cue continues the previous speaker, in the next sentence and paragraph", () => {
    const text = "“We start on Monday,” said Tomas Berg, the harbour master. “The crane arrives on Tuesday.”\n\n“After that, it is up to the weather.”";
    expect(who(text).map((r) => r[1])).toEqual(["Tomas Berg", "Tomas Berg", "Tomas Berg"]);
  });

  test("a cue in an earlier sentence of the paragraph", () => {
    const text = "Ines Duarte, the planning chief, defended the scheme on Friday. She has argued for it since spring. “It pays for itself in ten years.”";
    expect(who(text)).toEqual([["It pays for itself in ten years.", "Ines Duarte"]]);
  });

  test("pronouns follow gender when a man and a woman alternate", () => {
    const text = [
      "Mayor Dana Whitfield met the contractor, Peter Haines, on the bridge.",
      "“We need it open by winter,” she said.",
      "“Then I need more crews,” he replied.",
      "“You will have them,” she said.",
    ].join("\n\n");
    expect(who(text).map((r) => r[1])).toEqual(["Dana Whitfield", "Peter Haines", "Dana Whitfield"]);
  });

  test("a pronoun prefers the subject over a name after a preposition", () => {
    const text = "Governor Ruth Adeyemi signed the order after a call with Miriam Stone. “This is overdue,” she said.";
    expect(who(text)).toEqual([["This is overdue", "Ruth Adeyemi"]]);
  });

  test("a description resolves to the person introduced with that role", () => {
    const text =
      "Foreign Minister Karl Jensen arrived in Oslo on Monday.\n\nThe talks went on late. “We are not there yet,” the foreign minister said.";
    expect(who(text)).toEqual([["We are not there yet", "Karl Jensen"]]);
  });

  test("a generic description resolves to the official the article names", () => {
    const text = "A senior US official briefed reporters. US Trade Representative Helen Marsh later spoke at length.\n\n“Tariffs stay until talks resume,” the senior US official said.";
    expect(who(text)).toEqual([["Tariffs stay until talks resume", "Helen Marsh"]]);
  });

  test("a shared surname goes to the salient bearer, not the one in a prepositional phrase", () => {
    const text = "Former Governor Frank Alder spoke in Tulsa, for his wife Joan Alder.\n\n“The plan does not work,” Alder said.";
    expect(who(text)).toEqual([["The plan does not work", "Frank Alder"]]);
  });

  test("a name after “said” that starts a clause is no speaker", () => {
    const text = "The governor said Medibill is failing. “It does not work,” he said.\n\nGovernor Frank Alder spoke first.";
    expect(who(text)).toEqual([["It does not work", null]]);
  });

  test("a surname alone is the full name, and the role is kept", () => {
    const doc = analyze("Finance Minister Olga Brandt presented the budget. “It is balanced,” Brandt said.");
    const [q] = extractQuotes(doc, extractEntities(doc));
    expect(q?.speaker).toEqual({ name: "Olga Brandt", role: "Finance Minister" });
    expect(q?.cue).toBe("said");
  });

  test("a generic organisation noun resolves to the organisation in the story", () => {
    const text = "Acme Shipping cut 400 jobs on Monday. “We regret the losses,” the company said in a statement.";
    expect(who(text)).toEqual([["We regret the losses", "Acme Shipping"]]);
  });

  test("an indefinite description brings in someone new, not the last person named", () => {
    const text = "Senator Maria Lopez toured the flooded street.\n\n“It’s over,” said one resident, who asked not to be named.";
    expect(who(text)).toEqual([["It’s over", "one resident"]]);
  });

  test.each<[string, string, string | null]>([
    ["a description cut at its verb", "“Nobody told us,” said the shopkeeper who had stayed open.", "the shopkeeper"],
    ["an age as a description", "“It was the best week of my life,” the 28-year-old added.", "the 28-year-old"],
    ["a clause after the verb is no speaker", "“We were ready,” she said that the delivery was late.", null],
    ["a thing is no speaker", "“Pay up,” read the parking ticket on the windshield.", null],
  ])("descriptions: %s", (_name, text, want) => expect(who(text)[0]?.[1] ?? null).toBe(want));

  test("an unresolved description is given as written, with low confidence", () => {
    const doc = analyze("“Closed for repairs,” read the sign on the door.");
    const [q] = extractQuotes(doc, extractEntities(doc));
    expect(q?.speaker).toEqual({ name: "the sign" });
    expect(q!.confidence).toBeLessThan(0.5);
  });

  test("a quote with no speaker anywhere stays unattributed", () => {
    expect(who("The sign on the door was plain.\n\n“Back in ten minutes.”")).toEqual([["Back in ten minutes.", null]]);
  });
});

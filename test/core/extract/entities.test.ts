// People with roles, organisations and places, with mentions, aliases and gender.
import { analyze } from "../../../src/core/text/index.js";
import { extractEntities } from "../../../src/core/extract/entities.js";

const index = (text: string) => extractEntities(analyze(text));
const find = (text: string, name: string) => index(text).entities.find((e) => e.name === name);

describe("entities", () => {
  test.each<[string, string, { type: string; role?: string }]>([
    ["Trade Secretary Helen Marsh flew to Geneva.", "Helen Marsh", { type: "person", role: "Trade Secretary" }],
    ["Sen. Harold Voss voted no.", "Harold Voss", { type: "person", role: "Sen." }],
    ["Former President Walter Hale spoke. The former mayor listened.", "Walter Hale", { type: "person", role: "Former President" }],
    ["Said radio host Marcus Bell: nothing.", "Marcus Bell", { type: "person", role: "radio host" }],
    ["Hugo Lindqvist, a doctor at the county hospital, spoke.", "Hugo Lindqvist", { type: "person", role: "doctor at the county hospital" }],
    ["Acme Shipping CEO Ruth Adeyemi resigned.", "Ruth Adeyemi", { type: "person", role: "Acme Shipping CEO" }],
    ["The North Atlantic Treaty Organization met.", "North Atlantic Treaty Organization", { type: "organization" }],
    ["Officials at the Ministry of Health agreed.", "Ministry of Health", { type: "organization" }],
    ["The Kremlin denied it.", "Kremlin", { type: "organization" }],
    ["Troops massed near Ukraine.", "Ukraine", { type: "place" }],
    ["She moved to New York in May.", "New York", { type: "place" }],
  ])("%s", (text, name, want) => expect(find(text, name)).toMatchObject(want));

  test("a surname alone counts as a mention of the full name", () => {
    const e = find("Finance Minister Olga Brandt spoke. Brandt then left. Later Brandt returned.", "Olga Brandt");
    expect(e).toMatchObject({ mentions: 3, aliases: ["Brandt"], role: "Finance Minister" });
  });

  test("an acronym and its long form are one entity; short forms of countries are canonical", () => {
    const ix = index("The North Atlantic Treaty Organization met in Brussels. NATO said little. The U.S. and the United States agreed.");
    expect(ix.entities.find((e) => e.name === "North Atlantic Treaty Organization")).toMatchObject({ mentions: 2, aliases: ["NATO"] });
    expect(ix.entities.find((e) => e.name === "United States")).toMatchObject({ type: "place", mentions: 2 });
  });

  test("entities come most mentioned first", () => {
    const ix = index("Oslo hosted it. Peter Haines spoke. Haines left. Haines returned.");
    expect(ix.entities.map((e) => e.name)).toEqual(["Peter Haines", "Oslo"]);
  });

  test("a middle initial does not make a second person", () => {
    const ix = index("Donald J. Prentice arrived. Donald Prentice then spoke.");
    expect(ix.entities.filter((e) => e.type === "person").map((e) => e.name)).toEqual(["Donald J. Prentice"]);
  });

  test.each<[string, string, "m" | "f" | undefined]>([
    ["Mrs. Okafor spoke.", "Okafor", "f"],
    ["Peter Haines spoke.", "Peter Haines", "m"],
    ["Spokeswoman Ines Varga spoke.", "Ines Varga", "f"],
    // An unknown first name takes the gender of the pronouns that follow.
    ["Zorvan Tekli arrived late. He apologised to the court.", "Zorvan Tekli", "m"],
  ])("gender: %s", (text, name, g) => {
    const ix = index(text);
    const e = ix.entities.find((x) => x.name === name);
    expect(e && ix.gender(e)).toBe(g);
  });

  test("a surname with the other gender is someone else", () => {
    const ix = index("Michelle Obama spoke first. Then Mr. Obama took the stage, and Obama thanked her.");
    const people = ix.entities.filter((e) => e.type === "person").map((e) => [e.name, ix.gender(e)]);
    expect(people.sort()).toEqual([
      ["Michelle Obama", "f"],
      ["Obama", "m"],
    ]);
  });

  test("words in capitals and group names are no entities", () => {
    const ix = index("He has NO plan, and WHITE voters noticed. African-Americans voted early. Nobody said no to the US plan.");
    expect(ix.entities.map((e) => e.name)).toEqual(["US"]);
  });

  test("capitalised words that open a sentence or a headline are no people", () => {
    const ix = index("Citing new data, Farid Malik Warns Of Delays.\n\nDelegates met. The delegates left.");
    const people = ix.entities.filter((e) => e.type === "person").map((e) => e.name);
    expect(people).not.toContain("Citing");
    expect(people).not.toContain("Delegates");
    expect(people).toContain("Farid Malik");
  });

  test("mentions carry exact offsets", () => {
    const text = "Ines Duarte met Tomas Berg. Duarte left.";
    const ix = index(text);
    for (const m of ix.mentions) expect(text.slice(m.start, m.end)).toMatch(/^(Ines Duarte|Tomas Berg|Duarte)$/);
  });
});

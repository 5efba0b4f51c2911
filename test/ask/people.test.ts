// Quotes by person and person cards through the asker, as `ask --json` gives them (issue 13).
import { createAsker, type Answer } from "../../src/ask/index.js";
import { answerToText } from "../../src/render/index.js";
import type { BriefingStore } from "../../src/store/index.js";
import { peopleStore } from "../people/samples.js";

let store: BriefingStore;
beforeAll(async () => {
  store = await peopleStore();
});
afterAll(() => store.close());

const ask = (q: string) => createAsker(store).ask(q);
const json = (a: Answer) => JSON.parse(JSON.stringify(a)) as Record<string, unknown>;

describe("quotes by person", () => {
  test('{"kind":"quotes","person":{...},"matches":[...]}: newest first, grouped by article, with date and role', async () => {
    const a = json(await ask("what did Brandvold say?"));
    expect(a).toMatchObject({
      kind: "quotes",
      query: "Brandvold",
      person: { name: "Ottilie Brandvold", role: "ferry captain", keys: ["ottilie brandvold", "brandvold"], articles: 3 },
    });
    const matches = a.matches as Array<{ article: { title: string }; date: string; role: string | null; quotes: Array<{ text: string }> }>;
    expect(matches.map((m) => [m.article.title, m.date.slice(0, 10), m.role, m.quotes.length])).toEqual([
      ["Ferry operator orders a second boat", "2026-10-13", null, 1],
      ["Ferry crossings resume after the storm", "2026-10-12", null, 2],
      ["Island ferry turns back in a storm", "2026-10-11", "ferry captain", 1],
    ]);
  });

  test("about narrows; a role finds the person; the answer in text says who, where and when", async () => {
    const a = await ask("/quotes the ferry captain about the wind");
    expect(a.kind === "quotes" && a.matches.flatMap((m) => m.quotes.map((q) => q.text))).toEqual(["We sail at six if the wind holds"]);
    expect(a.kind === "quotes" && a.about).toBe("the wind");
    expect(answerToText(a)).toBe(
      [
        "Ottilie Brandvold (ferry captain): 1 quote in 1 article about “the wind”, newest first",
        "",
        "■ Ferry crossings resume after the storm · 2026-10-12 · https://news.example.org/ferry/2",
        "  “We sail at six if the wind holds”",
        "",
      ].join("\n"),
    );
    const none = await ask("/quotes Brandvold about volcanoes");
    expect(none).toMatchObject({ kind: "quotes", matches: [] });
    expect(answerToText(none)).toBe("Ottilie Brandvold: no stored quotes about “volcanoes”.\n");
  });

  test("an ambiguous surname: which_person with both; nobody: not_found with names close to it", async () => {
    const which = await ask("quotes from Halvorsen about the lock");
    expect(json(which)).toMatchObject({
      kind: "which_person",
      intent: "quotes",
      query: "Halvorsen",
      about: "the lock",
      candidates: [{ name: "Ingrid Halvorsen", role: "canal authority director" }, { name: "Marek Halvorsen", role: "lock keeper" }],
    });
    expect(answerToText(which)).toBe(
      [
        "Which “Halvorsen” do you mean?",
        "  • Ingrid Halvorsen (canal authority director), 3 articles",
        "  • Marek Halvorsen (lock keeper), 1 article",
        "Ask again with the first name or the role: quotes Ingrid Halvorsen about the lock",
        "",
      ].join("\n"),
    );
    expect(await ask("/quotes Marek Halvorsen")).toMatchObject({ kind: "quotes", person: { name: "Marek Halvorsen" } });
    const nobody = await ask("/person Brandvo");
    expect(nobody).toEqual({ kind: "not_found", intent: "person", query: "Brandvo", suggestions: ["Ottilie Brandvold"] });
    expect(answerToText(nobody)).toBe("I know no one called “Brandvo” in the stored articles. Did you mean: Ottilie Brandvold?\n");
  });
});

describe("person card", () => {
  test('{"kind":"person",...}: roles, organisations, counts, first and last seen, topics, three latest quotes', async () => {
    const a = await ask("who is Ingrid Halvorsen?");
    expect(json(a)).toMatchObject({
      kind: "person",
      person: { name: "Ingrid Halvorsen" },
      roles: [{ role: "canal authority director", count: 2 }],
      quotes: 4,
      articles: 3,
      firstSeen: "2026-09-01T07:00:00.000Z",
      lastSeen: "2026-09-03T07:00:00.000Z",
      topics: ["brenna", "canals", "shipping"],
    });
    expect(a.kind === "person" && a.recent.map((r) => r.quote.text)).toEqual([
      "Small boats can pass from noon",
      "The divers found a bent hinge",
      "The gates were never built for water this low",
    ]);
    expect(answerToText(a)).toContain("  Seen in 3 articles with 4 quotes, 2026-09-01 to 2026-09-03\n");
  });

  test("help lists the two commands; autocomplete gives people", async () => {
    const help = await ask("help");
    expect(help.kind === "help" && help.commands.map((c) => c.usage)).toEqual(expect.arrayContaining(["quotes <person> [about <words>]", "person <name>"]));
    expect((await createAsker(store).people!("ott", 5)).map((p) => p.name)).toEqual(["Ottilie Brandvold"]);
  });
});

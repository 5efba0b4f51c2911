import { createMatcher, type PersonMatch } from "../../src/people/index.js";
import type { BriefingStore } from "../../src/store/index.js";
import { peopleStore } from "./samples.js";

let store: BriefingStore;
beforeAll(async () => {
  store = await peopleStore();
});
afterAll(() => store.close());

const who = (m: PersonMatch) => (m.kind === "found" ? m.person.name : m.kind === "ambiguous" ? m.candidates.map((c) => c.name) : m.suggestions);

describe("matching a person like a user types them", () => {
  test.each([
    ["Ingrid Halvorsen", "Ingrid Halvorsen", "name"],
    ["ingrid halvorsen", "Ingrid Halvorsen", "name"],
    ["Ingrid", "Ingrid Halvorsen", "name"],
    ["Ingrid Hälvorsen", "Ingrid Halvorsen", "name"],
    ["Mr Marek Halvorsen", "Marek Halvorsen", "name"],
    ["Halvorsen the lock keeper", "Marek Halvorsen", "name"],
    ["the lock keeper", "Marek Halvorsen", "role"],
    ["the canal authority director", "Ingrid Halvorsen", "role"],
    ["Ingrid Halvrosen", "Ingrid Halvorsen", "typo"],
    ["Ingrid Halvorsem", "Ingrid Halvorsen", "typo"],
    ["Brandvolt", "Ottilie Brandvold", "typo"],
    ["Crandvold", "Ottilie Brandvold", "typo"],
    ["the ferry captian", "Ottilie Brandvold", "typo"],
    ["Ottilie Brandvold", "Ottilie Brandvold", "name"],
    ["Skipper", "Tove Lindqvist", "role"],
  ])("%s -> %s (%s)", async (typed, name, by) => {
    const m = await createMatcher(store).match(typed);
    expect(who(m)).toEqual(name);
    expect(m.kind === "found" && m.by).toBe(by);
  });

  test("the same person across articles: a full name and the surname used alone are one person", async () => {
    for (const typed of ["Brandvold", "Ottilie Brandvold"]) {
      const m = await createMatcher(store).match(typed);
      expect(m).toEqual({
        kind: "found",
        by: "name",
        person: { name: "Ottilie Brandvold", role: "ferry captain", keys: ["ottilie brandvold", "brandvold"], articles: 3 },
      });
    }
  });

  test("a surname two people share: did you mean, with both and their roles", async () => {
    const m = await createMatcher(store).match("Halvorsen");
    expect(m).toEqual({
      kind: "ambiguous",
      candidates: [
        { name: "Ingrid Halvorsen", role: "canal authority director", keys: ["ingrid halvorsen"], articles: 3 },
        { name: "Marek Halvorsen", role: "lock keeper", keys: ["marek halvorsen"], articles: 1 },
      ],
    });
    // A typo in a shared surname is still both of them.
    expect(who(await createMatcher(store).match("Halvosren"))).toEqual(["Ingrid Halvorsen", "Marek Halvorsen"]);
  });

  test("no one: suggestions near what was typed, or none; short names get no typo", async () => {
    expect(await createMatcher(store).match("Brandv")).toEqual({ kind: "none", suggestions: ["Ottilie Brandvold"] });
    expect(await createMatcher(store).match("Zebulon Quist")).toEqual({ kind: "none", suggestions: [] });
    expect(await createMatcher(store).match("the")).toEqual({ kind: "none", suggestions: [] });
    expect((await createMatcher(store).match("Tove Lindqvist")).kind).toBe("found");
    expect((await createMatcher(store).match("Tova")).kind).toBe("none");
  });

  test("autocomplete: people whose name starts with what is typed, most articles first", async () => {
    const m = createMatcher(store);
    expect((await m.complete("halv", 5)).map((p) => p.name)).toEqual(["Ingrid Halvorsen", "Marek Halvorsen"]);
    expect((await m.complete("marek h", 5)).map((p) => p.name)).toEqual(["Marek Halvorsen"]);
    expect((await m.complete("brand", 5)).map((p) => [p.name, p.articles])).toEqual([["Ottilie Brandvold", 3]]);
    expect(await m.complete("", 5)).toEqual([]);
    expect(await m.complete("qqq", 5)).toEqual([]);
  });
});

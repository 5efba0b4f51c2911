// Answers over a store: the seed article (from ../shared, skipped when absent) and our own samples.
import { readFileSync } from "node:fs";
import { createAsker, type Answer } from "../../src/ask/index.js";
import { buildCard } from "../../src/core/index.js";
import { answerToText } from "../../src/render/index.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import { describeShared, sharedPath } from "../helpers/shared.js";
import { HARBOUR, HARBOUR_CARD, ORCHARD, ORCHARD_CARD } from "../store/samples.js";

const SEED = sharedPath("seed/ukraine-un-blinken.txt");

function only<K extends Answer["kind"]>(a: Answer, kind: K): Extract<Answer, { kind: K }> {
  expect(a.kind).toBe(kind);
  return a as Extract<Answer, { kind: K }>;
}

describeShared("answers on the seed article", ["seed/ukraine-un-blinken.txt"], () => {
  let store: BriefingStore;
  beforeAll(async () => {
    store = createMemoryStore();
    const text = readFileSync(SEED, "utf8");
    await store.put({ text }, buildCard({ text }), 1);
  });

  test('who said "prevent one" finds the quote (named Antony Blinken once attributed)', async () => {
    const a = only(await createAsker(store).ask('who said "prevent one"?'), "whosaid");
    const top = a.matches[0]!;
    expect(top.quote.text).toContain("not to start a war, but to prevent one");
    expect(Object.keys(top)[0]).toBe("speaker");
    expect(top.speaker?.name).toBe("Antony Blinken");
  });

  test("inexact wording finds the same quote", async () => {
    const a = only(await createAsker(store).ask('who said "prevent a war"'), "whosaid");
    expect(a.matches[0]!.quote.text).toContain("to prevent one");
  });

  test("how many troops finds the 100,000 figure", async () => {
    const a = only(await createAsker(store).ask("how many troops has Russia amassed?"), "figures");
    expect(a.figures[0]!.figure.value).toBeGreaterThanOrEqual(100_000);
    expect(a.figures[0]!.figure.sentence).toMatch(/amassed over 1 lakh troops/);
  });

  test("population of Kyiv finds the 2.8 million figure", async () => {
    const a = only(await createAsker(store).ask("population of Kyiv"), "figures");
    expect(a.figures[0]!.figure.value).toBe(2_800_000);
  });

  test("brief kyiv and brief ukrainian find the Ukraine article", async () => {
    for (const q of ["/brief ukraine", "brief kyiv", "brief Ukrainian"]) {
      const a = only(await createAsker(store).ask(q), "brief");
      expect(a.cards[0]!.title).toMatch(/invade Ukraine/);
    }
  });
});

describe("answers on our samples", () => {
  let store: BriefingStore;
  beforeEach(async () => {
    store = createMemoryStore();
    await store.put(HARBOUR, HARBOUR_CARD(), 1);
    await store.put(ORCHARD, ORCHARD_CARD(), 2);
  });

  test.each([
    ["who said sandbag their doors", "Lena Okafor"],
    ['who said "families to sandbag thier doors every"', "Lena Okafor"],
    ["/whosaid nobody remembers frost this hard", "Tomas Reyes"],
  ])("%s -> %s, with the quote and its article", async (q, speaker) => {
    const a = only(await createAsker(store).ask(q), "whosaid");
    expect(a.matches[0]!.speaker?.name).toBe(speaker);
    expect(a.matches[0]!.article.title).toBeTruthy();
  });

  test("who said with nothing close answers not_found", async () => {
    expect(await createAsker(store).ask("who said volcanic ash grounded flights")).toEqual({
      kind: "not_found",
      intent: "whosaid",
      query: "volcanic ash grounded flights",
      suggestions: [],
    });
  });

  test("brief on a topic returns the most recent card first", async () => {
    const a = only(await createAsker(store).ask("/brief coast"), "brief");
    expect(a.cards.map((c) => c.title)).toEqual([ORCHARD.title, HARBOUR.title]);
  });

  test("brief on an unknown topic suggests the closest topics", async () => {
    const a = only(await createAsker(store).ask("/brief farmin"), "not_found");
    expect(a.suggestions[0]).toBe("farming");
  });

  test("brief on a topic near none: the known topics; one-letter words and lone digits match nothing", async () => {
    const a = only(await createAsker(store).ask("/brief zanzibar y z 1"), "not_found");
    expect(a).toEqual({ kind: "not_found", intent: "brief", query: "zanzibar y z 1", suggestions: [], known: expect.arrayContaining(["coast", "farming"]) });
    expect(answerToText(a)).toMatch(/^Nothing found for "zanzibar y z 1"\. Topics I know: coast, .*farming/);
    expect(only(await createAsker(store).ask("/brief y 1"), "not_found").suggestions).toEqual([]);
  });

  test("a figure question whose subject no stored figure is about says so, with near or known topics", async () => {
    const asker = createAsker(store);
    // The samples count builders and jobs, but nothing about Russia.
    const a = only(await asker.ask("how many troops has Russia amassed?"), "not_found");
    expect(a.intent).toBe("figures");
    expect(a.known?.length ?? a.suggestions.length).toBeGreaterThan(0);
    const near = only(await asker.ask("how many jobs on the coast?"), "figures");
    expect(near.figures.length).toBeGreaterThan(0);
  });

  test("/whosaid with no words is help, not a search for nothing", async () => {
    expect((await createAsker(store).ask("/whosaid")).kind).toBe("help");
  });

  test("figures on jobs and builders", async () => {
    const asker = createAsker(store);
    expect(only(await asker.ask("/figures jobs"), "figures").figures[0]!.figure.value).toBe(1800);
    expect(only(await asker.ask("how many builders will the sea wall employ?"), "figures").figures[0]!.figure.value).toBe(130);
  });

  test("topics, with prefix for autocomplete, and help", async () => {
    const asker = createAsker(store);
    expect(only(await asker.ask("/topics"), "topics").topics[0]).toEqual({ topic: "coast", count: 2 });
    expect(await asker.topics("fa")).toEqual([{ topic: "farming", count: 1 }]);
    expect(only(await asker.ask("help"), "help").commands.map((c) => c.usage)).toContain("who said <words>");
  });
});

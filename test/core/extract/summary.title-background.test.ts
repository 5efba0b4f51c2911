// A run whose sentence names a year is background and costs `background` (articles written for these tests).
import { DEFAULT_TITLE, makeTitle, titleCandidates, titleScore, type TitleParams } from "../../../src/core/extract/summary/title.js";
import { analyze } from "../../../src/core/text/index.js";

const ARTICLE =
  "The Varley ferry has carried cars across the estuary from Varley harbour since 1952. " +
  "The owners will sell the ferry to a museum in the harbour. Cars will cross the estuary by the new bridge. " +
  "The museum will keep the ferry in Varley harbour. Cars queued at the estuary on the last day. " +
  "Varley has a new bridge for cars over the estuary.";

describe("background: a sentence dated by its year", () => {
  test("its runs are marked and cost the weight, other runs are untouched", () => {
    const cs = titleCandidates(analyze(ARTICLE));
    const dated = cs.filter((c) => c.year);
    expect(dated.length).toBeGreaterThan(0);
    expect(dated.every((c) => c.position === 0)).toBe(true);
    expect(cs.filter((c) => !c.year).every((c) => c.position > 0)).toBe(true);
    for (const c of cs) {
      const without = titleScore(c, { ...DEFAULT_TITLE, background: 0 });
      expect(titleScore(c, DEFAULT_TITLE)).toBeCloseTo(c.year ? without - DEFAULT_TITLE.background : without, 9);
    }
  });

  test("the undated news beats the dated background it would otherwise lose to", () => {
    const doc = () => analyze(ARTICLE);
    expect(makeTitle(doc(), { background: 0 })).toMatch(/^The Varley ferry has carried cars across the estuary/);
    expect(makeTitle(doc())).toMatch(/^The owners will sell the ferry to a museum/);
  });

  // makeTitle passes over sentences that cannot beat the best so far: with the cost or a bonus, it
  // must still pick what the whole list of candidates gives.
  test.each([0, 1, 3, -2])("background %d: makeTitle picks the best of all candidates", (background) => {
    const p: TitleParams = { ...DEFAULT_TITLE, background };
    let best: ReturnType<typeof titleCandidates>[number] | undefined;
    for (const c of titleCandidates(analyze(ARTICLE), p)) if (!best || titleScore(c, p) > titleScore(best, p)) best = c;
    const first = (best?.words ?? []).slice(0, 4).join(" ");
    expect(makeTitle(analyze(ARTICLE), p).startsWith(first)).toBe(true);
  });
});

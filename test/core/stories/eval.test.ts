// The story evaluation set (test/fixtures/stories, written for the project) against the goals of
// issue 14. Figures are printed by `npm run bench -- stories`.
import { join } from "node:path";
import { parseEvalSet, scoreStories } from "../../../bench/stories-score.js";

describe("story grouping on the evaluation set", () => {
  const set = parseEvalSet(join(__dirname, "../../fixtures/stories"));
  const score = scoreStories(set);

  it("has at least 40 stories told by several outlets", () => {
    expect(score.stories).toBeGreaterThanOrEqual(40);
    const outlets = new Map<string, Set<string>>();
    for (const a of set.articles) outlets.set(a.story, (outlets.get(a.story) ?? new Set()).add(a.outlet));
    expect([...outlets.values()].filter((o) => o.size >= 2).length).toBeGreaterThanOrEqual(40);
  });

  it("groups with BCubed F1 >= 0.90", () => {
    expect(score.bcubed.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("flags disagreements with precision >= 0.90 and recall >= 0.80, and never an update", () => {
    expect(score.flags.p).toBeGreaterThanOrEqual(0.9);
    expect(score.flags.r).toBeGreaterThanOrEqual(0.8);
    expect(set.updates.size).toBeGreaterThan(0);
    expect(score.updatesFlagged).toBe(0);
  });
});

// A run whose subject is "The" and a noun an earlier sentence used refers back to that sentence and costs
// `anaphor`; a stray mark opens no run (articles written for these tests).
import { DEFAULT_TITLE, makeTitle, titleCandidates, titleScore, type TitleParams } from "../../../src/core/extract/summary/title.js";
import { analyze } from "../../../src/core/text/index.js";

const ARTICLE =
  "A new festival of puppet theatre opened in Dunmere on Friday. " +
  "Puppet makers from other towns will show their work in the old Dunmere hall. " +
  "The festival will bring puppet makers and companies to the hall for ten days. " +
  "Tickets for the shows are free for children.";

describe("anaphor: a run that opens with \"The\" and a noun of an earlier sentence", () => {
  test("such runs are marked and cost the weight, other runs are untouched", () => {
    const cs = titleCandidates(analyze(ARTICLE));
    const marked = cs.filter((c) => c.anaphor);
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((c) => /^The festival\b/.test(c.words.join(" ")))).toBe(true);
    // The first sentence has no earlier one to refer to.
    expect(cs.filter((c) => c.position === 0).some((c) => c.anaphor)).toBe(false);
    for (const c of cs) {
      const without = titleScore(c, { ...DEFAULT_TITLE, anaphor: 0 });
      expect(titleScore(c, DEFAULT_TITLE)).toBeCloseTo(c.anaphor ? without - DEFAULT_TITLE.anaphor : without, 9);
    }
  });

  test("a noun no earlier sentence used is no reference back", () => {
    const cs = titleCandidates(analyze("Rain closed the coast road at Dunmere on Friday. The council will open a new road over the hill next year."));
    expect(cs.some((c) => /^The council\b/.test(c.words.join(" ")))).toBe(true);
    expect(cs.some((c) => c.anaphor)).toBe(false);
  });

  test("the title names the thing rather than refer back to it", () => {
    expect(makeTitle(analyze(ARTICLE), { anaphor: 0 })).toMatch(/^The festival will bring puppet makers/);
    expect(makeTitle(analyze(ARTICLE))).toMatch(/^Puppet makers from other towns will show their work/);
  });

  test.each([0, 1, 3, -2])("anaphor %d: makeTitle picks the best of all candidates", (anaphor) => {
    const p: TitleParams = { ...DEFAULT_TITLE, anaphor };
    let best: ReturnType<typeof titleCandidates>[number] | undefined;
    for (const c of titleCandidates(analyze(ARTICLE), p)) if (!best || titleScore(c, p) > titleScore(best, p)) best = c;
    const first = (best?.words ?? []).slice(0, 4).join(" ");
    expect(makeTitle(analyze(ARTICLE), p).startsWith(first)).toBe(true);
  });

  test("a stray colon left at a sentence's start opens no run", () => {
    const cs = titleCandidates(analyze("The harbour wall was rebuilt last spring. : The new wall has kept the boats in Dunmere harbour safe."));
    expect(cs.length).toBeGreaterThan(0);
    expect(cs.some((c) => /^[^\p{L}\p{N}]/u.test(c.words[0] ?? ""))).toBe(false);
  });
});

describe("anaphor: a noun that stands for what was said before it", () => {
  const SHELL =
    "The move will close the coast road at Dunmere for two years. " +
    "Dunmere council has voted to rebuild the coast road and the sea wall beside it. " +
    "Buses will use the hill road while the coast road is closed.";

  test("\"The move\" refers back even in the first sentence", () => {
    const cs = titleCandidates(analyze(SHELL));
    const move = cs.filter((c) => /^The move\b/.test(c.words.join(" ")));
    expect(move.length).toBeGreaterThan(0);
    expect(move.every((c) => c.position === 0 && c.anaphor)).toBe(true);
    expect(makeTitle(analyze(SHELL), { anaphor: 0 })).toMatch(/^The move will close the coast road/);
    expect(makeTitle(analyze(SHELL))).toMatch(/^Dunmere council has voted to rebuild the coast road/);
  });

  test("a noun that names the thing itself is no reference back", () => {
    const cs = titleCandidates(analyze("The ferry will stop at Dunmere for two years. The council has voted to rebuild its quay."));
    expect(cs.some((c) => /^The ferry\b/.test(c.words.join(" ")))).toBe(true);
    expect(cs.some((c) => c.anaphor)).toBe(false);
  });
});

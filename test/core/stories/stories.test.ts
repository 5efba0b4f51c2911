import {
  buildCard,
  createStoryGrouper,
  figuresAgree,
  storyFeatures,
  storyFlags,
  DEFAULT_STORY_OPTIONS,
  type FigureSig,
  type StoryFeatures,
} from "../../../src/core/index.js";

const H = 3600_000;
const T0 = Date.UTC(2026, 2, 2, 9, 10);

function feat(title: string, text: string, publisher: string, time: number): StoryFeatures {
  return storyFeatures(buildCard({ text, title, publisher }), time);
}

const fig = (value: number, qualifier: string | null = null, extra: Partial<FigureSig> = {}): FigureSig => ({
  text: String(value), value, kind: "count", qualifier, thing: "troops", context: [], update: false, ...extra,
});

describe("figuresAgree", () => {
  it.each([
    [fig(100_000, "over"), fig(130_000), true],
    [fig(100_000), fig(130_000), false],
    [fig(100_000), fig(103_000), true],
    [fig(100_000, "nearly"), fig(97_000), true],
    [fig(100_000, "nearly"), fig(140_000), false],
    [fig(100_000, "about"), fig(108_000), true],
    [fig(100_000, "up to"), fig(60_000), true],
    [fig(20, null, { valueMax: 30 }), fig(25), true],
    [fig(20, null, { valueMax: 30 }), fig(45), false],
  ])("%j vs %j -> %s", (a, b, agree) => {
    expect(figuresAgree(a, b, DEFAULT_STORY_OPTIONS.figureMargin)).toBe(agree);
  });
});

const A = feat(
  "Ferry runs aground off Talmora with 300 aboard",
  `A passenger ferry carrying 300 people ran aground off the island of Talmora on Monday night, the coast guard said. Captain Ilse Varnhout said "the tide turned faster than any chart could tell us" as tugs worked to free the vessel. Twelve people were injured, according to the port authority.`,
  "Harbour Post",
  T0,
);
const B = feat(
  "Talmora ferry stuck on sandbank, passengers taken off",
  `Coast guard boats took passengers off a ferry that ran aground near Talmora late on Monday. The vessel had 300 people on board. "The tide turned faster than any chart could tell us," said the ship's captain, Ilse Varnhout. The port authority said 19 people were injured.`,
  "Island Courier",
  T0 + 2 * H,
);
const OTHER = feat(
  "Cargo ship loses containers in storm off Bresque",
  `A cargo ship lost forty containers in a storm off the port of Bresque on Tuesday, the harbour master said. No one was hurt. Crews were searching the shore for debris.`,
  "Harbour Post",
  T0 + 3 * H,
);

describe("what a figure counts", () => {
  // The stem keeps "jobs" whole (four letters): its singular "job" is of the workers' class.
  it.each([
    ["The Orvane plant will cut 1,200 jobs by June, the company said.", "workers"],
    ["The Orvane plant will lay off 1,200 workers by June, the company said.", "workers"],
    ["Some 1,200 soldiers were sent to the border on Friday.", "troops"],
  ])("%s -> %s", (text, thing) => {
    expect(feat("Plant news", text, "Ledger", T0).figures.map((f) => f.thing)).toEqual([thing]);
  });
});

describe("grouping", () => {
  it("puts two retellings of one event in one story and a look-alike in another", () => {
    const g = createStoryGrouper();
    const sa = g.add(A);
    const sb = g.add(B);
    const so = g.add(OTHER);
    expect(sb.id).toBe(sa.id);
    expect(so.id).not.toBe(sa.id);
    expect([...g.stories()].map((s) => s.members.length).sort()).toEqual([1, 2]);
  });

  it("starts a new story after the quiet period", () => {
    const g = createStoryGrouper({ quietMs: 24 * H });
    const sa = g.add(A);
    const late = { ...B, id: "late", time: T0 + 30 * H };
    expect(g.add(late).id).not.toBe(sa.id);
  });

  it("takes an article out of its story and drops a story left empty", () => {
    const g = createStoryGrouper();
    g.add(A);
    g.add(B);
    g.remove(A.id);
    g.remove(B.id);
    expect([...g.stories()]).toEqual([]);
  });
});

describe("flags", () => {
  it("flags injured counts that differ beyond the margin", () => {
    const flags = storyFlags([A, B], DEFAULT_STORY_OPTIONS);
    expect(flags).toEqual([{ kind: "figure", articles: [A.id, B.id], what: "people injured", values: ["Twelve people", "19 people"] }]);
  });

  it("does not flag a later report that says the figure rose", () => {
    const C = feat(
      "Talmora ferry: more injured",
      `The number of people injured when a ferry ran aground off Talmora has risen to 19, the port authority said on Tuesday.`,
      "Island Courier",
      T0 + 20 * H,
    );
    expect(storyFlags([A, C], DEFAULT_STORY_OPTIONS)).toEqual([]);
  });

  it.each([
    ["have now been", "More than 40 people have now been treated for injuries after a ferry ran aground off Talmora, the port authority said."],
    ["remain", "Some 40 people remain in hospital with injuries after the Talmora ferry grounding, the port authority said."],
    ["since", "The port authority has counted 40 people injured since Monday night, when a ferry ran aground off Talmora."],
    ["by a time", "Doctors had treated 40 people for injuries by Tuesday evening after the Talmora ferry grounding, the port authority said."],
  ])("does not flag a later running total (%s)", (_cue, text) => {
    const C = feat("Talmora ferry: injured taken to hospital", text, "Island Courier", T0 + 20 * H);
    expect(storyFlags([A, C], DEFAULT_STORY_OPTIONS)).toEqual([]);
  });

  // The cue counts among the four words before the figure, however long the sentence before them and
  // however many dashes stand between its words; a fifth word back is too far.
  it.each([
    [false, "After a long night of rescue work on the quay – – – and at sea – – – the count of people injured now stood at 19, the port authority said."],
    [true, "The count rose when the officials listed 19 people injured after a ferry ran aground off Talmora."],
  ])("reads the cue among the last four words before a figure (flagged: %s)", (flagged, text) => {
    const C = feat("Talmora ferry: the injured counted", text, "Island Courier", T0 + 20 * H);
    expect(storyFlags([A, C], DEFAULT_STORY_OPTIONS).length).toBe(flagged ? 1 : 0);
  });

  it("still flags a later count with a bare 'now' after it, which says where, not how many more", () => {
    const C = feat(
      "Talmora ferry: injured in hospital",
      "The port authority said 40 people injured in the grounding were now in hospital on Talmora.",
      "Island Courier",
      T0 + 20 * H,
    );
    expect(storyFlags([A, C], DEFAULT_STORY_OPTIONS).map((f) => f.kind)).toEqual(["figure"]);
  });

  it("flags the same quoted words given to different speakers", () => {
    const D = feat(
      "Talmora ferry freed",
      `Tugs freed the ferry on Tuesday. "The tide turned faster than any chart could tell us," said Marten Oosbroek, the first officer.`,
      "Coast Daily",
      T0 + 5 * H,
    );
    const flags = storyFlags([A, D], DEFAULT_STORY_OPTIONS).filter((f) => f.kind === "speaker");
    expect(flags).toEqual([{ kind: "speaker", articles: [A.id, D.id], what: "the tide turned faster than any chart could tell us", values: ["Ilse Varnhout", "Marten Oosbroek"] }]);
  });

  it("does not compare two articles of the same outlet", () => {
    expect(storyFlags([A, { ...B, publisher: "Harbour Post" }], DEFAULT_STORY_OPTIONS)).toEqual([]);
  });
});

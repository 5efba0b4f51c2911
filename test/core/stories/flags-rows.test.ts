// Flags kept as rows (what the stores do): on each join, joinFlags of the joining article with the
// members sharing a claim key with it are appended; shownFlags over the newest members then gives
// what storyFlags gives over them. Checked on every story of the evaluation set (test/fixtures/stories)
// in three join orders, with every member kept and with only the newest three.
import { join } from "node:path";
import { parseEvalSet } from "../../../bench/stories-score.js";
import { buildCard, claimKeys, joinFlags, shownFlags, storyFeatures, storyFlags, DEFAULT_STORY_OPTIONS, type StoryFeatures, type StoryFlag } from "../../../src/core/index.js";

const set = parseEvalSet(join(__dirname, "../../fixtures/stories"));
const byStory = new Map<string, StoryFeatures[]>();
for (const a of set.articles) {
  const card = buildCard({ text: a.text, title: a.title, publisher: a.outlet, publishedAt: a.at });
  byStory.set(a.story, [...(byStory.get(a.story) ?? []), { ...storyFeatures(card, Date.parse(a.at)), id: a.id }]);
}
const stories = [...byStory.values()].filter((m) => m.length >= 2);

const newest = (ms: StoryFeatures[], k: number) => [...ms].sort((a, b) => b.time - a.time || (a.id < b.id ? 1 : -1)).slice(0, k);
const orders: Record<string, (ms: StoryFeatures[]) => StoryFeatures[]> = {
  "time order": (ms) => [...ms].sort((a, b) => a.time - b.time),
  reverse: (ms) => [...ms].sort((a, b) => b.time - a.time),
  interleaved: (ms) => {
    const s = [...ms].sort((a, b) => a.time - b.time);
    return [...s.filter((_, i) => i % 2 === 1), ...s.filter((_, i) => i % 2 === 0)];
  },
};

describe("flags as rows", () => {
  it.each(Object.keys(orders).flatMap((o) => [[o, Infinity], [o, 3]] as Array<[string, number]>))("shownFlags equals storyFlags over the members (%s, newest %s kept)", (order, keep) => {
    let total = 0;
    let skipped = 0;
    for (const story of stories) {
      const joined: StoryFeatures[] = [];
      const rows: StoryFlag[] = [];
      for (const f of orders[order]!(story)) {
        joined.push(f);
        const members = newest(joined, keep);
        if (members.includes(f)) {
          const keys = new Set(claimKeys(f));
          const sharing = members.filter((m) => m !== f && claimKeys(m).some((k) => keys.has(k)));
          skipped += members.length - 1 - sharing.length;
          rows.push(...joinFlags(f, sharing, DEFAULT_STORY_OPTIONS));
        }
        const flags = shownFlags(rows, members);
        expect(flags).toEqual(storyFlags(members, DEFAULT_STORY_OPTIONS));
      }
      total += shownFlags(rows, newest(joined, keep)).length;
    }
    expect(total).toBeGreaterThanOrEqual(keep === Infinity ? 13 : 5);
    // The claim keys do narrow the members compared.
    expect(skipped).toBeGreaterThan(0);
  });

  test("joinFlags: the joining article's quotes given to no one change nothing (left out before comparing)", () => {
    const base = { title: "t", words: [], people: [], places: [], figures: [] };
    const said = "the harbour gates will stay shut until the storm passes";
    const member: StoryFeatures = { ...base, id: "m1", time: 1000, publisher: "Coastline Post", quotes: [{ words: said, speaker: "varga", speakerName: "Ilona Varga" }] };
    const quotes = [
      { words: "nobody expected the water to rise this fast" },
      { words: said, speaker: "brandt", speakerName: "Oskar Brandt" },
      { words: said },
    ];
    const joining: StoryFeatures = { ...base, id: "j1", time: 2000, publisher: "Valley Herald", quotes };
    const flags = joinFlags(joining, [member], DEFAULT_STORY_OPTIONS);
    expect(flags).toEqual(storyFlags([member, joining], DEFAULT_STORY_OPTIONS));
    expect(flags).toEqual([{ kind: "speaker", articles: ["m1", "j1"], what: said, values: ["Ilona Varga", "Oskar Brandt"] }]);
    // Given to no one on the joining side only: no flag, as storyFlags says.
    const unnamed: StoryFeatures = { ...joining, quotes: [quotes[0]!, quotes[2]!] };
    expect(joinFlags(unnamed, [member], DEFAULT_STORY_OPTIONS)).toEqual(storyFlags([member, unnamed], DEFAULT_STORY_OPTIONS));
    expect(joinFlags(unnamed, [member], DEFAULT_STORY_OPTIONS)).toEqual([]);
  });

  test("claim keys: figures by kind and thing, and whether a quote is given to a named person", () => {
    const fig = { text: "120 troops", value: 120, kind: "count", qualifier: null, thing: "troops", context: [], update: false };
    expect(claimKeys({ figures: [fig, { ...fig, value: 130 }], quotes: [{ words: "we will hold the line at the river", speaker: "okafor" }] })).toEqual(["f:count|troops", "q"]);
    expect(claimKeys({ figures: [{ ...fig, thing: "people|dead" }], quotes: [{ words: "nobody saw it coming at all" }] })).toEqual(["f:count|people|dead"]);
  });
});

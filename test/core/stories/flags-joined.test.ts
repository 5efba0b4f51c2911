// storyFlagsJoined, as the stores use it when an article joins a story, gives what storyFlags gives
// over the same members: checked on every story of the evaluation set (test/fixtures/stories), joined
// in time order, in reverse (a backfill) and interleaved, with every member kept and with only the
// newest three kept (as the stores keep a story's newest members for its flags).
import { join } from "node:path";
import { parseEvalSet } from "../../../bench/stories-score.js";
import { buildCard, storyFeatures, storyFlags, storyFlagsJoined, DEFAULT_STORY_OPTIONS, type StoryFeatures, type StoryFlag } from "../../../src/core/index.js";

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

describe("storyFlagsJoined", () => {
  it.each(Object.keys(orders).flatMap((o) => [[o, Infinity], [o, 3]] as Array<[string, number]>))("equals storyFlags over the members (%s, newest %s kept)", (order, keep) => {
    let total = 0;
    for (const story of stories) {
      const joined: StoryFeatures[] = [];
      let flags: StoryFlag[] = [];
      for (const f of orders[order]!(story)) {
        joined.push(f);
        const members = newest(joined, keep);
        flags = storyFlagsJoined(flags, members, f.id, DEFAULT_STORY_OPTIONS);
        expect(flags).toEqual(storyFlags(members, DEFAULT_STORY_OPTIONS));
      }
      total += flags.length;
    }
    // The set plants disagreements: the comparison is not between empty lists.
    expect(total).toBeGreaterThanOrEqual(keep === Infinity ? 13 : 5);
  });
});

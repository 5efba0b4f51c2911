// settledFlags (src/store/stories.ts): the flag rows a story's pending members give when the story is
// read. On every story of the evaluation set (test/fixtures/stories), settled all at once or in steps
// (the first member settled and the others pending; or half of them read first), the rows read back
// through shownFlags are storyFlags over the members, as the memory store gives them.
import { join } from "node:path";
import { parseEvalSet } from "../../bench/stories-score.js";
import { buildCard, claimKeys, shownFlags, storyFeatures, storyFlags, DEFAULT_STORY_OPTIONS, type StoryFeatures, type StoryFlag } from "../../src/core/index.js";
import { FLAG_MEMBERS, flagFeatures, settledFlags, type WindowMember } from "../../src/store/stories.js";

const set = parseEvalSet(join(__dirname, "../fixtures/stories"));
const byStory = new Map<string, StoryFeatures[]>();
for (const a of set.articles) {
  const card = buildCard({ text: a.text, title: a.title, publisher: a.outlet, publishedAt: a.at });
  byStory.set(a.story, [...(byStory.get(a.story) ?? []), { ...storyFeatures(card, Date.parse(a.at)), id: a.id }]);
}
const stories = [...byStory.values()].filter((m) => m.length >= 2);

/** The window as a store reads it: its members with seq in join order, pending as `pending` says. */
function windowOf(members: StoryFeatures[], pending: (i: number) => boolean): Array<WindowMember & { id: string }> {
  const ws = members.map((f, i) => ({ id: f.id, seq: i + 1, time: f.time, pending: pending(i), keys: claimKeys(f), f: JSON.stringify(flagFeatures(f)) }));
  // A store reads what flags read only of the members sharing a key with a pending one.
  const pkeys = new Set(ws.filter((w) => w.pending).flatMap((w) => w.keys));
  return ws.map((w) => ({ ...w, keys: w.keys.filter((k) => pkeys.has(k)), f: w.keys.some((k) => pkeys.has(k)) ? w.f : null }));
}

test("settled in one read or in two, the rows give storyFlags over the members; nothing pending gives no row", () => {
  let flags = 0;
  for (const story of stories) {
    const members = [...story].sort((a, b) => a.time - b.time);
    const want = storyFlags(members, DEFAULT_STORY_OPTIONS);
    flags += want.length;
    const all = settledFlags(windowOf(members, (i) => i > 0), DEFAULT_STORY_OPTIONS).rows.map((r) => JSON.parse(r.flag) as StoryFlag);
    expect(shownFlags(all, members)).toEqual(want);
    // Read after half of them joined, then after the rest: each pair once, in one settling or the other.
    const k = Math.ceil(members.length / 2);
    const first = settledFlags(windowOf(members.slice(0, k), (i) => i > 0), DEFAULT_STORY_OPTIONS).rows;
    const second = settledFlags(windowOf(members, (i) => i >= k), DEFAULT_STORY_OPTIONS).rows;
    const both = [...first, ...second].map((r) => JSON.parse(r.flag) as StoryFlag);
    expect(both).toHaveLength(all.length);
    expect(shownFlags(both, members)).toEqual(want);
    expect(settledFlags(windowOf(members, () => false), DEFAULT_STORY_OPTIONS).rows).toEqual([]);
  }
  expect(flags).toBeGreaterThanOrEqual(10);
});

test("the cut is the time of the FLAG_MEMBERS-th newest member, and none when the story has fewer", () => {
  const base = stories[0]!.slice(0, 2);
  const few = windowOf(base, () => true);
  expect(settledFlags(few, DEFAULT_STORY_OPTIONS).cut).toBe(-Infinity);
  const many = Array.from({ length: FLAG_MEMBERS + 5 }, (_, i) => ({ seq: i + 1, time: 1000 + i, pending: false, keys: [], f: null }));
  expect(settledFlags(many, DEFAULT_STORY_OPTIONS).cut).toBe(1000 + 5);
});

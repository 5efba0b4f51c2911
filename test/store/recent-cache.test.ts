// The stores' cache of stories' newest members, packed (createRecentCache): served only at the version
// held, kept within its byte budget, and its string table started anew (with the cache dropped) once
// it holds too many strings, without a decision changing. A story read is handed out parsed the first
// time and packed when met again.
import { choosePacked, chooseStory, DEFAULT_STORY_OPTIONS, type PackedMembers, type StoryFeatures } from "../../src/core/index.js";
import { createRecentCache, membersNow, recentRow, type HeldMembers, type RecentMember } from "../../src/store/stories.js";

const T0 = Date.UTC(2026, 4, 1);
const member = (i: number, words: string[]): RecentMember => ({
  words, people: [`p${i}`], places: ["ostrel"], quotes: [{ words: `the gate will hold through the winter ${i}` }], figures: [{ kind: "count", thing: "people|dead", value: 10 + i }], time: T0 + i,
});
const article: StoryFeatures = {
  id: "new", time: T0 + 100, title: "", words: ["barrier", "gate", "harbour", "storm"], people: ["p1"], places: ["ostrel"],
  quotes: [{ words: "the gate will hold through the winter 1" }], figures: [{ text: "11", value: 11, kind: "count", qualifier: null, thing: "people|dead", context: [], update: false }],
};

describe("createRecentCache", () => {
  it("serves a story only at the version it holds: parsed when first read or written, packed when met again", () => {
    const cache = createRecentCache();
    const recent = [member(1, ["gate", "storm"])];
    const { rev, json } = recentRow(recent);
    cache.put(1, rev, json);
    expect(cache.stats()).toMatchObject({ stories: 1, packed: 0 });
    expect([...cache.lookup([{ sid: 1, rev }]).found.keys()]).toEqual([1]);
    expect(cache.lookup([{ sid: 1, rev: "another" }]).missing).toEqual([1]);
    const into = new Map<number, HeldMembers>();
    cache.keep([{ sid: 2, rev, recent: json }], into);
    expect(into.get(2)).toEqual(recent);
    expect(cache.stats()).toMatchObject({ stories: 2, packed: 1 });
    const again = cache.lookup([{ sid: 2, rev }]);
    expect(again.missing).toEqual([]);
    expect(Array.isArray(again.found.get(2))).toBe(false);
    expect(membersNow(again.found.get(2)!)).toEqual(recent);
    expect(cache.stats()).toMatchObject({ stories: 2, packed: 2 });
  });

  it("keeps the most recently used stories within its budget of bytes (packed, or JSON)", () => {
    const cache = createRecentCache(1000);
    for (let sid = 1; sid <= 20; sid++) {
      cache.put(sid, "r", JSON.stringify([member(sid, ["gate", "storm", "harbour"])]));
      cache.lookup([{ sid, rev: "r" }]); // packed
    }
    const { stories, bytes } = cache.stats();
    expect(bytes).toBeLessThanOrEqual(1000);
    expect(stories).toBeGreaterThan(0);
    expect(stories).toBeLessThan(20);
    // The newest put are held, the oldest gone.
    expect(cache.lookup([{ sid: 20, rev: "r" }]).missing).toEqual([]);
    expect(cache.lookup([{ sid: 1, rev: "r" }]).missing).toEqual([1]);
  });

  it("starts a new string table past its bound, dropping the stories packed with the old one, and decides the same", () => {
    const cache = createRecentCache(64 * 1024 * 1024, 25);
    const stories = Array.from({ length: 6 }, (_, s) => Array.from({ length: 3 }, (_, i) => member(s * 3 + i, [`w${s}`, "gate", i ? "storm" : "harbour"])));
    const decide = () => {
      const { found, missing } = cache.lookup(stories.map((_, s) => ({ sid: s, rev: "r" })));
      cache.keep(missing.map((s) => ({ sid: s, rev: "r", recent: JSON.stringify(stories[s]) })), found);
      return { found, missing, got: choosePacked(article, stories.map((m, s) => ({ id: `s${s}`, firstTime: T0, lastTime: T0 + 20, members: found.get(s)! })), DEFAULT_STORY_OPTIONS) };
    };
    const want = chooseStory(article, stories.map((members, s) => ({ id: `s${s}`, firstTime: T0, lastTime: T0 + 20, members })), DEFAULT_STORY_OPTIONS);
    expect(want.join).toBe("s0");

    const first = decide();
    expect(first.missing).toHaveLength(6);
    expect(first.got).toEqual(want);
    expect(cache.stats()).toMatchObject({ packed: 0, tables: 1 });
    // Met again: packed, and the table passes its bound.
    const second = decide();
    expect(second.missing).toHaveLength(0);
    expect(second.got).toEqual(want);
    expect(cache.stats()).toMatchObject({ packed: 6, tables: 1 });
    expect(cache.stats().strings).toBeGreaterThan(25);
    // The next look-up finds the table too big: a new one, and every story read again.
    const third = decide();
    expect(cache.stats().tables).toBe(2);
    expect(third.missing).toHaveLength(6);
    expect(third.got).toEqual(want);
    const fourth = decide();
    expect(fourth.missing).toHaveLength(0);
    expect(fourth.got).toEqual(want);
    // Stories packed with the old table and the new one scored together (a store on several connections).
    const mixed = new Map(fourth.found);
    mixed.set(0, second.found.get(0)!);
    expect((mixed.get(0) as PackedMembers).table).not.toBe((mixed.get(1) as PackedMembers).table);
    expect(choosePacked(article, stories.map((_, s) => ({ id: `s${s}`, firstTime: T0, lastTime: T0 + 20, members: mixed.get(s)! })), DEFAULT_STORY_OPTIONS)).toEqual(want);
  });

  it("keeps its table while under the bound", () => {
    const cache = createRecentCache();
    for (let sid = 0; sid < 50; sid++) cache.put(sid, "r", JSON.stringify([member(sid, ["gate"])]));
    cache.lookup([{ sid: 0, rev: "r" }]);
    expect(cache.stats()).toMatchObject({ stories: 50, tables: 1 });
  });
});

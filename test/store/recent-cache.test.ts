// The stores' cache of stories' newest members, packed (createRecentCache): served only at the version
// held, kept within its byte budget, and its string table started anew (with the cache dropped) once
// it holds too many strings, without a decision changing. A story read, started or joined is held
// packed; a joined one with its new member put in among the members held.
import { choosePacked, chooseStory, DEFAULT_STORY_OPTIONS, type StoryFeatures } from "../../src/core/index.js";
import { createRecentCache, membersNow, recentRow, recentWith, type HeldMembers, type RecentMember } from "../../src/store/stories.js";

const T0 = Date.UTC(2026, 4, 1);
const member = (i: number, words: string[]): RecentMember => ({
  words, people: [`p${i}`], places: ["ostrel"], quotes: [{ words: `the gate will hold through the winter ${i}` }], figures: [{ kind: "count", thing: "people|dead", value: 10 + i }], time: T0 + i,
});
const article: StoryFeatures = {
  id: "new", time: T0 + 100, title: "", words: ["barrier", "gate", "harbour", "storm"], people: ["p1"], places: ["ostrel"],
  quotes: [{ words: "the gate will hold through the winter 1" }], figures: [{ text: "11", value: 11, kind: "count", qualifier: null, thing: "people|dead", context: [], update: false }],
};

describe("createRecentCache", () => {
  it("serves a story only at the version it holds, packed, whether written by this process or read", () => {
    const cache = createRecentCache();
    const recent = [member(1, ["gate", "storm"])];
    const { rev, json } = recentRow(recent);
    cache.put(1, rev, recent);
    expect(cache.stats()).toMatchObject({ stories: 1 });
    expect([...cache.lookup([{ sid: 1, rev }]).found.keys()]).toEqual([1]);
    expect(cache.lookup([{ sid: 1, rev: "another" }]).missing).toEqual([1]);
    const into = new Map<number, HeldMembers>();
    cache.keep([{ sid: 2, rev, recent: json }], into);
    expect(membersNow(into.get(2)!)).toEqual(recent);
    expect(cache.stats()).toMatchObject({ stories: 2 });
    const again = cache.lookup([{ sid: 2, rev }, { sid: 1, rev }]);
    expect(again.missing).toEqual([]);
    expect(again.found.get(2)).toBe(into.get(2));
    expect(membersNow(again.found.get(1)!)).toEqual(recent);
  });

  it("joins a story as recentWith does, to the same JSON (the new member put in at any place, or cut off), and holds it packed", () => {
    const cache = createRecentCache();
    const newest = (k: number) => Array.from({ length: k }, (_, i) => member(100 - 5 * i, [`w${i}`, "gate"]));
    const cases: Array<[string, RecentMember[], RecentMember, number]> = [
      ["first", newest(12), member(200, ["storm"]), 12],
      ["between", newest(12), member(82, ["quay"]), 12],
      ["same time as a member: before it", newest(5), member(90, ["quay"]), 12],
      ["last, story not full", newest(4), member(1, ["tide"]), 12],
      ["older than the newest 12: cut off", newest(12), member(1, ["tide"]), 12],
      ["unsorted held (not as a store writes it)", [member(3, ["a"]), member(9, ["b"])], member(5, ["c"]), 12],
      ["more held than kept (a store opened with a smaller maxCompared)", newest(12), member(1, ["tide"]), 8],
      ["an empty story", [], member(1, ["tide"]), 12],
    ];
    cases.forEach(([what, held, added, keep], sid) => {
      const { rev } = recentRow(held);
      cache.put(sid, rev, held);
      const h = cache.lookup([{ sid, rev }]).found.get(sid)!;
      const want = recentWith(membersNow(h), added, keep);
      const got = cache.join(h, added, keep);
      // Older than all of a full story: its members as they were, and no JSON (its `recent` is not written again).
      const unchanged = what.startsWith("older than the newest 12");
      expect(JSON.stringify(want) === JSON.stringify(held)).toBe(unchanged);
      expect([what, got.json, membersNow(got.members)]).toEqual([what, unchanged ? undefined : JSON.stringify(want), want]);
      if (unchanged) expect(got.members).toBe(h);
      const next = recentRow(want);
      cache.hold(sid, next.rev, got.members);
      expect(cache.lookup([{ sid, rev: next.rev }]).found.get(sid)).toBe(got.members);
    });
  });

  it("keeps the most recently used stories within its budget of bytes", () => {
    const cache = createRecentCache(1000);
    for (let sid = 1; sid <= 20; sid++) {
      cache.put(sid, "r", [member(sid, ["gate", "storm", "harbour"])]);
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
    expect(cache.stats()).toMatchObject({ stories: 6, tables: 1 });
    expect(cache.stats().strings).toBeGreaterThan(25);
    // The next look-up finds the table too big: a new one, and every story read again.
    const second = decide();
    expect(cache.stats().tables).toBe(2);
    expect(second.missing).toHaveLength(6);
    expect(second.got).toEqual(want);
    // Stories packed with the old table and the new one scored together (a store on several connections).
    const mixed = new Map(second.found);
    mixed.set(0, first.found.get(0)!);
    expect(mixed.get(0)!.table).not.toBe(mixed.get(1)!.table);
    expect(choosePacked(article, stories.map((_, s) => ({ id: `s${s}`, firstTime: T0, lastTime: T0 + 20, members: mixed.get(s)! })), DEFAULT_STORY_OPTIONS)).toEqual(want);
  });

  it("keeps its table while under the bound", () => {
    const cache = createRecentCache();
    for (let sid = 0; sid < 50; sid++) cache.put(sid, "r", [member(sid, ["gate"])]);
    cache.lookup([{ sid: 0, rev: "r" }]);
    expect(cache.stats()).toMatchObject({ stories: 50, tables: 1 });
  });
});

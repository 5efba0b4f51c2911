// Packed members (packed.ts) against the parsed ones: choosePacked must make chooseStory's decision
// with the same score to the last bit, and unpackMembers give back what was packed. On invented
// stories: random ones drawn from a small vocabulary (so that members share words, people, places,
// quote runs and figures with the article), and the evaluation set fed in time order.
import { join } from "node:path";
import { parseEvalSet } from "../../../bench/stories-score.js";
import {
  buildCard, choosePacked, chooseStory, createWordIds, DEFAULT_STORY_OPTIONS, packedJson, packMembers, quoteRelation, quoteText, sameQuoteText, sameQuoteWords, storyFeatures, unpackMembers, withMember,
  type PackedCandidate, type StoryCandidate, type StoryFeatures, type TimedMatch, type WordIds,
} from "../../../src/core/index.js";
import { rng } from "../../../bench/corpus.js";

const WORDS = "harbour barrier flood gate storm quay market council ferry bridge tide crew repair budget mayor vote fire smoke rescue school strike wage rail signal".split(" ");
const PEOPLE = ["vindel", "okafor", "marsh", "lindqvist", "teodoro", "brandt"];
const PLACES = ["ostrel", "talmora", "kestria", "port amsel", "north ward"];
const THINGS = ["people|dead", "people|injured", "troops", "homes", "money:EUR", "%", "people|displaced", "workers"];
const KINDS = ["count", "money", "percent"];
const H = 3600_000;
const T0 = Date.UTC(2026, 4, 1);

function invent(r: () => number, time: number): StoryFeatures {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = (xs: readonly string[], max: number) => [...new Set(Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(xs)))];
  const quote = () => Array.from({ length: 3 + Math.floor(r() * 9) }, () => pick(WORDS.slice(0, 8))).join(" ");
  const value = () => pick([3, 9, 10, 12, 40, 41, 100, 100.4, 1500, 130_000, 0.5, -2]);
  return {
    id: `a${Math.floor(r() * 1e9)}`,
    time,
    title: "",
    words: some(WORDS, 14),
    people: some(PEOPLE, 4),
    places: some(PLACES, 3),
    quotes: Array.from({ length: Math.floor(r() * 3) }, () => ({ words: quote() })),
    figures: Array.from({ length: Math.floor(r() * 5) }, () => ({ text: "", value: value(), kind: pick(KINDS), qualifier: null, thing: pick(THINGS), context: [], update: false })),
  };
}

const timed = (f: StoryFeatures): TimedMatch => ({
  words: f.words, people: f.people, places: f.places,
  quotes: f.quotes.map((q) => ({ words: q.words })),
  figures: f.figures.map((x) => ({ kind: x.kind, thing: x.thing, value: x.value })),
  time: f.time,
});

const packed = (c: StoryCandidate & { members: readonly TimedMatch[] }, table: WordIds): PackedCandidate => ({ ...c, members: packMembers(c.members, table) });

describe("choosePacked", () => {
  it("makes chooseStory's decision, with the same score, on 1,500 invented articles and their candidates (packed or parsed)", () => {
    const r = rng(14);
    let joins = 0, quoted = 0;
    const differ: string[] = [];
    for (let n = 0; n < 1500; n++) {
      const table = createWordIds();
      const f = invent(r, T0 + Math.floor(r() * 200) * H);
      const cands = Array.from({ length: 1 + Math.floor(r() * 6) }, (_, i) => {
        const members = Array.from({ length: 1 + Math.floor(r() * 14) }, () => timed(invent(r, T0 + Math.floor(r() * 200) * H))).sort((a, b) => b.time - a.time);
        // Some members retell the article (its quotes and figures), so that quotes decide some scores.
        if (r() < 0.5) members[0] = { ...timed(f), words: members[0]!.words, time: members[0]!.time };
        return { id: `s${i}`, firstTime: members.at(-1)!.time, lastTime: members[0]!.time, members };
      });
      for (const threshold of [0, 1.5, 3]) {
        const opts = { ...DEFAULT_STORY_OPTIONS, threshold };
        const want = chooseStory(f, cands, opts);
        // Some candidates parsed (a store's first meeting with a story), the others packed.
        const got = choosePacked(f, cands.map((c, i) => ((n + i) % 4 === 0 ? c : packed(c, table))), opts);
        if (got.join !== want.join || !Object.is(got.score, want.score)) differ.push(`${n}@${threshold}: ${JSON.stringify(want)} vs ${JSON.stringify(got)}`);
        if (want.join) joins++;
      }
      if (f.quotes.length && cands.some((c) => c.members.some((m) => m.quotes.length))) quoted++;
    }
    expect(differ).toEqual([]);
    expect(joins).toBeGreaterThan(500);
    expect(quoted).toBeGreaterThan(250);
  });

  it("scores each pair as chooseStory does (one member, threshold 0): the score itself, not only the choice", () => {
    const r = rng(7);
    const table = createWordIds();
    const differ: string[] = [];
    for (let n = 0; n < 3000; n++) {
      const f = invent(r, T0);
      const m = r() < 0.3 ? { ...timed(f), people: [] } : timed(invent(r, T0 + H));
      const c = { id: "s", firstTime: m.time, lastTime: m.time, members: [m] };
      const opts = { ...DEFAULT_STORY_OPTIONS, threshold: 0 };
      const want = chooseStory(f, [c], opts), got = choosePacked(f, [packed(c, table)], opts);
      if (got.join !== want.join || !Object.is(got.score, want.score)) differ.push(`${n}: ${want.score} vs ${got.score}`);
    }
    expect(differ).toEqual([]);
  });

  it("makes the same decisions over the evaluation set fed in time order (each story's newest 12 members)", () => {
    const set = parseEvalSet(join(__dirname, "../../fixtures/stories"));
    const ordered = [...set.articles].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const table = createWordIds();
    const stories: Array<{ id: string; members: StoryFeatures[] }> = [];
    let joined = 0;
    for (const a of ordered) {
      const f = { ...storyFeatures(buildCard({ text: a.text, title: a.title, publisher: a.outlet, publishedAt: a.at }), Date.parse(a.at)), id: a.id };
      const cands = stories.map((s) => {
        const members = s.members.slice(-12).reverse().map(timed);
        return { id: s.id, firstTime: Math.min(...members.map((m) => m.time)), lastTime: Math.max(...members.map((m) => m.time)), members };
      });
      const want = chooseStory(f, cands, DEFAULT_STORY_OPTIONS);
      const got = choosePacked(f, cands.map((c) => packed(c, table)), DEFAULT_STORY_OPTIONS);
      expect([got.join, got.score]).toEqual([want.join, want.score]);
      const s = stories.find((x) => x.id === want.join);
      if (s) (s.members.push(f), joined++);
      else stories.push({ id: `s${f.id}`, members: [f] });
    }
    expect(joined).toBeGreaterThan(40);
  });

  it("scores stories packed with different tables (a store starts a new one) as chooseStory does", () => {
    const r = rng(3);
    for (let n = 0; n < 200; n++) {
      const f = invent(r, T0);
      const cands = [0, 1, 2].map((i) => ({ id: `s${i}`, firstTime: T0, lastTime: T0, members: [r() < 0.5 ? timed(f) : timed(invent(r, T0))] }));
      const tables = [createWordIds(), createWordIds()];
      const got = choosePacked(f, cands.map((c, i) => packed(c, tables[i % 2]!)), DEFAULT_STORY_OPTIONS);
      const want = chooseStory(f, cands, DEFAULT_STORY_OPTIONS);
      expect([got.join, got.score]).toEqual([want.join, want.score]);
    }
  });
});

describe("packMembers and unpackMembers", () => {
  it("give back the members as packed, to the same JSON (a join writes `recent` from them)", () => {
    const r = rng(11);
    const table = createWordIds();
    for (let n = 0; n < 300; n++) {
      const members = Array.from({ length: Math.floor(r() * 13) }, () => timed(invent(r, T0 + n * H)));
      const p = packMembers(members, table);
      expect(p.n).toBe(members.length);
      expect(JSON.stringify(unpackMembers(p))).toBe(JSON.stringify(members));
      expect(packedJson(p)).toBe(JSON.stringify(members));
    }
  });

  it("withMember gives what packMembers gives of the members with one put in (array for array), at every place, cut to a story's newest", () => {
    const r = rng(5);
    const table = createWordIds();
    for (let n = 0; n < 400; n++) {
      const members = Array.from({ length: Math.floor(r() * 14) }, () => timed(invent(r, T0 + Math.floor(r() * 50) * H)));
      const m = timed(invent(r, T0 + Math.floor(r() * 50) * H));
      const at = Math.floor(r() * (members.length + 1));
      const keep = 1 + Math.floor(r() * 14);
      // Packed with the table as it is: the joining member's strings may be new to it.
      const got = withMember(packMembers(members, table), m, at, keep);
      const want = packMembers([...members.slice(0, at), m, ...members.slice(at)].slice(0, keep), table);
      expect([got.n, got.quotes, got.ascii, got.bytes, [...got.ints], [...got.nums]]).toEqual([want.n, want.quotes, want.ascii, want.bytes, [...want.ints], [...want.nums]]);
      expect(unpackMembers(got)).toEqual(unpackMembers(want));
    }
  });

  it("keeps strings as they are: empty words, spaces in places, a word that is an id", () => {
    const table = createWordIds();
    const m: TimedMatch = {
      words: ["", "0", "constructor", "__proto__"], people: [], places: ["port amsel"],
      quotes: [{ words: "a  b c d" }, { words: "" }], figures: [{ kind: "count", thing: "people|dead", value: -0.25 }], time: 1.5,
    };
    expect(unpackMembers(packMembers([m], table))).toEqual([m]);
    // Strings JSON escapes, as JSON.stringify writes them.
    const odd: TimedMatch = {
      words: ['say "no"', "back\\slash", "tab\tline\n", "\u00e9t\u00e9", "\ud83d\ude00", "lone \ud800"], people: ["o'brien"], places: [],
      quotes: [{ words: 'he said "\\ no" \u2028 twice' }, { words: "a smile \ud83d\ude00 and a lone \udc00 half" }], figures: [{ kind: "money", thing: "money:\u20ac", value: 1e21 }, { kind: "count", thing: "people", value: -0 }], time: 0,
    };
    expect(packedJson(packMembers([odd, m], table))).toBe(JSON.stringify([odd, m]));
    expect(packedJson(packMembers([], table))).toBe("[]");
    expect(table.find("port amsel")).toBeGreaterThanOrEqual(0);
    expect(table.find("not there")).toBe(-1);
  });

  it("packs into typed arrays only, the quotes' text too, and reports their bytes (a byte a character below 256, else two)", () => {
    const table = createWordIds();
    const p = packMembers([timed(invent(rng(1), T0)), timed(invent(rng(2), T0))], table);
    expect(p.ints).toBeInstanceOf(Int32Array);
    expect(p.nums).toBeInstanceOf(Float64Array);
    expect(p.quotes).toBeInstanceOf(Uint8Array);
    expect(p.ascii).toBe(true);
    expect(p.bytes).toBe(p.ints.byteLength + p.nums.byteLength + p.quotes.length);
    const wide = packMembers([{ ...timed(invent(rng(1), T0)), quotes: [{ words: "caf\u00e9 \u2014 open" }] }], table);
    expect(wide.quotes).toBeInstanceOf(Uint16Array);
    expect(wide.ascii).toBe(false);
    expect(wide.bytes).toBe(wide.ints.byteLength + wide.nums.byteLength + 2 * wide.quotes.length);
    const latin = packMembers([{ ...timed(invent(rng(1), T0)), quotes: [{ words: "caf\u00e9 open" }] }], table);
    expect(latin.quotes).toBeInstanceOf(Uint8Array);
    expect(latin.ascii).toBe(false);
    expect(latin.bytes).toBe(latin.ints.byteLength + latin.nums.byteLength + latin.quotes.length);
    expect(p.table).toBe(table);
    // A story whose only wide quote leaves it (withMember keeps the newest 1) is held a byte a character again.
    const joined = withMember(wide, { ...timed(invent(rng(3), T0 + H)), quotes: [{ words: "all plain here" }] }, 0, 1);
    expect(joined.quotes).toBeInstanceOf(Uint8Array);
    expect(joined.ascii).toBe(true);
    expect(quoteText(joined.quotes, 0, joined.quotes.length)).toBe("all plain here");
    // One that stays keeps the story's text read unit by unit (café is no ASCII), and the join's JSON exact.
    const kept = withMember(latin, { ...timed(invent(rng(4), T0 + H)), quotes: [{ words: "all plain here" }] }, 0, 2);
    expect([kept.quotes.constructor, kept.ascii]).toEqual([Uint8Array, false]);
    expect(unpackMembers(kept).flatMap((m) => m.quotes.map((q) => q.words))).toEqual(["all plain here", "caf\u00e9 open"]);
  });

  it("gives back quotes of any length as they were (the text read in pieces)", () => {
    const table = createWordIds();
    const long = Array.from({ length: 3000 }, (_, i) => (i % 7 === 0 ? "\u00e9t\u00e9" : "word")).join(" ");
    const wideLong = `${long} \u2014 ${long}`;
    const m: TimedMatch = { words: [], people: [], places: [], quotes: [{ words: long }, { words: wideLong }, { words: "" }], figures: [], time: 1 };
    const p = packMembers([m], table);
    expect(unpackMembers(p)).toEqual([m]);
    expect(quoteText(p.quotes, 0, long.length)).toBe(long);
  });
});

describe("sameQuoteText", () => {
  it("answers as sameQuoteWords on quotes of 0-12 words of a tiny vocabulary, empty words and spaces at either end included", () => {
    const r = rng(7);
    const vocab = ["tide", "gate", "ti", "de", "", "tide gate"];
    const quote = () => Array.from({ length: Math.floor(r() * 13) }, () => vocab[Math.floor(r() * vocab.length)]!).join(" ");
    let shared = 0;
    for (let i = 0; i < 4000; i++) {
      const a = { words: quote() }, b = quote();
      // A fresh pair each time: sameQuoteWords builds the runs of whichever quote has them already.
      const want = sameQuoteWords({ words: a.words }, { words: b });
      expect([a.words, b, sameQuoteText(a, b)]).toEqual([a.words, b, want]);
      if (want) shared++;
    }
    expect(shared).toBeGreaterThan(50);
    expect(shared).toBeLessThan(3800);
  });
});

describe("sameQuoteWords", () => {
  // The definition: each quote's runs of five words (the quote whole when shorter), one in common.
  const runs = (q: string) => {
    const w = q.split(" ");
    return w.length < 5 ? [q] : w.slice(0, w.length - 4).map((_, i) => w.slice(i, i + 5).join(" "));
  };
  const byDefinition = (a: string, b: string) => runs(a).some((x) => runs(b).includes(x));

  it("answers as the definition on quotes of 0-12 words, fresh or compared before (its run hashes kept), either way round", () => {
    const r = rng(21);
    const vocab = ["tide", "gate", "ti", "de", "", "tide gate", "quay"];
    const quote = () => Array.from({ length: Math.floor(r() * 13) }, () => vocab[Math.floor(r() * vocab.length)]!).join(" ");
    // Some quotes kept and compared again and again, as a joining article's are with each member's.
    const kept = Array.from({ length: 20 }, () => ({ words: quote() }));
    let shared = 0;
    for (let i = 0; i < 6000; i++) {
      const a = i % 3 === 0 ? kept[i % kept.length]! : { words: quote() };
      const b = i % 5 === 0 ? kept[(i * 7) % kept.length]! : { words: quote() };
      const want = byDefinition(a.words, b.words);
      expect([a.words, b.words, sameQuoteWords(a, b), sameQuoteWords(b, a)]).toEqual([a.words, b.words, want, want]);
      if (want) shared++;
    }
    expect(shared).toBeGreaterThan(100);
    expect(shared).toBeLessThan(5500);
  });

  it("as quoteRelation gives it for two lists of quotes (up to 40, kept or fresh), pair by pair", () => {
    const r = rng(33);
    const vocab = ["tide", "gate", "ti", "de", "", "quay", "holds", "the"];
    const quote = () => ({ words: Array.from({ length: Math.floor(r() * 11) }, () => vocab[Math.floor(r() * vocab.length)]!).join(" ") });
    const kept = Array.from({ length: 5 }, () => Array.from({ length: Math.floor(r() * 40) }, quote));
    let pairs = 0, shared = 0;
    for (let n = 0; n < 300; n++) {
      const a = n % 2 ? kept[n % kept.length]! : Array.from({ length: Math.floor(r() * 40) }, quote);
      const b = n % 3 ? Array.from({ length: Math.floor(r() * 6) }, quote) : kept[(n * 3) % kept.length]!;
      const rel = quoteRelation(a, b);
      for (let i = 0; i < a.length; i++) {
        for (let j = 0; j < b.length; j++) {
          const want = byDefinition(a[i]!.words, b[j]!.words);
          if (rel(i, j) !== want) expect([n, i, j, a[i]!.words, b[j]!.words, rel(i, j)]).toEqual([n, i, j, a[i]!.words, b[j]!.words, want]);
          pairs++;
          if (want) shared++;
        }
      }
    }
    expect(pairs).toBeGreaterThan(10_000);
    expect(shared).toBeGreaterThan(500);
    expect(shared).toBeLessThan(pairs / 2);
  });
});

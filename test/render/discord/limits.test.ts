import { DISCORD_LIMITS, embedChars, fitMessage, shorten, withinLimits, type DiscordMessage, type Embed } from "../../../src/render/discord/index.js";

/** Text of exactly `n` characters made of five-letter words. */
const text = (n: number) => "words ".repeat(Math.ceil(n / 6) + 1).slice(0, n);
const msg = (embeds: Embed[], content?: string): DiscordMessage => ({ embeds, allowed_mentions: { parse: [] }, ...(content === undefined ? {} : { content }) });
const one = (m: DiscordMessage) => fitMessage(m).embeds[0]!;

describe("shorten", () => {
  test.each<[string, number, string]>([
    ["short enough", 12, "short enough"],
    ["short enough", 11, "short…"],
    ["alpha beta gamma", 12, "alpha beta…"],
    ["alpha, beta gamma", 8, "alpha…"],
    ["abcdefghijkl", 6, "abcde…"], // no word break in the first half: cut inside the word
    ["a 😀😀😀", 5, "a 😀…"], // never half a surrogate pair
    ["abc\\*d", 5, "abc…"], // never a dangling escape
    ["anything", 1, "…"],
  ])("%j to %d", (input, max, want) => {
    const got = shorten(input, max);
    expect(got).toBe(want);
    expect(got.length).toBeLessThanOrEqual(max);
  });
});

describe("fitMessage keeps every Discord limit", () => {
  const cases: Array<[string, number, (n: number) => Embed, (e: Embed) => string]> = [
    ["title", DISCORD_LIMITS.title, (n) => ({ title: text(n) }), (e) => e.title!],
    ["description", DISCORD_LIMITS.description, (n) => ({ description: text(n) }), (e) => e.description!],
    ["field name", DISCORD_LIMITS.fieldName, (n) => ({ fields: [{ name: text(n), value: "v" }] }), (e) => e.fields![0]!.name],
    ["field value", DISCORD_LIMITS.fieldValue, (n) => ({ fields: [{ name: "n", value: text(n) }] }), (e) => e.fields![0]!.value],
    ["footer", DISCORD_LIMITS.footer, (n) => ({ footer: { text: text(n) } }), (e) => e.footer!.text],
    ["author", DISCORD_LIMITS.author, (n) => ({ author: { name: text(n) } }), (e) => e.author!.name],
  ];
  test.each(cases)("%s: at the limit unchanged, past it shortened at a word with an ellipsis", (_name, limit, make, get) => {
    expect(get(one(msg([make(limit)])))).toBe(text(limit));
    const past = get(one(msg([make(limit + 1)])));
    expect(past.length).toBeLessThanOrEqual(limit);
    expect(past).toMatch(/ words…$|^words( words)*…$/);
    expect(past.endsWith("…")).toBe(true);
  });

  test("25 fields kept, the 26th dropped", () => {
    const fields = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `f${i}`, value: "v" }));
    expect(one(msg([{ fields: fields(25) }])).fields).toEqual(fields(25));
    expect(one(msg([{ fields: fields(26) }])).fields).toEqual(fields(25));
  });

  test("an empty field name or value becomes a zero-width space (Discord refuses empty ones)", () => {
    expect(one(msg([{ fields: [{ name: "", value: " " }] }])).fields).toEqual([{ name: "\u200b", value: "\u200b" }]);
  });

  test("10 embeds kept, the 11th dropped", () => {
    const embeds = (n: number) => Array.from({ length: n }, (_, i) => ({ title: `t${i}` }));
    expect(fitMessage(msg(embeds(10))).embeds).toEqual(embeds(10));
    expect(fitMessage(msg(embeds(11))).embeds).toEqual(embeds(10));
  });

  test("content: 2000 unchanged, 2001 shortened", () => {
    expect(fitMessage(msg([], text(2000))).content).toBe(text(2000));
    const c = fitMessage(msg([], text(2001))).content!;
    expect(c.length).toBeLessThanOrEqual(2000);
    expect(c.endsWith("words…")).toBe(true);
  });

  test("6000 characters over all embeds: exactly 6000 kept, one more trimmed from the last embed", () => {
    const at = [{ description: text(4000) }, { description: text(2000) }];
    expect(fitMessage(msg(at)).embeds).toEqual(at);
    const past = fitMessage(msg([{ description: text(4000) }, { title: "x", description: text(2000) }]));
    expect(past.embeds[0]).toEqual({ description: text(4000) });
    expect(past.embeds[1]!.title).toBe("x");
    expect(past.embeds[1]!.description!.endsWith("…")).toBe(true);
    expect(past.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(6000);
  });

  test("past 6000 the last fields go first, and embeds that no longer fit are dropped", () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({ name: `n${i}`, value: text(1000) }));
    const out = fitMessage(msg([{ title: "a", fields }, { title: "b", description: text(3000) }]));
    expect(out.embeds).toHaveLength(1);
    expect(out.embeds[0]!.fields).toEqual(fields.slice(0, 5));
    expect(withinLimits(out)).toBe(true);
  });

  test("an embed whose footer alone no longer fits is dropped, not sent past 6000", () => {
    const out = fitMessage(msg([{ description: text(4000) }, { description: text(900), footer: { text: text(2048) } }]));
    expect(out.embeds).toEqual([{ description: text(4000) }]);
  });

  test("everything past every limit at once comes out within limits, pinging nobody", () => {
    const big: Embed = {
      title: text(999), description: text(9999), footer: { text: text(9999) }, author: { name: text(999) },
      fields: Array.from({ length: 40 }, () => ({ name: text(999), value: text(9999) })),
    };
    const m = { ...msg(Array.from({ length: 12 }, () => big), text(5000)) };
    expect(withinLimits(m)).toBe(false);
    const out = fitMessage(m);
    expect(withinLimits(out)).toBe(true);
    expect(out.allowed_mentions).toEqual({ parse: [] });
  });

  test("500 messages of seeded random sizes all come out within limits", () => {
    // mulberry32: a fixed seed, so the same messages every run.
    let seed = 42;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const size = (max: number) => Math.floor(rnd() * rnd() * max * 1.5);
    for (let k = 0; k < 500; k++) {
      const embeds = Array.from({ length: 1 + size(12) }, (): Embed => ({
        title: text(size(300)), description: text(size(5000)), footer: { text: text(size(2500)) },
        fields: Array.from({ length: size(30) }, () => ({ name: text(size(300)), value: text(size(1200)) })),
      }));
      const out = fitMessage(msg(embeds, text(size(2500))));
      expect(withinLimits(out)).toBe(true);
      expect(out.embeds.length).toBeGreaterThan(0);
    }
  });
});

import { renewTaggerAfter, tagText, taggerState } from "../../../src/core/text/pos.js";

// Invented text: names and words no dictionary holds, as new names and numbers arrive in the news.
const PROBE = "Ms Orvane of Tallisk said the plunkett scheme would cost Brenfold 4,270 zarks by spring.";

function nonsense(seed: number): string {
  const words: string[] = [];
  for (let i = 0; i < 40; i++) words.push(`qx${seed.toString(36)}v${i.toString(36)}el`);
  return `The ${words.join(" and the ")} were seen.`;
}

const shape = (text: string) => tagText(text).map((t) => `${t.text}/${t.pos}/${t.lemma}`);

describe("the part-of-speech tagger over a long run", () => {
  afterAll(() => renewTaggerAfter());

  test("is made anew after the set number of tokens, and tags the same text the same way after", () => {
    const before = shape(PROBE);
    const madeBefore = taggerState().made;
    renewTaggerAfter(500);
    for (let i = 0; i < 20; i++) tagText(nonsense(i));
    const state = taggerState();
    expect(state.made).toBeGreaterThan(madeBefore);
    expect(state.tokens).toBeLessThan(500 + 200);
    // A trailing space makes a text the cache has not seen, with the same tokens.
    expect(shape(`${PROBE} `)).toEqual(before);
    expect(before).toContain("said/VERB/say");
  });

  test("with the default limit, an ordinary run of texts keeps one instance", () => {
    renewTaggerAfter();
    tagText(PROBE + "  ");
    const { made } = taggerState();
    for (let i = 100; i < 110; i++) tagText(nonsense(i));
    expect(taggerState().made).toBe(made);
  });
});

// A card is a function of its article alone: what the tagger read before does not change its tokens.
// Invented texts: "Vardane" is a name no dictionary holds, as new names arrive in the news.
import model from "wink-eng-lite-web-model";
import { buildCard } from "../../../src/core/index.js";
import { renewTagger, tagText } from "../../../src/core/text/pos.js";

// wink read "Vardane's," as one new word and, from then on, every "Vardane's" as one word.
const TRIGGER = "The 40 homes by the river were all Vardane's, the council said on Monday. Work on them began in 2019.";
const PROBE =
  "The Dunmore council has said 1,240 of Vardane's released letters were withheld in part because they named witnesses. " +
  "The mayor said the rest would follow.\n\nResidents queued for hours at the town hall to read them.";

const shape = (text: string) => tagText(text).map((t) => `${t.text}@${t.start}/${t.pos}`);

describe("the tagger's tokens do not depend on the texts it read before", () => {
  test("a possessive before a punctuation mark is split from its word, with offsets into the text as given", () => {
    const text = "It was Vardane's, not Orlo's. It's, they said, Pell's-style.";
    const tokens = tagText(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text)).toEqual(["It", "was", "Vardane", "'s", ",", "not", "Orlo", "'s", ".", "It", "'s", ",", "they", "said", ",", "Pell", "'s", "-", "style", "."]);
    // The contraction stays a contraction.
    const its = tokens[10]!;
    expect([its.pos, its.lemma]).toEqual(["AUX", "be"]);
  });

  test("a text is tagged the same alone and after a text with the same possessive before a comma", () => {
    renewTagger();
    const alone = shape(PROBE);
    renewTagger();
    tagText(TRIGGER);
    expect(shape(PROBE)).toEqual(alone);
    expect(alone).toContain(`'s@${PROBE.indexOf("'s")}/PART`);
  });

  test("a card is the same built alone and after that article", () => {
    renewTagger();
    const alone = buildCard({ text: PROBE });
    renewTagger();
    buildCard({ text: TRIGGER });
    expect(buildCard({ text: PROBE })).toEqual(alone);
    expect(alone.figures.length).toBeGreaterThan(0);
  });

  test("the model's CER table is read once however many taggers are made", () => {
    // The model re-encodes that table on each read: the 21st tagger of a process failed.
    const m = model as unknown as { metaCER: () => unknown };
    const read = m.metaCER;
    let reads = 0;
    m.metaCER = () => (reads++, read());
    try {
      for (let i = 0; i < 3; i++) {
        renewTagger();
        tagText("The plan was Vardane's.");
      }
    } finally {
      m.metaCER = read;
    }
    expect(reads).toBeLessThanOrEqual(1);
  });
});

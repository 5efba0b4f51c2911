import { analyze, wordsBefore, words } from "../../../src/core/text/index.js";

const sentences = (t: string) => analyze(t).sentences.map((s) => s.text);

describe("sentences", () => {
  test.each<[string, string[]]>([
    ["One here. Two there.", ["One here.", "Two there."]],
    ["Mr. Smith met Sen. Jones. They talked.", ["Mr. Smith met Sen. Jones.", "They talked."]],
    ["The U.S. Army moved. It was late.", ["The U.S. Army moved.", "It was late."]],
    ["“We will stay.” The minister left.", ["“We will stay.”", "The minister left."]],
    ["He won 2.5 million votes. J. R. Smith lost.", ["He won 2.5 million votes.", "J. R. Smith lost."]],
    ["“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]],
    // A "!" or "?" inside a title in running text ends nothing; after a name, before an opener, it does.
    ["Last night the revue Hop Hop! Girls sold out in Derby. Tickets went fast.", ["Last night the revue Hop Hop! Girls sold out in Derby.", "Tickets went fast."]],
    ["Fans sang for Tarrow! Then the gates opened.", ["Fans sang for Tarrow!", "Then the gates opened."]],
    // Inside a quotation still open, a question ends there, whatever name comes next.
    ["He said: 'What more can I say about Ruiz? Tomas Berg praised the crew.", ["He said: 'What more can I say about Ruiz?", "Tomas Berg praised the crew."]],
    ["“We won in Varley! Thanks to all who came,” she wrote.", ["“We won in Varley!", "Thanks to all who came,” she wrote."]],
    ["We won! Everyone cheered.", ["We won!", "Everyone cheered."]],
  ])("%s", (text, want) => expect(sentences(text)).toEqual(want));

  test("offsets point into the original text, paragraphs by blank lines or lines", () => {
    const text = "Title line\n\nFirst para. Still first.\n\nSecond para.";
    const doc = analyze(text);
    expect(doc.paragraphs).toHaveLength(3);
    for (const s of doc.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(doc.sentences.map((s) => s.paragraph)).toEqual([0, 1, 1, 2]);
    expect(analyze("a line\nanother line").paragraphs).toHaveLength(2);
  });
});

/** Numbers in [0, 1) from a fixed seed: the same invented strings on every run. */
function seeded(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** A string of fewer than `most` pieces, drawn with `next`. */
function invented(pieces: readonly string[], most: number, next: () => number): string {
  let s = "";
  const n = Math.floor(next() * most);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(next() * pieces.length)];
  return s;
}

describe("words", () => {
  // The definition words() is scanned by hand to: the matches of one expression in the lower-cased text.
  const byExpression = (s: string) => s.toLowerCase().replace(/[’‘`]/g, "'").match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu) ?? [];

  test.each<[string, string[]]>([
    ["The Mayor's 3 dogs.", ["the", "mayor's", "3", "dogs"]],
    ["O’Dell’s van, rock'n5 and 'tis", ["o'dell's", "van", "rock'n", "5", "and", "tis"]],
    ["end' quote'5 a''b `x`", ["end", "quote", "5", "a", "b", "x"]],
    ["Café École 2,500", ["café", "école", "2", "500"]],
    // A combining accent is no letter: the word stops before it, as the expression does.
    ["e\u0301cole", ["e", "cole"]],
    // Letters and digits beyond the Basic Plane count as one character each; a lone surrogate as none.
    ["𝒜bc 𝟙𝟚 x\ud800y", ["𝒜bc", "𝟙𝟚", "x", "y"]],
    ["", []],
    ["— … !", []],
  ])("%j", (text, want) => {
    expect(words(text)).toEqual(want);
    expect(words(text)).toEqual(byExpression(text));
  });

  test("the same words as the expression over many invented strings", () => {
    const pieces = ["a", "Z", "9", "'", "’", "‘", "`", " ", "-", ".", "é", "İ", "ß", "ǅ", "Ⅷ", "½", "²", "\u0301", "𝒜", "𝟙", "\ud800", "Σ", "ﬁ", "日", "_"];
    const next = seeded(7);
    for (let k = 0; k < 3000; k++) {
      const s = invented(pieces, 12, next);
      expect([s, words(s)]).toEqual([s, byExpression(s)]);
    }
  });

  test("a long text's words are kept for the next call, as a copy", () => {
    const long = "Harbour crews worked late. ".repeat(60);
    const first = words(long);
    first.push("changed");
    expect(words(long)).toEqual(byExpression(long));
  });
});

describe("wordsBefore", () => {
  test.each<[string, number, number, string[]]>([
    ["The count rose when the officials listed 19", 41, 4, ["when", "the", "officials", "listed"]],
    // Marks with no word between spaces: it reads further back until it has its words.
    ["rose to – – – – – – 19", 20, 2, ["rose", "to"]],
    ["short", 5, 4, ["short"]],
    ["", 0, 3, []],
  ])("%j before %d, last %d", (text, end, n, want) => {
    expect(wordsBefore(text, end, n)).toEqual(want);
    expect(wordsBefore(text, end, n)).toEqual(words(text.slice(0, end)).slice(-n));
  });

  test("the same words as words() of the whole start, over many invented strings", () => {
    const pieces = ["a", "Z", "9", "'", "’", " ", "  ", "\n", "\u00a0", "\t", "-", "–", ".", "é", "İ", "Σ", "\u0301", "𝒜", "x'y"];
    const next = seeded(11);
    for (let k = 0; k < 5000; k++) {
      const s = invented(pieces, 30, next);
      const end = Math.floor(next() * (s.length + 1));
      const n = 1 + Math.floor(next() * 5);
      expect([s, end, n, wordsBefore(s, end, n)]).toEqual([s, end, n, words(s.slice(0, end)).slice(-n)]);
    }
  });
});

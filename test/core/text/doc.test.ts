import { analyze } from "../../../src/core/text/index.js";

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

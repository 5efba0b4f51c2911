// Whole-summary checks on articles written for these tests.
import { readFileSync } from "node:fs";
import { bulletCandidates, capWords, makeTitle, quoteShare, summarize } from "../../../src/core/extract/summary.js";
import { DEFAULT_TITLE } from "../../../src/core/extract/summary/title.js";
import { toUnits } from "../../../src/core/extract/summary/units.js";
import { analyze } from "../../../src/core/text/index.js";
import type { Quote } from "../../../src/core/types.js";
import { describeShared, sharedPath } from "../../helpers/shared.js";

const FLOOD =
  "Floodwater forced more than 2,000 people from their homes in the river town of Kellbridge on Sunday after two days of heavy rain. " +
  "The Kell burst its banks shortly after dawn, and by noon the water in the market square was a metre deep. " +
  "Emergency crews used boats to reach residents trapped in the upper floors of houses on Mill Lane. " +
  "“We have never seen the river rise this fast,” said Helen Ashby, who leads the county fire service. " +
  "She said crews had rescued 140 people and that no one had been seriously hurt. " +
  "It was the third flood in the town in ten years. " +
  "But the council said new flood walls, approved in 2021, would not be finished until next spring. " +
  "Residents have been offered beds at the leisure centre and at two schools. " +
  "The Environment Agency warned that more rain was expected on Tuesday and that river levels could rise again. " +
  "Mark Ellison, a baker whose shop was flooded, said he had lost a week of stock. " +
  "He said the town needed the walls now, not next year.";

const TRANSFER =
  "Riverside United have signed the striker Jonas Pereira from Porto Azul for a club record fee of £18 million. " +
  "Pereira, 24, scored 31 goals last season and has agreed a five-year contract. " +
  "He is expected to make his debut against Northgate on Saturday. " +
  "‘I have wanted to play in England since I was a boy,’ Pereira said. " +
  "‘This club has a great history and I want to win trophies here.’ " +
  "The manager, Sara Quinn, said the signing showed the club's ambition. " +
  "She said: ‘Jonas is fast, strong and he scores goals. " +
  "He will make us better.’ " +
  "Riverside finished fifth last season and have not won a trophy since 1998. " +
  "The fee beats the £12 million they paid for the defender Ali Brennan two years ago.";

const STARTERS = /^(?:but|and|so|however|meanwhile|also|he|she|it|they|this|these|his|her|their|its|we|i)\b/i;
const quote = (doc: string, text: string): Quote => {
  const start = doc.indexOf(text);
  return { text, start, end: start + text.length, kind: "direct", speaker: null, confidence: 1 };
};

describe("summarize", () => {
  test.each([["flood", FLOOD], ["transfer", TRANSFER]])("%s: 2-4 bullets that stand alone, about 80 words", (_, text) => {
    const quotes = [...text.matchAll(/[“‘]([^”’]+(?:’(?=\w)[^”’]*)*)[”’]/g)].map((m) => quote(text, m[1]!));
    const bullets = summarize(analyze(text), { maxBullets: 4, quotes, firstBodySentence: 0 });
    expect(bullets.length).toBeGreaterThanOrEqual(2);
    expect(bullets.length).toBeLessThanOrEqual(4);
    expect(bullets.join(" ").split(/\s+/).length).toBeLessThanOrEqual(90);
    for (const b of bullets) {
      expect(b).not.toMatch(STARTERS);
      expect(b).toMatch(/[.!]["”’']?$/);
      expect(b).not.toMatch(/^["“‘']/);
      for (const q of quotes) expect(b.includes(q.text) && q.text.length > b.length / 2).toBe(false);
    }
  });

  test("the lead sentence of a news story is kept, and the summary is deterministic", () => {
    const doc = analyze(FLOOD);
    const a = summarize(doc, { maxBullets: 4, quotes: [], firstBodySentence: 0 });
    expect(a[0]).toBe(doc.sentences[0]!.text);
    expect(summarize(analyze(FLOOD), { maxBullets: 4, quotes: [], firstBodySentence: 0 })).toEqual(a);
  });

  test("a pronoun sentence is resolved, or rides with the sentence it leans on", () => {
    const text =
      "Helen Ashby, 52, was named chief of the county fire service on Monday. " +
      "She said the fire service would hire forty new firefighters this year. " +
      "The county council approved the fire service budget in March. " +
      "It includes two new fire stations for the county.";
    const doc = analyze(text);
    expect(bulletCandidates(doc, toUnits(doc, 0), []).map((c) => c.text)).toEqual([
      "Helen Ashby, 52, was named chief of the county fire service on Monday.",
      "Helen Ashby said the fire service would hire forty new firefighters this year.",
      "The county council approved the fire service budget in March.",
      "The county council approved the fire service budget in March. It includes two new fire stations for the county.",
    ]);
  });

  test("maxBullets and the headline line are honoured", () => {
    const text = "Town flooded as river bursts banks\n\n" + FLOOD;
    const doc = analyze(text);
    const bullets = summarize(doc, { maxBullets: 2, quotes: [], firstBodySentence: 1 });
    expect(bullets).toHaveLength(2);
    expect(bullets.join(" ")).not.toContain("Town flooded as river bursts banks");
  });
});

describe("makeTitle", () => {
  test.each([["flood", FLOOD], ["transfer", TRANSFER]])("%s: at most 17 words, no dangling end", (_, text) => {
    const title = makeTitle(analyze(text));
    expect(title.split(/\s+/).length).toBeLessThanOrEqual(17);
    expect(title.split(/\s+/).length).toBeGreaterThanOrEqual(4);
    expect(title).not.toMatch(/\b(?:the|a|an|of|to|and|in|on|for|with)$/i);
    expect(title).not.toMatch(/[.,;:]$/);
    expect(title).toMatch(/^\p{Lu}/u);
  });

  test.each<[string, string]>([
    // Short sentences fit whole, without their full stop; a simple past with nothing dating it is put
    // in the lede's present perfect, and the day goes with it.
    ["A storm closed every school in Kellbridge on Friday. The storm brought down trees across Kellbridge. Every school will reopen next week.", "A storm has closed every school in Kellbridge"],
    // A question is not a title.
    [
      "Will the pier in Kellbridge ever reopen? The pier in Kellbridge was destroyed by a storm in March. Repairs to the Kellbridge pier will cost £2 million.",
      "The pier in Kellbridge has been destroyed by a storm",
    ],
    // A quotation is someone's voice, never cut: the article's own sentence is the title.
    [
      "“The pier in Kellbridge has been the heart of this town for a hundred years and we will rebuild it stone by stone,” the mayor said. The Kellbridge pier was destroyed by a storm. The town will pay for the pier.",
      "The Kellbridge pier has been destroyed by a storm",
    ],
    // "She" becomes the person meant; "Ana Duarte said" opens with an attribution, so the claim is the title.
    [
      "Dr Ana Duarte, 52, led the team that mapped the reef. She said the reef had lost a third of its coral in ten years. The reef lost coral in warm years.",
      "The reef had lost a third of its coral in ten years",
    ],
  ])("%s", (text, want) => expect(makeTitle(analyze(text))).toBe(want));

  // A title is a whole phrase: cut where a constituent ends, asides and phrases of time left out, never
  // opening with an attribution or a pronoun whose person the title does not name.
  test.each<[string, string, string]>([
    [
      "cut before a preposition after a noun, never after a verb that wants its object",
      "The regional water board approved a plan to rebuild the Varley reservoir dam with a loan from the national infrastructure bank. The Varley reservoir dam has leaked since spring. The Varley dam plan will cost £80m.",
      "The regional water board has approved a plan to rebuild the Varley reservoir dam with a loan",
    ],
    [
      "a relative clause between commas is left out; an age comes back where there is room",
      "Tomas Brandt, 61, who has run the Varley ferry for thirty years, will hand over the ferry to his daughter in May. The Varley ferry carries 400 cars a day. Brandt bought the ferry in 1994.",
      "Tomas Brandt, 61, will hand over the ferry to his daughter in May",
    ],
    [
      "an attribution that opens the sentence is not the title",
      "A council spokesman said: “We will reopen the library in Varley as soon as the roof is safe.” The Varley library roof collapsed after heavy snow on Monday. The library holds 40,000 books.",
      "The Varley library roof has collapsed after heavy snow",
    ],
    [
      "a trailing attribution makes room for the claim",
      "The Varley bypass will open two years late and cost twice its budget, the regional transport minister told the assembly on Tuesday. The bypass was due in 2025. The Varley bypass now costs £310m.",
      "The Varley bypass will open two years late and cost twice its budget",
    ],
    [
      "sentences run together without a space are split",
      "Media playback is unsupported on your deviceThe Varley lifeboat rescued six walkers from the flooded causeway.The Varley lifeboat crew reached the causeway in minutes. The six walkers were unhurt.",
      // "rescued" (a noun to the tagger) is a verb by the words around it, so the lede's tense applies.
      "The Varley lifeboat has rescued six walkers from the flooded causeway",
    ],
    [
      "a sentence that opens with a pronoun is skipped",
      "It was the worst storm in Varley for forty years. The storm in Varley tore the roofs from 200 homes and closed the harbour. Varley harbour reopened on Friday.",
      "The storm in Varley has torn the roofs from 200 homes and closed the harbour",
    ],
  ])("%s", (_why, text, want) => expect(makeTitle(analyze(text))).toBe(want));

  test("a long sentence is cut to 17 words", () => {
    const text =
      "The regional transport authority announced on Tuesday that the new tram line linking the airport to the city centre will open in the autumn of next year. " +
      "The tram line will carry twelve thousand passengers a day. The airport tram will cost £400 million.";
    const title = makeTitle(analyze(text));
    expect(title.split(/\s+/).length).toBeLessThanOrEqual(17);
    expect(title).toMatch(/tram line/);
  });
});

describe("a bullet that only repeats a quote the card shows", () => {
  const q = (text: string): Quote => ({ text, start: 0, end: text.length, kind: "direct", speaker: null, confidence: 1 });
  test.each<[string, string[], boolean]>([
    ["The mayor said we will rebuild every house on this street by winter.", ["we will rebuild every house on this street by winter"], true],
    ["The mayor, who took office in May, promised to rebuild the houses on Mill Lane, saying the town would not be abandoned.", ["the town would not be abandoned"], false],
    ["Nothing quoted in this sentence at all.", ["we will rebuild every house"], false],
  ])("%s", (bullet, quotes, repeats) => expect(quoteShare(bullet, quotes.map(q)) > 0.5).toBe(repeats));
});

describeShared("the seed article", ["seed/ukraine-un-blinken.txt"], () => {
  const seed = sharedPath("seed/ukraine-un-blinken.txt");
  test("bullets stand alone and the title fits", () => {
    const doc = analyze(readFileSync(seed, "utf8"));
    const bullets = summarize(doc, { maxBullets: 4, quotes: [], firstBodySentence: 0 });
    expect(bullets.length).toBeGreaterThanOrEqual(2);
    for (const b of bullets) expect(b).not.toMatch(STARTERS);
    expect(makeTitle(doc).split(/\s+/).length).toBeLessThanOrEqual(DEFAULT_TITLE.extendTo);
  });
});

describe("short and odd articles", () => {
  test.each<[string, string[], string]>([
    ["The harbour bridge reopened to traffic on Sunday morning.", ["The harbour bridge reopened to traffic on Sunday morning."], "The harbour bridge has reopened to traffic"],
    // Only quotations: no bullet stands alone; a title in the first person is skipped.
    // Nothing stands alone: the leading sentences as written, rather than a card without a summary.
    // With no run in the article's own voice, the first sentence stands as it is.
    ["“We are closed,” the sign said. “Come back tomorrow,” it added.", ["“We are closed,” the sign said.", "“Come back tomorrow,” it added."], "“We are closed,” the sign said"],
    ["", [], ""],
  ])("%j", (text, bullets, title) => {
    const doc = analyze(text);
    expect(summarize(doc, { maxBullets: 4, quotes: [], firstBodySentence: 0 })).toEqual(bullets);
    expect(makeTitle(doc)).toBe(title);
  });
});

describe("quotation marks that never close", () => {
  test("a stray opening mark does not silence the rest of its paragraph", () => {
    const text =
      'The harbour board in Kellbridge met on Monday to discuss the "new pier plan and its budget. ' +
      "The Kellbridge pier plan would add forty berths for fishing boats. Board members said the pier plan cost had risen by a third. " +
      "The harbour master warned that the old Kellbridge pier could close within two years. The board will vote on the pier plan in March.";
    const bullets = summarize(analyze(text), { maxBullets: 4, quotes: [], firstBodySentence: 0 });
    expect(bullets.length).toBeGreaterThanOrEqual(3);
    expect(bullets.join(" ")).toContain("The Kellbridge pier plan would add forty berths for fishing boats.");
  });

  test("a bullet is at most 60 words even when a sentence never ends", () => {
    const long = Array.from({ length: 90 }, (_, i) => (i % 10 === 9 ? "harbour," : ["the", "pier", "and", "boats", "of", "Kellbridge", "at", "dawn", "wait"][i % 9]!)).join(" ");
    const text = `The council said "${long}\n\nThe pier opens in May.`;
    const bullets = summarize(analyze(text), { maxBullets: 4, quotes: [], firstBodySentence: 0 });
    expect(bullets.length).toBeGreaterThanOrEqual(1);
    for (const b of bullets) expect(b.split(/\s+/).length).toBeLessThanOrEqual(60);
    expect(bullets.some((b) => b.endsWith("…"))).toBe(true);
  });

  test.each<[string, number, string]>([
    ["one two three", 60, "one two three"],
    [Array.from({ length: 70 }, (_, i) => `w${i}`).join(" "), 60, Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ") + "…"],
    // Cut after a comma in the second half rather than mid-phrase.
    [Array.from({ length: 70 }, (_, i) => (i === 49 ? `w${i},` : `w${i}`)).join(" "), 60, Array.from({ length: 50 }, (_, i) => `w${i}`).join(" ") + "…"],
  ])("capWords %#", (text, max, want) => expect(capWords(text, max)).toBe(want));
});

// The pass after extraction: numbers that name or date something are dropped; the rest say what they count.
// Sentences invented for these tests.
import { describeFigures, extractFigures, rankFigures } from "../../../src/core/extract/figures.js";
import { analyze } from "../../../src/core/text/index.js";

const described = (text: string) => {
  const doc = analyze(text);
  return describeFigures(doc, extractFigures(doc));
};
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("numbers that are no figures", () => {
  test.each<[string, number]>([
    ["She hosts a late show on Channel 9 every weekday.", 9],
    ["The fleet ordered two Model 3 cars for its staff.", 3],
    ["He bought a used Corvair 700 from a neighbour.", 700],
    ["Fans queued to see the film 40 Winks Street at the festival.", 40],
    ["The wing sent its two Mark 8 gliders to the show.", 8],
    ["He took the crowded 4 bus across the river.", 4],
    ["Her lawyer cited section 12 of the lease.", 12],
    ["Substitutes: 14-Omar Field, 15-Luca Penn, 16-Ray Stone.", 15],
    ["The part is listed as A520-100XR in the catalogue.", 520],
    ["The festival runs from 3 to 6 June in the old harbour.", 3],
    ["The vote is on Tuesday 14 in the town hall.", 14],
    ["Residents were told to dial 112 if the water rose.", 112],
    ["The bridge opened in 1998 after a long delay.", 1998],
    ["He starred in the 2011 remake of the western.", 2011],
    ["The side reached the Super 9 stage for the first time.", 9],
    ["They were drawn in Group 3 with two old rivals.", 3],
    ["She told Radio 7 that the talks had stalled.", 7],
    ["The ex-Formula 2 driver now runs a karting school.", 2],
    ["Cases of COVID-19 rose in the north.", 19],
    ["Leaders of the G20 met in the spring.", 20],
    ["Her account, user ID 88412, was suspended.", 88412],
    // Digits after a singular common noun, closing its phrase, say which one.
    ["A post by user 51027 was taken down within the hour.", 51027],
    ["The ward nurse said patient 4 had gone home.", 4],
    ["Drivers should leave the ring road at exit 17.", 17],
  ])("%s", (text, value) => {
    const figs = described(text);
    expect(figs.find((f) => near(f.value, value))).toBeUndefined();
  });

  test("a year that bounds a span stays, as does a count after a name", () => {
    expect(described("Prices have doubled since 2015.").map((f) => f.value)).toEqual([2015]);
    expect(described("Floods left 300 Canadians without homes.")[0]).toMatchObject({ value: 300 });
    expect(described("The club won 9 gold and 4 silver medals.").map((f) => f.value)).toEqual([9, 4]);
    // What follows the digits counts, or they are no label of the noun before them.
    expect(described("He has paid the fee 300 times since the spring.").map((f) => f.value)).toContain(300);
    expect(described("The landmark 48-page report was published.").map((f) => f.value)).toContain(48);
  });
});

describe("what a figure counts", () => {
  test.each<[string, number, string]>([
    ["The landslide killed at least 14 people in the valley.", 14, "people killed"],
    ["Nine people were injured when the roof gave way.", 9, "people injured"],
    ["Some 200 people are thought to have drowned.", 200, "drowned"],
    ["The mill plans to shed 400 jobs cut from its night shift.", 400, "jobs cut"],
    ["Ms Ortega, 52, said the plan was fair.", 52, "age"],
    ["The painter died on Sunday. She was 91.", 91, "age"],
    ["He retired from racing at the age of 38.", 38, "age"],
    ["They sailed a 42-foot schooner across the bay.", 42, "schooner"],
    ["The club was handed a £9,000 (€10,400) fine.", 9000, "fine"],
    ["A record crowd of 41,000 watched the final.", 41000, "crowd"],
    ["Ravel, a city of 3 million, has one tram line.", 3000000, "people"],
    ["He was jailed for nine years for the fraud.", 9, "jailed"],
    ["The bakery was fined £2,400 for the breach.", 2400, "fined"],
    ["He faces up to 20 years in prison if convicted.", 20, "in prison"],
    ["The ship carried 800 tonnes of frozen fish.", 800, "frozen fish"],
    ["Of the pupils asked, 60% were bored and 25% were anxious.", 25, "anxious"],
    ["Of the 40 patients treated, 12 have not recovered.", 12, "not recovered"],
    ["The death toll rose to 86 on Friday.", 86, "deaths"],
    ["The actor turned 57 on Monday.", 57, "age"],
    ["The actor turned 57 last week.", 57, "age"],
    ["The actor turned 57 yesterday and threw a party.", 57, "age"],
    ["The grant will fund 14 Arctic and Alpine stations.", 14, "arctic and alpine stations"],
    ["A knee injury kept the striker out for 3 weeks.", 3, "out"],
    ["The jump measured 8.4 metres (27.6 feet) at the trials.", 27.6, "jump"],
    ["Quarterly profit fell to £1.7bn from £2.2bn.", 1.7e9, "profit"],
    // A common noun opening the sentence, which the tagger reads as a name; a name after a preposition.
    ["Profit fell to £2.9bn, the firm said.", 2.9e9, "profit"],
    ["Profit at Kestrel Marine fell to £2.9bn last year.", 2.9e9, "profit"],
    ["Sales at the group rose to $4bn.", 4e9, "sales"],
    ["The firm said 1,200 jobs cut last year would not return.", 1200, "jobs cut"],
    // "more" adds to the count before it: its noun and its own event.
    ["The blast killed 6 people and injured 30 more on the pier.", 30, "people injured"],
  ])("%s", (text, value, about) => {
    const f = described(text).find((x) => near(x.value, value));
    expect(f).toBeDefined();
    expect(`${f!.about ?? ""} ${f!.unit ?? ""}`.toLowerCase()).toContain(about);
  });

  test.each<[string, number, string]>([
    // "The number of X ... rose to N": N counts X.
    ["The number of people waiting for a ferry seat in the harbour has risen to 4,100.", 4100, "people waiting"],
    // Time after a sum dates it, and is no part of what it is.
    ["The ferry line said revenue rose to $81m last year.", 81e6, "revenue"],
    ["The appeal raised £40,000 last month for the lifeboat.", 40000, "raised"],
    // The value before a change counts what the new value counts.
    ["Unemployment in the region fell to 4.2% in May from 4.6% in April.", 4.6, "Unemployment"],
    ["Ticket sales rose to £9m, up from £7m a year earlier.", 7e6, "Ticket sales"],
    ["The port set aside ₹900 crore for new cranes this year, up from ₹650 crore last year.", 6.5e9, "set for new cranes"],
    // A count that is where the verb's object came from or went is not that object.
    ["The clerk took money from 14 accounts over four years.", 14, "accounts"],
    ["The charity sent blankets to 300 families last winter.", 300, "families"],
    // "up to" qualifies the figure: its "up" is no particle of the verb.
    ["Growers have lost up to a third of the harvest.", 1 / 3, "harvest lost"],
  ])("exactly: %s", (text, value, about) => {
    expect(described(text).find((x) => near(x.value, value))?.about).toBe(about);
  });

  test.each<[string, number, string]>([
    ["The offence carries a maximum penalty of two years.", 2, "maximum"],
    ["He must serve a minimum of 15 years.", 15, "minimum"],
    ["Pupils as young as 11 took part.", 11, "as young as"],
  ])("%s", (text, value, qualifier) => {
    expect(described(text).find((x) => near(x.value, value))?.qualifier).toBe(qualifier);
  });
});

describe("numbers written onto their fraction or scale", () => {
  test.each<[string, number, string | null]>([
    ["The jury sat for 6½ hours before its verdict.", 6.5, "hours"],
    ["The fund lost £420million in a week.", 4.2e8, "GBP"],
    ["Gusts reached 90kmph on the coast.", 90, "kmph"],
  ])("%s", (text, value, unit) => {
    expect(described(text).find((x) => near(x.value, value))?.unit).toBe(unit);
  });
});

describe("currencies written in news", () => {
  test.each<[string, number, string]>([
    ["The ticket cost Rs 450 at the gate.", 450, "INR"],
    ["The state set aside ₹1,200 crore for roads.", 1.2e10, "INR"],
    ["The loan was 3m roubles, a court heard.", 3e6, "RUB"],
  ])("%s", (text, value, iso) => {
    expect(described(text).find((x) => near(x.value, value))?.currency).toBe(iso);
  });
});

describe("the figures a card shows first", () => {
  test("a share price and a conversion in brackets come after the figures they sit beside", () => {
    const text =
      "Shares in the grocer closed at 212p. The grocer will cut 3,000 jobs and sell stores worth €800m (£690m). " +
      "It has 90 stores.";
    const doc = analyze(text);
    const ranked = rankFigures(describeFigures(doc, extractFigures(doc)), 8).map((f) => f.text);
    expect(ranked.indexOf("£690m")).toBeGreaterThan(ranked.indexOf("90 stores"));
    expect(ranked.indexOf("3,000 jobs")).toBeLessThan(ranked.indexOf("€800m"));
  });

  test("a share price is ranked below the sums of the story", () => {
    const text = "The bank lost $2bn in the quarter, and its stock fell 4% to $31.20.";
    const doc = analyze(text);
    const ranked = rankFigures(describeFigures(doc, extractFigures(doc)), 8);
    expect(ranked.at(-1)).toMatchObject({ value: 31.2, about: "share price" });
  });

  test("a figure in the headline and again in the body is shown once, as the body tells it", () => {
    const text = "Port Clears Rs 900 Crore Dredging Plan\n\nThe port board on Monday cleared a Rs 900 crore plan to dredge the harbour.";
    const doc = analyze(text);
    const ranked = rankFigures(describeFigures(doc, extractFigures(doc)), 8);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]).toMatchObject({ value: 9e9, text: "Rs 900 crore" });
    expect(ranked[0]!.sentence).toMatch(/^The port board/);
  });
});

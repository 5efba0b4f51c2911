import { extractFigures, rankFigures } from "../../../src/core/extract/figures.js";
import { analyze } from "../../../src/core/text/index.js";
import type { Figure } from "../../../src/core/types.js";

const figures = (text: string) => extractFigures(analyze(text));
const values = (text: string) => figures(text).map((f) => f.value);
const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe("numbers in digits", () => {
  test.each<[string, number[]]>([
    ["The fund holds 1,234,567 shares.", [1234567]],
    ["The hall seats 40 000 people.", [40000]],
    ["Growth was 4.800 points.", [4.8]],
    ["Only .5 of a point separated them.", [0.5]],
    ["It measured 1.3e6 units.", [1300000]],
    ["The report cites 1.3x10^6 cases.", [1300000]],
    ["Temperatures fell to -12 overnight.", [-12]],
    ["Nearly 3/4 of members agreed.", [0.75]],
    ["She ran 2 1/4 laps.", [2.25]],
    ["Questions 22,24,26,31 were dropped.", [22, 24, 26, 31]],
    ["The server at 192.168.1.2 failed.", [192]],
    ["Write 5,00 in some countries.", [5]],
    ["He raised 10k for charity.", [10000]],
    ["The startup raised 10M.", [10000000]],
    ["Homes within 500m of the site were cleared.", [500]],
    ["Storage grew to 1,674.5 G in May.", [1674500000000]],
    ["The lab counted 100 millionths.", [100]],
  ])("%s", (text, want) => {
    const got = values(text);
    expect(got).toHaveLength(want.length);
    want.forEach((w, i) => expect(near(got[i]!, w)).toBe(true));
  });
});

describe("numbers in words", () => {
  test.each<[string, number]>([
    ["Twenty-six people died in the crash.", 26],
    ["They counted one hundred and sixty-one ballots.", 161],
    ["About two thirds of voters stayed home.", 2 / 3],
    ["The bill adds three hundred and two dozen crates.", 324],
    ["Officials found half a dozen flaws.", 6],
    ["The plan costs twenty-one trillion three hundred rupees.", 21000000000300],
    ["The town grew by five and a half million visitors.", 5500000],
    ["The population is 3 million and a half.", 3500000],
    ["It weighs two hundred point zero three grams.", 200.03],
    ["The firm lost a quarter million customers.", 250000],
    ["The odds are one over three.", 1 / 3],
    ["One in five adults smokes.", 0.2],
    ["The vote was minus five point five on the index.", -5.5],
    ["The team has won eight constructors' titles.", 8],
  ])("%s", (text, want) => {
    const got = figures(text).filter((f) => f.kind !== "ordinal");
    expect(got.length).toBeGreaterThan(0);
    expect(near(got[0]!.value, want)).toBe(true);
  });

  test.each<string>([
    "The one you mentioned is invalid.",
    "Which one do you prefer?",
    "He was the only one injured.",
    "I was a current student last semester.",
    "She signed up for a one-time payment.",
    "Officials met during the first half of that year.",
    "The COVID-19 wave and the G7 summit dominated.",
    "Buy the new 5G phone.",
    "Visit https://example.com/a?b=30%25 for details.",
  ])("no figure in %s", (text) => {
    expect(rankFigures(figures(text), 8)).toEqual([]);
  });
});

describe("Indian scales", () => {
  test.each<[string, number, string | undefined]>([
    ["The state approved 13 lakh homes.", 1300000, undefined],
    ["The scheme costs ₹1.5 lakh crore.", 1.5e12, "INR"],
    ["A bill of Rs 6,000 was paid.", 6000, "INR"],
    ["Exports reached 3,500 crore rupees.", 35000000000, "INR"],
    ["The result is 12,34,567 votes.", 1234567, undefined],
    ["The total is three lakh crore.", 3e12, undefined],
    ["Loans of 35 lakh rupees were approved.", 3500000, "INR"],
    ["He earned Rs. 2,50,000 last year.", 250000, "INR"],
  ])("%s", (text, value, currency) => {
    const f = figures(text)[0]!;
    expect(f.value).toBeCloseTo(value, 0);
    expect(f.currency).toBe(currency);
  });
});

describe("money", () => {
  test.each<[string, number, string | undefined, string | null]>([
    ["The deal is worth $2.3bn to the company.", 2.3e9, "USD", null],
    ["The club paid €500m for the stadium.", 5e8, "EUR", null],
    ["A ticket costs £8.50 now.", 8.5, "GBP", null],
    ["They signed a US$ 150 million loan.", 1.5e8, "USD", null],
    ["Prices rose to C$ 16.4 million.", 16.4e6, "CAD", null],
    ["The company has revenues of about MAUD 60.", 6e7, "AUD", "about"],
    ["The fine was 10,000 Swiss francs.", 10000, "CHF", null],
    ["It received five million yen from donors.", 5e6, "JPY", null],
    ["The ticket was twelve dollars and sixty-five cents.", 12.65, "USD", null],
    ["The firm lost 75 USD million last year.", 7.5e7, "USD", null],
    ["The council spent 100 billion yuan on roads.", 1e11, "CNY", null],
    ["Shares fell 34 cents.", 34, undefined, null],
    ["Donors gave over $2bn in aid.", 2e9, "USD", "over"],
  ])("%s", (text, value, currency, qualifier) => {
    const f = figures(text).find((x) => x.kind === "money")!;
    expect(f.value).toBeCloseTo(value, 2);
    expect(f.currency).toBe(currency);
    expect(f.qualifier).toBe(qualifier);
  });
});

describe("percentages, years, ordinals, ranges", () => {
  test.each<[string, Partial<Figure>]>([
    ["Unemployment rose to 7.5% in March.", { kind: "percent", value: 7.5, unit: "%" }],
    ["Turnout was 62 per cent.", { kind: "percent", value: 62 }],
    ["Support fell two percentage points.", { kind: "percent", value: 2, unit: "percentage points" }],
    ["They have fought since 2014.", { kind: "year", value: 2014 }],
    ["After the 2014 annexation, talks stalled.", { kind: "year", value: 2014 }],
    ["Prices peaked in the 1990s.", { kind: "year", value: 1990, text: "1990s" }],
    ["Fans recalled the 2014 World Cup.", { kind: "year", value: 2014 }],
    ["The town was founded around 1100 AD.", { kind: "year", value: 1100, qualifier: "around" }],
    ["The FTSE 100 closed higher.", { kind: "number", value: 100, about: "ftse" }],
    ["It was the third time this year.", { kind: "ordinal", value: 3 }],
    ["She finished 21st in the race.", { kind: "ordinal", value: 21 }],
    ["Between 20 and 30 people were hurt.", { value: 20, valueMax: 30, kind: "count", unit: "people" }],
    ["Some 200-300 homes were flooded.", { value: 200, valueMax: 300, qualifier: "some" }],
    ["Growth of 5-7% is expected.", { value: 5, valueMax: 7, kind: "percent" }],
    ["It will cost $5bn to $7bn.", { value: 5e9, valueMax: 7e9, kind: "money" }],
    ["The season ran from 2014 to 2016.", { value: 2014, valueMax: 2016, kind: "year" }],
    ["Sentences range from 5 to 10 years.", { value: 5, valueMax: 10, kind: "measure", unit: "years" }],
  ])("%s", (text, want) => {
    expect(figures(text)[0]).toMatchObject(want);
  });

  test("dates and times are not figures", () => {
    expect(figures("They met on May 4 at 10:30 and again on 5/17/2018.").map((f) => [f.kind, f.value])).toEqual([["year", 2018]]);
  });

  test("prices that rise from one level to another are two figures, not a range", () => {
    expect(figures("Sales rose from $1bn to $2bn.").map((f) => f.value)).toEqual([1e9, 2e9]);
    expect(figures("Output grew from 2000 to 3000 tonnes.").map((f) => f.value)).toEqual([2000, 3000]);
    expect(figures("The toll went sharply up from 5 to 10.").map((f) => f.value)).toEqual([5, 10]);
  });
});

describe("offsets", () => {
  test("text is the exact slice of the article", () => {
    const text = "Since early this year, Russia has amassed over 1 lakh troops. Another 30,000 more are in Belarus. Kyiv, a city of 2.8 million people, waits.";
    for (const f of figures(text)) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(figures(text)[0]).toMatchObject({ text: "over 1 lakh troops", value: 100000, qualifier: "over", unit: "troops" });
  });
});

describe("every figure is sound", () => {
  test.each<string>([
    "The constructor's toString valueOf hasOwnProperty prototype __proto__ of 3 teams.",
    "Scores: 3-2, 52-48, 10:30, 24/7, 9/11, 1/2, 3/4, 2 1/4 and -0.5.",
    "$ £ € ₹ Rs. USD 1,00,000 12,34,567.89 1.111,11 5,00 40 000 1 234 567 .5",
    "one two three four a hundred and a half million and a quarter of a third",
    "Between 2014 and 2016, 5-7% of 20 to 30 people earned $5bn-$7bn over 3 years.",
    "https://example.com/2024/05/17/story?id=30%25&n=1e10 and mail 2024@example.com",
  ])("%s", (text) => {
    for (const f of figures(text)) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(Number.isFinite(f.value)).toBe(true);
      if (f.valueMax !== undefined) expect(f.valueMax).toBeGreaterThan(f.value);
      expect(f.sentence.length).toBeGreaterThan(0);
    }
  });
});

// Each alternative of the anchor expression that needs a digit or a minus reads it before looking behind it:
// a code glued to the digits, a minus at the text's start or after a bracket, and none after a letter.
describe("where a figure may start", () => {
  test.each<[string, [string, number][]]>([
    ["-4 degrees was the low.", [["-4 degrees", -4]]],
    ["(−3 points) was the mark.", [["−3 points", -3]]],
    ["The pass cost GBP450 a year.", [["GBP450", 450]]],
    ["The fare was rs500 a day.", [["rs500", 500]]],
    ["The code AUD5 and CHF12 appeared.", [["AUD5", 5], ["CHF12", 12]]],
    ["The A-4 road and the M-25 were shut.", []],
    ["Grade x-5 and x−5 were both noted.", []],
    ["Write to desk@example.org about the 12 vans.", [["12 vans", 12]]],
  ])("%s", (text, want) => {
    expect(figures(text).map((f) => [f.text, f.value])).toEqual(want);
  });
});

// News-like sentences written for these tests: each figure's value, qualifier and what it counts.
import { extractFigures, rankFigures } from "../../../src/core/extract/figures.js";
import { analyze } from "../../../src/core/text/index.js";

const find = (text: string, value: number) =>
  extractFigures(analyze(text)).find((f) => Math.abs(f.value - value) <= 1e-9 * Math.max(1, Math.abs(value)));

describe("qualifier and counted noun in news sentences", () => {
  test.each<[string, number, string | null, string | null]>([
    ["Russia has amassed over 1 lakh troops near the border.", 100000, "over", "troops"],
    ["More than 2,000 people were evacuated from the coast on Sunday.", 2000, "more than", "people"],
    ["Nearly 40% of the vote went to the opposition.", 40, "nearly", "vote"],
    ["The factory will create up to 3,500 jobs by 2027.", 3500, "up to", "jobs"],
    ["At least 12 civilians were killed in the strike, officials said.", 12, "at least", "civilians"],
    ["About 300 protesters gathered outside parliament.", 300, "about", "protesters"],
    ["Some 4.5 million children are out of school.", 4500000, "some", "children"],
    ["Almost half of the staff were laid off.", 0.5, "almost", "staff"],
    ["The storm left 250,000 homes without power.", 250000, null, "homes"],
    ["Fewer than 50 migrants reached the island last week.", 50, "fewer than", "migrants"],
    ["The company cut 1,200 jobs in Europe.", 1200, null, "jobs"],
    ["The ministry said 18 soldiers had been wounded.", 18, null, "soldiers"],
    ["Police arrested 73 people after the match.", 73, null, "people"],
    ["The party won 52.4% of the seats in the assembly.", 52.4, null, "seats"],
    ["Roughly 7,000 Ukrainian refugees have arrived in the city.", 7000, "roughly", "refugees"],
    ["Kyiv, a city of 2.8 million people, braced for attack.", 2800000, null, "people"],
    ["Officials estimate that 15,000 more workers are needed.", 15000, null, "workers"],
    ["Unemployment fell to 3.9 per cent in May.", 3.9, null, null],
    ["The government pledged $2.3bn in aid to farmers.", 2300000000, null, "aid"],
    ["The city spent over Rs 6,000 crore on roads.", 60000000000, "over", null],
    ["Close to 900 flights were cancelled at Heathrow.", 900, "close to", "flights"],
    ["As many as 30 villages were flooded overnight.", 30, "as many as", "villages"],
    ["The virus has infected 1.3 million patients worldwide.", 1300000, null, "patients"],
    ["Three firefighters were injured in the blaze.", 3, null, "firefighters"],
    ["The survey of 2,100 adults found 64% support the plan.", 2100, null, "adults"],
    ["Exports grew by about 18% over the quarter.", 18, "about", null],
    ["The army deployed an estimated 10,000 reservists.", 10000, "estimated", "reservists"],
    ["Only 14 of the 40 lawmakers voted in favour.", 14, "only", null],
    ["Around 60,000 fans watched the final.", 60000, "around", "fans"],
    ["The tournament drew 100,000 visitors or more each day.", 100000, "or more", "visitors"],
  ])("%s", (text, value, qualifier, counted) => {
    const f = find(text, value)!;
    expect(f).toBeDefined();
    expect(f.qualifier).toBe(qualifier);
    if (counted) expect(`${f.about ?? ""} ${f.unit ?? ""}`.toLowerCase()).toContain(counted);
  });
});

describe("ranking on a card", () => {
  test("counts of people, money and percentages come before ages, page numbers and years", () => {
    const text =
      "The report, on page 12, was written in 2019 by a 45-year-old analyst. It found that 3,000 workers lost their jobs " +
      "and the firm lost $4bn, or 12% of its value. It was the third such report.";
    const ranked = rankFigures(extractFigures(analyze(text)), 8);
    expect(ranked.map((f) => f.text)).toEqual(["3,000 workers", "$4bn", "12%", "2019", "12", "45-year-old"]);
    expect(ranked.every((f) => f.sentence.length > 0)).toBe(true);
  });

  test("at most the number asked for, and a repeated figure once", () => {
    const text = Array.from({ length: 12 }, (_, i) => `In town ${i}, ${i + 2},000 people voted.`).join(" ") + " Again, 2,000 people voted.";
    const ranked = rankFigures(extractFigures(analyze(text)), 8);
    expect(ranked).toHaveLength(8);
    expect(ranked.filter((f) => f.value === 2000)).toHaveLength(1);
  });
});

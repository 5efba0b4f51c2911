import { buildCard, type Figure } from "../../src/core/index.js";
import { cardToMarkdown, cardToText, formatValue } from "../../src/render/index.js";

const fig = (f: Partial<Figure>): Figure => ({ text: "", start: 0, end: 0, value: 0, kind: "count", unit: null, qualifier: null, about: null, sentence: "", ...f });

describe("formatValue: a figure as a reader takes it in", () => {
  test.each<[Partial<Figure>, string]>([
    [{ value: 100000, unit: "troops", qualifier: "over" }, "over 100,000 troops"],
    [{ value: 2_800_000, unit: "people" }, "2.8 million people"],
    [{ value: 20, valueMax: 30, unit: "people", qualifier: "between" }, "between 20-30 people"],
    [{ kind: "percent", value: 7.5 }, "7.5%"],
    [{ kind: "year", value: 2014 }, "2014"],
    [{ kind: "money", value: 2.3e9, currency: "USD" }, "$2.3B"],
    [{ kind: "money", value: 5e8, currency: "EUR" }, "€500M"],
    [{ kind: "money", value: 94000, currency: "USD" }, "$94,000"],
    [{ kind: "money", value: 6000, currency: "INR" }, "₹6,000"],
    [{ kind: "money", value: 3.5e10, currency: "INR" }, "₹3,500 crore"],
    [{ kind: "money", value: 1.2e5, currency: "INR", qualifier: "about" }, "about ₹1.2 lakh"],
    [{ kind: "money", value: 1.5e12, currency: "INR" }, "₹1.5 lakh crore"],
    [{ kind: "money", value: 420e6, currency: "FIM" }, "FIM 420M"],
    [{ kind: "money", value: 50, unit: "cents" }, "50 cents"],
    // A share of what is counted ("one in five patients", "half the staff").
    [{ kind: "count", value: 0.2, unit: "patients", qualifier: "almost" }, "almost 20% of patients"],
    [{ kind: "count", value: 0.5, unit: "staff" }, "50% of staff"],
  ])("%j -> %s", (f, want) => expect(formatValue(fig(f)).replace(/\u00a0/g, " ")).toBe(want));
});

describe("cards for people", () => {
  const card = buildCard({
    title: "Port *reopens* after the storm",
    publisher: "briefbot samples",
    text: 'The port reopened on Monday after a storm that closed it for 12 days. "We lost nearly $40 million a day," said Ana Ruiz, the port director. Ships began to unload at noon.',
  });

  test("text: title, bullets, quotes with speaker and role, figures, people", () => {
    const text = cardToText(card);
    expect(text.split("\n").slice(0, 2)).toEqual(["Port *reopens* after the storm", "=".repeat(30)]);
    expect(text).toContain("• The port reopened on Monday after a storm that closed it for 12 days.");
    expect(text).toContain("  “We lost nearly $40 million a day”\n     — Ana Ruiz, port director");
    expect(text).toMatch(/^ {2}nearly \$40M/m);
  });

  test("markdown escapes what the article writes", () => {
    const md = cardToMarkdown(card);
    expect(md.startsWith("## Port \\*reopens\\* after the storm\n")).toBe(true);
    expect(md).toContain("> — **Ana Ruiz, port director**");
  });
});

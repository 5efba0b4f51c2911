// Whole cards of the sample articles in briefings/ (written for this project): what a careful reader
// would take from each, checked field by field.
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildCard, type BriefingCard, type Figure } from "../../src/core/index.js";
import { articleFromText } from "../../src/ingest/index.js";

const dir = resolve(__dirname, "../../briefings");
const card = (name: string): BriefingCard => buildCard(articleFromText(readFileSync(join(dir, name), "utf8"), name));
const speakerOf = (c: BriefingCard, words: string) => c.quotes.find((q) => q.text.includes(words))?.speaker ?? null;
const figure = (c: BriefingCard, value: number): Figure | undefined => c.figures.find((f) => f.value === value);
const roleOf = (c: BriefingCard, name: string) => c.entities.find((e) => e.type === "person" && e.name === name)?.role;

describe("harbour bridge: lakh and crore, rupees and dollars, split quotes, he said", () => {
  const c = card("2026-11-24-harbour-bridge-budget.md");

  test("figures in Indian scales and currencies", () => {
    expect(figure(c, 3.5e10)).toMatchObject({ kind: "money", currency: "INR", text: expect.stringContaining("3,500 crore") });
    expect(figure(c, 1.2e10)).toMatchObject({ kind: "money", currency: "INR" });
    expect(figure(c, 180e6)).toMatchObject({ kind: "money", currency: "USD" });
    expect(figure(c, 120000)).toMatchObject({ qualifier: "about", unit: "vehicles" });
    expect(figure(c, 3000)).toMatchObject({ qualifier: "more than", unit: "people" });
  });

  test("a split quote has one speaker; a pronoun after a named councillor is that councillor", () => {
    expect(speakerOf(c, "argued about this bridge")).toEqual({ name: "Lakshmi Raghavan", role: "Mayor" });
    expect(speakerOf(c, "Now we build it")).toEqual({ name: "Lakshmi Raghavan", role: "Mayor" });
    expect(speakerOf(c, "costs have doubled")?.name).toBe("Tomas Ferreira");
    expect(speakerOf(c, "for a generation")?.name).toBe("Tomas Ferreira");
  });

  test("the engineer introduced by an appositive before her name", () => {
    expect(speakerOf(c, "foundations are the hard part")?.name).toBe("Anjali Menon");
    expect(speakerOf(c, "tested them more than any structure")?.name).toBe("Anjali Menon");
    expect(roleOf(c, "Anjali Menon")).toMatch(/engineer/);
  });

  test("summary, title and topics", () => {
    expect(c.title).toBe("Coastal city approves ₹3,500 crore harbour bridge after two-year dispute");
    expect(c.summary[0]).toMatch(/^The city council of Vellapuram on Monday approved a ₹3,500 crore bridge/);
    expect(c.topics).toContain("bridge");
  });
});

describe("river flood: she said, inverted cues, money in bn and m, years apart from counts", () => {
  const c = card("2026-11-25-river-flood-warning.md");

  test("figures", () => {
    expect(figure(c, 2.4e6)).toMatchObject({ qualifier: "nearly", unit: "people" });
    expect(figure(c, 2.3e9)).toMatchObject({ kind: "money", currency: "USD" });
    expect(figure(c, 500e6)).toMatchObject({ kind: "money", currency: "EUR" });
    expect(figure(c, 30)).toMatchObject({ kind: "percent" });
    expect(figure(c, 200000)).toMatchObject({ qualifier: "more than", unit: "sandbags" });
    // "its highest level since 1998": a date, not a figure of the story, so not on the card.
    expect(c.figures.map((f) => f.value)).not.toContain(1998);
  });

  test("speakers", () => {
    expect(speakerOf(c, "Do not wait for the water")?.name).toBe("Helga Sorensen");
    expect(speakerOf(c, "If you are told to leave")?.name).toBe("Helga Sorensen");
    expect(roleOf(c, "Helga Sorensen")).toMatch(/emergency director/);
    expect(speakerOf(c, "ground cannot take")).toMatchObject({ name: "Paul Okafor", role: expect.stringMatching(/head of the national weather service/) });
    expect(speakerOf(c, "Nobody listened")?.name).toBe("Greta Lind");
  });
});

describe("chip plant: ranges, percentages, an unnamed speaker who must not borrow a name", () => {
  const c = card("2026-11-26-chip-plant-talks.md");

  test("figures", () => {
    expect(figure(c, 12000)).toMatchObject({ qualifier: "up to", unit: "people" });
    expect(figure(c, 8e9)).toMatchObject({ valueMax: 10e9, currency: "EUR" });
    expect(figure(c, 4.5)).toMatchObject({ kind: "percent" });
  });

  test("speakers", () => {
    expect(speakerOf(c, "Both offers are serious")).toEqual({ name: "Marisol Ortega", role: "Chief executive" });
    expect(speakerOf(c, "lose this plant over paperwork")?.name).toBe("Jan Nowicki");
    // "Portugal's prime minister ... he told a news conference": not the Polish minister named before.
    expect(speakerOf(c, "We will compete")?.name).not.toBe("Jan Nowicki");
    expect(c.topics).toEqual(expect.arrayContaining(["poland", "portugal"]));
  });
});

describe("Kyiv power: description speakers, topics from the capital", () => {
  const c = card("2026-11-27-kyiv-winter-power.md");

  test("figures", () => {
    expect(figure(c, 600000)).toMatchObject({ qualifier: "more than", unit: "homes" });
    expect(figure(c, 1.4e9)).toMatchObject({ currency: "USD" });
    expect(figure(c, 600e6)).toMatchObject({ currency: "EUR" });
    expect(figure(c, 4500)).toMatchObject({ qualifier: "about", unit: "engineers" });
  });

  test("speakers", () => {
    expect(speakerOf(c, "Every transformer")).toEqual({ name: "Oksana Hrytsenko", role: "Deputy energy minister" });
    expect(speakerOf(c, "closer than we were")?.name).toBe("Oksana Hrytsenko");
    expect(speakerOf(c, "cook fast")).toEqual({ name: "Iryna Savchuk", role: "teacher" });
    // "A senior official at the grid operator, who asked not to be named ... the official said".
    expect(speakerOf(c, "keeps us awake")?.name).not.toBe("Oksana Hrytsenko");
    expect(c.topics[0]).toBe("ukraine");
  });
});

import { buildCard, CardError, type CardErrorCode } from "../../src/core/index.js";
import { DEFAULT_TITLE } from "../../src/core/extract/summary/title.js";

const errorCode = (text: unknown, maxChars?: number): CardErrorCode | "ok" => {
  try {
    buildCard({ text: text as string }, maxChars ? { maxChars } : {});
    return "ok";
  } catch (err) {
    if (err instanceof CardError) return err.code;
    throw err;
  }
};

describe("buildCard refuses what is no article, with a code", () => {
  test.each<[string, unknown, CardErrorCode | "ok", number | undefined]>([
    ["empty string", "", "empty", undefined],
    ["only spaces and newlines", " \n\t\n ", "empty", undefined],
    ["only punctuation", "... --- !!! ???", "empty", undefined],
    ["figures alone are content", "1,234,567", "ok", undefined],
    ["not a string", 42, "not_text", undefined],
    ["NUL bytes", "PDF-1.4\u0000\u0000\u0001stream", "not_text", undefined],
    ["many control characters", "ab\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000c\u000e cd", "not_text", undefined],
    ["undecodable bytes", "\ufffd".repeat(40) + " word here", "not_text", undefined],
    ["past the limit", "word ".repeat(30), "too_large", 100],
    ["a short real article", "The mayor resigned on Friday.", "ok", undefined],
  ])("%s", (_what, text, code, max) => expect(errorCode(text, max)).toBe(code));
});

describe("buildCard", () => {
  const text = "Bridge vote passes\n\nThe council approved the bridge on Monday. Work starts in March, officials said.\n\nThe cost is 40 million dollars.";

  test("a short first line is the headline and not a summary bullet", () => {
    const card = buildCard({ text });
    expect(card.title).toBe("Bridge vote passes");
    expect(card.titleGenerated).toBe(false);
    expect(card.summary.join(" ")).not.toContain("Bridge vote passes");
  });

  test("the id is a stable hash of the normalised text", () => {
    const a = buildCard({ text });
    const b = buildCard({ text: text.replace(/ /g, "  ").replace(/\n\n/g, "\r\n\r\n") + "\n", title: "Other" });
    const c = buildCard({ text: text.replace("Monday", "Tuesday") });
    expect(a.id).toBe(b.id);
    expect(a.id).not.toBe(c.id);
  });

  test("the card is deterministic and carries its schema version and stats", () => {
    const a = buildCard({ text, url: "https://example.org/a", publishedAt: "2026-11-20" });
    expect(buildCard({ text, url: "https://example.org/a", publishedAt: "2026-11-20" })).toEqual(a);
    expect(a.schemaVersion).toBe(1);
    expect(a.source).toEqual({ url: "https://example.org/a", publishedAt: "2026-11-20" });
    expect(a.stats).toEqual({ words: 22, readingMinutes: 1, sentences: 4, paragraphs: 3 });
  });

  test("an article without a title gets one written, marked as generated", () => {
    const card = buildCard({ text: "The council approved the bridge on Monday after a long debate. Work starts in March." });
    expect(card.titleGenerated).toBe(true);
    expect(card.title.split(/\s+/).length).toBeLessThanOrEqual(DEFAULT_TITLE.maxWords);
    expect(card.title.length).toBeGreaterThan(10);
  });
});

describe("listed entities", () => {
  test.each<[string, string[]]>([
    ["Insurers put the damage at $5m. Farmers asked for help, said Ana Ruiz.", ["Ana Ruiz"]],
    ["Okafor spoke first. Later, Paul Okafor, the forecaster, said rain would stop.", ["Paul Okafor"]],
    ["“We will stay,” said Brennan. The crowd cheered.", ["Brennan"]],
  ])("%s", (text, people) => {
    const card = buildCard({ text });
    expect(card.entities.filter((e) => e.type === "person").map((e) => e.name)).toEqual(people);
  });
});

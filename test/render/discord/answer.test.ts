import type { Answer } from "../../../src/ask/index.js";
import type { BriefingCard, Figure, Quote } from "../../../src/core/index.js";
import { answerToMessage, escapeDiscordMarkdown, withinLimits } from "../../../src/render/discord/index.js";

const quote = (text: string, name: string | null, role?: string): Quote => ({
  text, start: 0, end: text.length, kind: "direct", confidence: 0.9,
  speaker: name ? (role ? { name, role } : { name }) : null,
});
const figure = (over: Partial<Figure>): Figure => ({
  text: "", start: 0, end: 0, value: 0, kind: "count", unit: null, qualifier: null, about: null, sentence: "", ...over,
});
const card = (over: Partial<BriefingCard>): BriefingCard => ({
  schemaVersion: 1, id: "c1", title: "Harbour reopens", titleGenerated: false,
  source: { url: "https://news.example/harbour", publisher: "Example News", publishedAt: "2026-03-01T09:00:00Z" },
  summary: ["The harbour reopened on Monday.", "Ferries run again."], quotes: [], figures: [], entities: [], topics: ["harbour"],
  stats: { words: 100, readingMinutes: 1, sentences: 5, paragraphs: 2 }, ...over,
});

describe("answerToMessage", () => {
  test("brief: title linking to the source, summary, quotes with speakers, figures inline, footer with source and date", () => {
    const c = card({
      quotes: [quote("We are open for business again", "Mara Lind", "harbour master"), { ...quote("fine", "X"), kind: "partial" }],
      figures: [figure({ value: 1200, unit: "ships", about: "ships a year" }), figure({ kind: "percent", value: 7.5, unit: "%", sentence: "Traffic rose 7.5% since May." })],
    });
    expect(answerToMessage({ kind: "brief", topic: "harbour", cards: [c] })).toEqual({
      embeds: [{
        title: "Harbour reopens", url: "https://news.example/harbour", color: 0x3b82f6,
        description: "• The harbour reopened on Monday.\n• Ferries run again.",
        fields: [
          { name: "Mara Lind, harbour master", value: "“We are open for business again”" },
          { name: "1,200 ships", value: "ships a year", inline: true },
          { name: "7.5%", value: "Traffic rose 7.5% since May.", inline: true },
        ],
        footer: { text: "Example News · 2026-03-01" },
      }],
      allowed_mentions: { parse: [] },
      flags: 64,
      components: [{ type: 1, components: [{ type: 2, style: 2, label: "Post publicly", custom_id: "briefbot:public" }] }],
    });
  });

  test("public answers carry no ephemeral flag and no button", () => {
    const m = answerToMessage({ kind: "brief", topic: "harbour", cards: [card({})] }, { ephemeral: false });
    expect(m.flags).toBeUndefined();
    expect(m.components).toBeUndefined();
  });

  test("hostile mentions and markdown in article text are escaped and never ping", () => {
    const c = card({
      title: "**Breaking** @everyone",
      source: { url: "javascript:alert(1)" },
      summary: ["Ping <@123> and <@&456> and @here now.", "# not a heading", "- not a list"],
      quotes: [quote("Read `this` ||spoiler|| [link](https://evil.example)", "@everyone")],
    });
    const m = answerToMessage({ kind: "brief", topic: "x", cards: [c] });
    const e = m.embeds[0]!;
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(e.url).toBeUndefined(); // not http(s): Discord would refuse the whole message
    expect(e.title).toBe("\\*\\*Breaking\\*\\* @\u200beveryone");
    expect(e.description).toBe("• Ping \\<@123\\> and \\<@&456\\> and @\u200bhere now.\n• \\# not a heading\n• \\- not a list");
    expect(e.fields).toEqual([
      { name: "@\u200beveryone", value: "“Read \\`this\\` \\|\\|spoiler\\|\\| \\[link\\]\\(https://evil.example\\)”" },
    ]);
    expect(e.footer).toBeUndefined();
  });

  test("a line that opens with a list or quote marker is escaped", () => {
    expect(escapeDiscordMarkdown("- a\n> b\n1. c\nplain - d")).toBe("\\- a\n\\> b\n\\1. c\nplain - d");
  });

  test("whosaid: speaker as field name, quote and linked article as value", () => {
    const a: Answer = {
      kind: "whosaid", query: "open for business",
      matches: [{ speaker: { name: "Mara Lind" }, quote: quote("We are open for business again", "Mara Lind"), article: { id: "c1", title: "Harbour (update)", url: "https://news.example/a(b)" }, score: 1 }],
    };
    expect(answerToMessage(a, { ephemeral: false })).toEqual({
      embeds: [{
        title: "Who said “open for business”?", color: 0x3b82f6,
        fields: [{ name: "Mara Lind", value: "“We are open for business again”\n— [Harbour \\(update\\)](https://news.example/a%28b%29)" }],
      }],
      allowed_mentions: { parse: [] },
    });
  });

  test("figures: inline fields with what they count and where from", () => {
    const a: Answer = {
      kind: "figures", topic: "harbour",
      figures: [{ figure: figure({ kind: "money", value: 2.5e6, currency: "EUR", about: "repair cost" }), article: { id: "c1", title: "Harbour reopens" }, score: 1 }],
    };
    expect(answerToMessage(a, { ephemeral: false }).embeds).toEqual([
      { title: "Figures: harbour", color: 0x3b82f6, fields: [{ name: "€2.5M", value: "repair cost\n— Harbour reopens", inline: true }] },
    ]);
  });

  test("not found: a short text with suggestions, no embed, no button", () => {
    expect(answerToMessage({ kind: "not_found", intent: "brief", query: "harbor", suggestions: ["harbour"] })).toEqual({
      content: "Nothing found for “harbor”. Try: harbour.", embeds: [], allowed_mentions: { parse: [] }, flags: 64,
    });
  });

  test("not found with nothing near: the topics briefbot knows", () => {
    expect(answerToMessage({ kind: "not_found", intent: "brief", query: "zanzibar", suggestions: [], known: ["flood", "bridge"] }).content).toBe(
      "Nothing found for “zanzibar”. Topics I know: flood, bridge.",
    );
  });

  test("many long cards stay within every limit", () => {
    const long = "Sentence with many words in it. ".repeat(200);
    const c = card({ title: long, summary: [long, long, long, long], quotes: Array.from({ length: 5 }, () => quote(long, long)), figures: Array.from({ length: 8 }, () => figure({ about: long })) });
    const m = answerToMessage({ kind: "brief", topic: "x", cards: Array.from({ length: 12 }, () => c) }, { maxCards: 12 });
    expect(withinLimits(m)).toBe(true);
    expect(m.embeds.length).toBeGreaterThanOrEqual(1);
  });
});

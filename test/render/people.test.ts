// Quotes by person, person cards and "did you mean" on Slack and Discord: what they show, within limits.
import type { Answer } from "../../src/ask/index.js";
import type { Quote } from "../../src/core/index.js";
import type { PersonRef } from "../../src/people/index.js";
import { answerToMessage, withinLimits } from "../../src/render/discord/index.js";
import { answerToSlack, checkMessage } from "../../src/render/slack/index.js";

const said = (text: string): Quote => ({ text, start: 0, end: text.length, kind: "direct", speaker: { name: "Ottilie Brandvold" }, confidence: 0.9 });
const person: PersonRef = { name: "Ottilie Brandvold", role: "ferry captain", keys: ["ottilie brandvold", "brandvold"], articles: 2 };
const article = (d: number) => ({ id: `a${d}`, title: `Ferry story day ${d}`, url: `https://news.example.org/ferry/${d}`, publishedAt: `2026-10-1${d}T09:00:00Z` });

const quotes: Answer = {
  kind: "quotes",
  query: "brandvold",
  person,
  about: "the storm",
  matches: [
    { article: article(2), date: "2026-10-12T09:00:00Z", role: null, quotes: [said("We sail at six if the wind holds"), said("Bring warm coats")] },
    { article: article(1), date: "2026-10-11T09:00:00Z", role: "ferry captain", quotes: [said("The swell was over four metres")] },
  ],
};

const card: Answer = {
  kind: "person",
  query: "brandvold",
  person,
  roles: [{ role: "ferry captain", count: 2 }],
  organisations: ["Skerry Lines"],
  topics: ["ferries", "storms"],
  quotes: 3,
  articles: 2,
  firstSeen: "2026-10-11T09:00:00.000Z",
  lastSeen: "2026-10-12T09:00:00.000Z",
  recent: [{ quote: said("We sail at six if the wind holds"), article: article(2), date: "2026-10-12T09:00:00Z", role: null }],
};

const which: Answer = {
  kind: "which_person",
  intent: "person",
  query: "Halvorsen",
  candidates: [
    { name: "Ingrid Halvorsen", role: "canal authority director", keys: ["ingrid halvorsen"], articles: 3 },
    { name: "Marek Halvorsen", role: "lock keeper", keys: ["marek halvorsen"], articles: 1 },
  ],
};

const slackText = (a: Answer) => JSON.stringify(answerToSlack(a).blocks);

describe("Slack Block Kit", () => {
  test("quotes: a summary line, then each article's quotes with its link, role and date", () => {
    const msg = answerToSlack(quotes);
    expect(checkMessage(msg)).toEqual([]);
    expect(msg.text).toBe("Ottilie Brandvold: “We sail at six if the wind holds”");
    expect(msg.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: "*Ottilie Brandvold (ferry captain): 3 quotes in 2 articles about “the storm”, newest first*" } });
    expect(msg.blocks[1]).toEqual({ type: "section", text: { type: "mrkdwn", text: "> “We sail at six if the wind holds”\n> “Bring warm coats”" } });
    expect(slackText(quotes)).toContain("<https://news.example.org/ferry/1|Ferry story day 1>");
    expect(slackText(quotes)).toContain("as ferry captain");
  });

  test("person card, did you mean, nobody", () => {
    expect(checkMessage(answerToSlack(card))).toEqual([]);
    expect(answerToSlack(card).blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Ottilie Brandvold" } });
    expect(slackText(card)).toContain("Seen in 2 articles with 3 quotes, 2026-10-11 to 2026-10-12");
    expect(slackText(card)).toContain("*Organisations:* Skerry Lines");
    expect(answerToSlack(which).text).toBe("Which “Halvorsen” do you mean? Ingrid Halvorsen, Marek Halvorsen");
    expect(slackText(which)).toContain("• Marek Halvorsen (lock keeper), 1 article");
    expect(answerToSlack({ kind: "not_found", intent: "quotes", query: "Brandvo", suggestions: ["Ottilie Brandvold"] }).text).toBe(
      "I know no one called “Brandvo” in the stored articles. Did you mean: Ottilie Brandvold?",
    );
  });

  test("a person quoted in 60 articles with long quotes stays within Slack's limits", () => {
    const long = "word ".repeat(700).trim();
    const many: Answer = { ...quotes, matches: Array.from({ length: 60 }, (_, i) => ({ article: article(i % 9), date: "2026-10-11", role: "captain", quotes: [said(long), said(long)] })) };
    expect(checkMessage(answerToSlack(many))).toEqual([]);
  });
});

describe("Discord embeds", () => {
  test("quotes: one field per article (date and role), its quotes and link", () => {
    const msg = answerToMessage(quotes);
    expect(withinLimits(msg)).toBe(true);
    const e = msg.embeds[0]!;
    expect(e.title).toBe("Quotes: Ottilie Brandvold");
    expect(e.fields?.map((f) => f.name)).toEqual(["2026-10-12", "2026-10-11 · as ferry captain"]);
    expect(e.fields?.[0]?.value).toBe("“We sail at six if the wind holds”\n“Bring warm coats”\n— [Ferry story day 2](https://news.example.org/ferry/2)");
    expect(msg.components).toHaveLength(1); // "Post publicly"
  });

  test("person card, did you mean, nobody; long answers within Discord's limits", () => {
    const c = answerToMessage(card).embeds[0]!;
    expect(c.description).toBe("Seen in 2 articles with 3 quotes, 2026-10-11 to 2026-10-12");
    expect(c.fields?.map((f) => f.name)).toEqual(["Roles", "Organisations", "Topics", "2026-10-12"]);
    const w = answerToMessage(which);
    expect(w.embeds[0]?.description).toBe("• Ingrid Halvorsen \\(canal authority director\\), 3 articles\n• Marek Halvorsen \\(lock keeper\\), 1 article");
    expect(w.components).toBeUndefined();
    expect(answerToMessage({ kind: "not_found", intent: "person", query: "Zed", suggestions: [] }).content).toBe("I know no one called “Zed” in the stored articles.");
    const long = "word ".repeat(700).trim();
    const many: Answer = { ...quotes, matches: Array.from({ length: 60 }, (_, i) => ({ article: article(i % 9), date: "2026-10-11", role: "captain", quotes: [said(long), said(long)] })) };
    expect(withinLimits(answerToMessage(many))).toBe(true);
  });
});

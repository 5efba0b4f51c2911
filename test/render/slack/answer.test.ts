import type { Answer } from "../../../src/ask/index.js";
import { CARD_SCHEMA_VERSION, type BriefingCard, type Figure, type Quote } from "../../../src/core/index.js";
import { answerToSlack, checkMessage, noticeToSlack, POST_CARD_ACTION } from "../../../src/render/slack/index.js";

const quote = (text: string, name: string | null, role?: string): Quote => ({
  text,
  start: 0,
  end: text.length,
  kind: "direct",
  speaker: name ? (role ? { name, role } : { name }) : null,
  confidence: 0.9,
  cue: "said",
});

const figure = (text: string, value: number, unit: string | null, about: string | null, kind: Figure["kind"] = "count"): Figure => ({
  text,
  start: 0,
  end: text.length,
  value,
  kind,
  unit,
  qualifier: null,
  about,
  sentence: `${text}.`,
});

const card = (over: Partial<BriefingCard> = {}): BriefingCard => ({
  schemaVersion: CARD_SCHEMA_VERSION,
  id: "c1",
  title: "Harbour bridge reopens after repairs",
  titleGenerated: false,
  source: { publisher: "Port Gazette", publishedAt: "2031-05-04T09:00:00Z", url: "https://gazette.example/bridge?a=1&b=2" },
  summary: ["The harbour bridge reopened on Monday.", "Repairs took nine weeks."],
  quotes: [quote("We are proud of the crews", "Mara Olsen", "city engineer")],
  figures: [figure("nine weeks", 9, "weeks", "repairs")],
  entities: [],
  topics: ["harbour", "bridge"],
  stats: { words: 240, readingMinutes: 1, sentences: 12, paragraphs: 5 },
  ...over,
});

describe("briefing", () => {
  test("a card in Block Kit, exactly, with the post button", () => {
    const msg = answerToSlack({ kind: "brief", topic: "bridge", cards: [card()] }, { postButton: true });
    expect(msg).toEqual({
      text: "Harbour bridge reopens after repairs — The harbour bridge reopened on Monday.",
      blocks: [
        { type: "header", text: { type: "plain_text", text: "Harbour bridge reopens after repairs" } },
        { type: "context", elements: [{ type: "mrkdwn", text: "Port Gazette · 2031-05-04 · <https://gazette.example/bridge?a=1&amp;b=2|source>" }] },
        { type: "section", text: { type: "mrkdwn", text: "• The harbour bridge reopened on Monday.\n• Repairs took nine weeks." } },
        { type: "section", text: { type: "mrkdwn", text: "*Quotes*" } },
        { type: "section", text: { type: "mrkdwn", text: "> “We are proud of the crews”\n— *Mara Olsen*, city engineer" } },
        { type: "section", text: { type: "mrkdwn", text: "*Figures*" }, fields: [{ type: "mrkdwn", text: "*9 weeks*\nrepairs" }] },
        { type: "context", elements: [{ type: "mrkdwn", text: "Topics: harbour, bridge · 240 words · 1 min read" }] },
        {
          type: "actions",
          elements: [
            {
              type: "button",
              action_id: POST_CARD_ACTION,
              text: { type: "plain_text", text: "Post to channel" },
              value: '{"topic":"bridge","card":"c1"}',
              style: "primary",
            },
          ],
        },
      ],
    });
  });

  test("hostile article text never pings or links: & < > escaped in every text", () => {
    const hostile = card({
      title: "<!channel> Bridge & <@U123> news",
      source: { publisher: "<!here>", url: "javascript:alert(1)" },
      summary: ["Call <!everyone> now & <https://evil.example|click>."],
      quotes: [quote("Ping <@U123>", "<@U999>", "<!subteam^S1>")],
      figures: [figure("5 <b>", 5, null, "<#C123>")],
      topics: ["<!channel>"],
    });
    const msg = answerToSlack({ kind: "brief", topic: "<!here>", cards: [hostile, card({ id: "c2", title: "<@U1> again" })] });
    expect(msg.text).toBe("&lt;!channel&gt; Bridge &amp; &lt;@U123&gt; news — Call &lt;!everyone&gt; now &amp; &lt;https://evil.example|click&gt;.");
    expect(msg.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "&lt;!channel&gt; Bridge &amp; &lt;@U123&gt; news" } },
      { type: "context", elements: [{ type: "mrkdwn", text: "&lt;!here&gt;" }] },
      { type: "section", text: { type: "mrkdwn", text: "• Call &lt;!everyone&gt; now &amp; &lt;https://evil.example|click&gt;." } },
      { type: "section", text: { type: "mrkdwn", text: "*Quotes*" } },
      { type: "section", text: { type: "mrkdwn", text: "> “Ping &lt;@U123&gt;”\n— *&lt;@U999&gt;*, &lt;!subteam^S1&gt;" } },
      { type: "section", text: { type: "mrkdwn", text: "*Figures*" }, fields: [{ type: "mrkdwn", text: "*5*\n&lt;#C123&gt;" }] },
      { type: "context", elements: [{ type: "mrkdwn", text: "Topics: &lt;!channel&gt; · 240 words · 1 min read" }] },
      {
        type: "section",
        text: { type: "mrkdwn", text: "*More on &lt;!here&gt;*\n• <https://gazette.example/bridge?a=1&amp;b=2|&lt;@U1&gt; again> · Port Gazette · 2031-05-04" },
      },
    ]);
    // Nothing outside our own link markup opens a `<`.
    const all = JSON.stringify(msg);
    expect(all.match(/<[^h]/g)).toBeNull();
  });

  test("a topic too long for the button's value gets no button", () => {
    const topic = "t".repeat(2000);
    const msg = answerToSlack({ kind: "brief", topic, cards: [card()] }, { postButton: true });
    expect(msg.blocks.map((b) => b.type)).not.toContain("actions");
    const fits = answerToSlack({ kind: "brief", topic: "t".repeat(1970), cards: [card()] }, { postButton: true });
    expect(fits.blocks.at(-1)?.type).toBe("actions");
    expect(checkMessage(fits)).toEqual([]);
  });

  test("a huge card stays within every limit and is shortened at a word", () => {
    const long = "lorem ipsum dolor sit amet ".repeat(400);
    const big = card({
      title: long,
      summary: [long, long, long, long],
      quotes: Array.from({ length: 60 }, () => quote(long, long, long)),
      figures: Array.from({ length: 25 }, (_, i) => figure(`${i} ${long}`, i, null, long)),
    });
    const msg = answerToSlack({ kind: "brief", topic: "x", cards: [big] }, { maxQuotes: 60, maxFigures: 25, postButton: true });
    expect(checkMessage(msg)).toEqual([]);
    const head = msg.blocks[0] as { text: { text: string } };
    expect(head.text.text).toBe("lorem ipsum dolor sit amet ".repeat(5).trim() + " lorem ipsum…");
    expect(msg.blocks.at(-1)?.type).toBe("actions");
    expect(msg.blocks).toHaveLength(50);
  });
});

describe("other answers", () => {
  const article = { id: "a1", title: "Bridge <news>", url: "https://gazette.example/b", publisher: "Port Gazette", publishedAt: "2031-05-04" };

  test("who said", () => {
    const a: Answer = {
      kind: "whosaid",
      query: "proud of the crews",
      matches: [{ speaker: { name: "Mara Olsen", role: "city engineer" }, quote: quote("We are proud of the crews", "Mara Olsen"), article, score: 3 }],
    };
    expect(answerToSlack(a)).toEqual({
      text: "Mara Olsen said “We are proud of the crews”",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Who said “proud of the crews”*" } },
        { type: "section", text: { type: "mrkdwn", text: "> “We are proud of the crews”\n— *Mara Olsen*, city engineer" } },
        { type: "context", elements: [{ type: "mrkdwn", text: "<https://gazette.example/b|Bridge &lt;news&gt;> · Port Gazette · 2031-05-04" }] },
      ],
    });
  });

  test("figures, grouped by article, ten fields to a section", () => {
    const figures = Array.from({ length: 12 }, (_, i) => ({ figure: figure(`${i + 1} cranes`, i + 1, "cranes", "cranes"), article, score: 1 }));
    const msg = answerToSlack({ kind: "figures", topic: "bridge", figures });
    expect(msg.text).toBe("Figures on bridge: 1 cranes; 2 cranes; 3 cranes");
    expect(msg.blocks).toEqual([
      { type: "header", text: { type: "plain_text", text: "Figures: bridge" } },
      {
        type: "section",
        text: { type: "mrkdwn", text: "<https://gazette.example/b|Bridge &lt;news&gt;> · Port Gazette · 2031-05-04" },
        fields: Array.from({ length: 10 }, (_, i) => ({ type: "mrkdwn", text: `*${i + 1} cranes*\n${i + 1} cranes.` })),
      },
      { type: "section", fields: [{ type: "mrkdwn", text: "*11 cranes*\n11 cranes." }, { type: "mrkdwn", text: "*12 cranes*\n12 cranes." }] },
    ]);
  });

  test("a figure without a distinct `about` shows its sentence, escaped and shortened", () => {
    const long = `The port moved 7 <b>million</b> & more containers ${"and then some more words ".repeat(10)}`;
    const f = { ...figure("7 million", 7_000_000, null, null, "number"), sentence: long };
    const msg = answerToSlack({ kind: "figures", topic: "port", figures: [{ figure: f, article, score: 1 }] });
    const field = (msg.blocks[1] as { fields: Array<{ text: string }> }).fields[0]!.text;
    expect(field).toBe("*7 million*\nThe port moved 7 &lt;b&gt;million&lt;/b&gt; &amp; more containers and then some more words and then some more words and then some more words and then…");
    expect(field.split("\n")[1]!.length).toBeLessThanOrEqual(150);
  });

  test("topics, not found with suggestions, help, notices", () => {
    expect(answerToSlack({ kind: "topics", topics: [{ topic: "bridge", count: 3 }, { topic: "harbour", count: 1 }] })).toEqual({
      text: "Topics: bridge, harbour",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "*Topics I can brief you on*\n• *bridge* (3)\n• *harbour* (1)" } },
        { type: "context", elements: [{ type: "mrkdwn", text: "Try `/brief &lt;topic&gt;`" }] },
      ],
    });
    expect(answerToSlack({ kind: "not_found", intent: "brief", query: "<!channel>", suggestions: ["bridge", "<@U1>"] })).toEqual({
      text: "I have no briefing on “&lt;!channel&gt;”.",
      blocks: [
        { type: "section", text: { type: "mrkdwn", text: "I have no briefing on “&lt;!channel&gt;”." } },
        { type: "context", elements: [{ type: "mrkdwn", text: "Did you mean: *bridge*, *&lt;@U1&gt;*?" } ] },
      ],
    });
    expect(answerToSlack({ kind: "not_found", intent: "figures", query: "zanzibar", suggestions: [], known: ["flood", "bridge"] }).blocks).toEqual([
      { type: "section", text: { type: "mrkdwn", text: "I found no figures about “zanzibar”." } },
      { type: "context", elements: [{ type: "mrkdwn", text: "Topics I know: *flood*, *bridge*" }] },
    ]);
    expect(answerToSlack({ kind: "help", commands: [{ usage: "/brief <topic>", description: "a briefing" }] })).toEqual({
      text: "What briefbot can do",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "*What I can do*\n`/brief &lt;topic&gt;` a briefing" } }],
    });
    expect(answerToSlack({ kind: "brief", topic: "x", cards: [] }).text).toBe("I have no briefing on “x”.");
    expect(noticeToSlack("Can't post <here> & now")).toEqual({
      text: "Can't post &lt;here&gt; &amp; now",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Can't post &lt;here&gt; &amp; now" } }],
    });
  });
});

import type { Block, SlackMessage } from "../../../src/render/slack/index.js";
import { checkMessage, ELLIPSIS, escapeMrkdwn, fitMessage, shorten, SLACK_LIMITS } from "../../../src/render/slack/index.js";

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i % 10}`).join(" ");
/** Exactly `n` characters of words. */
const exactly = (n: number) => words(n).slice(0, n);

describe("shorten", () => {
  test.each<[string, number, string]>([
    ["short enough", 12, "short enough"],
    ["one two three four", 12, "one two…"],
    ["one two three, four", 15, "one two three…"],
    // No word ends in the last half: cut inside the word rather than lose most of the room.
    ["abcdefghijklmnop", 8, "abcdefg…"],
    // Never inside an escape.
    [escapeMrkdwn("aaaa & b"), 8, "aaaa…"],
    [escapeMrkdwn("aaaaaa&b"), 9, "aaaaaa…"],
    // Never inside markup.
    ["see <https://example.com/x|the source> now", 20, "see…"],
    // Never inside a surrogate pair or an emoji sequence.
    ["😀😀😀😀", 4, "😀…"],
    ["ab👩‍👩‍👧cd", 6, "ab…"],
    // An accent stays with its letter.
    ["abcde\u0301fgh", 6, "abcd…"],
    ["abcde\u0301fgh", 7, "abcde\u0301…"],
  ])("%j to %i", (input, max, want) => {
    const got = shorten(input, max);
    expect(got).toBe(want);
    expect(got.length).toBeLessThanOrEqual(max);
  });

  test("a cut falls at a word and ends with the ellipsis", () => {
    const s = shorten(words(1000), 3000);
    expect(s.length).toBeLessThanOrEqual(3000);
    expect(s.endsWith(`word${(s.split(" ").length - 1) % 10}${ELLIPSIS}`)).toBe(true);
  });
});

const msg = (blocks: Block[], text = "fallback"): SlackMessage => ({ text, blocks });
const sectionOf = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text } });

describe("fitMessage at and past every limit", () => {
  test("section text: 3000 kept, 3001 shortened at a word", () => {
    const at = msg([sectionOf(exactly(SLACK_LIMITS.sectionText))]);
    expect(fitMessage(at)).toEqual(at);
    const past = fitMessage(msg([sectionOf(exactly(SLACK_LIMITS.sectionText) + "x")]));
    const text = (past.blocks[0] as { text: { text: string } }).text.text;
    expect(text.length).toBeLessThanOrEqual(3000);
    expect(text).toMatch(/ word\d…$/);
    expect(checkMessage(past)).toEqual([]);
  });

  test("header: 150 kept, 151 shortened", () => {
    const h = (text: string): Block => ({ type: "header", text: { type: "plain_text", text } });
    expect(fitMessage(msg([h(exactly(150))])).blocks).toEqual([h(exactly(150))]);
    const past = fitMessage(msg([h(exactly(151))]));
    expect(checkMessage(msg([h(exactly(151))]))).toEqual(["blocks[0] header text: 151 > 150"]);
    expect(checkMessage(past)).toEqual([]);
    expect((past.blocks[0] as { text: { text: string } }).text.text).toBe(shorten(exactly(151), 150));
  });

  test("fields: 10 x 2000 kept; an 11th dropped and a 2001st character shortened", () => {
    const f = (text: string) => ({ type: "mrkdwn" as const, text });
    const at: Block = { type: "section", fields: Array.from({ length: 10 }, () => f(exactly(2000))) };
    expect(fitMessage(msg([at])).blocks).toEqual([at]);
    const past: Block = { type: "section", fields: [f(exactly(2001)), ...Array.from({ length: 10 }, () => f("x"))] };
    expect(checkMessage(msg([past]))).toEqual(["blocks[0] fields: 11 > 10", "blocks[0] field 0: 2001 > 2000"]);
    const fitted = fitMessage(msg([past]));
    expect(fitted.blocks).toEqual([{ type: "section", fields: [f(shorten(exactly(2001), 2000)), ...Array.from({ length: 9 }, () => f("x"))] }]);
  });

  test("context: 10 elements kept, the 11th dropped", () => {
    const el = (i: number) => ({ type: "mrkdwn" as const, text: `e${i}` });
    const at: Block = { type: "context", elements: Array.from({ length: 10 }, (_, i) => el(i)) };
    expect(fitMessage(msg([at])).blocks).toEqual([at]);
    const past: Block = { type: "context", elements: Array.from({ length: 11 }, (_, i) => el(i)) };
    expect(checkMessage(msg([past]))).toEqual(["blocks[0] context elements: 11 > 10"]);
    expect(fitMessage(msg([past])).blocks).toEqual([at]);
  });

  test("blocks: 50 kept; past 50 the tail gives way to a note and a closing button survives", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => sectionOf(`s${i}`));
    expect(fitMessage(msg(fifty)).blocks).toEqual(fifty);
    const button: Block = { type: "actions", elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: "Go" } }] };
    const past = fitMessage(msg([...fifty, button]));
    expect(past.blocks).toHaveLength(50);
    expect(past.blocks.slice(0, 48)).toEqual(fifty.slice(0, 48));
    expect(past.blocks[48]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "… 2 more not shown (Slack allows 50 blocks)" }] });
    expect(past.blocks[49]).toEqual(button);
    const plain = fitMessage(msg([...fifty, sectionOf("s50")]));
    expect(plain.blocks.slice(0, 49)).toEqual(fifty.slice(0, 49));
    expect(plain.blocks[49]).toEqual({ type: "context", elements: [{ type: "mrkdwn", text: "… 2 more not shown (Slack allows 50 blocks)" }] });
    expect(checkMessage(msg([...fifty, sectionOf("s50")]))).toEqual(["blocks: 51 > 50"]);
  });

  test("the fallback text is never empty and never past 4000", () => {
    expect(fitMessage(msg([], "  ")).text).toBe("briefbot");
    expect(fitMessage(msg([], exactly(4001))).text.length).toBeLessThanOrEqual(4000);
    expect(checkMessage(msg([], ""))).toEqual(["text: empty fallback text"]);
  });

  test("button text past 75 is shortened; a value past 2000 is dropped rather than cut", () => {
    const b: Block = { type: "actions", elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: exactly(76) }, value: "v".repeat(2001) }] };
    expect(checkMessage(msg([b]))).toEqual(["blocks[0] button 0 text: 76 > 75", "blocks[0] button 0 value: 2001 > 2000"]);
    expect(fitMessage(msg([b])).blocks).toEqual([{ type: "actions", elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: shorten(exactly(76), 75) } }] }]);
  });
});

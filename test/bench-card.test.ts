// `npm run bench -- card` on a fresh clone (the samples in briefings/, no article of 450-650 words):
// every line is a figure or says why there is none, never NaN.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { runCardBench } from "../bench/card.js";

test("the card bench on briefings/ prints no NaN", () => {
  const dir = join(__dirname, "..", "briefings");
  const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
  const lines: string[] = [];
  runCardBench({ rounds: 2, corpus: { name: "briefings/", texts }, log: (l) => void lines.push(l) });
  expect(lines.length).toBe(6);
  expect(lines.join("\n")).not.toMatch(/NaN/);
  expect(lines[1]).toMatch(/^card: \d+ cards\/s, median \d+\.\d\d ms, p99 \d+\.\d\d ms per card$/);
  // One median/p99 pair per round, in order.
  expect(lines[3]).toMatch(/^card: median\/p99 ms by round: \d+\.\d\d\/\d+\.\d\d, \d+\.\d\d\/\d+\.\d\d$/);
  expect(lines[4]).toMatch(/^card: each article's fastest of the 2 rounds: median \d+\.\d\d ms, p99 \d+\.\d\d ms, slowest \d+\.\d\d ms$/);
});

test("the card bench warms up on other articles when asked, and says so", () => {
  const dir = join(__dirname, "..", "briefings");
  const texts = readdirSync(dir).map((f) => readFileSync(join(dir, f), "utf8"));
  const lines: string[] = [];
  runCardBench({ rounds: 1, warm: 30, warmTexts: texts.slice(0, 2), corpus: { name: "briefings/", texts: texts.slice(2) }, log: (l) => void lines.push(l) });
  expect(lines[0]).toBe("card: warmed up on 30 cards of other articles");
  expect(lines[1]).toMatch(/^card: \d+ articles from briefings\/ /);
  expect(lines.join("\n")).not.toMatch(/NaN/);
});

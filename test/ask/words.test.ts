import { align, editDistance, wordSimilarity } from "../../src/ask/words.js";
import { topicForms } from "../../src/ask/index.js";
import { closestTopics } from "../../src/ask/suggest.js";

test.each([
  ["frost", "frost", 0],
  ["frsot", "frost", 1],
  ["harbor", "harbour", 1],
  ["committees", "comittes", 2],
  ["apple", "orange", 5],
])("editDistance(%s, %s) = %d (capped at max + 1)", (a, b, d) => {
  expect(editDistance(a, b, 4)).toBe(Math.min(d, 5));
});

test.each([
  ["frost", "frost", 1],
  ["frsot", "frost", 0.8],
  ["sandbag", "sandbags", 0.75],
  ["tide", "wait", 0],
  ["an", "on", 0],
])("wordSimilarity(%s, %s) = %d", (q, w, s) => {
  expect(wordSimilarity(q, w)).toBe(s);
});

test.each([
  ["nobody here remembers a frost", "nobody here remembers a frost this hard", 1, 1],
  ["remembers a frsot this hard", "nobody here remembers a frost this hard", 0.944, 1],
  ["frost this nobody", "nobody here remembers a frost this hard", 1, 2 / 3],
  ["sea wall budget", "nobody here remembers a frost this hard", 0, 0],
])("align(%s, ...)", (q, t, coverage, order) => {
  const a = align(q.split(" "), t.split(" "));
  expect(a.coverage).toBeCloseTo(coverage, 2);
  expect(a.order).toBeCloseTo(order, 2);
});

test.each([
  ["kyiv", ["kyiv", "ukraine", "ukrainian", "ukrainians", "kiev"]],
  ["Ukrainian", ["ukrainian", "ukraine", "ukrainians", "kyiv", "kiev"]],
  ["U.S.", ["us", "united states", "usa", "america", "american", "americans", "washington"]],
  ["vell valley", ["vell valley"]],
])("topicForms(%s)", (typed, forms) => {
  expect(topicForms(typed)).toEqual(forms);
});

test.each([
  ["ukrane", ["ukraine"]],
  ["farm", ["farming"]],
  ["valley", ["vell valley"]],
  ["zzzz", []],
])("closestTopics(%s)", (typed, want) => {
  expect(closestTopics(typed, ["ukraine", "ukrainian", "farming", "vell valley", "coast"], 2)).toEqual(want);
});

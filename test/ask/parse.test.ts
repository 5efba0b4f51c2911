import { parseQuestion } from "../../src/ask/index.js";
import type { Intent } from "../../src/ask/index.js";

const cases: Array<[string, Intent]> = [
  ["/brief ukraine", { kind: "brief", topic: "ukraine" }],
  ["brief ukraine", { kind: "brief", topic: "ukraine" }],
  ["Brief me on the Vell valley?", { kind: "brief", topic: "the Vell valley" }],
  ["/brief", { kind: "help" }],
  ["/whosaid prevent one", { kind: "whosaid", words: "prevent one" }],
  ['who said "prevent one"?', { kind: "whosaid", words: "prevent one" }],
  ["Who said “the tide does not wait”", { kind: "whosaid", words: "the tide does not wait" }],
  ["who said: we cannot ask families", { kind: "whosaid", words: "we cannot ask families" }],
  ["/figures troops", { kind: "figures", topic: "troops" }],
  ["figures on farming", { kind: "figures", topic: "farming" }],
  ["how many troops has Russia amassed?", { kind: "figures", topic: "how many troops has Russia amassed", question: "how many troops has Russia amassed?" }],
  ["population of Kyiv", { kind: "figures", topic: "population of Kyiv", question: "population of Kyiv" }],
  ["What is the cost of the sea wall?", { kind: "figures", topic: "What is the cost of the sea wall", question: "What is the cost of the sea wall?" }],
  ["/topics", { kind: "topics" }],
  ["list topics", { kind: "topics" }],
  ["help", { kind: "help" }],
  ["", { kind: "help" }],
  ["what's new in farming?", { kind: "brief", topic: "farming" }],
  ['"sandbag their doors"', { kind: "whosaid", words: "sandbag their doors" }],
  ["kyiv", { kind: "brief", topic: "kyiv" }],
  ["/trend evacuees", { kind: "trend", what: "evacuees" }],
  ["/trend evacuees in the wildfire", { kind: "trend", what: "evacuees", topic: "wildfire" }],
  ["trend troops at the border in Ukraine", { kind: "trend", what: "troops at the border", topic: "Ukraine" }],
  ["/trend", { kind: "help" }],
  ["How has the troop count changed?", { kind: "trend", what: "troop count" }],
  ["how have the evacuations grown in the wildfire?", { kind: "trend", what: "evacuations", topic: "wildfire" }],
  ["troops at the border over time", { kind: "trend", what: "troops at the border" }],
  ["death toll of the flood", { kind: "trend", what: "death toll", topic: "flood" }],
  ["What is the death toll in the Marren valley?", { kind: "trend", what: "death toll", topic: "Marren valley" }],
];

test.each(cases)("%s", (text, intent) => {
  expect(parseQuestion(text)).toEqual(intent);
});

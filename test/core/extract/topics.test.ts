import { analyze } from "../../../src/core/index.js";
import { countPlaces, extractTopics, titleKeywords, topicKey } from "../../../src/core/extract/topics.js";
import type { Entity } from "../../../src/core/index.js";

describe("topicKey maps what users type to the topic", () => {
  test.each<[string, string]>([
    ["Ukraine", "ukraine"],
    ["kyiv", "ukraine"],
    ["Kiev", "ukraine"],
    ["ukrainian", "ukraine"],
    ["Moscow", "russia"],
    ["russian", "russia"],
    ["US", "united states"],
    ["u.s.", "united states"],
    ["American", "united states"],
    ["British", "united kingdom"],
    ["nato", "nato"],
    ["  Climate  ", "climate"],
  ])("%s -> %s", (term, key) => expect(topicKey(term)).toBe(key));
});

describe("countPlaces", () => {
  test.each<[string, Record<string, number>]>([
    ["Kyiv and Moscow traded blame as Ukrainian and Russian officials met.", { ukraine: 2, russia: 2 }],
    ["South Korea and North Korea held talks.", { "south korea": 1, "north korea": 1 }],
    ["The U.S. Army and the United States Navy.", { "united states": 2 }],
    ["Officials in Washington said it would take time.", { "united states": 1 }],
    ["It is in the interest of everyone.", {}],
  ])("%s", (text, want) => expect(Object.fromEntries(countPlaces(text))).toEqual(want));
});

describe("extractTopics", () => {
  test("places by prominence, the headline weighs more, organisations by acronym", () => {
    const text = "Talks stall in Switzerland\n\nRussia and Ukraine sent envoys. NATO watched as Russian troops moved. Kyiv protested. NATO said it would meet.";
    const nato: Entity = { name: "North Atlantic Treaty Organization", type: "organization", mentions: 2, aliases: ["NATO"] };
    const topics = extractTopics(analyze(text), [nato], "Talks stall in Switzerland");
    expect(topics[0]).toBe("switzerland");
    expect(topics.slice(1).sort()).toEqual(["nato", "russia", "ukraine"]);
  });

  test("a place mentioned once in passing is no topic", () => {
    expect(extractTopics(analyze("The minister, who studied in France, spoke about schools and schools again."), [], "")).toEqual([]);
  });
});

describe("titleKeywords: what the story is about beyond names", () => {
  test.each<[string, string, string[]]>([
    ["Floods close schools", "Floods close schools\n\nThe flood reached the town. Flood water rose. Schools shut.", ["floods"]],
    ["Council approves the bridge", "Council approves the bridge\n\nThe bridge will cost more. The bridge opens in 2030. The council met.", ["bridge"]],
    ["Prices rise 5% in 2026", "Prices rise 5% in 2026\n\nPrices rose. Prices will rise.", ["prices"]],
    ["What they said about it", "What they said about it\n\nThey said it. They said it again.", []],
    ["Mayor Holds Vote On Ferry", "Mayor Holds Vote On Ferry\n\nThe mayor holds a vote. She holds firm on the ferry. The ferry vote holds. The ferry sails.", ["vote", "ferry"]],
    ["Board believes levy works", "Board believes levy works\n\nThe board believes it. The levy works, the board believes. The levy rose; the board believes in the levy.", ["board", "levy"]],
    // A number word is part of a figure, however often the body repeats it.
    ["Port Clears Rs 900 Crore Dredging Plan", "Port Clears Rs 900 Crore Dredging Plan\n\nThe Rs 900 crore plan was cleared. A further Rs 80 crore goes to the dredging plan. Work on the plan starts in May.", ["plan"]],
    ["Thousands Join Ferry Protest", "Thousands Join Ferry Protest\n\nThousands marched. Thousands more joined the ferry protest. The protest blocked the ferry.", ["ferry", "protest"]],
  ])("%s", (title, body, want) => expect([...titleKeywords(title, body).keys()]).toEqual(want));
});

import { toUnits } from "../../../src/core/extract/summary/units.js";
import { pronounReferent } from "../../../src/core/extract/summary/people.js";
import { dropAsides } from "../../../src/core/extract/summary/compress.js";
import { analyze } from "../../../src/core/text/index.js";

const units = (text: string) => toUnits(analyze(text), 0).map((u) => (u.caption ? `[caption] ${u.text}` : u.text));

describe("summary units: datelines, furniture, captions", () => {
  test.each<[string, string[]]>([
    ["(CNN)Floods closed the coastal road on Sunday. Crews worked overnight.", ["Floods closed the coastal road on Sunday.", "Crews worked overnight."]],
    ["Lisbon, Portugal (CNN) -- A tram derailed near the river. No one was hurt.", ["A tram derailed near the river.", "No one was hurt."]],
    ["(The Harbour Gazette)Ferries were cancelled on Sunday. Crews worked overnight.", ["Ferries were cancelled on Sunday.", "Crews worked overnight."]],
    // A wire's place and colon before the lede; a speaker and a quotation after a colon stay.
    ["Port Varley: The council approved the dredging plan on Monday. Work starts in May.", ["The council approved the dredging plan on Monday.", "Work starts in May."]],
    ["Tom Pell: “We will rebuild the pier.” Work starts in May.", ["Tom Pell: “We will rebuild the pier.”", "Work starts in May."]],
    // A ticker or an aside in parentheses is not a dateline.
    ["Tesla (TSLA) shares fell sharply on Monday. Crews worked overnight.", ["Tesla (TSLA) shares fell sharply on Monday.", "Crews worked overnight."]],
    [
      "By Jo BanksBBC transport correspondentThe new tram line opens on Monday. It cost £40m.",
      ["The new tram line opens on Monday.", "It cost £40m."],
    ],
    [
      "Scroll down for video The volunteers cleared the beach in four hours. They filled sixty bags.",
      ["The volunteers cleared the beach in four hours.", "They filled sixty bags."],
    ],
    [
      // A photo caption glued onto the first sentence is split off and gets its full stop.
      "Volunteers carry sandbags to the flooded bakery on the high street The town council has declared an emergency after the river burst its banks.",
      ["[caption] Volunteers carry sandbags to the flooded bakery on the high street.", "The town council has declared an emergency after the river burst its banks."],
    ],
    [
      // A run of labelled captions.
      "Rising water: The river reached the bridge arches by noon on Monday Clean-up: Residents swept mud from their kitchens. The council promised help.",
      ["[caption] The river reached the bridge arches by noon on Monday.", "Residents swept mud from their kitchens.", "The council promised help."],
    ],
    [
      // "to The Times" and short runs are not glue points.
      "The minister gave an interview to The Times on Sunday. A vote is due in May.",
      ["The minister gave an interview to The Times on Sunday.", "A vote is due in May."],
    ],
    [
      // Sentences run together after a bracket, a colon or before "I"; share buttons and a feedback line go.
      "The ferry sailed from Varley (Kelland).The crossing took an hour. Fares rose to £40 ($50):Jo Pell runs the line. We sang all day!I was tired.",
      ["The ferry sailed from Varley (Kelland).", "The crossing took an hour.", "Fares rose to £40 ($50).", "Jo Pell runs the line.", "We sang all day!", "I was tired."],
    ],
    [
      "Share this withEmailFacebookCopy this linkThe harbour reopened on Friday. Varley Museum of TimberLet us know what you think of the new look.",
      ["The harbour reopened on Friday.", "Varley Museum of Timber"],
    ],
    [
      // Names with an inner capital are no glue ("LinkedIn", "WhatsApp").
      "The club posted the news on LinkedIn and WhatsApp. Members replied.",
      ["The club posted the news on LinkedIn and WhatsApp.", "Members replied."],
    ],
  ])("%s", (text, want) => expect(units(text)).toEqual(want));
});

describe("short parentheses are dropped", () => {
  test.each<[string, string]>([
    ["The kite measured 6,000 metres (3.7 miles) from end to end.", "The kite measured 6,000 metres from end to end."],
    ["Jo Banks (pictured) won the race.", "Jo Banks won the race."],
    ["No brackets here.", "No brackets here."],
  ])("%s", (text, want) => expect(dropAsides(text)).toBe(want));
});

describe("who an opening He or She means", () => {
  const article =
    "Priya Natarajan, 41, was named head of the museum on Monday. Mr Karl Weber, the outgoing director, said she would start in June. " +
    "Natarajan said she was delighted. Weber said he would retire to the coast.";
  test.each<[string[], "he" | "she", string | undefined]>([
    [["Priya Natarajan, 41, was named head of the museum on Monday."], "she", "Priya Natarajan"],
    [["Mr Karl Weber, the outgoing director, said she would start in June."], "he", "Karl Weber"],
    // Gender evidence rules a person out.
    [["Priya Natarajan, 41, was named head of the museum on Monday."], "he", undefined],
    // A role word before the name is not part of it.
    [["The speech by Foreign Secretary Karl Weber was short."], "he", "Karl Weber"],
    // A pronoun after a name is no evidence of a person ("... the Harvest Song Contest, and he ...").
    [["He first sang at the Harvest Song Contest, and he won it."], "he", undefined],
    // A place is not a person.
    [["Villagers from Little Hampden said the road was closed."], "he", undefined],
  ])("%s %s", (before, gender, want) => expect(pronounReferent(before, article, gender)).toBe(want));
});

test("a first name tells the gender, and the object of a name's own verb is someone else", () => {
  // "told him": him is the one the judge spoke to, not the judge; "Colin" and "Rachel" tell who is who.
  const text =
    "Colin Marsh, 52, of Hadley Road, took money from nine accounts, the court heard. Judge Rachel Osei told him: \"You betrayed them.\" " +
    "She said the thefts had caused distress. Marsh admitted the charges.";
  const before = ["Colin Marsh, 52, of Hadley Road, took money from nine accounts, the court heard.", "Judge Rachel Osei told him: \"You betrayed them.\""];
  expect(pronounReferent(before, text, "she")).toBe("Rachel Osei");
  expect(pronounReferent(before, text, "he")).toBe("Colin Marsh");
});

test("a place that 'says' something is not a person", () => {
  const text = "Villagers from Little Hampden said the road was closed. He later died in hospital.";
  expect(pronounReferent(["Villagers from Little Hampden said the road was closed."], text, "he")).toBeUndefined();
  const person = "Tom Okafor said the road was closed. He later reopened it.";
  expect(pronounReferent(["Tom Okafor said the road was closed."], person, "he")).toBe("Tom Okafor");
});

// The run-on split looks for the capital after the cut first, then behind it.
describe("sentences run together", () => {
  test.each<[string, string[]]>([
    ["The ferry left Varley at noon.Mr Pell was aboard.", ["The ferry left Varley at noon.", "Mr Pell was aboard."]],
    ["Crews cleared the road on your screenThe mayor thanked them. Then rain came.", ["Crews cleared the road on your screen.", "The mayor thanked them.", "Then rain came."]],
    ["It was 10:15 BSTAnna arrived late.", ["It was 10:15 BST.", "Anna arrived late."]],
    // Names with a capital inside stay whole.
    ["Jo McKay posted on LinkedIn. The post was shared.", ["Jo McKay posted on LinkedIn.", "The post was shared."]],
  ])("%s", (text, want) => expect(units(text)).toEqual(want));
});

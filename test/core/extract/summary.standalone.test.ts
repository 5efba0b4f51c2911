import { quoteOpenAfter, quotedShare, standalone } from "../../../src/core/extract/summary/standalone.js";

const asBullet = (sentence: string, person?: string) => {
  const r = standalone(sentence, { person: () => person });
  return "text" in r ? r.text : r.rejected;
};

describe("bullet clean-up: openings", () => {
  test.each<[string, string]>([
    ["But the council voted to keep the library open until March.", "The council voted to keep the library open until March."],
    ["However, the ferry company said sailings would resume on Friday.", "The ferry company said sailings would resume on Friday."],
    ["And on Monday the mayor signed the new parking rules into law.", "On Monday the mayor signed the new parking rules into law."],
    ["Meanwhile, rescue teams reached the second village by boat.", "Rescue teams reached the second village by boat."],
    ["In addition, the bank will cut fees for small firms.", "The bank will cut fees for small firms."],
    ["But however, the plan was shelved until next spring.", "The plan was shelved until next spring."],
    ["The harbour reopened after three days of storms.", "The harbour reopened after three days of storms."],
    // Openings that look like connectives but carry the meaning stay.
    ["So far, 20 people have been rescued from the flooded valley.", "So far, 20 people have been rescued from the flooded valley."],
    ["Yet another storm is expected to reach the coast on Friday.", "Yet another storm is expected to reach the coast on Friday."],
  ])("%s", (sentence, want) => expect(asBullet(sentence)).toBe(want));
});

describe("bullet clean-up: pronouns", () => {
  test.each<[string, string | undefined, string]>([
    // "He"/"She" becomes the person meant, when one is known ...
    ["He resigned as head coach on Tuesday after nine years.", "Marta Lindqvist", "Marta Lindqvist resigned as head coach on Tuesday after nine years."],
    ["She told the committee the figures had been checked twice.", "Ana Duarte", "Ana Duarte told the committee the figures had been checked twice."],
    ["But he denied any wrongdoing at the hearing.", "Tom Okafor", "Tom Okafor denied any wrongdoing at the hearing."],
    // ... and the sentence is refused when no one is.
    ["He resigned as head coach on Tuesday after nine years.", undefined, "dangling"],
    // Other openings whose referent is elsewhere cannot be named safely.
    ["It also found that rents rose faster than wages.", undefined, "dangling"],
    ["They were rescued by a passing fishing boat.", undefined, "dangling"],
    ["This came after a week of protests in the capital.", undefined, "dangling"],
    ["His lawyer said the charges would be contested.", undefined, "dangling"],
    ["But their plan was rejected by the board on Friday.", undefined, "dangling"],
    ["The pair met at university in the early nineties.", undefined, "dangling"],
    ["We are ready to sign the agreement next week.", undefined, "dangling"],
    // A contracted pronoun cannot take a name in its place.
    ["She's been living in Lisbon for a year now.", "Ana Duarte", "dangling"],
    // The subject after an opening phrase is the same case.
    ["Citing the report, he said the bridge would close in June.", "Mark Ellison", "Citing the report, Mark Ellison said the bridge would close in June."],
    ["In a statement on Friday, they said the talks had failed.", undefined, "dangling"],
    // A possessive that is not a pronoun is fine.
    ["Heathrow's third runway was approved by the court.", undefined, "Heathrow's third runway was approved by the court."],
  ])("%s (%s)", (sentence, person, want) => expect(asBullet(sentence, person)).toBe(want));
});

describe("bullet clean-up: quotes, questions, fragments, cut sentences", () => {
  test.each<[string, string]>([
    ["“We will not give up on this town,” the mayor said.", "quote"],
    ["'It was the worst flood I have seen,' said one farmer.", "quote"],
    ["He said: 'We strive to pay our bills on time.'", "quote"],
    ["The minister added: That decision was wrong.", "quote"],
    ["The coach said the team were 'tired, beaten and angry' but 'not finished'.", "The coach said the team were 'tired, beaten and angry' but 'not finished'."],
    ["The crew left the port on Sunday 'Nobody expected the storm to turn north.", "quote"],
    ["Why would anyone build a bridge there?", "unfinished"],
    ["The bridge was closed after engineers found cracks in the", "unfinished"],
    ["Scroll down for video of the rescue.", "unfinished"],
    ["The charges were read out by Army Sgt.", "unfinished"],
    ["No wonder.", "fragment"],
    ["Jonas Pereira Porto Azul 1:35.782 2.", "fragment"],
    ["Kellbridge Rovers 2 Northgate United 1 (Ashby 14, Pereira 88).", "fragment"],
  ])("%s", (sentence, want) => expect(asBullet(sentence)).toBe(want));

  test("a sentence inside a quotation opened earlier is a quote", () => {
    const r = standalone("The club will rebuild the stand by next season.", { inQuote: true });
    expect(r).toEqual({ rejected: "quote" });
  });
});

describe("quotation state across sentences", () => {
  test.each<[string, boolean, boolean]>([
    ["'I had a taste of it at the club and enjoyed it.", false, true],
    ["It is a fantastic opportunity.", true, true],
    ["It is about the players.’", true, false],
    ["He said: “We are ready to pay on the ninth.", false, true],
    ["“We are ready,” he said.", false, false],
    ["The band's 'end of days' tour was cancelled.", false, false],
    ["The players' union met on Monday.", false, false],
    ["Officials don't expect delays.", false, false],
    ["“Never,” she was later quoted as replying.", true, false],
  ])("%s (open before: %s)", (text, before, after) => expect(quoteOpenAfter(text, before)).toBe(after));

  test("share of words inside quotation marks", () => {
    expect(quotedShare("“We will stay and we will fight,” she said.")).toBeGreaterThan(0.5);
    expect(quotedShare("The report called the plan 'risky' and asked for a review.")).toBeLessThan(0.2);
  });
});

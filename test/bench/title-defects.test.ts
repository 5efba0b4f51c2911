import { danglingEnd, disagreement, hasFiniteVerb, opensWithAttribution, titleDefects } from "../../bench/title-defects.js";

describe("title defects (invented titles)", () => {
  test.each([
    ["The harbour board has approved a new ferry route", true],
    ["Flood waters closed the coast road near Varley", true],
    ["Orvane's bakery sold its last loaf on Sunday", true],
    ["A new ferry route for the harbour of Varley", false],
    ["The baker collecting crates from the quay", false],
    ["Plans to reopen the old mill", false],
    ["Storms bring the ferries to a halt", true],
    ["The app extracts the colours from old photos", true],
  ])("finite verb in %j: %s", (title, expected) => {
    expect(hasFiniteVerb(title)).toBe(expected);
  });

  test.each([
    ["The council has voted to close the", "the"],
    ["Two walkers were rescued from", "from"],
    ["The mayor met the farmers and", "and"],
    ["The club has sold the striker's", "striker's"],
    ["The club's fans have cheered the players", undefined],
    ["The judge called it a 'fight at all costs'", undefined],
    ["Rescuers pulled two walkers out.", undefined],
  ])("dangling end of %j: %s", (title, expected) => {
    expect(danglingEnd(title)).toBe(expected);
  });

  test.each([
    ["A spokesman said, the ferry will run again", true],
    ["According to the council, the ferry will run again", true],
    ["Jo Pell told reporters that the ferry will run again", true],
    ["Jo Pell is said to have told staff the ferry will run again", false],
    ["The ferry will run again in May", false],
  ])("attribution opening in %j: %s", (title, expected) => {
    expect(opensWithAttribution(title)).toBe(expected);
  });

  test.each([
    ["In a long post he have thanked the crew", "he have"],
    ["Two fishermen has been rescued off Varley", "fishermen has"],
    ["They has won the cup", "They has"],
    ["One of the fishermen has been rescued", undefined],
    ["The council have approved the plan", undefined],
    ["He has thanked the crew", undefined],
  ])("agreement in %j: %s", (title, expected) => {
    expect(disagreement(title)).toBe(expected);
  });

  test("a sound title has no defect", () => {
    expect(titleDefects("Lifeboat crews have rescued six walkers from Varley cliffs")).toEqual([]);
  });
});

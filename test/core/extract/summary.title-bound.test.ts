// makeTitle passes over sentences whose best possible run cannot beat the best so far; the title it
// picks must be the one the whole list of candidates gives (articles written for these tests).
import { DEFAULT_TITLE, makeTitle, titleCandidates, titleScore, type TitleParams } from "../../../src/core/extract/summary/title.js";
import { analyze } from "../../../src/core/text/index.js";

const ARTICLES = [
  "The harbour board approved a new sea wall for the fishing village on Tuesday. The sea wall will cost the board four million pounds. " +
    "Fishermen in the village welcomed the sea wall after storms flooded the quay twice last winter. A board member said the work would start in spring. " +
    "The village has asked for a sea wall for a decade. Storms also damaged the lifeboat station. The lifeboat crew will move to a temporary base.",
  "Two hikers were rescued from the northern ridge after a night in the snow. Mountain rescue teams found the hikers near a frozen lake. " +
    "The hikers had lost their way in thick cloud. Rescue teams said the pair were cold but unhurt. A helicopter flew the hikers to the valley. " +
    "The ridge is popular with walkers in summer. Teams warned walkers about the snow on the ridge.",
  "Shares in the bakery chain rose sharply after strong sales of bread and cakes. The chain opened twelve new shops this year. " +
    "Its chief executive, Dana Voss, said demand for bread had never been higher. Analysts expect the bakery chain to open more shops. " +
    "Bread sales rose by a fifth. Cakes sold well at the new shops. The chain employs three thousand bakers.",
];

function exhaustive(text: string, p: TitleParams): string {
  let best: ReturnType<typeof titleCandidates>[number] | undefined;
  for (const c of titleCandidates(analyze(text), p)) if (!best || titleScore(c, p) > titleScore(best, p)) best = c;
  return (best?.words ?? []).join(" ").replace(/[,;:–—-]+$/u, "").replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

describe("makeTitle: the best run of all candidates", () => {
  const params: TitleParams[] = [
    { ...DEFAULT_TITLE },
    { ...DEFAULT_TITLE, functionWord: 0.2, perWord: 0.3, positionDecay: 0.1 },
    { ...DEFAULT_TITLE, functionWord: 2, wholeSentence: 1.5, maxWords: 9 },
    { ...DEFAULT_TITLE, eventDay: 5, functionWord: 0.5 },
  ];
  test.each(ARTICLES.flatMap((a) => params.map((p) => [a.slice(0, 30), p, a] as const)))("%s %o", (_name, p, text) => {
    const title = makeTitle(analyze(text), p);
    expect(title.length).toBeGreaterThan(0);
    expect(title).toBe(exhaustive(text, p));
  });
});

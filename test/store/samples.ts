// Articles written for these tests, with cards whose quotes, figures and topics are set here, so the
// store is tested apart from the extractors (which other work improves).
import { buildCard, type Article, type BriefingCard, type Figure, type Quote } from "../../src/core/index.js";

export function quote(text: string, speaker: string | null, start = 0): Quote {
  return { text, start, end: start + text.length, kind: "direct", speaker: speaker ? { name: speaker } : null, confidence: speaker ? 0.9 : 0 };
}

export function figure(text: string, value: number, unit: string, about: string, sentence: string): Figure {
  return { text, start: 0, end: text.length, value, kind: "count", unit, qualifier: null, about, sentence };
}

export function card(article: Article, parts: Partial<Pick<BriefingCard, "quotes" | "figures" | "topics" | "title">> = {}): BriefingCard {
  return { ...buildCard(article), ...parts };
}

export const HARBOUR: Article = {
  title: "Harbour town votes to rebuild its sea wall",
  url: "https://news.example.org/coast/harbour-wall?utm_source=feed#top",
  publishedAt: "2026-03-02T08:00:00Z",
  text:
    "Harbour town votes to rebuild its sea wall\n\n" +
    "The council of Port Merrow voted on Monday to rebuild the sea wall that storms breached twice last winter.\n\n" +
    "\"We cannot ask families to sandbag their doors every spring,\" said Mayor Lena Okafor, who proposed the plan.\n\n" +
    "The work will cost 4.2 million pounds and employ 130 builders over two years.",
};

export const ORCHARD: Article = {
  title: "Orchard growers count losses after late frost",
  url: "https://news.example.org/farming/orchard-frost",
  publishedAt: "2026-04-11T06:30:00Z",
  text:
    "Orchard growers count losses after late frost\n\n" +
    "A late frost has killed most of the apple blossom across the Vell valley, growers said on Friday.\n\n" +
    "\"Nobody here remembers a frost this hard in April,\" said Tomas Reyes, who farms 40 hectares above the river.\n\n" +
    "The growers' union estimates that 1,800 jobs depend on the harvest.",
};

export const HARBOUR_CARD = (): BriefingCard =>
  card(HARBOUR, {
    topics: ["port merrow", "flooding", "coast"],
    quotes: [quote("We cannot ask families to sandbag their doors every spring", "Lena Okafor")],
    figures: [figure("130 builders", 130, "builders", "builders employed", "The work will cost 4.2 million pounds and employ 130 builders over two years.")],
  });

export const ORCHARD_CARD = (): BriefingCard =>
  card(ORCHARD, {
    topics: ["farming", "vell valley", "coast"],
    quotes: [quote("Nobody here remembers a frost this hard in April", "Tomas Reyes")],
    figures: [figure("1,800 jobs", 1800, "jobs", "jobs that depend on the harvest", "The growers' union estimates that 1,800 jobs depend on the harvest.")],
  });

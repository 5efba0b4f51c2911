// Topics: lower-case keys a user would type ("ukraine", "russia", "nato"), most prominent first.
// Places come from a country gazetteer (capitals and demonyms count for their country);
// organisations and people from the entity extractor.
import { isNounTag, isStopword, stem, tagText, words, type Doc } from "../text/index.js";
import type { Entity } from "../types.js";
import { placeTable } from "./gazetteer.js";
import { isCardinalWord } from "./figures/lexicon.js";

export interface TopicOptions {
  max: number;
  /** The title counts this many times over (a country in the headline is the story). */
  titleWeight: number;
}

export const DEFAULT_TOPIC_OPTIONS = { max: 8, titleWeight: 3 } as const satisfies TopicOptions;

// Capitalised word runs, with inner dots ("U.S.") and apostrophes.
const CAPITALISED = /\p{Lu}[\p{L}.'’-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}.'’-]*)*/gu;

/** Country topics in a piece of text, with counts. Longest form first: "South Korea" before "Korea". */
export function countPlaces(text: string, into = new Map<string, number>(), weight = 1): Map<string, number> {
  const table = placeTable();
  for (const m of text.matchAll(CAPITALISED)) {
    // Each word lower-cased once (a space or the end after a word reads the same to toLowerCase).
    const tokens = m[0].split(/\s+/).map((t) => t.toLowerCase());
    let i = 0;
    while (i < tokens.length) {
      let matched = 0;
      for (let n = Math.min(4, tokens.length - i); n >= 1 && !matched; n--) {
        let form = n === 1 ? tokens[i]! : tokens.slice(i, i + n).join(" ");
        if (form.includes("'") || form.includes("’")) form = form.replace(/[’']s$/, "").replace(/’/g, "'");
        let place = table.get(form);
        if (!place && form.endsWith(".")) place = table.get((form = form.slice(0, -1)));
        if (place) {
          into.set(place.key, (into.get(place.key) ?? 0) + weight);
          matched = n;
        }
      }
      i += matched || 1;
    }
  }
  return into;
}

/** The topic key for what a user typed ("Kyiv" -> "ukraine"), or the term itself, lower-cased. */
export function topicKey(term: string): string {
  const t = term.trim().toLowerCase().replace(/’/g, "'");
  return placeTable().get(t)?.key ?? placeTable().get(t.replace(/\.$/, ""))?.key ?? t;
}

/**
 * What the story is about beyond names: words of the title (four letters or more, no function
 * words, no figures) that the body repeats ("flood", "bridge"). Counted in the body, by stem.
 */
export function titleKeywords(title: string, body: string): Map<string, number> {
  // Only the stems of title words that could count are counted in the body.
  // Nor number words: "Crore" in "Rs 2,500 Crore Plan" is part of a figure.
  const titleWords = words(title).filter((w) => !(w.length < 4 || isStopword(w) || /\d/.test(w) || w.includes("'") || isCardinalWord(w)));
  const counts = new Map<string, number>(titleWords.map((w) => [stem(w), 0]));
  if (counts.size) {
    for (const w of words(body)) {
      const s = stem(w);
      const n = counts.get(s);
      if (n !== undefined) counts.set(s, n + 1);
    }
  }
  // Topics are names and nouns, never verbs ("holds", "believes"): the tagger reads the title in lower
  // case, since a headline's capitals ("Board Backs Plan") would make every word a name.
  // Tagged only when a title word passes the cheaper tests.
  let nouns: Set<string> | undefined;
  const out = new Map<string, number>();
  for (const w of titleWords) {
    const n = counts.get(stem(w)) ?? 0;
    // Seen twice beyond the title itself when the title is the first line of the text.
    if (n < 3) continue;
    nouns ??= new Set(tagText(title.toLowerCase()).filter((t) => isNounTag(t.pos)).map((t) => t.text));
    if (nouns.has(w) && ![...out.keys()].some((k) => stem(k) === stem(w))) out.set(w, n);
  }
  return out;
}

const acronym = (e: Entity) => e.aliases?.find((a) => /^\p{Lu}{2,6}$/u.test(a));

export function extractTopics(doc: Doc, entities: Entity[], title: string, options: Partial<TopicOptions> = {}): string[] {
  const opts = { ...DEFAULT_TOPIC_OPTIONS, ...options };
  const scores = countPlaces(doc.text);
  if (title && !doc.text.startsWith(title)) countPlaces(title, scores, opts.titleWeight);
  else if (title) countPlaces(title, scores, opts.titleWeight - 1);
  for (const e of entities) {
    if (e.type === "place") {
      const key = topicKey(e.name);
      if (!scores.has(key)) scores.set(key, e.mentions);
    } else if (e.mentions >= 2) {
      const key = (e.type === "organization" ? acronym(e) ?? e.name : e.name).toLowerCase();
      scores.set(key, Math.max(scores.get(key) ?? 0, e.mentions * (e.type === "person" ? 0.8 : 1)));
    }
  }
  // Title words, after names: a place or organisation wins a tie with a common word.
  if (title) {
    const known = new Set([...scores.keys()].flatMap((k) => k.split(" ")));
    for (const [w, n] of titleKeywords(title, doc.text)) if (!known.has(w) && !scores.has(w)) scores.set(w, Math.min(n, 4) - 0.5);
  }
  return [...scores]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, opts.max)
    .map(([k]) => k);
}

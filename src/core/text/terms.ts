// Content words: what a sentence is about, for centrality and redundancy.
import { words } from "./doc.js";
import { memo } from "./memo.js";

// Function words and news boilerplate that say nothing about the story.
const STOP = new Set(
  (
    "a an the and or but if then than so as at by for from in into of on onto to with without within about above after " +
    "again against all also am any are aren't be because been before being below between both can could did do does " +
    "doing down during each few further had has have having he her here hers herself him himself his how i i'm it it's " +
    "its itself just me more most my myself no nor not now off once only other our ours ourselves out over own same she " +
    "should some such that that's their theirs them themselves there these they this those through too under until up " +
    "very was we were what when where which while who whom why will would you your yours yourself yourselves " +
    "said says say told according one two new last first year years time may might must us per cent mr mrs ms " +
    "like just get got make made many much even well back still way since around another"
  ).split(" "),
);

/** A crude stem so "troops" and "troop", "said" forms, "attacked"/"attacks" meet. */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  if (w.endsWith("'s")) w = w.slice(0, -2);
  if (w.endsWith("ies") && w.length > 5) return w.slice(0, -3) + "y";
  if (w.endsWith("ing") && w.length > 6) return w.slice(0, -3);
  if (w.endsWith("ed") && w.length > 5) return w.slice(0, -2);
  if (w.endsWith("es") && w.length > 5 && /(?:ch|sh|ss|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

// The summary asks for the terms of the same words and sentences many times over: the last texts are kept,
// bounded and emptied when full, so a long ingest does not grow it.
const termsOf = memo((text): readonly string[] => termsOnce(text), 4000);

/** Content-word stems of a text, in order, with repeats (a new array each call). */
export function contentTerms(text: string): string[] {
  return termsOf(text).slice();
}

/**
 * `contentTerms` for a text asked about once (a story's lead, the words around a figure): the same terms,
 * without entering the memo, where a text met once would only push out the words a card asks about again
 * and keep itself alive past the next collection. The memo's own misses are computed here.
 */
export function termsOnce(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP.has(w) || w.length < 2 || /^\d+$/.test(w) && w.length < 2) continue;
    out.push(stem(w));
  }
  return out;
}

export function isStopword(w: string): boolean {
  return STOP.has(w.toLowerCase());
}

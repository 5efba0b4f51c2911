// A title for an article that came without one. Candidates are runs of at most 15 words that start
// where a sentence or a clause starts, in the first sentences; the run chosen carries the most of
// what the article keeps coming back to (content words weighted by how many sentences use them) and
// reads as a clause rather than a list (function words count a little). It is cut at 15 words and
// never ends on a function word.
import type { Doc } from "../../text/index.js";
import { dropAsides } from "./compress.js";
import { pronounReferent, type Evidence } from "./people.js";
import { quoteOpenAfter } from "./standalone.js";
import { contentTerms, isStopword } from "../../text/terms.js";
import { toUnits } from "./units.js";

export interface TitleParams {
  maxWords: number;
  /** Sentences considered: the first N. */
  window: number;
  /** Worth of one function word ("the", "has", "of"), beside log(sentences using it) for a content word. */
  functionWord: number;
}

export const DEFAULT_TITLE = { maxWords: 15, window: 8, functionWord: 1 } as const satisfies TitleParams;

const FUNCTION_WORDS = new Set("the a an of in to and has have had been is are was were for on by with from at its their after will be as".split(" "));
const CONNECTIVE = /^(?:but|and|so|yet|also|however|meanwhile|now|still|indeed|instead|in addition|as a result),?\s+/i;
// A run may start mid-sentence where a new clause with its own subject starts: after a comma,
// colon, semicolon, dash, "that" or "said", on a name, a number or a determiner ("police said the
// man had ..." gives "The man had ...", as headlines drop attributions).
const SUBJECT_START = /^(?:\p{Lu}|\d|(?:the|a|an|this|these|its|their|his|her|some|many|most|all|more|no)$)/u;

function clauseStarts(ws: readonly string[]): number[] {
  const starts = [0];
  for (let i = 1; i < ws.length; i++) {
    const prev = ws[i - 1]!;
    const opener = /[,;:]$/.test(prev) || /^[–—-]+$/.test(prev) || /^(?:that|said|says)$/i.test(prev);
    // Not an age or a figure in apposition ("Jo Banks, 15, are accused ...").
    if (opener && SUBJECT_START.test(ws[i]!) && !/^\d[\d.,]*,$/.test(ws[i]!)) starts.push(i);
  }
  return starts;
}

/** Drops function words and punctuation at the end of a run of words. */
function trimEnd(ws: string[]): string[] {
  let out = ws;
  while (out.length > 3) {
    const last = out[out.length - 1]!.replace(/[^\p{L}\p{N}']/gu, "").toLowerCase();
    if (last && !FUNCTION_WORDS.has(last) && !isStopword(last)) break;
    out = out.slice(0, -1);
  }
  return out;
}

export function makeTitle(doc: Doc, params: Partial<TitleParams> = {}): string {
  const p = { ...DEFAULT_TITLE, ...params };
  const units = toUnits(doc, 0);
  if (units.length === 0) return doc.text.trim().split(/\s+/).slice(0, p.maxWords).join(" ");
  const seen = new Map<string, number>();
  for (const u of units) for (const t of new Set(contentTerms(u.text))) seen.set(t, (seen.get(t) ?? 0) + 1);
  let best: string[] | undefined;
  let bestScore = -1;
  const people = new Map<string, Evidence>();
  let open = false;
  for (const u of units.slice(0, p.window)) {
    const before = units.slice(Math.max(0, u.position - 2), u.position).map((x) => x.text);
    const inQuote = open;
    open = quoteOpenAfter(u.text, open);
    // A title is the article's voice: not the middle of a quotation, not a question.
    if (inQuote || /\?["”’']?$/.test(u.text)) continue;
    const ws = dropAsides(u.text).replace(CONNECTIVE, "").replace(/[.!]+["”’']?$/u, "").split(/\s+/).filter(Boolean);
    for (const s of clauseStarts(ws)) {
      // Speech in the first or second person is someone else's voice; a pronoun leans on a sentence
      // the title does not show.
      if (/^["“‘']?(?:I|I'm|I've|We|We're|We've|You|My|Our|Your|Us)$/.test(ws[s]!)) continue;
      const run = ws.slice(s, s + p.maxWords);
      let score = 0;
      for (const t of new Set(contentTerms(run.join(" ")))) score += Math.log(seen.get(t) ?? 1);
      for (const w of run) if (FUNCTION_WORDS.has(w.toLowerCase())) score += p.functionWord;
      if (score > bestScore) {
        // "He"/"She" becomes the person meant; with no one to name, the run cannot be a title.
        const pron = /^(?:He|She)$/.test(run[0]!) ? (run[0] === "He" ? "he" : "she") : undefined;
        const name = pron && pronounReferent(before, doc.text, pron, people);
        if (pron && !name) continue;
        bestScore = score;
        best = name ? [...name.split(" "), ...run.slice(1)].slice(0, p.maxWords) : run;
      }
    }
  }
  const words = trimEnd(best ?? units[0]!.text.split(/\s+/).slice(0, p.maxWords));
  const title = words
    .join(" ")
    .replace(/[,;:–—-]+$/u, "")
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return closeQuote(title);
}

/** A quotation cut short by the word limit gets its closing mark, as headlines quote. */
function closeQuote(title: string): string {
  const pairs: [RegExp, RegExp, string][] = [
    [/“/g, /”/g, "”"],
    [/‘(?=\p{L})/gu, /(?<=[\p{L}\p{N}.,!?])’(?!\p{L})/gu, "’"],
  ];
  for (const [open, close, mark] of pairs) {
    if ((title.match(open)?.length ?? 0) > (title.match(close)?.length ?? 0)) return title + mark;
  }
  // Straight double marks pair up; an odd one out is an opening.
  if ((title.match(/"/g)?.length ?? 0) % 2 === 1) return title + '"';
  return title;
}

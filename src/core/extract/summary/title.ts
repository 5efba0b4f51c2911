// A title for an article that came without one. Candidates are runs of at most 17 words that start
// where a sentence or a clause starts, in the first 12 sentences; the run chosen carries the most of
// what the article keeps coming back to (content words weighted by how many sentences use them) and
// reads as a clause rather than a list (function words count a little). A run is a whole phrase
// (summary/phrases.ts), never opens with who said it, and takes the lede's present perfect when
// nothing dates it (summary/tense.ts). Who said it: summary/attribution.ts; the shapes of words a run is
// judged by, and its last touches: summary/title-words.ts.
import type { Doc } from "../../text/index.js";
import { ATTRIBUTION_OPENING, headlineClause, opensWithReport, REPORTED_SPEECH } from "./attribution.js";
import { clauseStarts, hasMainVerb, shortenings, tagWords, wholeBefore, wordForm, type Word, type WordForm } from "./phrases.js";
import { pronounReferent, speakerOf, type Evidence } from "./people.js";
import { closingAhead, quoteOpenAfter, standalone } from "./standalone.js";
import { contentTerms } from "../../text/terms.js";
import { toUnits } from "./units.js";
import { presentPerfect } from "./tense.js";
import {
  bareNumberSubject, closeQuote, describesPerson, FIRST_PERSON, FUNCTION_WORDS, fullNamesBySurname, sentencesIn, subjectComma, trimEnd, withFullName,
  withoutRepeats,
} from "./title-words.js";

export { describesPerson, subjectComma } from "./title-words.js";

export interface TitleParams {
  maxWords: number;
  /** Sentences considered: the first N. */
  window: number;
  /** Worth of one function word ("the", "has", "of"), beside log(sentences using it) for a content word. */
  functionWord: number;
  /** Fewest words of a run cut short of its sentence's end. */
  minWords: number;
  /** Worth of a run that is its whole sentence (nothing cut). */
  wholeSentence: number;
  /** Share of worth lost per sentence further down the article. */
  positionDecay: number;
  /** Worth of each word, beside what the words are. */
  perWord: number;
  /**
   * Worth of a run whose sentence names a day of the week: news dates the event it reports by its day
   * ("... on Tuesday"), and background by its year.
   */
  eventDay: number;
  /**
   * Cost of a run whose sentence names a year ("in 2019", "since 1998"): the other half of `eventDay`, as
   * news dates background by its year.
   */
  background: number;
  /** Put a simple past main verb in the present perfect, as news ledes report (summary/tense.ts). */
  perfect: boolean;
  /**
   * The run chosen goes on to the longest whole form of itself within this many words: the choice is made
   * among runs of `maxWords`, and the words the shortening left out come back where there is room.
   */
  extendTo: number;
  /**
   * Cost of a run that opens with a bare description of a person ("The 24-year-old ...", "The former
   * ..."): it leans on the sentence that named them, as "He" does.
   */
  leaning: number;
  /**
   * Cost of a run whose subject is "The" and one noun that an earlier sentence used ("The festival is
   * ...") or a noun that stands for what was said before it ("The move will ..."): it refers back, where
   * a headline names the thing.
   */
  anaphor: number;
}

export const DEFAULT_TITLE = { maxWords: 17, window: 12, functionWord: 1, minWords: 4, wholeSentence: 0, positionDecay: 0, perWord: 0, eventDay: 2, background: 1, perfect: true, extendTo: 20, leaning: 6, anaphor: 1 } as const satisfies TitleParams;

const CONNECTIVE = /^(?:but|and|so|yet|also|however|meanwhile|now|still|indeed|instead|in addition|as a result|conversely|moreover|furthermore|nevertheless|nonetheless|separately|likewise|similarly|therefore|thus|presumably|elsewhere|in turn|on the other hand|at the same time),?\s+/i;
/** A run of words a title could be, with what it is scored by. */
export interface TitleCandidate {
  words: string[];
  /** Content words, each worth log(number of sentences using it). */
  content: number;
  /** Function words ("the", "has", "of"): a run that reads as a clause has some. */
  functionWords: number;
  /** The run is its whole sentence (or the rest of it from a clause start). */
  whole: boolean;
  /** Index of its unit among the body's units. */
  position: number;
  /** It starts where its sentence starts. */
  sentenceStart: boolean;
  /** Its sentence names a day of the week. */
  weekday?: boolean;
  /** Its sentence names a year. */
  year?: boolean;
  /** It opens with a bare description of a person ("The 24-year-old"). */
  leaning?: boolean;
  /** Opens with "The" and a noun of an earlier sentence (see TitleParams.anaphor). */
  anaphor?: boolean;
  /** Longer forms of the run from the same start, up to `extendTo` words. */
  longer?: () => string[][];
}

/** Every run that could be the title: whole phrases from sentence and clause starts in the first sentences. */
export function titleCandidates(doc: Doc, params: Partial<TitleParams> = {}): TitleCandidate[] {
  return [...runs(doc, { ...DEFAULT_TITLE, ...params })];
}

/**
 * The runs of titleCandidates, in the same order. `below(bound, position)` is asked before a sentence is
 * tagged and before each of its clause starts: when no run from there can score above `bound` (see
 * scoreBound) and it answers true, they are passed over.
 */
function* runs(doc: Doc, p: TitleParams, below?: (bound: number) => boolean): Generator<TitleCandidate> {
  const units = toUnits(doc, 0);
  const termsOf = units.map((u) => contentTerms(u.text));
  const seen = new Map<string, number>();
  for (const ts of termsOf) for (const t of new Set(ts)) seen.set(t, (seen.get(t) ?? 0) + 1);
  const people = new Map<string, Evidence>();
  const fullNames = fullNamesBySurname(doc.text);
  let open = false;
  let paragraph = -1;
  const closes = closingAhead(units);
  const earlier = new Set<string>();
  for (const u of units.slice(0, p.window)) {
    const before = units.slice(Math.max(0, u.position - 2), u.position).map((x) => x.text);
    // As in the summary: a new paragraph reopens a quotation, and one that never closes was a stray mark.
    if (u.paragraph !== paragraph || !closes[u.position]) open = false;
    paragraph = u.paragraph;
    const inQuote = open;
    for (const t of termsOf[u.position - 1] ?? []) earlier.add(t);
    open = quoteOpenAfter(u.text, open);
    // A title is the article's voice: not the middle of a quotation, not a question.
    if (inQuote || /\?["”’']?$/.test(u.text)) continue;
    const weekday = WEEKDAY.test(u.text);
    const year = YEAR.test(u.text);
    // Each sentence the splitter left together is said as a headline on its own (its attribution at its end).
    const parts = sentencesIn(u.text.split(/\s+/).filter(Boolean)).map((part) => withoutRepeats(headlineClause(part.join(" ")).replace(CONNECTIVE, "").replace(/[.!]+["”’']?$/u, "").split(/\s+/).filter(Boolean)));
    for (const ws of parts) {
      if (!ws.length) continue;
      const forms = ws.map(wordForm);
      const worth = below && wordWorths(ws, forms, seen, p.functionWord);
      if (worth && below(scoreBound(worth, 0, u.position, p, weekday))) continue;
      const tagged = tagWords(ws, doc, forms);
      for (const s of clauseStarts(tagged)) {
        if (worth && below(scoreBound(worth, s, u.position, p, weekday))) continue;
        // Speech in the first or second person is someone else's voice; a pronoun leans on a sentence
        // the title does not show.
        if (/^["“‘']?(?:I|I'm|I've|We|We're|We've|You|You're|My|Our|Your|Us)$/i.test(ws[s]!)) continue;
        // A stray mark is no start (": The plan ..." where page furniture went before the colon).
        if (!/[\p{L}\p{N}"“‘']/u.test(ws[s]!)) continue;
        // A quotation is someone's voice; "It", "They", "This" lean on what came before.
        if (/^["“‘']/.test(ws[s]!) || /^(?:it|it's|its|they|their|them|this|these|those|that|there|his|her|such)$/i.test(ws[s]!)) continue;
        // Nor a clause inside a quotation that opened earlier in the sentence ("If we lose - you look at ...").
        if (s > 0 && quoteOpenAfter(ws.slice(0, s).join(" "), false)) continue;
        if (ATTRIBUTION_OPENING.test(ws.slice(s, s + 10).join(" ")) || opensWithReport(tagged, s)) continue;
        // A subject is not cut from its verb by one comma ("War, is based on ..." is the end of a title
        // the splitter cut), and a bare number is the end of a list or a partitive ("... and Jo, 16 - took").
        const next = tagged[s + 1];
        if (/,$/.test(ws[s]!) && next && (next.first === "VERB" || next.first === "AUX")) continue;
        if (tagged[s]!.first === "NUM" && !(next && (next.first === "NOUN" || next.first === "PROPN" || next.first === "ADJ" || next.first === "SYM"))) continue;
        // "He"/"She" becomes the person meant; with no one to name, no run from here can be a title.
        const pron = /^(?:he|she)$/i.test(ws[s]!) ? (ws[s]!.toLowerCase() as "he" | "she") : undefined;
        const name = pron && (speakerOf(ws, s, doc.text, pron, (sn) => fullNames.get(sn), people) ?? pronounReferent(before, doc.text, pron, people));
        if (pron && !name) continue;
        // The name that replaces "He"/"She" takes room in the title.
        const extra = name ? name.split(" ").length - 1 : 0;
        const budget = p.maxWords - extra;
        const reported = s > 0 && /^(?:that|said|says)$/i.test(ws[s - 1]!);
        const usable = (kept: Word[]) => kept.length >= p.minWords && !bareNumberSubject(kept) && !kept.some((w) => FIRST_PERSON.test(w.text));
        // The run as the title says it, within `room` words.
        const say = (whole: Word[], room: number): string[] => {
          // A claim taken out of reported speech stands as a main clause, and so does a second one joined to
          // it: "... said that A and that B" gives "A and B".
          const kept = reported ? whole.filter((w, i) => !(w.low === "that" && w.first === "SCONJ" && whole[i - 1]?.first === "CCONJ")) : whole;
          // In the lede's tense when nothing dates it: "Police arrested ..." -> "Police have arrested ...".
          const perfect = p.perfect ? presentPerfect(kept, tagged) : [];
          const run = perfect.length && perfect.length <= room ? perfect : kept.map((w) => w.text);
          return name ? [...name.split(" "), ...run.slice(1)] : withFullName(run, fullNames, room);
        };
        // Longer forms of the same run, made only for the run chosen.
        const longer = () => shortenings(tagged, s, p.extendTo - extra).filter(usable).map((kept) => say(kept, p.extendTo - extra));
        for (const kept of shortenings(tagged, s, budget)) {
          if (!usable(kept)) continue;
          const words = say(kept, budget);
          let content = 0;
          for (const t of new Set(kept.flatMap((w) => w.terms))) content += Math.log(seen.get(t) ?? 1);
          const functionWords = words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length;
          const whole = kept.length === ws.length - s;
          yield { words, content, functionWords, whole, position: u.position, sentenceStart: s === 0, weekday, year, leaning: describesPerson(words), anaphor: anaphoric(kept, earlier), longer };
        }
      }
    }
  }
}

/**
 * A run whose subject is "The" and a noun an earlier sentence used ("The festival is ...", "The measure
 * was ..."): it refers back to that sentence, as "He" does, where a headline names the thing.
 */
function anaphoric(kept: readonly Word[], earlier: ReadonlySet<string>): boolean {
  const [a, n, v] = kept;
  if (!a || !n || !v || a.low !== "the" || n.first !== "NOUN" || !/^\p{Ll}/u.test(n.text) || !(v.first === "VERB" || v.first === "AUX")) return false;
  return SHELL_NOUN.has(n.low) || n.terms.some((t) => earlier.has(t));
}

// Nouns that stand for a stretch of text said before them, "shell nouns" (Schmid 2000): "The move was ...",
// "The decision means ...". As a subject with "The" they refer back even in the first sentence (to the
// standfirst a headline replaces), and a headline names the thing instead.
const SHELL_NOUN = new Set("move decision measure step announcement ruling proposal findings development news incident attempt comments remarks claims allegations action changes agreement deal plan verdict".split(" "));

// A day that dates what the sentence reports ("on Tuesday", "last Friday", "Monday's vote", "Sunday night"),
// not a day in a list of fixtures.
const DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const WEEKDAY = new RegExp(`\\b(?:(?:on|last|this|next|since|until|by|early|late) ${DAY}\\b|${DAY}(?:['’]s| (?:morning|afternoon|evening|night)\\b))`);

// A year ("in 2019", "1998's final", "the 2015-16 season"): what the article tells as background.
const YEAR = /\b(?:1[89]\d\d|20\d\d)\b/;

const letters = (w: string) => w.toLowerCase().replace(/[^a-z]/g, "");

/**
 * What each word can add to a run's worth at most: log(sentences using it) for each of its content
 * terms (the same terms tagWords gives it), and the worth of a function word when it is one (also once
 * a run trims its comma).
 */
function wordWorths(ws: readonly string[], forms: readonly WordForm[], seen: ReadonlyMap<string, number>, functionWord: number): number[] {
  return ws.map((w, i) => {
    let v = FUNCTION_WORDS.has(letters(w)) ? Math.max(0, functionWord) : 0;
    // Each term once, in order (no Set per word: this runs for every word of the first sentences).
    const ts = forms[i]!.terms;
    for (let i = 0; i < ts.length; i++) if (ts.indexOf(ts[i]!) === i) v += Math.log(seen.get(ts[i]!) ?? 1);
    return v;
  });
}

/**
 * The most a run from word `start` can score (titleScore): its best `maxWords` words, the two function
 * words the present perfect may add ("has been"), the worth of a whole sentence and of its words. Keep
 * in step with titleScore.
 */
function scoreBound(worth: readonly number[], start: number, position: number, p: TitleParams, weekday: boolean): number {
  const top = worth.slice(start).sort((a, b) => b - a);
  let sum = Math.max(0, -p.leaning) + Math.max(0, -p.anaphor) + Math.max(0, -p.background) + 2 * Math.max(0, p.functionWord) + Math.max(0, p.wholeSentence) + Math.max(0, p.perWord) * p.maxWords + (weekday ? Math.max(0, p.eventDay) : 0);
  for (let i = 0; i < top.length && i < p.maxWords; i++) sum += top[i]!;
  return sum * Math.exp(-p.positionDecay * position);
}

/** The worth of a candidate under the title parameters. */
export function titleScore(c: TitleCandidate, p: TitleParams): number {
  const worth = c.content + p.functionWord * c.functionWords + (c.whole ? p.wholeSentence : 0) + p.perWord * c.words.length + (c.weekday ? p.eventDay : 0) - (c.year ? p.background : 0) - (c.leaning ? p.leaning : 0) - (c.anaphor ? p.anaphor : 0);
  return worth * Math.exp(-p.positionDecay * c.position);
}

export function makeTitle(doc: Doc, params: Partial<TitleParams> = {}): string {
  const p = { ...DEFAULT_TITLE, ...params };
  let best: TitleCandidate | undefined;
  let bestScore = -Infinity;
  // A sentence none of whose runs could beat the best so far is not tagged (a margin for rounding).
  const below = (bound: number) => best !== undefined && bound < bestScore - 1e-9;
  for (const c of runs(doc, p, below)) {
    const score = titleScore(c, p);
    if (!best || score > bestScore) [best, bestScore] = [c, score];
  }
  const words = subjectComma(withoutRepeats((best && extend(best)) ?? fallbackTitle(doc, p.maxWords)), doc);
  const title = words
    .join(" ")
    .replace(/[,;:–—-]+$/u, "")
    .replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  return closeQuote(title);
}

/**
 * The longest form of the chosen run (of at most `limit` words) that holds all its words in order: what the
 * shortening left out, at the end or between them ("a plan | for the harbour | was approved"), comes back.
 */
export function extend(best: TitleCandidate, limit = Infinity): string[] {
  const key = (w: string) => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const words = best.words.map(key);
  const holds = (form: readonly string[]) => {
    let i = 0;
    for (const w of form) if (i < words.length && key(w) === words[i]) i++;
    return i === words.length;
  };
  let out = best.words;
  for (const form of best.longer?.() ?? []) if (form.length > out.length && form.length <= limit && holds(form)) out = form;
  return out;
}

/**
 * With no run that reads as a headline: the first sentence that stands alone (not a quotation, not
 * leaning on an earlier one) and keeps a main verb where it is cut, else the first, cut where a phrase
 * ends if it is long.
 */
function fallbackTitle(doc: Doc, maxWords: number): string[] {
  const units = toUnits(doc, 0);
  // A sentence with a main verb first ("A good decision and the right time" is no headline).
  const fits = units.slice(0, DEFAULT_TITLE.window).filter((u) => !/\?["”’']?$/.test(u.text) && "text" in standalone(u.text) && !REPORTED_SPEECH.test(u.text) && !ATTRIBUTION_OPENING.test(u.text) && !describesPerson(u.text.split(/\s+/)));
  // Nor one in the first person, someone's speech whose marks went astray.
  const thirdPerson = fits.filter((u) => !/\b(?:I|I'm|I've|we|We|we're|our|Our|my|My|you|You|your|Your)\b/.test(u.text));
  // The first whose words, cut to fit, keep their main verb ("The arrival of the new port, of ..." is cut
  // before its verb); else the first with a main verb, cut where a phrase ends.
  for (const u of thirdPerson) {
    // As a chosen run may be (DEFAULT_TITLE.extendTo), the cut may run to 20 words to reach its verb.
    const cut = fitted(wordsOf(u.text), doc, Math.max(maxWords, DEFAULT_TITLE.extendTo), true);
    if (cut) return cut;
  }
  const alone = thirdPerson.find((u) => hasMainVerb(tagWords(u.text.split(/\s+/), doc))) ?? fits[0];
  return fitted(wordsOf((alone ?? units[0])?.text ?? doc.text.trim()), doc, maxWords, false) ?? [];
}

const wordsOf = (sentence: string) => sentence.replace(/[.!?]+["”’']?$/u, "").split(/\s+/).filter(Boolean);

/** The words cut where a phrase ends to fit `maxWords` (with a main verb, when `verb`); undefined when no cut fits. */
function fitted(ws: string[], doc: Doc, maxWords: number, verb: boolean): string[] | undefined {
  const tagged = tagWords(ws, doc);
  if (ws.length <= maxWords) return !verb || hasMainVerb(tagged) ? ws : undefined;
  for (let end = maxWords; end >= 4; end--) if (wholeBefore(tagged, 0, end) && (!verb || hasMainVerb(tagged.slice(0, end)))) return ws.slice(0, end);
  return verb ? undefined : trimEnd(ws.slice(0, maxWords));
}

// Shortening a sentence into a headline that still reads as a whole phrase. With part-of-speech tags, a
// sentence is cut only where a constituent ends (before a conjunction, a relative word, a preposition
// after a noun, a comma or a dash; never after a verb that wants its object, a determiner, an
// adjective, a possessive or inside a name, a quotation or brackets), and may leave out what a
// headline leaves out: asides between commas or dashes (ages, relative clauses, appositions) and
// phrases of time ("on Tuesday", "last year").
import { tagIn, tagText, verbLemma, verbsTakenForNouns, type PosTag } from "../../text/pos.js";
import { contentTerms } from "../../text/terms.js";
import { memo } from "../../text/memo.js";

export interface Word {
  text: string;
  /** Its content-word stems (text/terms.ts). */
  terms: string[];
  /** The word lower-cased, without the marks around it ("Council's," -> "council's"). */
  low: string;
  /** Tag of the word's first and last token ("O'Neil's" is PROPN ... PART). */
  first: PosTag;
  last: PosTag;
}

// "than" completes a comparison ("less | than a day" is never cut or left out).
const ATTACHED = new Set(["of", "to", "for", "than"]);
// Words that open a clause which cannot be the headline's main one ("Hours after the vote ...").
const SUBORDINATE = new Set("after before when because although though if as since while until unless once whereas".split(" "));
const RELATIVE = new Set(["who", "whom", "whose", "which", "that", "where", "when"]);
const WH_CLAUSE = new Set(["how", "why", "whether"]);
const TIME_WORDS = new Set(
  (
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september " +
    "october november december week weeks weekend month months year years morning afternoon evening night day days hour hours " +
    "minute minutes season decade century time date today yesterday tomorrow earlier later"
  ).split(" "),
);
const bare = (w: string) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$/gu, "");
const isDash = (w: string) => /^[–—-]+$/.test(w);

/** What is read of one word form whatever its place: its content terms and its bare lower-case form. */
export interface WordForm {
  /** contentTerms of the word: the same array for the same word (unlike contentTerms's copy: do not change it). */
  terms: string[];
  /** The word lower-cased, without the marks around it. */
  low: string;
}

/**
 * The word's form, remembered per word (one look-up): the same words are looked at many times over a
 * title's runs, which read their terms for the bound and again in tagWords.
 */
export const wordForm: (w: string) => WordForm = memo((w) => ({ terms: contentTerms(w), low: bare(w).toLowerCase() }), 20_000);

/**
 * The words of a sentence (split on spaces) with their tags; tagged once per card when given the card's
 * Doc. `forms`, when given, are wordForm of each word (a caller that read them already).
 */
export function tagWords(words: readonly string[], card?: object, forms?: readonly WordForm[]): Word[] {
  const text = words.join(" ");
  const tokens = card ? tagIn(card, text) : tagText(text);
  // A verb the model took for a noun is read as the verb it is ("Videos show the ...").
  const verbs = verbsTakenForNouns(tokens);
  const out: Word[] = [];
  let t = 0;
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const end = at + w.length;
    // The word's first and last tags, not counting punctuation when it has other tokens.
    let first: PosTag | undefined, last: PosTag | undefined, firstAny: PosTag | undefined, lastAny: PosTag | undefined;
    for (; t < tokens.length && tokens[t]!.start < end; t++) {
      const pos = verbs.has(t) ? "VERB" : tokens[t]!.pos;
      firstAny ??= pos;
      lastAny = pos;
      if (pos !== "PUNCT") (first ??= pos), (last = pos);
    }
    const form = forms?.[i] ?? wordForm(w);
    out.push({ text: w, terms: form.terms, low: form.low, first: first ?? firstAny ?? "X", last: last ?? lastAny ?? "X" });
    at = end + 1;
  }
  return out;
}

/** Whether a new constituent starts at `next`, the word after `last`: a place a headline may stop before. */
function opensAfter(last: Word, next: Word): boolean {
  if (/[,;:]$/.test(last.text) || isDash(next.text)) return true;
  return next.first === "ADP" || next.first === "SCONJ" || next.first === "CCONJ" || next.low === "to" || RELATIVE.has(next.low);
}

const opensPhrase = (ws: readonly Word[], i: number) => opensAfter(ws[i - 1]!, ws[i]!);

/** Whether the words before `end` can stand as a headline: a whole phrase, all marks closed. */
export function wholeBefore(ws: readonly Word[], start: number, end: number): boolean {
  return end > start && stopsWhole(ws.slice(start, end), ws[end], ws[end + 1]);
}

/** "was seen by the council | as a danger": a verb of regarding wants its "as" phrase, kept and whole. */
const regarding = (ws: readonly Word[]) => ws.some((w) => /^(?:seen|regarded|viewed|described|considered|treated|branded|labelled|hailed|known|dismissed|criticised)$/.test(w.low));

/** Whether `kept` may end a headline when `next` (then `after`) is the word that followed it in the sentence. */
function stopsWhole(kept: readonly Word[], next: Word | undefined, after?: Word): boolean {
  const last = kept[kept.length - 1];
  if (!last) return false;
  const text = () => kept.map((w) => w.text).join(" ");
  if (!next) return balanced(text());
  if (!opensAfter(last, next)) return false;
  // "five | or more", "from 5 | to 10": a number's range or alternative goes with it.
  if (last.last === "NUM" && /^(?:or|to)$/.test(next.low)) return false;
  // "their friends | and families", "agree | and sign the deal": a bare noun or a verb after the
  // conjunction shares the words around it.
  if (next.first === "CCONJ" && after && !/,$/.test(last.text)) {
    if ((last.last === "NOUN" || last.last === "ADJ") && after.first === "NOUN" && /^\p{Ll}/u.test(after.text)) return false;
    if (last.last === "VERB" && after.first === "VERB" && !/(?:ed|en)$/.test(last.low)) return false;
  }
  if (next.low === "as" && regarding(kept.slice(-4))) return false;
  // Names joined by "and" are one subject or object ("Jo Pell | and Ana Roy"); "either | or", "between
  // ... | and" are one phrase.
  if (next.first === "CCONJ" && last.last === "PROPN" && after?.first === "PROPN" && /^\p{Lu}/u.test(after.text)) return false;
  if (next.low === "or" && kept.slice(-8).some((w) => w.low === "either")) return false;
  if (next.low === "and" && kept.slice(-6).some((w) => w.low === "between") && !kept.slice(kept.map((w) => w.low).lastIndexOf("between")).some((w) => w.low === "and")) return false;
  // A verb wants its that-clause ("the council decided | that ..."), and a participle after a comma its
  // object (", adding | that ...", ", saying | it ...").
  if (next.low === "that" && (last.last === "VERB" || last.last === "AUX")) return false;
  if (last.last === "VERB" && /ing$/.test(last.low) && /,$/.test(kept[kept.length - 2]?.text ?? "")) return false;
  // "the creation | of a cell" and "plans | to build" leave the phrase before unfinished.
  if (next.low === "of" || next.low === "to" && last.last !== "NOUN" && last.last !== "PROPN") return false;
  // A verb before a preposition wants what follows ("was put | in doubt", "looked | after").
  const ok = last.last === "NOUN" || last.last === "PROPN" || last.last === "NUM" || last.last === "PRON" || (last.last === "VERB" || last.last === "ADV") && next.first !== "ADP" && next.low !== "to";
  // A colon announces what comes next ("... and added: "); "that", "which" want their clause.
  if (!ok || possessive(last.text) || /:$/.test(last.text) || RELATIVE.has(last.low) || SUBORDINATE.has(last.low)) return false;
  if (/^\p{Lu}/u.test(bare(last.text)) && /^\p{Lu}/u.test(bare(next.text)) && !/[,;:]$/.test(last.text)) return false;
  // After a comma the sentence may go on with an aside or a list; stop only where a new clause or
  // modifier starts ("..., and", "..., which", "..., saying").
  const clauseNext = next.first === "CCONJ" || next.first === "SCONJ" || next.first === "ADP" || RELATIVE.has(next.low) || next.first === "VERB" && /ing$/.test(next.low) || isDash(next.text);
  if (/,$/.test(last.text) && !clauseNext) return false;
  return balanced(text());
}

/**
 * Whether words read as a headline: a verb of the main clause (not only one inside a relative clause
 * or an aside), and no opening preposition or subordinating word ("As the team ...", "For the club ...").
 */
export function hasMainVerb(ws: readonly Word[]): boolean {
  if (!ws.length || ws[0]!.first === "SCONJ" || ws[0]!.first === "ADP" || ws[0]!.first === "CCONJ") return false;
  let aside = false;
  for (const [i, w] of ws.entries()) {
    if (RELATIVE.has(w.low) || SUBORDINATE.has(w.low) || isDash(w.text)) aside = true;
    // "to play" is no finite verb, nor "of washing" or "the running".
    // An "-ing" form with no auxiliary is no finite verb either ("The crane lifting the nets ...").
    const gerund = /ing$/.test(w.low) && (ws[i - 1]?.first === "ADP" || ws[i - 1]?.first === "DET" || w.first === "VERB" && verbLemma(w.low) !== w.low);
    if (!aside && isVerb(w) && (ws[i - 1]?.low ?? "") !== "to" && !gerund) return clausesClosed(ws);
    if (/,$/.test(w.text)) aside = false;
  }
  return false;
}

/**
 * A verb, or a past tense the tagger took for a noun ("the lifeboat rescued six walkers"): nouns
 * seldom end in "-ed" ("bed", "speed" are short or end in "-eed").
 */
function isVerb(w: Word): boolean {
  return w.first === "VERB" || w.first === "AUX" || w.first === "NOUN" && /^\p{Ll}{2,}[^e]ed$/u.test(w.text);
}

/** Every clause the words open has its verb: no "... when a meeting" or "..., and after a month" at the end. */
function clausesClosed(ws: readonly Word[]): boolean {
  let open = false;
  // After "said" the clause reported wants a finite verb of its own ("which said selling homes | would raise").
  let reported = false;
  for (const [i, w] of ws.entries()) {
    const prev = ws[i - 1];
    // "which" after a comma is a relative word even where the tagger took it for a determiner; "how",
    // "why", "whether" open a clause of their own ("explore how ownership | and ...").
    const relative = RELATIVE.has(w.low) && (w.first !== "DET" || /,$/.test(prev?.text ?? ""));
    const opener = w.first === "SCONJ" || relative || WH_CLAUSE.has(w.low) || w.first === "CCONJ" && /,$/.test(prev?.text ?? "");
    // A noun in "-s" right after a relative word is its verb ("which ranks among ...").
    const verb = isVerb(w) || w.first === "NOUN" && /^\p{Ll}+s$/u.test(w.text) && !!prev && RELATIVE.has(prev.low);
    if (opener) open = true;
    else if (verb && !(reported && /ing$/.test(w.low))) {
      open = false;
      reported = /^(?:say|says|said)$/.test(w.low) && !/^(?:to|by)$/.test(ws[i + 1]?.low ?? "");
      if (reported) open = true;
    }
  }
  return !open;
}

/** "the council's", "the players'": the noun it owns comes next. */
function possessive(w: string): boolean {
  const b = bare(w);
  return /^[^‘']/.test(w) && (/\p{L}['’]s$/u.test(b) || /s['’]$/.test(b));
}

/** Quotation marks and brackets all closed. */
export function balanced(text: string): boolean {
  if ((text.match(/\(/g)?.length ?? 0) !== (text.match(/\)/g)?.length ?? 0)) return false;
  if ((text.match(/“/g)?.length ?? 0) !== (text.match(/”/g)?.length ?? 0)) return false;
  if ((text.match(/"/g)?.length ?? 0) % 2 === 1) return false;
  // Single marks: an opening one before a letter needs its closing one (apostrophes are inside words).
  const open = text.match(/(?:^|[\s(])‘(?=\p{L})/gu)?.length ?? 0;
  const close = text.match(/(?<=[\p{L}\p{N}.,!?])’(?!\p{L})/gu)?.length ?? 0;
  return open <= close;
}

export interface Chunk {
  from: number;
  to: number;
  /** A headline may leave it out: an aside or a phrase of time. */
  optional: boolean;
}

/** An aside from i: between a pair of commas or dashes, at most 12 words; its end, or -1. */
function asideEnd(ws: readonly Word[], i: number): number {
  const dash = isDash(ws[i]!.text);
  if (!dash && !/,$/.test(ws[i - 1]?.text ?? "")) return -1;
  const first = dash ? ws[i + 1] : ws[i];
  if (!first) return -1;
  const f = first.low;
  // An age, a relative clause, a participle, an apposition: "Jo Banks, 41,", ", who led the team,".
  const aside = first.first === "NUM" || RELATIVE.has(f) || f === "aged" || first.first === "DET" || first.first === "VERB" && /(?:ed|en|ing)$/.test(f);
  if (!aside && !dash) return -1;
  for (let j = dash ? i + 1 : i; j < ws.length && j - i < 13; j++) {
    if (dash ? j > i && isDash(ws[j]!.text) : /,$/.test(ws[j]!.text)) {
      // The sentence goes on with its verb after the aside.
      const after = ws[j + 1];
      // An age before the next name is an item of a list ("Jo Pell, 45, Ana Roy, 52, and ..."): it stays.
      const listed = first.first === "NUM" && after?.first === "PROPN" && /^\p{Lu}/u.test(after.text);
      return after && !listed && (dash || after.first === "VERB" || after.first === "AUX" || first.first === "NUM") ? j + 1 : -1;
    }
    if (/[;:]$/.test(ws[j]!.text)) return -1;
  }
  return -1;
}

/** A phrase of time from i ("on Tuesday", "in 2019", "last week"); its end, or -1. */
function timeEnd(ws: readonly Word[], i: number): number {
  let j = i;
  if (ws[j]?.first === "ADP" && ["on", "in", "at", "since", "during", "last", "this", "earlier"].includes(ws[j]!.low)) j++;
  else if (!["last", "this", "earlier"].includes(ws[i]!.low)) return -1;
  if (ws[j] && ["last", "this", "the", "a", "early", "late", "next"].includes(ws[j]!.low)) j++;
  const head = ws[j];
  if (!head) return -1;
  const h = head.low;
  const year = /^(?:1[89]|20)\d\d$/.test(h);
  if (!TIME_WORDS.has(h) && !year && !(head.first === "NUM" && TIME_WORDS.has((ws[j + 1]?.low ?? "")))) return -1;
  j += head.first === "NUM" && !year ? 2 : 1;
  // A date may go on: "on 1 April 2016", "in March 2019".
  while (ws[j] && (TIME_WORDS.has(ws[j]!.low) || /^(?:1[89]|20)\d\d$/.test(ws[j]!.low))) j++;
  return /[,;:]$/.test(ws[j - 1]!.text) || j >= ws.length || opensPhrase(ws, j) ? j : -1;
}

/** The phrases of ws[start..]: where a headline may stop, and which it may leave out. */
export function chunks(ws: readonly Word[], start: number): Chunk[] {
  const out: Chunk[] = [];
  let i = start;
  while (i < ws.length) {
    const skip = i > start ? Math.max(asideEnd(ws, i), timeEnd(ws, i)) : -1;
    if (skip > i) {
      out.push({ from: i, to: skip, optional: true });
      i = skip;
      continue;
    }
    let j = i + 1;
    // "the creation | of a cell", "plans | to build", "a bid | for the club" stay together.
    while (j < ws.length && (!opensPhrase(ws, j) || ATTACHED.has(ws[j]!.low) && !/[,;:]$/.test(ws[j - 1]!.text))) j++;
    // A preposition's phrase after a noun qualifies it and may go ("a vote | in the council").
    const prev = ws[i - 1];
    const adjunct = i > start && ws[i]!.first === "ADP" && !ATTACHED.has(ws[i]!.low) && !!prev && (prev.last === "NOUN" || prev.last === "PROPN") && !/[,;:]$/.test(prev.text) &&
      !(ws[i]!.low === "as" && regarding(ws.slice(Math.max(start, i - 4), i)));
    // One that ends on a comma opens a list ("a balance between the old, the new and ..."): it stays.
    out.push({ from: i, to: j, optional: adjunct && !/,$/.test(ws[j - 1]!.text) });
    i = j;
  }
  return out;
}

/**
 * Shortened forms of ws[start..] that fit `maxWords` and read whole: its phrases from the first,
 * leaving out optional ones and stopping where a phrase ends. At most `limit` forms.
 */
export function shortenings(ws: readonly Word[], start: number, maxWords: number, limit = 48): Word[][] {
  const cs = chunks(ws, start);
  const out: Word[][] = [];
  // `closed`: the last word kept ends an aside kept whole, so its comma stays ("Jo Banks, 41, said").
  const walk = (k: number, kept: Word[], closed: boolean): void => {
    if (out.length >= limit) return;
    const at = cs[k]?.from ?? ws.length;
    if (kept.length && stopsWhole(kept, ws[at], ws[at + 1]) && hasMainVerb(kept)) out.push(kept);
    if (k === cs.length) return;
    const c = cs[k]!;
    const next = cs[k + 1];
    // What follows a left-out phrase must not lean on it ("a deal | in May | who ...").
    // A conjunction too: "a key to the shed | in case the lock jams | or breaks".
    const leans = next && !next.optional && (RELATIVE.has(ws[next.from]!.low) || ws[next.from]!.first === "PART" || ws[next.from]!.first === "CCONJ");
    // So does a phrase that opens with a preposition after a left-out phrase that is no aside between
    // commas: it may belong to the words left out ("slipped a disc | after a crash | with a rival").
    const attaches = next && (ws[next.from]!.first === "ADP" || ws[next.from]!.first === "SCONJ") && !/[,;:]$/.test(ws[c.to - 1]!.text) && !isDash(ws[c.to - 1]!.text) && ws.slice(c.from, c.to).some((w) => w.first === "VERB");
    // Leaving out comes first, so that of two forms worth the same the shorter is kept.
    if (c.optional && kept.length && !leans && !attaches) {
      // Leaving out an aside between commas takes its opening comma too.
      const last = kept[kept.length - 1]!;
      const trim = !closed && /,$/.test(last.text) && /,$/.test(ws[c.to - 1]!.text);
      walk(k + 1, trim ? [...kept.slice(0, -1), { ...last, text: last.text.slice(0, -1) }] : kept, closed && !trim);
    }
    if (kept.length + c.to - c.from <= maxWords) walk(k + 1, [...kept, ...ws.slice(c.from, c.to)], c.optional);
  };
  walk(0, [], false);
  return out;
}

const SUBJECT_TAGS: ReadonlySet<PosTag> = new Set(["DET", "PROPN", "NUM", "NOUN", "PRON"]);

/**
 * Where a run may start: the sentence's start, after a fronted phrase of time ("In 2019 the club ..."),
 * and where a clause with its own subject and verb starts after a comma, colon, dash, "that" or "said"
 * ("police said the man had ..." gives "the man had ...", as headlines drop attributions).
 */
export function clauseStarts(ws: readonly Word[]): number[] {
  const starts = [0];
  const fronted = ws.length ? timeEnd(ws, 0) : -1;
  if (fronted > 0 && fronted < ws.length) starts.push(fronted);
  for (let i = 1; i < ws.length; i++) {
    const prev = ws[i - 1]!.text;
    const opener = /[,;:]$/.test(prev) || isDash(prev) || /^(?:that|said|says)$/i.test(prev);
    if (!opener || !SUBJECT_TAGS.has(ws[i]!.first) || RELATIVE.has(ws[i]!.low)) continue;
    // A noun before a determiner is a verb the tagger misread ("..., however, use a key to ...").
    if (ws[i]!.first === "NOUN" && /^\p{Ll}/u.test(ws[i]!.text) && ws[i + 1]?.first === "DET") continue;
    // Not an age or a figure in apposition ("Jo Banks, 15, are ..."), not the next item of a list of names.
    if (/^\d[\d.,]*,$/.test(ws[i]!.text)) continue;
    if (/,$/.test(prev) && /^\p{Lu}/u.test(bare(prev)) && /^\p{Lu}/u.test(bare(ws[i]!.text)) && i > 1) continue;
    // A clause: a verb comes before the next comma.
    let verb = false;
    for (let j = i; j < ws.length && !verb; j++) {
      if (ws[j]!.first === "VERB" || ws[j]!.first === "AUX") verb = true;
      if (/[,;:]$/.test(ws[j]!.text)) break;
    }
    if (verb && !starts.includes(i)) starts.push(i);
  }
  return starts;
}

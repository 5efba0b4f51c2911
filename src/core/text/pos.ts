// Part-of-speech tags from wink-nlp's English model (a tagger that ships its model in the npm package:
// offline, CPU only, about a millisecond for a 600-word article). Made on first use, not at import.
import winkNLP, { type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { memo } from "./memo.js";

/** Universal Dependencies part-of-speech tags, as the model gives them. */
export type PosTag =
  | "ADJ" | "ADP" | "ADV" | "AUX" | "CCONJ" | "DET" | "INTJ" | "NOUN" | "NUM" | "PART"
  | "PRON" | "PROPN" | "PUNCT" | "SCONJ" | "SYM" | "VERB" | "X" | "SPACE";

export interface TaggedToken {
  text: string;
  /** Offsets into the text given to `tagText`. */
  start: number;
  end: number;
  pos: PosTag;
  /** The dictionary form ("said" -> "say", "floods" -> "flood"), lower case. */
  lemma: string;
}

let nlp: WinkMethods | undefined;
// wink-nlp adds every word form it has not met to its instance's lexicon and keeps it for the life of
// the instance (measured: about 25 MB of heap per 200,000 new forms). Over a long ingest of news, where
// every new name and number is a new form, that grows without bound, so the tagger is made anew once it
// has read `renewAfter` tokens (a few thousand articles; making one costs a few hundred ms). Its tags do
// not depend on what an instance read before (test/core/text/pos.test.ts, pos-pure.test.ts).
const RENEW_AFTER_TOKENS = 2_000_000;
let renewAfter = RENEW_AFTER_TOKENS;
let readByThis = 0;
let made = 0;

// wink-eng-lite-web-model's metaCER() JSON-encodes its table again on every call (it keeps the result in
// its own variable), so the table doubles with each tagger made and the 21st fails ("Invalid string
// length") after holding hundreds of MB. It is read once and handed to every instance.
let metaCER: unknown;
const readMetaCER = () => (metaCER ??= (model.metaCER as () => unknown)());

function tagger(): WinkMethods {
  if (!nlp || readByThis >= renewAfter) {
    // The model's parts are looked up when a tagger is made (a bench hands new instances a copy of one core).
    nlp = winkNLP({ ...model, metaCER: readMetaCER }, ["pos"]);
    readByThis = 0;
    made++;
  }
  return nlp;
}

/** Makes the tagger anew before the next text (for checks that a card does not depend on the texts tagged before it). */
export function renewTagger(): void {
  nlp = undefined;
}

/** How many tagger instances were made so far, and the tokens the current one has read (for tests and benches). */
export function taggerState(): { made: number; tokens: number } {
  return { made, tokens: readByThis };
}

/** Sets after how many tokens read the tagger is made anew (the default when no number is given). */
export function renewTaggerAfter(tokens: number = RENEW_AFTER_TOKENS): void {
  renewAfter = tokens;
}

/** The tokens of `text` with their part of speech and lemma (tagged anew each call: see `tagIn`). */
export function tagText(text: string): readonly TaggedToken[] {
  return tagUncached(text);
}

// Several extractors of one card tag the same sentence (figures/describe once per figure in it, the
// title a unit's words more than once): the texts a card tags are kept with that card's Doc, so each is
// tagged once per card and all are dropped with the card (nothing outlives it, nothing grows across an ingest).
const perCard = new WeakMap<object, Map<string, readonly TaggedToken[]>>();

/** `tagText(text)` remembered for as long as `card` lives (a card's Doc): the same array for the same text. */
export function tagIn(card: object, text: string): readonly TaggedToken[] {
  let tags = perCard.get(card);
  if (!tags) perCard.set(card, (tags = new Map()));
  let hit = tags.get(text);
  if (!hit) tags.set(text, (hit = tagUncached(text)));
  return hit;
}

/** True for the tags of nouns and names. */
export function isNounTag(pos: PosTag): boolean {
  return pos === "NOUN" || pos === "PROPN";
}

type WinkTokens = ReturnType<ReturnType<WinkMethods["readDoc"]>["tokens"]>;

/**
 * The lemmas of one tagged text, read from wink's tokens when a token's lemma is first asked for: the
 * figure reader asks, the title's phrases never do. Wink's tokens are dropped once read.
 */
class Lemmas {
  #tokens: WinkTokens | undefined;
  #lemmas: string[] | undefined;
  constructor(tokens: WinkTokens) {
    this.#tokens = tokens;
  }
  at(i: number): string {
    if (!this.#lemmas) {
      const its = nlp!.its;
      this.#lemmas = this.#tokens!.out(its.lemma as unknown as typeof its.pos).map((l) => String(l).toLowerCase());
      this.#tokens = undefined;
    }
    return this.#lemmas[i]!;
  }
}

class Tagged implements TaggedToken {
  readonly #lemmas: Lemmas;
  readonly #i: number;
  constructor(readonly text: string, readonly start: number, readonly end: number, readonly pos: PosTag, lemmas: Lemmas, i: number) {
    this.#lemmas = lemmas;
    this.#i = i;
  }
  get lemma(): string {
    return this.#lemmas.at(this.#i);
  }
}

// wink's tokenizer splits a possessive "'s" from its word ("Orvane's car": Orvane, 's) except when a
// punctuation mark follows it ("Orvane's, then"): there it reads "Orvane's" as one new word, adds it to the
// instance's lexicon, and from then on reads every "Orvane's" as one word, so a text's tokens (and a card)
// depended on the texts read before it. A space put after such an "'s" makes wink split it as anywhere
// else ("It's," stays the contraction "It", "'s"); the spaces are taken out of the offsets again.
const POSSESSIVE_BEFORE_MARK = /[\p{L}\p{N}]['’][sS](?=[^\s\p{L}\p{N}])/gu;

/** `text` with a space after each "'s" that a punctuation mark follows, and where those spaces are in it. */
function possessivesApart(text: string): { read: string; spaces: number[] } {
  const spaces: number[] = [];
  let read = "";
  let from = 0;
  for (const m of text.matchAll(POSSESSIVE_BEFORE_MARK)) {
    const end = m.index + m[0].length;
    read += text.slice(from, end) + " ";
    spaces.push(read.length - 1);
    from = end;
  }
  return spaces.length ? { read: read + text.slice(from), spaces } : { read: text, spaces };
}

function tagUncached(text: string): TaggedToken[] {
  const nlp = tagger();
  const its = nlp.its;
  const { read, spaces: added } = possessivesApart(text);
  // One pass of wink's collection per property: cheaper than an item object and four reads per token.
  const tokens = nlp.readDoc(read).tokens();
  const texts = tokens.out();
  readByThis += texts.length;
  const spaces = tokens.out(its.precedingSpaces);
  const tags = tokens.out(its.pos) as PosTag[];
  const lemmas = new Lemmas(tokens);
  const out = new Array<TaggedToken>(texts.length);
  let at = 0;
  let shift = 0; // spaces of ours before the token
  for (let i = 0; i < texts.length; i++) {
    const token = texts[i]!;
    at += spaces[i]!.length;
    // The tokenizer keeps the text's characters; look the token up to stay aligned even if it did not.
    const found = read.startsWith(token, at) ? at : read.indexOf(token, at);
    const start = found >= 0 ? found : at;
    while (shift < added.length && added[shift]! < start) shift++;
    out[i] = new Tagged(token, start - shift, start - shift + token.length, tags[i]!, lemmas, i);
    at = start + token.length;
  }
  return out;
}

interface Lemmatizer {
  verb(word: string): string;
}
let lemmatizer: Lemmatizer | undefined;
// Verb lemmas looked up once per word form (keyed on the word as given: the lemma depends on its lower
// case only, and most words come lower-cased).
const verbLemmas = memo((word) => {
  const w = word.toLowerCase();
  lemmatizer ??= require("wink-lemmatizer") as Lemmatizer;
  return /^[a-z]+$/.test(w) ? lemmatizer.verb(w) : w;
}, 20_000);
let lastVerb: string | undefined;
let lastLemma = "";

/**
 * The dictionary form of a word read as a verb ("quipped" -> "quip", "shot" -> "shoot", "said" -> "say"),
 * lower case, from wink-lemmatizer: the same English morphology wink-nlp gives its tokens' lemmas, without
 * tagging a whole text (which costs several milliseconds an article). For words the caller already
 * expects to be verbs by position; a noun gives its own form or a verb stem.
 */
export function verbLemma(word: string): string {
  // Callers often ask twice running for one word.
  if (word === lastVerb) return lastLemma;
  const l = verbLemmas(word);
  lastVerb = word;
  lastLemma = l;
  return l;
}

// Object pronouns: after a noun they follow a verb ("The coaches thank them").
const OBJECT_PRONOUN = /^(?:him|them|us|me)$/i;
// Where a clause starts again: a verb before it belongs to another clause.
const CLAUSE_BREAK: ReadonlySet<PosTag> = new Set(["PUNCT", "SCONJ", "CCONJ"]);

/**
 * Indexes of tokens the model tagged as nouns that the words around them show to be verbs: a lower-case
 * "noun" right after the subject's noun or name and right before a determiner, a number or an object
 * pronoun, in a clause with no verb yet ("Videos show the ...", "The app extracts the ...", "Storms
 * bring 40 ..."). Two nouns and then a determiner seldom follow each other otherwise.
 */
export function verbsTakenForNouns(tokens: readonly { text: string; pos: PosTag }[]): Set<number> {
  const out = new Set<number>();
  let verbSeen = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (CLAUSE_BREAK.has(t.pos)) verbSeen = false;
    if (t.pos === "VERB" || t.pos === "AUX") verbSeen = true;
    if (verbSeen || t.pos !== "NOUN" || !/^\p{Ll}+$/u.test(t.text) || i === 0) continue;
    const prev = tokens[i - 1]!;
    const next = tokens[i + 1];
    if (prev.pos !== "NOUN" && prev.pos !== "PROPN" || !next) continue;
    // The verb agrees with the noun before it: "-s" after one thing ("The app extracts"), the bare form after
    // several ("Videos show"), a past after either ("The lifeboat rescued"). "Net loss 5", "Korea return" are no clause.
    const lemma = verbLemma(t.text);
    const several = prev.pos === "NOUN" && /[^s]s$/.test(prev.text.toLowerCase()) || /(?:men|people|police|children)$/i.test(prev.text);
    const form = lemma === t.text ? (several ? "bare" : undefined) : /[^s]s$/.test(t.text) ? (several ? undefined : "s") : "past";
    if (!form) continue;
    // A capitalised "The" opens a name in apposition ("Activist group The Harbour Trust"), not an object.
    if (next.pos === "DET" && /^\p{Ll}/u.test(next.text) || next.pos === "NUM" || next.pos === "PRON" && OBJECT_PRONOUN.test(next.text)) {
      out.add(i);
      verbSeen = true;
    }
  }
  return out;
}

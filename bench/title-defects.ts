// What makes a generated title read as less than a complete phrase (issue 11), told from the title
// alone with the project's part-of-speech tagger: no finite verb, a dangling last word, an opening
// attribution, a subject and verb that disagree. Pure: title-check.ts builds the cards and prints.
import { tagText, verbLemma, verbsTakenForNouns, type TaggedToken } from "../src/core/text/pos.js";

export type TitleDefect = "no-verb" | "dangling" | "attribution" | "agreement";

// Finite forms of the auxiliaries (and their contractions as wink splits them: "'s", "'re", "wo" of "won't").
const FINITE_AUX = new Set("is are was were am has have had will would shall should can could may might must do does did 's 're 've 'm 'll 'd wo ca".split(" "));
// Words after which a verb is no finite one: "to play", "will play", "has played", "is playing".
const NON_FINITE_AFTER = new Set(["to", ...FINITE_AUX, "be", "been", "being", "not", "n't"]);
// A possessive "'s" is no auxiliary: "Christie's sold ..." has its verb.
const nonFiniteAfter = (t: { text: string; pos: TaggedToken["pos"] }) => NON_FINITE_AFTER.has(t.text.toLowerCase()) && !(/^['’]s$/.test(t.text) && t.pos !== "AUX");
// A title may not end on these: it was cut before the words they want.
const ARTICLES = new Set(["a", "an", "the"]);
// Prepositions that always want an object ("in", "on", "up", "off", "out", "over", "down" end phrasal verbs: "stepped in").
const PREPOSITIONS = new Set("of to for with from into onto at by about than as between among against during without via per towards toward within across upon despite including".split(" "));
const CONJUNCTIONS = new Set("and or but nor because although though while whereas unless if that which who whose whom when where".split(" "));
const POSSESSIVE_WORDS = new Set(["his", "her", "their", "its", "my", "our", "your"]);
// "X said, ...", "X told reporters: ...", "According to X, ...": who said it opens the title.
const ATTRIBUTION = /^(?:according to\b[^,]{1,60},|(?:\S+\s+){0,7}?(?<!\bto (?:have )?)(?:said|says|added|adds|told|tells|wrote|writes|stated|explained|warned|insisted|argued|claimed|tweeted)\b(?:\s+\S+){0,3}?\s*(?:[,:]|["“‘]|that\b))/i;
const SINGULAR_PRONOUN = new Set(["he", "she", "it", "this", "that"]);
const PLURAL_PRONOUN = new Set(["they", "we", "you", "these", "those"]);

const bare = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}']+|[^\p{L}\p{N}']+$/gu, "");
const isVerbTag = (t: { pos: TaggedToken["pos"] }) => t.pos === "VERB" || t.pos === "AUX";

/** The tokens without punctuation. */
function wordsOf(title: string): { text: string; pos: TaggedToken["pos"] }[] {
  const tokens = tagText(title);
  // A verb the model took for a noun, by the words around it (as the title's phrases read it).
  const verbs = verbsTakenForNouns(tokens);
  return tokens.map((t, i) => ({ text: t.text, pos: verbs.has(i) ? ("VERB" as const) : t.pos })).filter((t) => t.pos !== "PUNCT" && /[\p{L}\p{N}]/u.test(t.text));
}

/**
 * Whether the title has a finite verb: a finite auxiliary ("has", "was", "will"), or a verb that no
 * "to" or auxiliary comes before and that is no "-ing" form ("Police arrest", "A storm closed").
 */
export function hasFiniteVerb(title: string): boolean {
  const ws = wordsOf(title);
  return ws.some((t, i) => {
    const low = t.text.toLowerCase();
    if (t.pos === "AUX") return FINITE_AUX.has(low);
    // An "-ing" form is no finite verb; "bring", "sing" are ("-ing" is their stem).
    if (t.pos !== "VERB" || /ing$/.test(low) && verbLemma(low) !== low) return false;
    // Adverbs between ("has also said", "to quickly end") do not change what went before.
    let k = i - 1;
    while (k >= 0 && ws[k]!.pos === "ADV" && !nonFiniteAfter(ws[k]!)) k--;
    return k < 0 || !nonFiniteAfter(ws[k]!);
  });
}

/** The last word when the title ends on one that wants more: an article, a preposition, a conjunction, a possessive. */
export function danglingEnd(title: string): string | undefined {
  const words = title.trim().split(/\s+/);
  const raw = words[words.length - 1] ?? "";
  const last = bare(raw);
  if (!last || /[.!?"”’)]$/.test(raw) && !/['’]$/.test(raw)) return undefined;
  if (ARTICLES.has(last) || PREPOSITIONS.has(last) || CONJUNCTIONS.has(last) || POSSESSIVE_WORDS.has(last)) return last;
  // "the players'" is a possessive; "... at all costs'" closes a quotation opened earlier.
  const quoting = /(?:^|\s)['‘]\p{L}/u.test(title);
  if (/\p{L}['’]s$/u.test(last) || /s['’]$/.test(raw) && !quoting) return last;
  return undefined;
}

/** Whether the title opens with who said it ("A spokesman said, ...", "According to police, ..."). */
export function opensWithAttribution(title: string): boolean {
  return ATTRIBUTION.test(title.trim());
}

/** Whether a plural noun ends the noun phrase before `i` and heads it (not "one of the players"). */
function pluralSubject(ws: readonly { text: string; pos: TaggedToken["pos"] }[], i: number): boolean {
  const n = ws[i - 1];
  if (!n || n.pos !== "NOUN" || !/^\p{Ll}/u.test(n.text)) return false;
  // Plurals in "-s" and without one ("fishermen", "people", "children").
  const plural = /s$/.test(n.text) && !/(?:ss|us|is|news|series|species|ics)$/.test(n.text) || /(?:men|people|children)$/.test(n.text);
  if (!plural) return false;
  let k = i - 2;
  while (k >= 0 && /^(?:DET|ADJ|NOUN|NUM|PROPN)$/.test(ws[k]!.pos)) k--;
  return k < 0 || ws[k]!.pos !== "ADP";
}

/**
 * The first "subject verb" pair that disagrees: "he have", "it are", "they has", "two men has". Only
 * pronouns for singulars: a collective noun takes either ("the council have" is British usage).
 */
export function disagreement(title: string): string | undefined {
  const ws = wordsOf(title);
  for (let i = 1; i < ws.length; i++) {
    const v = ws[i]!.text.toLowerCase();
    if (!isVerbTag(ws[i]!) && !/^(?:has|have|is|are)$/.test(v)) continue;
    const s = ws[i - 1]!.text.toLowerCase();
    const pair = `${ws[i - 1]!.text} ${ws[i]!.text}`;
    // "that" after a noun is a relative word ("the rules that have ..."): its verb agrees with the noun.
    if (SINGULAR_PRONOUN.has(s) && /^(?:have|are|were)$/.test(v) && !(s === "that" && i > 1 && /^(?:NOUN|PROPN|PRON)$/.test(ws[i - 2]!.pos))) return pair;
    if (PLURAL_PRONOUN.has(s) && /^(?:has|is|was)$/.test(v)) return pair;
    if (/^(?:has|is|was)$/.test(v) && pluralSubject(ws, i)) return pair;
  }
  return undefined;
}

/** Everything wrong with one title, each defect once, in a fixed order. */
export function titleDefects(title: string): { defect: TitleDefect; detail?: string }[] {
  const out: { defect: TitleDefect; detail?: string }[] = [];
  if (!hasFiniteVerb(title)) out.push({ defect: "no-verb" });
  const end = danglingEnd(title);
  if (end) out.push({ defect: "dangling", detail: end });
  if (opensWithAttribution(title)) out.push({ defect: "attribution" });
  const pair = disagreement(title);
  if (pair) out.push({ defect: "agreement", detail: pair });
  return out;
}

// The attribution grammar: where, around a quote, the speech verb is and who its speaker is.
//   "..., Blinken said"   "..., said Blinken"   "..., Hugh Hill, a doctor at the clinic, said"
//   "According to Hill, ..."   "Hill said: ..."   "... ― Hill"   "... was quoted as saying by Hill"
import type { Mention, Token } from "../entities.js";
import { ADVERBS, DETERMINERS, PARTIAL_CUES, PERSON_NOUNS, PHRASAL, PRONOUNS, SPEECH_VERBS, speakerNoun } from "./lexicon.js";
import { ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "../entities/lexicon.js";
import { verbLemma } from "../../text/index.js";
import { nominalAfter, objectAfter } from "./object.js";

export const personNoun = (w: string) => ROLE_NOUNS.has(w) || TITLES.has(w) || PERSON_NOUNS.has(w) || /^[a-z-]{3,}(er|or|ist|ian)$/.test(w);

export type RefKind = "name" | "pronoun" | "nominal";

/** The words that name the speaker, before they are resolved to an entity. */
export interface SpeakerRef {
  kind: RefKind;
  /** Token range [from, to). */
  from: number;
  to: number;
  text: string;
  mention?: Mention;
}

export interface Cue {
  /** The verb or phrase as written ("said", "according to", "―"). */
  text: string;
  verb: number;
  speaker: SpeakerRef;
  inverted: boolean;
}

export interface GrammarContext {
  text: string;
  tokens: readonly Token[];
  /** Mentions by their first and by their last token. */
  mentionFrom: ReadonlyMap<number, Mention>;
  mentionTo: ReadonlyMap<number, Mention>;
  isPerson: (m: Mention) => boolean;
  /** A single word is the name of a person the article names in full ("Small" after "Ada Small"). */
  personNamed?: (word: string) => boolean;
  /** Capitalised words the text also writes inside sentences: names, not sentence-opening words. */
  midCaps: ReadonlySet<string>;
}

export const SUBJECT_PRONOUN = (w: string) => w !== "him" && w !== "her" && w !== "his" && w !== "its" && w !== "their";

// Verbs after which the next name is the listener, not the speaker ("told reporters", "asked Trump").
export const TO_LISTENER = new Set(["told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "urged", "urge", "urges", "reminded", "warned", "informed", "assured", "challenged", "accused"]);
// Right after a quote, "asked Ada Moss" names the one asking; "told Ada Moss" still the listener.
const TELL_ASK = new Set(["tell"]);
// Verbs an infinitive of saying hangs on ("wants to say", "has to admit"), besides those in -ed and -ing.
const TO_VERBS = new Set(["want", "wants", "seem", "seems", "appear", "appears", "try", "tries", "need", "needs", "has", "have", "had", "is", "are", "went", "got", "began", "chose"]);
export const STOP_NP = new Set(["in", "on", "at", "during", "after", "before", "to", "of", "for", "from", "with", "about", "that", "and", "but", "as", "when", "while", "because", "if", "who", "which", "this", "last", "earlier", "later", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tonight", "recently", "amid", "among", "despite", "into", "over", "under", "across", "near", "outside", "inside", "through", "via", "per", "within", "without", "between", "against", "toward", "towards", "upon", "onto", "around", "behind", "beyond", "like", "unlike", "by", "than"]);
// Words in -ly that are nouns ("the family said"), not adverbs ("boldly suggested").
const LY_NOUNS = new Set(["family", "rally", "ally", "assembly", "supply", "anomaly", "monopoly", "daily", "weekly", "monthly", "quarterly", "bully", "reply", "july", "italy", "fly"]);
export const isAdverb = (t: Token) => !t.cap && /ly$/.test(t.norm) && t.norm.length > 4 && !LY_NOUNS.has(t.norm);
const PASSIVE_AUX = new Set(["was", "were", "is", "are", "been", "being", "be", "quoted", "as"]);
// Verbs of habit and phase, in the forms that cannot be a preposition ("likes", not "like").
const HABIT = new Set("likes liked loves loved keeps kept continues continued tends tended begins began starts started".split(" "));
// Capitalised words that are no name when they head a phrase ("The", "He").
export const NOT_NAMES_CAP = new Set(["the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "i"]);
// Verbs and adverbs that can end a run of words before a speech verb but never head a noun phrase.
export const NOT_HEADS = new Set(["was", "is", "has", "does", "says", "were", "are", "had", "did", "be", "been", "being", "also", "then", "still", "just", "even", "not", "never", "will", "would", "could", "should", "can", "may", "might", "must", "who", "which"]);

const AUXILIARIES = new Set(["is", "was", "are", "were", "be", "been", "am", "kept", "keeps", "started", "began", "continued", "continues"]);
// A name after these is the object of a preposition or inside a noun phrase, not a subject.
const NOT_BEFORE_SUBJECT = new Set(["of", "the", "at", "in", "by", "for", "to", "from", "with", "on", "about", "against", "a", "an", "under", "over", "after", "before", "like", "than", "behind", "beside", "between", "among", "toward", "towards", "through", "during", "since", "until", "within", "without", "near", "alongside", "including"]);
// Before these a speech verb is a noun ("the following comment", "Clinton's remark").
const NOUN_MARKERS = new Set(["the", "a", "an", "his", "her", "their", "its", "our", "your", "my", "this", "that", "these", "those", "following", "such", "many", "some", "any", "no", "of", "whose", "two", "several", "recent", "public", "new", "latest", "first", "same"]);

const isVerbAt = (tokens: readonly Token[], i: number, partial: boolean): boolean => {
  const t = tokens[i]!;
  if (!t.word || t.cap && i > 0 && tokens[i - 1]!.sentence === t.sentence && tokens[i - 1]!.word) return false;
  const prev = tokens[i - 1];
  if (prev && prev.sentence === t.sentence && (NOUN_MARKERS.has(prev.norm) || prev.possessive)) return false;
  const particles = PHRASAL.get(t.norm);
  if (particles) return particles.has(tokens[i + 1]?.norm ?? "");
  return SPEECH_VERBS.has(t.norm) || (partial && PARTIAL_CUES.has(t.norm));
};

/** The noun phrase that ends at token `j` (inclusive), the subject of a verb after it. */
export function subjectEndingAt(ctx: GrammarContext, j: number, lo: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  // Adverbs and auxiliaries between subject and verb: "he also said", "he was once quoted as saying"; a verb
  // of habit or phase before the verb of saying: "Mr Moss likes saying", "she kept saying", "he began to say".
  while (j >= lo && (ADVERBS.has(tokens[j]!.norm) || isAdverb(tokens[j]!) || PASSIVE_AUX.has(tokens[j]!.norm) ||
    HABIT.has(tokens[j]!.norm) || (tokens[j]!.norm === "to" && HABIT.has(tokens[j - 1]?.norm ?? "")))) j--;
  if (j < lo) return undefined;
  let t = tokens[j]!;
  // "Trump, who said": the relative pronoun stands for the name before it.
  if (t.norm === "who" && tokens[j - 1]?.text === "," && j - 2 >= lo) return subjectEndingAt(ctx, j - 2, lo);
  // A parenthesis after the name ("Rep. Joan Pike (D-Ore.)").
  if (t.text === ")") {
    let k = j - 1;
    while (k >= lo && tokens[k]!.text !== "(" && j - k < 12) k--;
    if (k > lo && tokens[k]!.text === "(") return subjectEndingAt(ctx, k - 1, lo);
  }
  // An appositive: "Hill, a doctor at the clinic, said" -> the name before the first comma.
  if (t.text === "," || t.text === "-" || t.text === "—" || t.text === "–") {
    let k = j - 1;
    let commas = 0;
    let body: Mention | undefined;
    for (; k >= lo && j - k < 45; k--) {
      const u = tokens[k]!;
      if (u.text === "," && ++commas > 3) break;
      // A full stop ends the search, unless it closes an abbreviation ("R-Ky.", "Mr.").
      if (u.text === "." && !(tokens[k - 1] && tokens[k - 1]!.cap && tokens[k - 1]!.text.length <= 5)) break;
      if (u.text === ";" || u.text === ":") break;
      if (/^["“”]$/.test(u.text)) {
        // A short quoted phrase inside the appositive ("Ada Moss, wearing “Vote Moss” pins, said") is passed over.
        let o = k - 1;
        while (o >= lo && k - o <= 8 && !/^["“”]$/.test(tokens[o]!.text)) o--;
        if (u.text === "“" || o < lo || k - o > 8 || tokens[o]!.text === "”" || o - 1 < lo || !tokens[o - 1]!.word) break;
        k = o;
        continue;
      }
      const m = ctx.mentionTo.get(k);
      const nextText = tokens[k + 1]?.text ?? "";
      if (m && /^[,(\-—–]$/.test(nextText) && (m.from <= lo || !NOT_BEFORE_SUBJECT.has(tokens[m.from - 1]!.norm))) {
        // "Ada Moss, a columnist for the Daily Planet, wrote": the body ending the appositive is no
        // subject when a person stands before it; the first person found is.
        if (ctx.isPerson(m)) return { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
        body ??= m;
      }
    }
    if (body) return { kind: "name", from: body.from, to: body.to, text: ctx.text.slice(body.start, body.end), mention: body };
    // A pronoun or description with an appositive: "he, a veteran of the war, said".
    const first = tokens[k + 1];
    if (first && first.word && PRONOUNS.has(first.norm) && tokens[k + 2]?.text === ",") return { kind: "pronoun", from: k + 1, to: k + 2, text: first.text };
    return undefined;
  }
  if (!t.word) return undefined;
  const relative = relativeAntecedent(ctx, j, lo);
  if (relative) return relative;
  const m = ctx.mentionTo.get(j);
  if (m && m.from >= lo) return ofSomeone(ctx, m.from, j, lo) ?? personOf(ctx, m, lo) ?? { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
  const p = PRONOUNS.get(t.norm);
  if (p) return SUBJECT_PRONOUN(t.norm) ? { kind: "pronoun", from: j, to: j + 1, text: t.text } : undefined;
  // A description: back to its determiner ("the senior US official", "the ad's narrator"). A verb of
  // saying ends it, but not a capitalised one inside it, a name ("the Herald editor").
  let k = j;
  while (k > lo && j - k < 8) {
    const u = tokens[k - 1]!;
    if (!u.word || STOP_NP.has(u.norm) || (SPEECH_VERBS.has(u.norm) && !u.cap)) break;
    k--;
    if (DETERMINERS.has(u.norm)) break;
  }
  t = tokens[k]!;
  const head = tokens[j]!;
  if (NOT_HEADS.has(head.norm) || isAdverb(head)) return undefined;
  // The head must name someone: a person, a body, a document, or a capitalised name.
  const nounish = speakerNoun(head.norm) || (head.cap && !NOT_NAMES_CAP.has(head.norm));
  // "an official at the port said": a person noun before the preposition speaks for the place.
  if (!nounish || STOP_NP.has(head.norm)) return STOP_NP.has(head.norm) ? undefined : ofSomeone(ctx, k, j, lo);
  const mid = ctx.mentionFrom.get(k);
  if (mid && mid.to === j + 1) return { kind: "name", from: k, to: j + 1, text: ctx.text.slice(mid.start, mid.end), mention: mid };
  // "Ada Moss of The Daily Planet said", the body's name not known as one.
  const of = head.cap ? personOf(ctx, undefined, lo, tokens[k]!.norm === "the" ? k + 1 : k) : undefined;
  return ofSomeone(ctx, k, j, lo) ?? of ?? { kind: "nominal", from: k, to: j + 1, text: ctx.text.slice(tokens[k]!.start, tokens[j]!.end) };
}

/**
 * A relative clause the writer did not close with a comma: "Ada Moss, who chairs the Acme board said",
 * "Ada Moss, the analyst who founded Acme said". The person before the comma is the subject.
 */
function relativeAntecedent(ctx: GrammarContext, j: number, lo: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  let w = j;
  while (w > lo && j - w < 15 && tokens[w]!.norm !== "who" && tokens[w]!.text !== "," && !/^["“”;:.()\-—–]$/.test(tokens[w]!.text)) w--;
  // "Moss, who he dubbed ...": a subject after "who" makes its antecedent the object, no speaker.
  const after = tokens[w + 1]!;
  if (w <= lo || w === j || tokens[w]!.norm !== "who" || PRONOUNS.has(after.norm) || ctx.mentionFrom.has(w + 1) || !(tokens[j]!.cap || ctx.mentionTo.has(j) || speakerNoun(tokens[j]!.norm) || /\.[a-z]{2,}$/.test(tokens[j]!.text))) return undefined;
  let c = w - 1;
  while (c > lo && w - c <= 6 && tokens[c]!.text !== "," && tokens[c]!.word && !tokens[c]!.cap) c--;
  if (tokens[c]?.text !== "," || (c < w - 1 && !DETERMINERS.has(tokens[c + 1]!.norm))) return undefined;
  const m = ctx.mentionTo.get(c - 1);
  if (!m || m.from < lo || !ctx.isPerson(m)) return undefined;
  return { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
}

/** "Ada Moss of the Daily Planet said": a person named before the body they are of speaks, not the body. */
function personOf(ctx: GrammarContext, m: Mention | undefined, lo: number, from: number = m?.from ?? 0): SpeakerRef | undefined {
  const b = ctx.tokens[from - 1]?.norm === "the" ? from - 2 : from - 1;
  const prep = ctx.tokens[b];
  if ((m && ctx.isPerson(m)) || !prep || !BODY_OF.has(prep.norm) || prep.sentence !== ctx.tokens[from]!.sentence) return undefined;
  const p = ctx.mentionTo.get(b - 1);
  if (!p || p.from < lo || !ctx.isPerson(p)) return undefined;
  return { kind: "name", from: p.from, to: p.to, text: ctx.text.slice(p.start, p.end), mention: p };
}
const BODY_OF = new Set(["of", "at", "from"]);

// Prepositions that tie a person to the body they speak for ("a spokesman for the club").
const OF_SOMEONE = new Set(["for", "at", "of", "from", "with", "in", "to", "close"]);

/**
 * The object of a preposition is not the speaker when a person noun stands before it: "a spokesman for
 * the club said" is said by the spokesman, "a friend of Ana Ruiz said" by the friend. The whole phrase,
 * from tokens[k] back to that person's determiner, ending at j.
 */
function ofSomeone(ctx: GrammarContext, k: number, j: number, lo: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  const prep = tokens[k - 1];
  if (!prep || k - 2 < lo || !OF_SOMEONE.has(prep.norm) || prep.sentence !== tokens[j]!.sentence) return undefined;
  const head = tokens[k - 2]!;
  if (!head.word || head.cap || !personNoun(head.norm)) return undefined;
  let f = k - 2;
  while (f > lo && k - 2 - f < 6) {
    const u = tokens[f - 1]!;
    if (!u.word || STOP_NP.has(u.norm) || (SPEECH_VERBS.has(u.norm) && !u.cap) || ctx.mentionTo.has(f - 1) && !u.possessive) break;
    f--;
    if (DETERMINERS.has(u.norm)) break;
  }
  // Only a phrase opened by a determiner or a possessor reads as one noun phrase.
  if (!DETERMINERS.has(tokens[f]!.norm) && !tokens[f]!.possessive) return undefined;
  return { kind: "nominal", from: f, to: j + 1, text: ctx.text.slice(tokens[f]!.start, tokens[j]!.end) };
}

/** "according to X" between tokens lo and hi. */
function accordingTo(ctx: GrammarContext, lo: number, hi: number): Cue | undefined {
  const { tokens } = ctx;
  for (let i = lo; i < hi - 2; i++) {
    if (tokens[i]!.norm === "according" && tokens[i + 1]!.norm === "to") {
      const speaker = objectAfter(ctx, i + 1, hi) ?? nominalAfter(ctx, i + 2, hi);
      if (speaker) return { text: ctx.text.slice(tokens[i]!.start, tokens[i + 1]!.end), verb: i, speaker, inverted: true };
    }
  }
  return undefined;
}

/** A cue in the words after a quote (tokens lo..hi): "he said", "said Hill", "― Hill", "according to Hill". */
export function cueAfter(ctx: GrammarContext, lo: number, hi: number, partial: boolean): Cue | undefined {
  const { tokens } = ctx;
  let i = lo;
  while (i < hi && !tokens[i]!.word && tokens[i]!.text !== "―" && tokens[i]!.text !== "—") i++;
  if (i < hi && (tokens[i]!.text === "―" || tokens[i]!.text === "—")) {
    const m = ctx.mentionFrom.get(i + 1);
    if (m && (m.to >= hi || !tokens[m.to]!.word)) return { text: tokens[i]!.text, verb: i, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: true };
  }
  const start = i;
  for (let v = start; v < hi && v - start < 30; v++) {
    if (tokens[v]!.norm === "according" && tokens[v + 1]?.norm === "to") return accordingTo(ctx, v, hi);
    if (!isVerbAt(tokens, v, false)) continue;
    const subject = v > start ? subjectEndingAt(ctx, v - 1, start) : undefined;
    if (subject) return { text: tokens[v]!.text, verb: v, speaker: subject, inverted: false };
    // A participle right after the quote ("” adding that ...") names nobody after it.
    if ((!TO_LISTENER.has(tokens[v]!.norm) || v === start) && !tokens[v]!.norm.endsWith("ing")) {
      // Right after the quote, "warned Ada Moss." names the speaker; "told Ada Moss" still the listener.
      const listener = TO_LISTENER.has(tokens[v]!.norm) && (v !== start || TELL_ASK.has(verbLemma(tokens[v]!.norm)));
      const object = listener ? undefined : objectAfter(ctx, v, hi);
      if (object) return { text: tokens[v]!.text, verb: v, speaker: object, inverted: true };
    }
    if (!partial) break;
  }
  return accordingTo(ctx, start, Math.min(hi, start + 6));
}

/** A cue in the words before a quote (tokens lo..hi): "Hill said:", "Hill told reporters that", "According to Hill,". */
export function cueBefore(ctx: GrammarContext, lo: number, hi: number, partial: boolean, sentenceLo: number = lo): Cue | undefined {
  const { tokens } = ctx;
  const according = accordingTo(ctx, lo, hi);
  for (let v = hi - 1; v >= lo; v--) {
    if (!isVerbAt(tokens, v, partial)) continue;
    const quoted = quotedAsSaying(ctx, v, lo);
    if (quoted) return quoted;
    // "tweets accusing Lund of ...": a participle after a noun modifies it; the clause's verb is earlier.
    const prevTok = tokens[v - 1];
    if (tokens[v]!.norm.endsWith("ing") && prevTok && prevTok.word && !AUXILIARIES.has(prevTok.norm) && !ADVERBS.has(prevTok.norm) && !PRONOUNS.has(prevTok.norm) && !ctx.mentionTo.has(v - 1)) continue;
    // "the senior US official said that", "Hill, who ... , said:" — subject first, then an inverted object.
    let s = v - 1;
    // "was quoted as saying": the subject stands before "was".
    if (tokens[s]?.norm === "as" && tokens[s - 1]?.norm === "quoted") s -= 2;
    if (tokens[s] && (tokens[s]!.norm === "was" || tokens[s]!.norm === "has" || tokens[s]!.norm === "is")) s--;
    // "Ann Lee was prompted to say", "he wanted to add": the subject of the verb the infinitive hangs on.
    if (tokens[s]?.norm === "to") {
      let k = s - 1;
      while (k >= lo && s - k <= 3 && tokens[k]!.word && !tokens[k]!.cap && (/(ed|ing)$/.test(tokens[k]!.norm) || PASSIVE_AUX.has(tokens[k]!.norm) || ADVERBS.has(tokens[k]!.norm) || TO_VERBS.has(tokens[k]!.norm))) k--;
      if (k < s - 1) s = k;
    }
    // ", saying ...": a participle's subject is the clause's: the speaker of the speech verb before it
    // ("Ada Moss said, adding"), else the subject at the start of the sentence.
    const participle = tokens[v]!.norm.endsWith("ing") && tokens[v - 1]?.text === ",";
    // "... and said", "but added": a second verb shares the subject of the first.
    const coordinated = !participle && s >= lo && (tokens[s]!.norm === "and" || tokens[s]!.norm === "but");
    const subject =
      participle ? (speakerBefore(ctx, Math.min(lo, sentenceLo), v - 1) ?? clauseSubject(ctx, Math.min(lo, sentenceLo), v))
      : coordinated ? (speakerBefore(ctx, Math.min(lo, sentenceLo), s) ?? nearestSubject(ctx, Math.min(lo, sentenceLo), s))
      : s >= lo ? subjectEndingAt(ctx, s, lo) : undefined;
    if (subject) return according && according.verb > v ? according : { text: tokens[v]!.text, verb: v, speaker: subject, inverted: false };
    if (!TO_LISTENER.has(tokens[v]!.norm)) {
      const object = objectAfter(ctx, v, hi);
      if (object) return { text: tokens[v]!.text, verb: v, speaker: object, inverted: true };
    }
    if (!partial) break;
  }
  return according;
}

/** The speaker of the nearest speech verb of the clause before token `hi` ("Ada Moss said, adding"). */
function speakerBefore(ctx: GrammarContext, lo: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  for (let v = hi - 1; v > lo && hi - v < 25; v--) {
    const t = tokens[v]!;
    if (t.text === ";" || /^["“”]$/.test(t.text)) break;
    if (!SPEECH_VERBS.has(t.norm) || t.norm.endsWith("ing") || !isVerbAt(tokens, v, false)) continue;
    let s = v - 1;
    while (s >= lo && (ADVERBS.has(tokens[s]!.norm) || isAdverb(tokens[s]!))) s--;
    if (s < lo) return undefined;
    const m = ctx.mentionTo.get(s);
    // "when I asked Moss ..., he looked up and said": a verb in a clause put before the main one has another subject.
    const opener = tokens[(m ? m.from : s) - 1];
    if (opener && opener.sentence === t.sentence && LEADING.has(opener.norm)) return undefined;
    if (m && m.from >= lo) return { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
    const p = tokens[s]!;
    if (PRONOUNS.has(p.norm) && SUBJECT_PRONOUN(p.norm)) return { kind: "pronoun", from: s, to: s + 1, text: p.text };
    return undefined;
  }
  return undefined;
}

// Words that open a clause put before the main one ("when I asked", "after Moss said").
const LEADING = new Set(["when", "while", "after", "before", "as", "because", "if", "although", "though", "since", "until", "once", "whenever"]);

/** The nearest subject before token `hi`: a name or subject pronoun right before a lower-case word ("he looked up, smiled and said"). */
function nearestSubject(ctx: GrammarContext, lo: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  for (let k = hi - 2; k >= lo && hi - k < 30; k--) {
    const next = tokens[k + 1]!;
    if (!next.word || next.cap || NOT_BEFORE_SUBJECT.has(next.norm) || STOP_NP.has(next.norm)) continue;
    const m = ctx.mentionTo.get(k);
    if (m && m.from >= lo && !m.possessive && (m.from === lo || !NOT_BEFORE_SUBJECT.has(tokens[m.from - 1]!.norm))) return { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
    const p = tokens[k]!;
    if (PRONOUNS.has(p.norm) && SUBJECT_PRONOUN(p.norm) && p.norm !== "it") return { kind: "pronoun", from: k, to: k + 1, text: p.text };
  }
  return undefined;
}

/** "the agency quoted Mr Orlan as saying": the one quoted speaks, not the one quoting. */
function quotedAsSaying(ctx: GrammarContext, v: number, lo: number): Cue | undefined {
  const { tokens } = ctx;
  if (!tokens[v]!.norm.endsWith("ing") || tokens[v - 1]?.norm !== "as") return undefined;
  const m = ctx.mentionTo.get(v - 2);
  if (!m) return undefined;
  let q = m.from - 1;
  while (q > lo && m.from - q <= 3 && (tokens[q]!.cap || tokens[q]!.text === ".")) q--;
  if (q < lo || verbLemma(tokens[q]!.norm) !== "quote") return undefined;
  return { text: "quoted as saying", verb: v, speaker: { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m }, inverted: false };
}

/** The subject opening a clause: a name, pronoun or description at `lo`, skipping an opening adverb. */
export function clauseSubject(ctx: GrammarContext, lo: number, hi: number): SpeakerRef | undefined {
  const { tokens } = ctx;
  let i = lo;
  while (i < hi && (!tokens[i]!.word || ADVERBS.has(tokens[i]!.norm))) i++;
  if (i >= hi) return undefined;
  // Titles before the name ("President Obama", "Gov. Mary Ann Pike") are no part of the mention.
  for (let k = i; k < hi && k - i < 6; k++) {
    const m = ctx.mentionFrom.get(k);
    if (m) return { kind: "name", from: m.from, to: m.to, text: ctx.text.slice(m.start, m.end), mention: m };
    const u = tokens[k]!;
    // "Former Secretary of State Ana Ruiz": "of" inside a title.
    if (!(u.cap || u.text === "." || ROLE_NOUNS.has(u.norm) || ROLE_MODIFIERS.has(u.norm) || (u.norm === "of" && k > i && tokens[k + 1]?.cap))) break;
  }
  const t = tokens[i]!;
  if (PRONOUNS.has(t.norm) && SUBJECT_PRONOUN(t.norm)) return { kind: "pronoun", from: i, to: i + 1, text: t.text };
  return undefined;
}

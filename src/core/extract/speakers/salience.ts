// How salient a name is as what a later pronoun or description stands for: its place in its clause
// (subject, object, after a preposition, inside someone else's role) and whether it speaks. The weights
// are one object, fitted by bench/fit-speakers.ts.
import type { EntityIndex, Mention, Token } from "../entities.js";
import { ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "../entities/lexicon.js";
import { verbLemma } from "../../text/index.js";
import { TO_LISTENER } from "./grammar.js";
import { PERSON_NOUNS, SPEECH_VERBS } from "./lexicon.js";
import { officeHeadAfter } from "./unnamed.js";

export const PREPOSITIONS = new Set(["alongside", "beside", "besides", "including", "unlike", "beyond", "upon", "through", "via", "of", "to", "for", "with", "about", "against", "from", "by", "on", "at", "in", "into", "over", "than", "like", "between", "among", "toward", "towards", "without", "under", "behind", "versus", "vs"]);
// People by what they do ("the engineer", "the historian").
const AGENT = /^[a-z-]{3,}(er|or|ist|ian)$/;
export const personNoun = (w: string) => ROLE_NOUNS.has(w) || TITLES.has(w) || PERSON_NOUNS.has(w) || AGENT.test(w) || /-old$/.test(w);
// The full stop of a title ("Mr.", "Gov."): part of the name's run of titles, not the end of a sentence.
const abbreviationDot = (tokens: readonly Token[], b: number) => tokens[b]!.text === "." && b > 0 && tokens[b - 1]!.cap && tokens[b - 1]!.text.length <= 4 && tokens[b - 1]!.sentence === tokens[b]!.sentence;
// Words that open a clause put before the main one.
const SUBORDINATORS = new Set(["when", "while", "after", "before", "as", "because", "if", "although", "though", "since", "until", "once", "whether", "whereas"]);
// Finite verbs that end an appositive ("Ada Moss, a farmer, was ..."), besides speech verbs and forms in -ed.
const FINITE = new Set(["is", "was", "are", "were", "has", "had", "have", "did", "does", "do", "will", "would", "could", "can", "should", "may", "might", "must", "says", "told", "went", "made", "took", "gave", "saw", "sees", "thinks", "thought", "knew", "knows", "came", "met", "wrote", "spoke", "became", "remains", "seems", "wants", "believes", "plans", "hopes"]);
const QUOTE_MARK = /^["“”‘’'`]+$/;
// How far an appositive may run before its verb, in tokens.
const APPOSITIVE_REACH = 40;

/**
 * Salience weights of the antecedents of pronouns and descriptions. Fitted on the PolNeAR train
 * articles whose speakers are resolved by hand and checked on dev by `bench/fit-speakers.ts`
 * (rerun it after changing the features: `npm run build && node dist/bench/fit-speakers.js`).
 */
export const SALIENCE = {
  /** A name opening its clause with a verb after it. */
  subject: 1,
  /** A subject whose verb, past an appositive, is a speech verb ("Lund, a Varga ally, said"). */
  appositiveSpeaker: 2,
  /** The first name of its sentence. */
  first: 0.3,
  possessive: -1.5,
  /** After a preposition ("for Varga"). */
  preposition: -1.8,
  /** The listener of "told", "asked". */
  listener: -1,
  /** A name inside someone else's role ("Varga spokesman Tom Brandl"). */
  modifier: -2,
  /** The speaker of a speech verb, before or after it. */
  speaker: 1,
  /** A subject pronoun already resolved, carrying its referent forward. */
  pronoun: 1.2,
  /** A subject whose verb comes past an appositive that is not about speech ("Lund, who ..., did not"). */
  appositiveSubject: 1,
  /** The one asked ("asked Varga whether"): who answers next. */
  askedListener: -1,
  /** The subject of a clause before the main one ("When Varga arrived, ..."). */
  subordinate: -1,
  /** The object of a verb ("forcing Varga to"). */
  object: 0,
  /** The subject of reported words ("said that Varga would"). */
  reported: 0,
  /** A definite description as subject, resolved, carrying its referent forward ("The senator said"). */
  description: 1.2,
  /** The speaker of an earlier direct quote. */
  quoted: 2.2,
  /** The speaker of an earlier partial quote. */
  quotedPartial: 2.2,
  /** Cost per sentence reached back, and per paragraph crossed. */
  perSentence: 0.8,
  perParagraph: 0.5,
  /** Not knowing a name's gender, or a description's. */
  unknownGender: -0.6,
  unknownGenderUnnamed: -0.3,
} as const;
export type Salience = { readonly [K in keyof typeof SALIENCE]: number };

/** The salience of each name mention, from where it stands in its sentence. */
export class MentionSalience {
  private readonly firstInSentence = new Set<Mention>();
  /** First tokens of mentions. */
  private readonly starts = new Set<number>();

  constructor(
    private readonly ix: EntityIndex,
    private readonly w: Salience = SALIENCE,
  ) {
    let last = -1;
    for (const m of ix.mentions) {
      this.starts.add(m.from);
      if (m.sentence !== last) this.firstInSentence.add(m);
      last = m.sentence;
    }
  }

  /** The words before the comma at token `comma` end on a role ("A lawyer for the family,", "The fire chief,"). */
  private roleBeforeComma(comma: number): boolean {
    const t = this.ix.tokens[comma - 1];
    return !!t && t.word && !t.cap && (ROLE_NOUNS.has(t.norm) || TITLES.has(t.norm) || PERSON_NOUNS.has(t.norm) || AGENT.test(t.norm) || ORG_WORDS.has(t.norm));
  }

  /** Salience of one mention as an antecedent. */
  weight(m: Mention): number {
    const { tokens } = this.ix;
    const W = this.w;
    let w = 1;
    // The word before the name and its titles ("under President Barack Obama").
    let b = m.from - 1;
    while (b >= 0 && m.from - b <= 4 && tokens[b]!.sentence === m.sentence && (tokens[b]!.cap && tokens[b]!.word || abbreviationDot(tokens, b)) && !PREPOSITIONS.has(tokens[b]!.norm)) b--;
    const before = tokens[b];
    // A party and state in brackets after the name ("Joan Pike (D-Ore.) said") stands between it and its verb.
    let a = m.to;
    if (tokens[a]?.text === "(") {
      let k = a + 1;
      while (k < a + 8 && tokens[k] && tokens[k]!.text !== ")" && tokens[k]!.sentence === m.sentence) k++;
      if (tokens[k]?.text === ")") a = k + 1;
    }
    const after = tokens[a];
    const same = (t: { sentence: number } | undefined) => t && t.sentence === m.sentence;
    // The listener of "told", "asked" is not the one speaking; the one asked answers next.
    const verbBefore = tokens[m.from - 1];
    if (verbBefore && verbBefore.sentence === m.sentence && TO_LISTENER.has(verbBefore.norm)) w += verbLemma(verbBefore.norm) === "ask" ? W.askedListener : W.listener;
    // "Varga's office", "the Varga campaign": the office is the subject, not Varga.
    if (m.possessive || officeHeadAfter(tokens, m.from, m.to) !== undefined) w += W.possessive;
    else if (same(before) && PREPOSITIONS.has(before!.norm)) w += W.preposition;
    else {
      // A subject: opening its clause and followed by a verb-like lower-case word.
      // After a closing mark too, when its verb is no speech verb ("“...,” Moss seized on it"): a speech verb
      // there makes Moss the quote's speaker, who counts as such.
      const opens = !same(before) || before!.text === "," || before!.norm === "and" || before!.norm === "but" || before!.norm === "that" || (QUOTE_MARK.test(before!.text) && !!after?.word && !SPEECH_VERBS.has(after.norm));
      // A name in apposition after its role ("A lawyer for the family, Ben Ross, spoke"): the verb past the comma.
      const verb = before?.text === "," && after?.text === "," && this.roleBeforeComma(b) ? tokens[m.to + 1] : after;
      if (opens && verb && same(verb) && verb.word && !verb.cap && !PREPOSITIONS.has(verb.norm)) w += verb === after ? W.subject : SPEECH_VERBS.has(verb.norm) ? W.appositiveSpeaker : W.subject;
      else if (opens && after && /^[,—–-]$/.test(after.text)) {
        // "Ada Moss, a farmer from the valley who ..., said": the verb past the appositive, however long.
        const v = this.verbAfterAppositive(a, m.sentence);
        if (v !== undefined) w += SPEECH_VERBS.has(tokens[v]!.norm) ? W.appositiveSpeaker : W.appositiveSubject;
      }
      if (this.firstInSentence.has(m)) w += W.first;
      // "When Ada Moss arrived, ...": the subject of a clause put before the main one.
      if (this.inLeadingClause(m)) w += W.subordinate;
      // "forcing Varga to ...", "defeated Varga": the object of a verb, not its subject.
      if (same(before) && before!.word && !before!.cap && /[a-z](?:ed|ing)$/.test(before!.norm) && !SPEECH_VERBS.has(before!.norm)) w += W.object;
      // "... said that Ada Moss would ...": the subject of the words reported.
      if (same(before) && before!.norm === "that" && tokens[b - 1] && same(tokens[b - 1]) && SPEECH_VERBS.has(tokens[b - 1]!.norm)) w += W.reported;
    }
    // A name inside a role before another name ("Varga campaign director Lena Okafor") is a modifier.
    // Any lower-case words may stand between, as long as the last is a role ("Varga senior policy adviser Lena Okafor");
    // a title may be capitalised ("Varga campaign Chairman Lena Okafor").
    let k = m.to;
    const between = (u: Token) => !u.cap || (!this.starts.has(k) && (TITLES.has(u.norm) || ROLE_NOUNS.has(u.norm)));
    while (k < m.to + 5 && tokens[k] && same(tokens[k]) && tokens[k]!.word && between(tokens[k]!) && !PREPOSITIONS.has(tokens[k]!.norm) && !SPEECH_VERBS.has(tokens[k]!.norm)) k++;
    const role = tokens[k - 1]!.norm;
    if (k > m.to && this.starts.has(k) && (ROLE_NOUNS.has(role) || ROLE_MODIFIERS.has(role) || TITLES.has(role) || personNoun(role))) return w + W.modifier;
    // After an appositive, the verb past its closing comma ("Lund, a Varga ally, said").
    let afterApp: number | undefined;
    if (after?.text === ",") {
      for (let j = m.to + 1; j < m.to + 14 && tokens[j] && same(tokens[j]); j++) {
        if (tokens[j]!.text === ",") {
          afterApp = j + 1;
          break;
        }
      }
    }
    // The speaker of a speech verb, before it or after it ("Okoro noted", "noted the BBC's Okoro").
    // Inverted only when nothing stands before the verb as its subject ("” said Moss", not "He said Moss would").
    const inverted = (v: number) => {
      const t = tokens[v];
      const p = tokens[v - 1];
      return t && !TO_LISTENER.has(t.norm) && !t.norm.endsWith("ing") && !(p && p.word && p.sentence === t.sentence) ? t : undefined;
    };
    for (const t of [tokens[m.to], tokens[m.to + 1], inverted(m.from - 1), inverted(m.from - 2), afterApp !== undefined ? tokens[afterApp] : undefined]) {
      if (same(t) && SPEECH_VERBS.has(t!.norm)) {
        w += W.speaker;
        break;
      }
    }
    return w;
  }

  /**
   * The mention stands in a clause put before the main one, before its first comma: "When Varga
   * arrived, ...", "Asked whether Varga would run, Lund said ...".
   */
  private inLeadingClause(m: Mention): boolean {
    const { tokens } = this.ix;
    let k = m.from - 1;
    while (k >= 0 && tokens[k]!.sentence === m.sentence) {
      if (tokens[k]!.text === "," || tokens[k]!.text === ";") return false;
      k--;
    }
    const first = tokens[k + 1]!;
    return k + 1 < m.from && (SUBORDINATORS.has(first.norm) || (first.cap && /[a-z](ed|ing)$/.test(first.norm) && !this.starts.has(k + 1)));
  }

  /** The finite verb after an appositive that opens at token `a` (a comma or dash), within the sentence. */
  private verbAfterAppositive(a: number, sentence: number): number | undefined {
    const { tokens } = this.ix;
    for (let j = a + 2; j < a + APPOSITIVE_REACH && tokens[j + 1] && tokens[j + 1]!.sentence === sentence; j++) {
      if (!/^[,—–)-]$/.test(tokens[j]!.text)) continue;
      const v = tokens[j + 1]!;
      if (v.word && !v.cap && (SPEECH_VERBS.has(v.norm) || FINITE.has(v.norm) || /[a-z]ed$/.test(v.norm)) && !v.norm.endsWith("ing")) return j + 1;
    }
    return undefined;
  }
}

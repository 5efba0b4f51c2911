// Pronoun and description speakers resolved to people and organisations: walk back sentence by sentence,
// keep gender in agreement, prefer the salient (subjects and earlier speakers) over the merely recent.
import type { Entity } from "../../types.js";
import type { EntityIndex, Mention, Token } from "../entities.js";
import { ORG_WORDS, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "../entities/lexicon.js";
import { roleGender } from "../entities/names.js";
import { verbLemma } from "../../text/index.js";
import { TO_LISTENER, type SpeakerRef } from "./grammar.js";
import { DETERMINERS, DOCUMENT_NOUNS, PERSON_NOUNS, PRONOUNS, SPEECH_VERBS } from "./lexicon.js";
import { findOffices, findUnnamed, officeHeadAfter, type Unnamed } from "./unnamed.js";

/** A quote already attributed: its speaker is salient for the pronouns that follow. */
export interface SpeakerEvent {
  entity: Entity;
  sentence: number;
  partial?: boolean;
}

const PREPOSITIONS = new Set(["alongside", "beside", "besides", "including", "unlike", "beyond", "upon", "through", "via", "of", "to", "for", "with", "about", "against", "from", "by", "on", "at", "in", "into", "over", "than", "like", "between", "among", "toward", "towards", "without", "under", "behind", "versus", "vs"]);
const INDEFINITE = new Set(["a", "an", "one", "another", "some", "several", "many"]);
const HEAD_ENDS = new Set(["for", "of", "at", "from", "with", "in", "close", "to"]);
// People by what they do ("the engineer", "the historian").
const AGENT = /^[a-z-]{3,}(er|or|ist|ian)$/;
const personNoun = (w: string) => ROLE_NOUNS.has(w) || TITLES.has(w) || PERSON_NOUNS.has(w) || AGENT.test(w) || /-old$/.test(w);
// The full stop of a title ("Mr.", "Gov."): part of the name's run of titles, not the end of a sentence.
const abbreviationDot = (tokens: readonly Token[], b: number) => tokens[b]!.text === "." && b > 0 && tokens[b - 1]!.cap && tokens[b - 1]!.text.length <= 4 && tokens[b - 1]!.sentence === tokens[b]!.sentence;
// Words that open a clause put before the main one.
const SUBORDINATORS = new Set(["when", "while", "after", "before", "as", "because", "if", "although", "though", "since", "until", "once", "whether", "whereas"]);
// Finite verbs that end an appositive ("Ada Moss, a farmer, was ..."), besides speech verbs and forms in -ed.
const FINITE = new Set(["is", "was", "are", "were", "has", "had", "have", "did", "does", "do", "will", "would", "could", "can", "should", "may", "might", "must", "says", "told", "went", "made", "took", "gave", "saw", "sees", "thinks", "thought", "knew", "knows", "came", "met", "wrote", "spoke", "became", "remains", "seems", "wants", "believes", "plans", "hopes"]);
// How far an appositive may run before its verb, in tokens.
const APPOSITIVE_REACH = 40;
// How far after a pronoun its own clause is read for names it cannot stand for, in tokens.
const CLAUSE_REACH = 8;
// How far back a pronoun may reach, in sentences.
const PRONOUN_REACH = 8;

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

/** Something a pronoun can point back to: a name, or an earlier pronoun already resolved. */
interface Candidate {
  entity: Entity;
  start: number;
  sentence: number;
  weight: number;
}

export class Coref {
  private readonly firstInSentence = new Set<Mention>();
  /** First tokens of mentions. */
  private readonly starts = new Set<number>();
  private readonly mentionAt = new Map<number, Mention>();
  /** Names and resolved subject pronouns outside quotation marks, in text order. */
  private readonly candidates: Candidate[] = [];
  /** People introduced by a description only, as stand-in entities (never listed on the card). */
  private readonly unnamedOf = new Map<Entity, Unnamed>();
  private readonly unnamedAt = new Map<number, Entity>();

  constructor(
    private readonly ix: EntityIndex,
    quotedSpans: ReadonlyArray<{ start: number; end: number }>,
    /** Paragraph index of each sentence. */
    private readonly paragraphOf: readonly number[],
    private readonly w: Salience = SALIENCE,
  ) {
    const { tokens } = ix;
    let q = 0;
    // Names in quoted speech are seldom the speaker, and its pronouns point elsewhere: both are left out.
    const quoted = (at: number) => {
      while (q < quotedSpans.length && quotedSpans[q]!.end <= at) q++;
      const span = quotedSpans[q];
      return !!span && span.start <= at && at < span.end;
    };
    let last = -1;
    for (const m of ix.mentions) {
      this.starts.add(m.from);
      this.mentionAt.set(m.from, m);
      if (m.sentence !== last) this.firstInSentence.add(m);
      last = m.sentence;
    }
    const standIns = [...findUnnamed(ix), ...findOffices(ix)].sort((a, b) => a.from - b.from);
    for (const u of standIns) {
      if (quoted(tokens[u.from]!.start) || this.unnamedAt.has(u.from)) continue;
      const e: Entity = { name: u.text, type: u.organization ? "organization" : "person", mentions: 1 };
      this.unnamedOf.set(e, u);
      this.unnamedAt.set(u.from, e);
    }
    q = 0;
    let mi = 0;
    const mentions = ix.mentions;
    for (let t = 0; t < tokens.length; t++) {
      const unnamed = this.unnamedAt.get(t);
      if (unnamed) this.candidates.push({ entity: unnamed, start: tokens[t]!.start, sentence: tokens[t]!.sentence, weight: this.unnamedOf.get(unnamed)!.weight });
      const m = mentions[mi];
      if (m && m.from === t) {
        mi++;
        while (mentions[mi] && mentions[mi]!.from <= t) mi++;
        if (!quoted(m.start)) this.candidates.push({ entity: ix.entities[m.entity]!, start: m.start, sentence: m.sentence, weight: this.weight(m) });
        continue;
      }
      const tok = tokens[t]!;
      if (tok.norm === "the" && !quoted(tok.start)) {
        // A definite description as subject ("The senator later told ...") carries whom it means forward.
        const d = this.subjectDescription(t);
        const e = d && this.description(d, []);
        if (e && e.type === "person") this.candidates.push({ entity: e, start: tok.start, sentence: tok.sentence, weight: this.w.description });
        continue;
      }
      if ((tok.norm !== "he" && tok.norm !== "she") || quoted(tok.start)) continue;
      // A subject pronoun stands for someone: it carries them forward ("She says ... She tweeted").
      const others = this.namedInClause(t + 1);
      const fit = this.genderFit(tok.norm === "he" ? "m" : "f");
      const e = this.best(tok.start, tok.sentence, PRONOUN_REACH, others.size ? (x) => (others.has(x) ? -99 : fit(x)) : fit, []);
      if (e) this.candidates.push({ entity: e, start: tok.start, sentence: tok.sentence, weight: this.w.pronoun });
      // "A doctor ... he added": the description now has a gender, and "she" later is someone else.
      const u = e && this.unnamedOf.get(e);
      if (u && !u.gender) u.gender = tok.norm === "he" ? "m" : "f";
    }
  }

  /** "the former senator" opening a clause at token `t`, its head a person noun and a verb after it. */
  private subjectDescription(t: number): SpeakerRef | undefined {
    const { tokens } = this.ix;
    const prev = tokens[t - 1];
    if (prev && prev.sentence === tokens[t]!.sentence && prev.text !== "," && prev.norm !== "and" && prev.norm !== "but") return undefined;
    for (let k = t + 1; k < t + 6 && tokens[k] && tokens[k]!.sentence === tokens[t]!.sentence; k++) {
      const u = tokens[k]!;
      if (!u.word || u.possessive || this.starts.has(k) || PREPOSITIONS.has(u.norm)) return undefined;
      if (u.cap || !personNoun(u.norm)) continue;
      const next = tokens[k + 1];
      if (!next || !next.word || next.cap || next.sentence !== u.sentence || PREPOSITIONS.has(next.norm) || personNoun(next.norm) || ORG_WORDS.has(next.norm)) continue;
      return { kind: "nominal", from: t, to: k + 1, text: tokens.slice(t, k + 1).map((x) => x.text).join(" ") };
    }
    return undefined;
  }

  /** The description an unnamed person was introduced by, if `e` is one. */
  unnamed(e: Entity): string | undefined {
    return this.unnamedOf.get(e)?.text;
  }

  private gender(e: Entity) {
    const u = this.unnamedOf.get(e);
    return u ? u.gender : this.ix.gender(e);
  }

  private genderFit(p: "m" | "f"): (e: Entity) => number {
    return (e) => {
      if (e.type !== "person") return -99;
      const g = this.gender(e);
      // A description seldom tells gender ("the prime minister"), so not knowing it costs less than for a name.
      return !g ? (this.unnamedOf.has(e) ? this.w.unknownGenderUnnamed : this.w.unknownGender) : g === p ? 0 : -99;
    };
  }

  /** The words before the comma at token `comma` end on a role ("A lawyer for the family,", "The fire chief,"). */
  private roleBeforeComma(comma: number): boolean {
    const t = this.ix.tokens[comma - 1];
    return !!t && t.word && !t.cap && (ROLE_NOUNS.has(t.norm) || TITLES.has(t.norm) || PERSON_NOUNS.has(t.norm) || AGENT.test(t.norm) || ORG_WORDS.has(t.norm));
  }

  /** Salience of one mention as an antecedent. */
  private weight(m: Mention): number {
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
      const opens = !same(before) || before!.text === "," || before!.norm === "and" || before!.norm === "but" || before!.norm === "that";
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
    // Any lower-case words may stand between, as long as the last is a role ("Varga senior policy adviser Lena Okafor").
    let k = m.to;
    while (k < m.to + 5 && tokens[k] && same(tokens[k]) && tokens[k]!.word && !tokens[k]!.cap && !PREPOSITIONS.has(tokens[k]!.norm) && !SPEECH_VERBS.has(tokens[k]!.norm)) k++;
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
    const inverted = (t: Token | undefined) => t && !TO_LISTENER.has(t.norm) && !t.norm.endsWith("ing") ? t : undefined;
    for (const t of [tokens[m.to], tokens[m.to + 1], inverted(tokens[m.from - 1]), inverted(tokens[m.from - 2]), afterApp !== undefined ? tokens[afterApp] : undefined]) {
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

  /** The people named in the clause that goes on from token `from` ("told Ada", "said of Ada"). */
  private namedInClause(from: number): Set<Entity> {
    const { tokens } = this.ix;
    const out = new Set<Entity>();
    const sentence = tokens[from - 1]?.sentence;
    for (let k = from; k < tokens.length && k - from < CLAUSE_REACH; k++) {
      const u = tokens[k]!;
      if (u.sentence !== sentence || /^["“”‘’'`;]+$/.test(u.text)) break;
      const m = this.mentionAt.get(k);
      if (m) out.add(this.ix.entities[m.entity]!);
    }
    return out;
  }

  /** Finds the entity a pronoun at token `ref.from` stands for. */
  pronoun(ref: SpeakerRef, history: readonly SpeakerEvent[], notThis?: Entity): Entity | undefined {
    const t = this.ix.tokens[ref.from]!;
    // A name in the pronoun's own clause is someone else ("he told Ada", "she said of Ada"): a pronoun
    // does not stand for a name its own clause holds.
    const others = this.namedInClause(ref.to);
    if (notThis) others.add(notThis);
    const p = PRONOUNS.get(t.norm);
    if (!p || p === "i") return undefined;
    const agree =
      p === "m" || p === "f"
        ? this.genderFit(p)
        : (e: Entity): number => (e.type === "organization" ? 1 : p === "p" && e.type === "person" ? -2 : -99);
    const fits = others.size ? (e: Entity) => (others.has(e) ? -99 : agree(e)) : agree;
    // "It" and "they" need an organisation close by; a far one is more often wrong than right.
    return this.best(t.start, t.sentence, PRONOUN_REACH, fits, history, p === "m" || p === "f" ? -Infinity : -1.5);
  }

  /** Finds who a description ("the senior US official", "the campaign") stands for. */
  description(ref: SpeakerRef, history: readonly SpeakerEvent[]): Entity | undefined {
    const { tokens } = this.ix;
    const words: string[] = [];
    let head: string | undefined;
    for (let i = ref.from; i < ref.to; i++) {
      const w = tokens[i]!.norm;
      // "a spokesman for the club", "the mother of three": the head stands before the preposition.
      if (!head && words.length && HEAD_ENDS.has(w)) head = words[words.length - 1];
      if (tokens[i]!.word && !DETERMINERS.has(w)) words.push(w);
    }
    head ??= words[words.length - 1];
    if (!head || words.length > 9) return undefined;
    // "Moss's office", "the Varga campaign": the office or campaign itself, as written.
    for (let i = ref.from; i < ref.to; i++) {
      const e = this.unnamedAt.get(i);
      if (e && this.unnamedOf.get(e)!.organization) return e;
    }
    const singular = head.replace(/s$/, "");
    const t = tokens[ref.from]!;
    const gender = roleGender(head);
    // A document speaks for whoever wrote or published it: "the article", "the report", "the book".
    if (DOCUMENT_NOUNS.has(head)) {
      return this.best(t.start, t.sentence, 6, (e) => (e.type === "organization" ? 0.5 : e.type === "person" ? 0 : -99), history);
    }
    // An organisation named by its kind: "the commission", "the campaign".
    if (ORG_WORDS.has(head) && !ROLE_NOUNS.has(head)) {
      const named = this.best(t.start, t.sentence, 40, (e) => (e.type === "organization" && e.name.toLowerCase().split(/\s+/).includes(head) ? 1 : -99), history);
      if (named || INDEFINITE.has(tokens[ref.from]!.norm)) return named;
      // "the company", "the ministry": the organisation the last few sentences are about.
      return this.best(t.start, t.sentence, 3, (e) => (e.type === "organization" ? 0 : -99), history, -1.5);
    }
    const personHead = personNoun(head);
    if (!personHead && !ROLE_NOUNS.has(singular)) return undefined;
    if (head.endsWith("s") && ROLE_NOUNS.has(singular) && !ROLE_NOUNS.has(head)) return undefined; // "officials": many
    // "a spokesman", "one resident": someone new, the unnamed person introduced right here if we know them.
    if (INDEFINITE.has(t.norm)) return this.unnamedAt.get(ref.from);
    // Someone the article introduced with that role, or a role of the same kind ("official" for any office).
    const generic = head === "official" || head === "source" || head === "diplomat" || head === "aide";
    const byRole = (e: Entity): number => {
      const described = e.role ?? this.unnamedOf.get(e)?.text;
      if (e.type !== "person" || !described) return -99;
      if (gender && this.gender(e) && this.gender(e) !== gender) return -99;
      const role = described.toLowerCase().replace(/\./g, "").split(/[\s,]+/);
      const shared = words.filter((w) => role.includes(w.replace(/\./g, ""))).length;
      if (role.includes(head) || role.includes(singular)) return 2 + shared;
      if (generic && role.some((r) => TITLES.has(r))) return 1 + shared;
      return -99;
    };
    const found = this.best(t.start, t.sentence, Infinity, byRole, history);
    if (found) return found;
    // No role matches: a person noun falls back to the salient person nearby, as a pronoun would.
    // Only a definite description points back ("the nominee"); "one resident", "a spokesman" bring in someone new,
    // and so does someone of a body ("the firm's spokesperson", "the ministry's lawyer"): they stay as written.
    let ofBody = false;
    for (let i = ref.from; i < ref.to; i++) if (tokens[i]!.possessive && !tokens[i]!.cap) ofBody = true;
    if (!generic && !ofBody && (ROLE_NOUNS.has(head) || personHead && !PERSON_NOUNS.has(head)) && !INDEFINITE.has(tokens[ref.from]!.norm) && !(head.endsWith("s") && ROLE_NOUNS.has(singular))) {
      return this.best(t.start, t.sentence, 4, (e) => (e.type === "person" && (!gender || !this.gender(e) || this.gender(e) === gender) ? 0 : -99), history);
    }
    return undefined;
  }

  /** Cost of reaching back from one sentence to another: per sentence, and more per paragraph crossed. */
  private distance(from: number, to: number): number {
    const d = Math.min(from - to, 12);
    const p = Math.min((this.paragraphOf[from] ?? 0) - (this.paragraphOf[to] ?? 0), 6);
    return d * this.w.perSentence + p * this.w.perParagraph;
  }

  /** The best candidate before `at`, reaching back `reach` sentences; `fits` scores agreement (-99: never). */
  private best(at: number, sentence: number, reach: number, fits: (e: Entity) => number, history: readonly SpeakerEvent[], floor = -Infinity): Entity | undefined {
    const scores = new Map<Entity, number>();
    const consider = (e: Entity, s: number) => {
      const f = fits(e);
      if (f <= -99) return;
      const score = s + f;
      if (score > (scores.get(e) ?? -Infinity)) scores.set(e, score);
    };
    const cs = this.candidates;
    let lo = 0;
    let hi = cs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cs[mid]!.start < at) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) {
      const c = cs[i]!;
      const dist = sentence - c.sentence;
      if (dist > reach) break;
      consider(c.entity, c.weight - this.distance(sentence, c.sentence));
    }
    for (let i = history.length - 1; i >= 0 && i >= history.length - 6; i--) {
      const h = history[i]!;
      const dist = sentence - h.sentence;
      if (dist > reach || dist < 0) continue;
      consider(h.entity, (h.partial ? this.w.quotedPartial : this.w.quoted) - this.distance(sentence, h.sentence));
    }
    let best: Entity | undefined;
    let bestScore = floor;
    for (const [e, s] of scores) if (s > bestScore) [best, bestScore] = [e, s];
    return best;
  }
}

// Pronoun and description speakers resolved to people and organisations: walk back sentence by sentence,
// keep gender in agreement, prefer the salient (subjects and earlier speakers) over the merely recent.
import type { Entity } from "../../types.js";
import type { EntityIndex, Mention } from "../entities.js";
import { ORG_WORDS, ROLE_NOUNS, TITLES } from "../entities/lexicon.js";
import { roleGender } from "../entities/names.js";
import type { SpeakerRef } from "./grammar.js";
import { DETERMINERS, DOCUMENT_NOUNS, PERSON_NOUNS, PRONOUNS } from "./lexicon.js";
import { MentionSalience, PREPOSITIONS, personNoun, SALIENCE, type Salience } from "./salience.js";
import { findOffices, findUnnamed, type Unnamed } from "./unnamed.js";

export { SALIENCE, type Salience } from "./salience.js";

/** A quote already attributed: its speaker is salient for the pronouns that follow. */
export interface SpeakerEvent {
  entity: Entity;
  sentence: number;
  partial?: boolean;
}

const INDEFINITE = new Set(["a", "an", "one", "another", "some", "several", "many"]);
const HEAD_ENDS = new Set(["for", "of", "at", "from", "with", "in", "close", "to"]);
// How far after a pronoun its own clause is read for names it cannot stand for, in tokens.
const CLAUSE_REACH = 8;
// How far back a pronoun may reach, in sentences.
const PRONOUN_REACH = 8;

/** Something a pronoun can point back to: a name, or an earlier pronoun already resolved. */
interface Candidate {
  /** Undefined until resolved (a pronoun or description waits for the speakers of the quotes before it). */
  entity: Entity | undefined;
  start: number;
  sentence: number;
  weight: number;
  /** Token of a subject pronoun or description still to resolve. */
  pending?: number;
}

export class Coref {
  /** First tokens of mentions. */
  private readonly starts = new Set<number>();
  private readonly mentionAt = new Map<number, Mention>();
  /** Names and resolved subject pronouns outside quotation marks, in text order. */
  private readonly candidates: Candidate[] = [];
  /** People introduced by a description only, as stand-in entities (never listed on the card). */
  private readonly unnamedOf = new Map<Entity, Unnamed>();
  private readonly unnamedAt = new Map<number, Entity>();
  /** Candidates before this index are resolved. */
  private settled = 0;

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
    for (const m of ix.mentions) {
      this.starts.add(m.from);
      this.mentionAt.set(m.from, m);
    }
    const salience = new MentionSalience(ix, w);
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
        if (!quoted(m.start)) this.candidates.push({ entity: ix.entities[m.entity]!, start: m.start, sentence: m.sentence, weight: salience.weight(m) });
        continue;
      }
      const tok = tokens[t]!;
      // A definite description as subject ("The senator later told ...") and a subject pronoun ("She says ...
      // She tweeted") carry whom they mean forward; they are resolved in text order, once the quotes before
      // them have their speakers ("“...,” Moss said. But he agreed ...": Moss).
      if ((tok.norm === "the" || tok.norm === "he" || tok.norm === "she") && !quoted(tok.start)) {
        this.candidates.push({ entity: undefined, start: tok.start, sentence: tok.sentence, weight: tok.norm === "the" ? this.w.description : this.w.pronoun, pending: t });
      }
    }
  }

  /** Resolves the subject pronouns and descriptions before offset `at`, in text order. */
  private settle(at: number, history: readonly SpeakerEvent[]): void {
    const { tokens } = this.ix;
    while (this.settled < this.candidates.length && this.candidates[this.settled]!.start < at) {
      const c = this.candidates[this.settled++]!;
      if (c.pending === undefined) continue;
      const t = c.pending;
      c.pending = undefined;
      const tok = tokens[t]!;
      if (tok.norm === "the") {
        const d = this.subjectDescription(t);
        const e = d && this.description(d, history);
        if (e && e.type === "person") c.entity = e;
        continue;
      }
      const others = this.namedInClause(t + 1);
      const fit = this.genderFit(tok.norm === "he" ? "m" : "f");
      const e = this.best(tok.start, tok.sentence, PRONOUN_REACH, others.size ? (x) => (others.has(x) ? -99 : fit(x)) : fit, history);
      c.entity = e;
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
    this.settle(t.start, history);
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
    this.settle(tokens[ref.from]!.start, history);
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
    // Someone of an organisation named in the description ("the Herald editor") is not the person at hand
    // when the article gave that person another role ("Mr Dale, MP for Ashford"): the description stays.
    let ofBody = false, ofNamed = false;
    for (let i = ref.from; i < ref.to; i++) {
      if (tokens[i]!.possessive && !tokens[i]!.cap) ofBody = true;
      const m = this.mentionAt.get(i);
      if (m && m.to < ref.to && this.ix.entities[m.entity]!.type === "organization") ofNamed = true;
    }
    if (!generic && !ofBody && (ROLE_NOUNS.has(head) || personHead && !PERSON_NOUNS.has(head)) && !INDEFINITE.has(tokens[ref.from]!.norm) && !(head.endsWith("s") && ROLE_NOUNS.has(singular))) {
      const near = this.best(t.start, t.sentence, 4, (e) => (e.type === "person" && (!gender || !this.gender(e) || this.gender(e) === gender) ? 0 : -99), history);
      return ofNamed && near?.role ? undefined : near;
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
      if (c.entity) consider(c.entity, c.weight - this.distance(sentence, c.sentence));
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

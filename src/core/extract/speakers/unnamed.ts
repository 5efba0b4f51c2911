// People an article brings in by a description and never names: "A senior official at the ministry, who
// asked not to be named, said ...", "Portugal's prime minister was more cautious." They are antecedents
// like named people: a later "he" or "the official" means them, not someone named further back, and
// the quote goes to the description rather than to a wrong name.
import type { Entity } from "../../types.js";
import type { EntityIndex, Gender, Mention, Token } from "../entities.js";
import { OFFICE_HEADS, ORG_WORDS, ROLE_NOUNS, TITLES } from "../entities/lexicon.js";
import { roleGender } from "../entities/names.js";
import { ADVERBS, PERSON_NOUNS, SPEECH_VERBS } from "./lexicon.js";

export interface Unnamed {
  /** Token range [from, to) of the description, its prepositional phrase included. */
  from: number;
  to: number;
  /** The description as written, a leading article in lower case ("a senior official at the ministry"). */
  text: string;
  sentence: number;
  /** Salience as an antecedent, on the scale of a named mention's. */
  weight: number;
  gender?: Gender;
  /** An office or campaign of a named person ("Moss's office"), not a person. */
  organization?: boolean;
}

// Openers of someone new. A definite "the minister" most often points back to someone named, so only
// indefinites and a place's or organisation's possessive ("Portugal's prime minister", "the union's
// treasurer") open one here.
const INDEFINITE = new Set(["a", "an", "one", "another"]);
// A prepositional phrase may follow the head ("a spokesman for the company", "an official at the port").
const PP_OPENERS = new Set(["at", "for", "of", "from", "with", "in", "on", "close", "familiar"]);
// Words that end a phrase: a verb or a clause has begun.
const VERBISH = new Set(["was", "is", "were", "are", "has", "had", "have", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "who", "which", "that", "and", "or", "but", "when", "while", "because", "if", "also", "then", "not"]);
const PLACE_NOUNS = new Set(["city", "town", "village", "country", "state", "county", "region", "province", "district", "nation", "island"]);
const RELATIVE = new Set(["who", "which", "that"]);
const AUXILIARY = new Set(["has", "had", "have", "will", "would", "could", "should", "may", "might", "must", "did", "does", "not", "also", "never"]);
// Verbs that give a stance rather than an act ("was more cautious", "seemed unconvinced").
const COPULA = new Set(["was", "is", "were", "are", "been", "be", "seemed", "seems", "appeared", "appears", "remained", "remains", "sounded", "sounds", "looked", "looks", "felt", "feels", "agreed", "agrees", "disagreed", "disagrees", "doubted", "doubts", "welcomed", "welcomes", "objected", "objects"]);
const QUESTION = new Set(["asked", "asks", "questioned", "wondered", "inquired", "queried"]);
// Words no modifier is: another phrase or a pronoun begins ("an ideal situation the student says").
const CLOSED = new Set(["the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "my", "our", "your", "he", "she", "they", "it", "we", "i", "you"]);
// Nouns that say only what someone is, which the person the lede goes on to name fulfils.
const GENERIC = new Set(["man", "woman", "girl", "boy", "person", "mother", "father", "teenager", "resident", "student"]);
// Past forms with no -ed, and auxiliaries: what can follow a singular subject besides "-s" and "-ed".
const IRREGULAR = new Set(["said", "told", "wrote", "spoke", "gave", "took", "made", "thought", "felt", "knew", "saw", "went", "came", "put", "sent", "kept", "left", "became", "began", "held", "stood", "ran", "got", "found", "brought", "led", "met", "paid", "read", "set", "let", "cannot", "can't", "won't", "didn't", "doesn't", "wasn't", "hasn't"]);
const finite = (w: string) => /(?:s|ed)$/.test(w) || IRREGULAR.has(w) || VERBISH.has(w);
const AGENT = /^[a-z-]{3,}(er|or|ist|ian)$/;
const MAX_MODIFIERS = 6;
const MAX_PP = 7;

const personNoun = (t: Token) => !t.cap && (ROLE_NOUNS.has(t.norm) || TITLES.has(t.norm) || PERSON_NOUNS.has(t.norm) || AGENT.test(t.norm));
// "officials", "residents": many people, whom "he" or "the official" does not take up.
const PLURALS = new Set(["people", "men", "women", "children", "folks", "police", "staff", "crowd", "family", "couple", "group", "team"]);
const plural = (t: Token) => PLURALS.has(t.norm) || (t.norm.endsWith("s") && !t.norm.endsWith("ss") && personNoun({ ...t, norm: t.norm.slice(0, -1) }));
// "a billion people", "a dozen workers": a number makes many.
const NUMBERS = new Set(["hundred", "thousand", "million", "billion", "dozen", "couple", "few", "number", "lot", "group", "handful", "pair"]);
const verbLike = (t: Token) => SPEECH_VERBS.has(t.norm) || VERBISH.has(t.norm) || /ed$/.test(t.norm);

/**
 * Every unnamed person introduced as a clause subject, in text order.
 */
export function findUnnamed(ix: EntityIndex): Unnamed[] {
  const { tokens, mentions, entities } = ix;
  const mentionAt = (t: number) => starts.get(t);
  const isPerson = (m: Mention) => entities[m.entity]?.type === "person";
  const starts = new Map(mentions.map((m) => [m.from, m]));
  const ends = new Map(mentions.map((m) => [m.to - 1, m]));
  const roleWords = new Map<Entity, Set<string>>();
  for (const e of entities) if (e.type === "person" && e.role) roleWords.set(e, new Set(e.role.toLowerCase().split(/[\s,]+/)));
  const introduced = new Set<Mention>();
  const seen = new Set<number>();
  for (const m of mentions) if (!seen.has(m.entity)) (seen.add(m.entity), introduced.add(m));
  // Someone named before token `at` has a role with all these words ("Mayor Ingrid Alder ... the town's mayor").
  const namedRole = (words: readonly string[], at: number) => {
    for (const m of mentions) {
      if (m.from >= at) break;
      const role = roleWords.get(entities[m.entity]!);
      if (role && words.every((w) => role.has(w))) return true;
    }
    return false;
  };
  // The lede's description of the person named right after it: "..., a port engineer says. Chief
  // engineer Ada Moss said", "A young man has rowed the Atlantic ... Ben Aho, 23, said".
  const namedNext = (head: string, gender: Gender | undefined, sentence: number, from: number) => {
    for (const m of mentions) {
      if (m.from <= from || !introduced.has(m) || !isPerson(m)) continue;
      if (m.sentence > sentence + 2) break;
      const e = entities[m.entity]!;
      const g = ix.gender(e);
      if (gender && g && g !== gender) continue;
      if (roleWords.get(e)?.has(head) || (GENERIC.has(head) && !e.role)) return true;
    }
    return false;
  };
  const out: Unnamed[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    const prev = tokens[i - 1];
    // "Piotr Lis, a carpenter who ...": an appositive of a name is that person.
    if (prev?.text === "," && ends.has(i - 2)) continue;
    const clauseStart = !prev || prev.sentence !== t.sentence || prev.text === "," || prev.text === ";" || prev.norm === "but" || prev.norm === "and";
    const opener = mentionAt(i);
    let j: number;
    if (INDEFINITE.has(t.norm)) j = i + 1;
    else if (opener && !isPerson(opener) && tokens[opener.to - 1]!.possessive) j = opener.to;
    // "the union's general secretary": an office of a body, not a pointer back to someone named.
    else if (t.norm === "the" && tokens[i + 1]?.possessive && !tokens[i + 1]!.cap && (ORG_WORDS.has(tokens[i + 1]!.norm) || PLACE_NOUNS.has(tokens[i + 1]!.norm))) j = i + 2;
    else continue;
    // Modifiers up to the head, a person noun: "a senior official", "Portugal's prime minister".
    let head = -1;
    for (let k = j; k < tokens.length && k - j < MAX_MODIFIERS; k++) {
      const u = tokens[k]!;
      if (!u.word || u.sentence !== t.sentence || u.possessive || verbLike(u) || NUMBERS.has(u.norm) || CLOSED.has(u.norm) || PP_OPENERS.has(u.norm) || mentionAt(k)?.from === k && isPerson(mentionAt(k)!)) break;
      head = personNoun(u) ? k : -1;
      if (head < 0 && !u.cap && !/^[a-z-]+$/.test(u.norm) && !/^\d/.test(u.norm)) break;
    }
    // The phrase must end on its person noun ("a senior official", not "a senior official's car").
    if (head < 0 || plural(tokens[head]!)) continue;
    let end = head + 1;
    // A prepositional phrase after the head, up to a comma or a verb ("at the grid operator").
    if (tokens[end] && PP_OPENERS.has(tokens[end]!.norm)) {
      let k = end + 1;
      while (k < tokens.length && k - end <= MAX_PP && tokens[k]!.word && tokens[k]!.sentence === t.sentence && !verbLike(tokens[k]!) && !ADVERBS.has(tokens[k]!.norm) && !/ly$/.test(tokens[k]!.norm)) k++;
      if (k > end + 1) end = k;
    }
    // Adverbs between subject and verb ("a spokesman later said").
    let v = end;
    while (tokens[v] && tokens[v]!.word && !tokens[v]!.cap && (ADVERBS.has(tokens[v]!.norm) && !finite(tokens[v]!.norm) && tokens[v]!.norm !== "do" || /ly$/.test(tokens[v]!.norm))) v++;
    const next = tokens[v];
    if (!next || next.sentence !== t.sentence) continue;
    // "A spokesman declined to comment", "did not respond", "could not be reached": someone who said nothing.
    const then = tokens[v + 1]?.norm;
    if (next.norm === "declined" || next.norm === "refused" || ((next.norm === "did" || next.norm === "could" || next.norm === "has") && then === "not")) continue;
    // "Portugal's prime minister" is the prime minister named before, if the article named one.
    if (!INDEFINITE.has(t.norm) && namedRole(tokens.slice(j, head + 1).map((u) => u.norm), i)) continue;
    // "A lawyer for the family, Ben Ross, said": the description is the role of the name that follows.
    if (mentionAt(end) || (next.text === "," && mentionAt(end + 1))) continue;
    let speaks: boolean;
    let verb: Token | undefined;
    if (next.text === "," && RELATIVE.has(tokens[end + 1]?.norm ?? "")) {
      // "..., who asked not to be named, said": the verb after the relative clause.
      let k = end + 2;
      while (k < tokens.length && k - end < 20 && tokens[k]!.sentence === t.sentence && tokens[k]!.text !== ",") k++;
      verb = tokens[k + 1];
      speaks = !!verb && SPEECH_VERBS.has(verb.norm);
    } else if (RELATIVE.has(next.norm)) {
      // "A man who lives nearby said": only a speech verb later in the sentence makes the phrase its subject.
      let k = end + 1;
      let named = false;
      while (k < tokens.length && k - end < 14 && tokens[k]!.sentence === t.sentence && !SPEECH_VERBS.has(tokens[k]!.norm)) {
        // "A woman who lives next door, Emma Stone, said": the name is hers.
        if (tokens[k - 1]!.text === "," && mentionAt(k)) named = true;
        k++;
      }
      speaks = !named && !!tokens[k] && tokens[k]!.sentence === t.sentence && k - end < 14;
      verb = tokens[k];
      if (!speaks) continue;
    } else {
      // A singular subject takes a finite verb: "a major reason" or "a police report" goes on as a noun.
      if (!(next.word && !next.cap && finite(next.norm))) continue;
      // The main verb past auxiliaries ("has said", "had been", "would not say").
      let k = v;
      while (AUXILIARY.has(tokens[k]!.norm) && tokens[k + 1]?.word && tokens[k + 1]!.sentence === t.sentence && !tokens[k + 1]!.cap) k++;
      verb = tokens[k]!;
      speaks = SPEECH_VERBS.has(verb.norm);
    }
    // Elsewhere than at a clause's start, only a speech verb right after makes it a subject (", an aide said").
    if (!clauseStart && !(speaks && SPEECH_VERBS.has(next.norm))) continue;
    const gender = roleGender(tokens[head]!.norm);
    if (namedNext(tokens[head]!.norm, gender, t.sentence, end)) continue;
    const raw = spell(tokens, i, end);
    const first = !prev || prev.sentence !== t.sentence;
    out.push({
      from: i,
      to: end,
      text: opener ? raw : raw.charAt(0).toLowerCase() + raw.slice(1),
      sentence: t.sentence,
      // As salient as a named subject when a voice: one who speaks (one who only asks gains nothing, the
      // answer is someone else's) or whose stance the sentence gives ("was more cautious"). One who only
      // acts ("a federal judge blocked the order") is part of the news, seldom its source: less.
      weight: 2 + (first ? 0.3 : 0) + voice(speaks, verb),
      ...(gender ? { gender } : {}),
    });
    i = end - 1;
  }
  return out;
}

function voice(speaks: boolean, verb: Token | undefined): number {
  if (!verb) return 0;
  if (speaks) return QUESTION.has(verb.norm) ? 0 : 1;
  return COPULA.has(verb.norm) ? 0 : -1;
}

/** The words of tokens [from, to) as written, one space where the text has any. */
function spell(tokens: readonly Token[], from: number, to: number): string {
  let s = tokens[from]!.text;
  for (let k = from + 1; k < to; k++) s += (tokens[k]!.start > tokens[k - 1]!.end ? " " : "") + tokens[k]!.text;
  return s;
}


/**
 * The person mention at tokens [from, to) heads an office or campaign of theirs ("Moss's office", "the
 * Varga campaign"): the token of that head, else undefined. Not when a role follows ("the Varga campaign
 * manager Ben Ross" is Ben Ross), and a bare name needs "the" before it ("a Varga campaign event" is none).
 */
export function officeHeadAfter(tokens: readonly Token[], from: number, to: number): number | undefined {
  const head = tokens[to];
  const last = tokens[to - 1]!;
  if (!head || !head.word || head.cap || head.sentence !== last.sentence || !OFFICE_HEADS.has(head.norm)) return undefined;
  if (!last.possessive && tokens[from - 1]?.norm !== "the") return undefined;
  const next = tokens[to + 1];
  if (next && next.sentence === head.sentence && next.word && (personNoun(next) || next.cap || ORG_WORDS.has(next.norm) || ROLE_NOUNS.has(next.norm))) return undefined;
  return to;
}

/**
 * Offices and campaigns of named people, in text order, as stand-ins like unnamed people: a later "the
 * campaign", "the statement" or "it" means them, and a quote of theirs goes to them as written.
 */
export function findOffices(ix: EntityIndex): Unnamed[] {
  const { tokens, mentions, entities } = ix;
  const out: Unnamed[] = [];
  for (const m of mentions) {
    if (entities[m.entity]?.type !== "person") continue;
    const head = officeHeadAfter(tokens, m.from, m.to);
    if (head === undefined) continue;
    const from = tokens[m.from - 1]?.norm === "the" && !tokens[m.to - 1]!.possessive ? m.from - 1 : m.from;
    const next = tokens[head + 1];
    const prev = tokens[from - 1];
    const clauseStart = !prev || prev.sentence !== tokens[from]!.sentence || prev.text === "," || prev.norm === "and" || prev.norm === "but";
    // A subject that speaks is as salient as a named speaker; one that is merely mentioned, less.
    const subject = clauseStart && !!next && next.sentence === tokens[head]!.sentence && (next.text === "," || (next.word && !next.cap && finite(next.norm)));
    const raw = spell(tokens, from, head + 1);
    out.push({
      from,
      to: head + 1,
      text: raw.charAt(0).toLowerCase() === "t" && from < m.from ? raw.charAt(0).toLowerCase() + raw.slice(1) : raw,
      sentence: tokens[from]!.sentence,
      weight: subject ? 2 + (next && SPEECH_VERBS.has(next.norm) ? 1 : 0) : 0.5,
      organization: true,
    });
  }
  return out;
}

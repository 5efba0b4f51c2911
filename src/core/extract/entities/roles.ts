// Roles the text gives a person: before the name ("MSNBC host Chris Matthews") or in apposition after it
// ("Hugh Hill, a doctor at the clinic, said").
import { HONORIFICS, NOT_NAMES, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "./lexicon.js";
import { SPEECH_VERBS } from "../speakers/lexicon.js";
import { isStopword, tagText } from "../../text/index.js";
import { tokenAt, type Token } from "./tokens.js";

const STOP_LEFT = new Set(["the", "a", "an", "and", "or", "but", "said", "says", "told", "that", "with", "by", "to", "from", "for", "as", "in", "on", "at"]);
const isRoleWord = (t: Token) => ROLE_NOUNS.has(t.norm) || TITLES.has(t.norm);
// Words that end an appositive: a clause or a verb has begun.
const APPOSITIVE_END = new Set(["who", "whose", "whom", "where", "which", "that", "said", "says", "told", "added", "wrote", "when", "while", "because", "is", "was", "has", "had"]);

// Nouns for people by what they do ("master", "historian", "economist", "resident"), after "a" or "the".
const AGENT_NOUN = /^[a-z-]{3,}(er|or|ist|ian|ant)$/;

/** A form of address written before a name ("Dr", "Prof.", "Rev"): no role of its own where the sentence tells one. */
const ADDRESS = /^(?:dr|prof|rev)\.?$/i;

/**
 * The role the sentence gives the person named at tokens [from, to): a title inside the name (`title`), else
 * one before the name, in apposition before it, or after it. A form of address before the name ("Dr",
 * "Prof.") gives way to a role in apposition before it ("Its author, Dr Lena Kowalski, said") or after it.
 */
export function personRole(text: string, tokens: readonly Token[], from: number, to: number, title?: string): string | undefined {
  const before = title ?? roleBefore(text, tokens, from);
  const address = from - (tokens[from - 1]?.text === "." ? 2 : 1);
  if (before && ADDRESS.test(before) && ADDRESS.test(tokens[address]?.text ?? "")) {
    return roleAppositiveBefore(text, tokens, address, to) ?? roleAfter(text, tokens, to) ?? roleByOffice(text, tokens, to) ?? before;
  }
  return before ?? roleAppositiveBefore(text, tokens, from, to) ?? roleAfter(text, tokens, to) ?? roleByOffice(text, tokens, to);
}

/** A role phrase written just before a name (lower-case role nouns and modifiers, possibly an org name). */
export function roleBefore(text: string, tokens: readonly Token[], at: number): string | undefined {
  // The role stands before an honorific, which is no part of it ("Agency chief executive Dame Helen Morley").
  const hon = tokens[at - 1]?.text === "." && tokens[at - 1]!.start === tokens[at - 2]?.end ? at - 2 : at - 1;
  const nameFrom = at > 1 && HONORIFICS.has(tokens[hon]?.norm ?? "") ? hon : at;
  let i = nameFrom - 1;
  let from = nameFrom;
  let hasRole = false;
  let free = 0;
  while (i >= 0) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!t.word || t.sentence !== next.sentence || next.start - t.end > 1) break;
    if (STOP_LEFT.has(t.norm) || (t.norm === "of" && !next.cap)) break;
    // "NASA chief geologist Irene Walsh": a noun for what someone does, after a title or a name, is a role too.
    const before = tokens[i - 1];
    const agent = i === nameFrom - 1 && !t.cap && AGENT_NOUN.test(t.norm) && !!before && before.sentence === t.sentence && (isRoleWord(before) || ROLE_MODIFIERS.has(before.norm) || (before.cap && before.word));
    if (isRoleWord(t) || agent) hasRole = true;
    else if (!(t.cap || ROLE_MODIFIERS.has(t.norm) || t.norm === "of" || /^(then|ex)-/.test(t.norm))) {
      // A plain noun or two before the role word ("radio host", "talk-show host").
      if (!hasRole || free >= 2 || SPEECH_VERBS.has(t.norm) || NOT_NAMES.has(t.norm) || /(ly|ed|ing)$/.test(t.norm) || isStopword(t.norm)) break;
      // Nor a verb or any other word that is no noun where it stands ("... to replace Arsenal boss X").
      const tag = tagText(text.slice(t.start, tokens[nameFrom - 1]!.end))[0]?.pos;
      if (tag !== "NOUN" && tag !== "ADJ" && tag !== "PROPN" && tag !== "NUM") break;
      free++;
    }
    if (t.possessive && from !== nameFrom) break;
    from = i;
    i--;
  }
  // The role must end on its role word ("host", "Secretary of State") or a capitalised word of it.
  while (from < nameFrom && tokens[from]!.norm === "of") from++;
  if (!hasRole || from >= nameFrom) return undefined;
  const last = tokens[nameFrom - 1]!;
  // ("under", "after" end in -er too, and are no one's role.)
  if (!(isRoleWord(last) || last.cap || (AGENT_NOUN.test(last.norm) && !isStopword(last.norm)))) return undefined;
  return text.slice(tokens[from]!.start, last.end);
}

/** A role in apposition after a name: ", a doctor at the clinic," -> "doctor at the clinic". */
export function roleAfter(text: string, tokens: readonly Token[], nameTo: number): string | undefined {
  const r = roleAfterRange(text, tokens, nameTo);
  return r && text.slice(tokens[r.from]!.start, tokens[r.to - 1]!.end);
}

/**
 * A role in apposition after a name that is closed by a comma, and opens on a role word, a modifier of one
 * or a name (", MP for Ashford,", ", the club's coach,"): after a surname alone the comma often goes on
 * with something else (", running for president", ", along with ..."), so only that form is read there.
 */
export function closedRoleAfter(text: string, tokens: readonly Token[], nameTo: number): string | undefined {
  const r = roleAfterRange(text, tokens, nameTo);
  if (!r || tokens[r.to]?.text !== ",") return undefined;
  const first = tokens[r.from]!;
  const opens = isRoleWord(first) || ROLE_MODIFIERS.has(first.norm) || first.cap || first.possessive;
  return opens ? text.slice(first.start, tokens[r.to - 1]!.end) : undefined;
}

// Verbs of holding an office, and the role noun each gives ("who chairs the committee" -> "chair of the committee").
const OFFICE_VERBS: ReadonlyMap<string, string> = new Map([
  ["chairs", "chair"], ["heads", "head"], ["leads", "leader"], ["runs", "head"], ["directs", "director"], ["manages", "manager"],
  ["edits", "editor"], ["coaches", "coach"], ["captains", "captain"], ["founded", "founder"], ["owns", "owner"],
]);

/**
 * A role told by a relative clause after the name: "Dr Amina Yusuf, who chairs the doctors' committee," ->
 * "chair of the doctors' committee". The clause's object runs to its comma or the sentence's end (at most
 * eight words), and must open with a determiner or a possessor.
 */
export function roleByOffice(text: string, tokens: readonly Token[], nameTo: number): string | undefined {
  const comma = tokens[nameTo];
  const who = tokens[nameTo + 1];
  const verb = tokens[nameTo + 2];
  const noun = verb && OFFICE_VERBS.get(verb.norm);
  if (comma?.text !== "," || who?.norm !== "who" || !noun || verb!.sentence !== comma.sentence) return undefined;
  const from = nameTo + 3;
  const first = tokens[from];
  // A name right after "leads" is more often a rival behind in a race ("leads Tom Pell by 4 points").
  const named = first?.cap && first.word && verb!.norm !== "leads" && !HONORIFICS.has(first.norm) && !TITLES.has(first.norm);
  if (!first || !(first.norm === "the" || first.norm === "a" || first.norm === "an" || first.possessive || named)) return undefined;
  let j = from;
  // The phrase ends at its comma or the sentence's end; another clause ("and retains ...") leaves it unread.
  while (j < tokens.length && j - from < 8 && tokens[j]!.sentence === comma.sentence && !/^(and|or|but|by|with)$/.test(tokens[j]!.norm) &&
    (tokens[j]!.word || tokens[j]!.text === "'" || tokens[j]!.text === "’" || tokens[j]!.text === "-")) j++;
  const end = tokens[j];
  const last = tokens[j - 1];
  const stop = end?.text === "." && !!last && !HONORIFICS.has(last.norm) && !TITLES.has(last.norm) && !/^\p{L}$/u.test(last.text);
  if (j === from || (end && end.sentence === comma.sentence && end.text !== "," && end.text !== ";" && !stop)) return undefined;
  return `${noun} of ${text.slice(first.start, tokens[j - 1]!.end)}`;
}

/** The role's tokens [from, to) for roleAfter. */
function roleAfterRange(text: string, tokens: readonly Token[], nameTo: number): { from: number; to: number } | undefined {
  const comma = tokens[nameTo];
  if (!comma || comma.text !== ",") return undefined;
  let i = nameTo + 1;
  // An age between commas ("Hill, 45, a doctor").
  if (tokens[i] && /^\d+$/.test(tokens[i]!.text) && tokens[i + 1]?.text === ",") i += 2;
  const first = tokens[i];
  if (!first || first.sentence !== comma.sentence) return undefined;
  let from = i;
  if (first.norm === "a" || first.norm === "an" || first.norm === "the") from = i + 1;
  let hasRole = false;
  let j = from;
  for (; j < tokens.length && j - from < 16; j++) {
    const t = tokens[j]!;
    if (t.sentence !== comma.sentence || (!t.word && t.text !== "-" && t.text !== "'" && t.text !== "’")) break;
    if (APPOSITIVE_END.has(t.norm)) break;
    if ((isRoleWord(t) || (from > i && AGENT_NOUN.test(t.norm) && !t.cap)) && j - from < 8) hasRole = true;
  }
  if (!hasRole || j === from) return undefined;
  j = clauseEnd(text, tokens, from, j);
  // A preposition or conjunction left dangling at the end is cut.
  while (j > from && /^(and|or|of|at|for|in|the|a|an|until|since|after|before|because|while|when|as|if)$/.test(tokens[j - 1]!.norm)) j--;
  if (j === from) return undefined;
  return { from, to: j };
}

/**
 * Where the role's clause ends, by the tagger (wink-nlp): before a finite verb ("a spokesman for the
 * ministry declined to comment"), a subordinating conjunction or a pronoun subject ("until he retired").
 * Participles stay: "a lawyer representing the family", "an engineer hired by the firm".
 */
function clauseEnd(text: string, tokens: readonly Token[], from: number, to: number): number {
  const start = tokens[from]!.start;
  const tagged = tagText(text.slice(start, tokens[to - 1]!.end));
  for (const t of tagged) {
    const i = tokenAt(tokens, start + t.start);
    if (i <= from || i >= to || tokens[i]!.start !== start + t.start) continue;
    const participle = /ing$/.test(t.text) || tokens[i + 1]?.norm === "by";
    if (((t.pos === "VERB" || t.pos === "AUX") && !participle) || t.pos === "SCONJ" || t.pos === "PRON") return i;
  }
  return to;
}

// Words that end a role phrase read backwards from a name: a clause or another phrase begins there.
const CONNECTIVES = new Set(["but", "and", "yet", "so", "meanwhile", "however", "still", "now", "then"]);
const ROLE_PHRASE_STOP = new Set([...APPOSITIVE_END, "and", "or", "but", "if", "as", "than"]);
// An article, or a possessive determiner whose owner the sentence before named ("Its chief executive, Raj
// Patel, said" -> "chief executive").
const ROLE_OPENERS = new Set(["a", "an", "the", "one", "another", "its", "their", "his", "her"]);

/**
 * A role in apposition before a name, opened by an article at the start of its clause:
 * "The regional fire chief, Ana Duarte, said" -> "regional fire chief";
 * "A lawyer for the family, Ben Ross, told" -> "lawyer for the family".
 */
export function roleAppositiveBefore(text: string, tokens: readonly Token[], nameFrom: number, nameTo: number): string | undefined {
  const comma = tokens[nameFrom - 1];
  const close = tokens[nameTo];
  if (comma?.text !== ",") return undefined;
  // A name that ends its sentence takes only a role after an inverted verb of saying ("said the firm's
  // security chief, Ivo Brand."); elsewhere the name is closed by a comma or a bracket.
  const ends = !close || close.sentence !== comma.sentence || /^[.!?]$/.test(close.text);
  if (!ends && !(close.text === "," || close.text === "(")) return undefined;
  let hasRole = false;
  // The shortest phrase from an article inside the sentence ("met the mayor, John Smith,"): used when
  // the longer reading back finds no clause start, if it ends on a role word.
  let inner: number | undefined;
  const last = tokens[nameFrom - 2];
  const fallback = () => (inner !== undefined && last && isRoleWord(last) ? text.slice(tokens[inner]!.start, last.end) : undefined);
  // Whether the words read so far make a role phrase on their own: it ends on its role word, and before
  // that come role words, modifiers, names, a possessor, an article after the verb, or two plain nouns at most.
  let phrase = true;
  let free = 0;
  for (let i = nameFrom - 2; i >= 0 && nameFrom - i <= 16; i--) {
    const t = tokens[i]!;
    if (t.sentence !== comma.sentence || (!t.word && t.text !== "-" && t.text !== "'" && t.text !== "’")) return ends ? undefined : fallback();
    // After an inverted verb of saying ("said EEF chief economist, Ana Ruiz"): the role phrase between them.
    if (SPEECH_VERBS.has(t.norm) && !t.cap && phrase && hasRole && i + 1 < nameFrom - 1) {
      const from = ROLE_OPENERS.has(tokens[i + 1]!.norm) ? i + 2 : i + 1;
      if (from < nameFrom - 1) return text.slice(tokens[from]!.start, tokens[nameFrom - 2]!.end);
    }
    if (ROLE_PHRASE_STOP.has(t.norm) || SPEECH_VERBS.has(t.norm)) return ends ? undefined : fallback();
    const roleWord = isRoleWord(t) || (AGENT_NOUN.test(t.norm) && !t.cap);
    if (phrase) {
      const opener = ROLE_OPENERS.has(t.norm) && SPEECH_VERBS.has(tokens[i - 1]?.norm ?? "");
      if (i === nameFrom - 2 && !roleWord) phrase = false;
      else if (!(roleWord || opener || t.cap || t.possessive || ROLE_MODIFIERS.has(t.norm))) {
        if (++free > 2 || NOT_NAMES.has(t.norm) || /(ly|ed|ing)$/.test(t.norm)) phrase = false;
      }
    }
    if (ends) {
      // A name ending its sentence: only that role phrase, read back to the verb.
      if (!phrase) return undefined;
      hasRole ||= roleWord;
      continue;
    }
    if (roleWord) hasRole = true;
    // "Portugal's finance minister, Rui Lobo," opens with its possessor; "the", "a" open before the role.
    const possessor = t.possessive && t.cap;
    if (!ROLE_OPENERS.has(t.norm) && !possessor) continue;
    // A possessor of several words opens where its name does ("Kestrel Line's chief executive, ...").
    if (possessor) while (i > 0 && tokens[i - 1]!.sentence === t.sentence && tokens[i - 1]!.word && tokens[i - 1]!.cap && !tokens[i - 1]!.possessive && !NOT_NAMES.has(tokens[i - 1]!.norm) && tokens[i]!.start - tokens[i - 1]!.end === 1) i--;
    // The article opens the clause: the sentence's first word (after a connective: "But the ..."), or after
    // a comma or colon.
    const before = tokens[i - 1];
    const connective = !!before && CONNECTIVES.has(before.norm) && tokens[i - 2]?.sentence !== t.sentence;
    if (before && before.sentence === t.sentence && before.text !== "," && before.text !== ":" && !connective) {
      // "at the city's ...", "of the union": an article inside the phrase; keep reading back.
      if (before.word) {
        if (inner === undefined && hasRole && !possessor && i + 1 < nameFrom - 1) inner = i + 1;
        continue;
      }
      return fallback();
    }
    const from = possessor ? i : i + 1;
    if (!hasRole || from >= nameFrom - 1) return undefined;
    return text.slice(tokens[from]!.start, tokens[nameFrom - 2]!.end);
  }
  return fallback();
}

// Capitalised name sequences: the runs of capitalised words of a text, each typed by kinds.ts.
import { CONNECTORS, HEADLINE_VERBS, HONORIFICS, NOT_NAMES, ORG_WORDS, ROLE_MODIFIERS, TITLES } from "./lexicon.js";
import { isCommonWord } from "../../text/index.js";
import { placeKind } from "./places.js";
import { markTeams } from "./teams.js";
import { datelineAt, shoutedNames, shoutedSentences, titleCase, type ShoutedName } from "./shouted.js";
import { isInitial, type Token } from "./tokens.js";
import type { Gender } from "./gender.js";
import { classify, isFirstName } from "./kinds.js";

// The gender helpers lived here first; the speaker pass still imports them from this file.
export { firstNameGender, roleGender, type Gender } from "./gender.js";

export interface NameSeq {
  /** Token indexes [from, to) of the name proper (titles excluded). */
  from: number;
  to: number;
  kind: "person" | "organization" | "place" | "single";
  /** Role from a title inside the sequence ("Secretary of State"). */
  title?: string;
  gender?: Gender;
  /** The gender came from an honorific ("Mrs."). */
  honorific?: boolean;
  /** The name as written, without titles or a possessive 's. */
  name: string;
  /** A lone word a gazetteer knows as a place: a place unless a person named earlier bears it as surname. */
  placeLike?: boolean;
  /** The place of a dateline ("OSLO 2024-05-02"). */
  dateline?: boolean;
  /** A lone word that is also an everyday English word ("Turn", "Woods"): a known surname, never a new person. */
  weak?: boolean;
}

const joins = (text: string, a: Token, b: Token) => b.start - a.end <= 1 && (b.start === a.end || text[a.end] === " ");

/** Finds the capitalised sequences of the text and classifies them. */
export function findNameSeqs(text: string, tokens: readonly Token[]): NameSeq[] {
  const out: NameSeq[] = [];
  // Words the text also writes in lower case are common words when they open a sentence ("Citing").
  const lower = new Set<string>();
  for (const t of tokens) if (t.word && !t.cap) lower.add(t.norm);
  const shouted = shoutedSentences(tokens);
  const held = new Map<number, number[]>();
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.word && t.cap) {
      const dateline = datelineAt(tokens, i);
      if (dateline) {
        const [a, b] = dateline;
        const name = titleCase(text.slice(t.start, tokens[b - 1]!.end));
        out.push({ from: a, to: b, kind: "place", name, dateline: true });
        i = b;
        continue;
      }
    }
    // Words of a line in capitals wait until the body's names are known.
    if (shouted.has(t.sentence)) {
      if (t.word) held.set(t.sentence, [...(held.get(t.sentence) ?? []), i]);
      i++;
      continue;
    }
    if (!t.word || !t.cap) {
      i++;
      continue;
    }
    // "Council for Trade and Industry in Ruritania (CTIR)": the letters in brackets spell the whole name.
    // A sentence's "The" is no part of it.
    const from = NOT_NAMES.has(t.norm) && tokens[i + 1]?.cap ? i + 1 : i;
    const spelled = spelledByAcronym(text, tokens, from);
    if (spelled !== undefined) {
      const name = text.slice(tokens[from]!.start, tokens[spelled]!.end);
      out.push({ from, to: spelled + 1, kind: placeKind(name) ? "place" : "organization", name });
      i = spelled + 1;
      continue;
    }
    // Extend over capitalised words, initials with their dot, and connectors followed by a capital.
    const idx: number[] = [i];
    let j = i;
    while (!tokens[j]!.possessive) {
      const cur = tokens[j]!;
      const next = tokens[j + 1];
      if (!next || next.sentence !== cur.sentence) break;
      // A nickname in marks between first name and surname is part of the name ("Ana "Nan" Ruiz", "J. "Red" Moss").
      const nick = isFirstName(cur.norm) || isInitial(cur) ? nicknameAfter(text, tokens, next.text === "." && next.start === cur.end ? j + 1 : j) : undefined;
      if (nick !== undefined) {
        j = nick;
        idx.push(j);
        continue;
      }
      if (next.text === "." && next.start === cur.end && (isInitial(cur) || HONORIFICS.has(cur.norm) || TITLES.has(cur.norm))) {
        const after = tokens[j + 2];
        if (after && after.word && after.cap && after.sentence === cur.sentence && after.start - next.end === 1) {
          j += 2;
          idx.push(j);
          continue;
        }
        break;
      }
      // "Andheri Citizens' Forum", "the Farmers’ Union": the plural of an everyday noun, possessive, before an
      // everyday noun is inside the name; a name's possessive ("Sanders’ Ohio", "Fox News' Chris Wallace") is not.
      const owned = tokens[j + 2];
      if ((next.text === "'" || next.text === "’") && next.start === cur.end && /[^s]s$/.test(cur.norm) && cur.norm !== "news" &&
        isCommonWord(cur.norm) && isCommonWord(cur.norm.slice(0, -1)) && owned?.word && owned.cap && owned.sentence === cur.sentence &&
        owned.start - next.end === 1 && !NOT_NAMES.has(owned.norm) && isCommonWord(owned.norm) && !isFirstName(owned.norm)) {
        j += 2;
        idx.push(j);
        continue;
      }
      if (!joins(text, cur, next)) break;
      // A capitalised function word ends the name: headlines capitalise "With", "As", "To".
      // A capitalised speech verb inside a headline ends the name ("Peter Haines Calls Anna Varga").
      if (next.cap && HEADLINE_VERBS.has(next.norm)) break;
      const initial = isInitial(next) && tokens[j + 2]?.text === ".";
      if (next.word && next.cap && (initial || !(NOT_NAMES.has(next.norm) && !HONORIFICS.has(next.norm) && !/^\p{Lu}{2,}$/u.test(next.text)))) {
        j++;
        idx.push(j);
        continue;
      }
      const after = tokens[j + 2];
      if (next.word && !next.cap && CONNECTORS.has(next.norm) && after?.word && after.cap && !NOT_NAMES.has(after.norm) && joins(text, next, after)) {
        j += 2;
        idx.push(j - 1, j);
        continue;
      }
      // "Wertheim & Co", "Board of Trade and Industry", "Fishing and Forestry Commission": "&" between
      // capitalised words, or "and" inside an organisation's name, joins it.
      if (after?.word && after.cap && !NOT_NAMES.has(after.norm) && joins(text, next, after) && (next.text === "&" || (next.norm === "and" && andJoins(tokens, idx, j + 2) && !placeKind(text.slice(tokens[idx[0]!]!.start, cur.end))))) {
        j += 2;
        idx.push(j - 1, j);
        continue;
      }
      break;
    }
    // "Radio 4", "Group 2", "Formula 1": an everyday word with a number after it is a code, no name of its
    // own ("Ada Walker 3 1 0", a table's row, is no such code).
    const num = tokens[j + 1];
    if (idx.length === 1 && num && /^\d{1,4}$/.test(num.text) && num.sentence === t.sentence && joins(text, tokens[j]!, num) &&
      isCommonWord(t.norm) && !/^[\d(-]/.test(text.slice(num.end, num.end + 2).trim())) {
      i = j + 2;
      continue;
    }
    const first = tokens[idx[0]!]!;
    const prev = tokens[idx[0]! - 1];
    const opens = !prev || prev.sentence !== first.sentence || !prev.word;
    if (opens && idx.length > 1 && (lower.has(first.norm) || /(ing|ed|ly)$/.test(first.norm)) && !isFirstName(first.norm) && !TITLES.has(first.norm) && !ROLE_MODIFIERS.has(first.norm)) idx.shift();
    const before = out.length;
    classify(text, tokens, idx, out, lower);
    // A name holding "Citizens'" or "Farmers’" names a body of them, not a person.
    if (out.length > before && out[out.length - 1]!.kind === "person" && /\p{L}s['’] \p{Lu}/u.test(out[out.length - 1]!.name)) out[out.length - 1]!.kind = "organization";
    i = j + 1;
  }
  if (held.size) {
    const known = new Map<string, ShoutedName["kind"]>();
    for (const s of out) {
      const k = s.name.toLowerCase();
      known.set(k, s.kind);
      if (s.kind === "person" && k.includes(" ")) known.set(k.slice(k.lastIndexOf(" ") + 1), "single");
    }
    for (const sentence of held.values()) for (const n of shoutedNames(text, tokens, sentence, known)) out.push(n);
    out.sort((a, b) => a.from - b.from);
  }
  // "Ada Moss Jr., a lawyer,": the generation suffix's dot belongs to the name, not to the sentence.
  for (const s of out) {
    const last = tokens[s.to - 1]!;
    const dot = tokens[s.to];
    if (s.kind === "person" && /^(jr|sr)$/.test(last.norm) && dot?.text === "." && dot.start === last.end && dot.sentence === last.sentence) {
      s.to++;
      s.name += ".";
    }
  }
  markTeams(tokens, out);
  return out;
}

const SMALL_WORDS = new Set(["of", "the", "and", "for", "in", "on", "at", "to", "de", "la", "del", "des", "du", "&"]);

/**
 * The last token of a name whose initials the acronym in brackets right after it spells
 * ("Council for Trade and Industry in Ruritania (CTIR)"), small words inside; undefined if none.
 */
function spelledByAcronym(text: string, tokens: readonly Token[], i: number): number | undefined {
  const sentence = tokens[i]!.sentence;
  const caps: Token[] = [];
  let j = i;
  for (; j < tokens.length && j - i < 16; j++) {
    const t = tokens[j]!;
    if (t.sentence !== sentence || (j > i && !joins(text, tokens[j - 1]!, t))) return undefined;
    if (t.text === "(") break;
    if (t.word && t.cap) caps.push(t);
    else if (!(SMALL_WORDS.has(t.norm) && tokens[j + 1]?.cap)) return undefined;
  }
  const acr = tokens[j + 1];
  if (caps.length < 3 || tokens[j]?.text !== "(" || tokens[j + 2]?.text !== ")" || !acr || !/^\p{Lu}{3,8}$/u.test(acr.text)) return undefined;
  // Only names a plain run would cut: one with a lower-case word other than "of" inside.
  if (!tokens.slice(i, j).some((t) => t.word && !t.cap && t.norm !== "of")) return undefined;
  const initials = caps.map((t) => t.text[0]!.toLowerCase()).join("");
  return initials === acr.text.toLowerCase() ? j - 1 : undefined;
}

const OPEN_MARKS = new Set(["\"", "“", "‘", "'"]);
const CLOSE_MARKS = new Set(["\"", "”", "’", "'"]);

/**
 * After token `at` (a first name, an initial's dot): a nickname of one or two capitalised words in marks,
 * then the surname (`"Nan" Ruiz`, `''Red'' Moss`). The surname's token index, else undefined.
 */
function nicknameAfter(text: string, tokens: readonly Token[], at: number): number | undefined {
  const sentence = tokens[at]!.sentence;
  let k = at + 1;
  const open = tokens[k];
  if (!open || !OPEN_MARKS.has(open.text) || open.start - tokens[at]!.end !== 1) return undefined;
  // Two apostrophes stand for one double mark.
  if (open.text === "'" && tokens[k + 1]?.text === "'") k++;
  const nick = k + 1;
  k = nick;
  while (k < tokens.length && k - nick < 2 && tokens[k]!.word && tokens[k]!.cap && tokens[k]!.sentence === sentence && (k === nick || joins(text, tokens[k - 1]!, tokens[k]!))) k++;
  const close = tokens[k];
  if (k === nick || !close || !CLOSE_MARKS.has(close.text) || close.start !== tokens[k - 1]!.end) return undefined;
  if (close.text === "'" && tokens[k + 1]?.text === "'") k++;
  const surname = tokens[k + 1];
  if (!surname || !surname.word || !surname.cap || surname.sentence !== sentence || surname.start - tokens[k]!.end !== 1 || NOT_NAMES.has(surname.norm)) return undefined;
  return k + 1;
}

/** "and" at `from - 1` is inside one organisation's name: an organisation word before it, or one ending the run after it. */
function andJoins(tokens: readonly Token[], idx: readonly number[], from: number): boolean {
  if (idx.some((x) => ORG_WORDS.has(tokens[x]!.norm))) return true;
  let k = from;
  while (k < tokens.length && k - from < 3 && tokens[k]!.word && tokens[k]!.cap && tokens[k]!.sentence === tokens[from]!.sentence) k++;
  return k > from && ORG_WORDS.has(tokens[k - 1]!.norm) && !(tokens[k]?.word && tokens[k]!.cap);
}


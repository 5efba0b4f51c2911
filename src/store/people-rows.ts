// The person index every store keeps (issue 13): who an article names, under which keys a user may
// type them, and which of the article's quotes are theirs. Shared so the stores agree on matching.
import type { BriefingCard } from "../core/index.js";
import { tokens } from "./rows.js";

/** Index keys: a name word as is ("sorensen"), a role word after ROLE_KEY ("r:director"),
 *  a name word of 5+ letters reversed after REVERSED_KEY ("~nesneros", so a typo in its first
 *  letters is still found by the word's end). */
export const ROLE_KEY = "r:";
export const REVERSED_KEY = "~";

// Words of a role that say nothing about it ("head of the ...").
const ROLE_FILLER = new Set("a an the of for and at in on to with from by its his her their".split(" "));

export interface PersonRow {
  /** Name words without case or diacritics, joined by spaces: one person across articles. */
  key: string;
  /** The fullest form the article uses, as written. */
  name: string;
  role: string | null;
  /** Indexes in card.quotes of the quotes attributed to this person. */
  quotes: number[];
}

const ASCII = /^[\x20-\x7e]*$/;

/** The words of a name as `tokens()` gives them (a plain ASCII name skips the Unicode work). */
export const personKey = (name: string): string =>
  (ASCII.test(name) ? (name.toLowerCase().match(/[a-z0-9]+/g) ?? []) : tokens(name)).join(" ");

export const reversedKey = (word: string): string => REVERSED_KEY + [...word].reverse().join("");

/** Role words a user may type ("regional emergency director" -> regional, emergency, director). */
export const roleWords = (role: string): string[] => tokens(role).filter((w) => !ROLE_FILLER.has(w) && w.length > 1);

/**
 * The people an article is about: those it quotes, gives a role or names twice or more (a name
 * met once in passing, often a misread one, would double the index for little). One row each.
 */
export function personRows(card: BriefingCard): PersonRow[] {
  const rows = new Map<string, PersonRow>();
  // Names repeat (a speaker quoted five times): each is tokenised once per card.
  const keyOf = new Map<string, string>();
  const keyFor = (name: string): string => keyOf.get(name) ?? (keyOf.set(name, personKey(name)), keyOf.get(name)!);
  // A speaker given by surname alone ("Sorensen") is the person the article named in full.
  const aliasOf = new Map<string, string>();
  const mentions = new Map<string, number>();
  const add = (name: string, role: string | undefined): PersonRow | undefined => {
    const own = keyFor(name);
    const key = aliasOf.get(own) ?? own;
    if (!key) return undefined;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, name, role: role ?? null, quotes: [] }));
    else if (!row.role && role) row.role = role;
    return row;
  };
  for (const e of card.entities) {
    if (e.type !== "person") continue;
    const key = keyFor(e.name);
    for (const a of e.aliases ?? []) {
      const k = keyFor(a);
      if (k && k !== key) aliasOf.set(k, key);
    }
    const row = add(e.name, e.role);
    if (row) mentions.set(row.key, (mentions.get(row.key) ?? 0) + e.mentions);
  }
  card.quotes.forEach((q, i) => {
    if (q.speaker) add(q.speaker.name, q.speaker.role)?.quotes.push(i);
  });
  return [...rows.values()].filter((r) => r.quotes.length || r.role || (mentions.get(r.key) ?? 0) >= 2);
}

/** Index keys of a person: name words, reversed long name words; role words with `role`. */
export function nameKeys(key: string): string[] {
  const words = key.split(" ");
  const keys = new Set(words);
  for (const w of words) if (w.length >= 5) keys.add(reversedKey(w));
  return [...keys];
}

export const roleKeys = (role: string | null): string[] => (role ? [...new Set(roleWords(role))].map((w) => ROLE_KEY + w) : []);

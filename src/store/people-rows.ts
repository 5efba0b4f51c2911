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
  /** Index keys (name words, reversed long name words, role words). */
  keys: string[];
}

export const personKey = (name: string): string => tokens(name).join(" ");

export const reversedKey = (word: string): string => REVERSED_KEY + [...word].reverse().join("");

/** Role words a user may type ("regional emergency director" -> regional, emergency, director). */
export const roleWords = (role: string): string[] => tokens(role).filter((w) => !ROLE_FILLER.has(w) && w.length > 1);

/** The people an article names (person entities and quoted speakers), one row per person. */
export function personRows(card: BriefingCard): PersonRow[] {
  const rows = new Map<string, PersonRow>();
  // A speaker given by surname alone ("Sorensen") is the person the article named in full.
  const aliasOf = new Map<string, string>();
  const add = (name: string, role: string | undefined): PersonRow | undefined => {
    const key = aliasOf.get(personKey(name)) ?? personKey(name);
    if (!key) return undefined;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { key, name, role: role ?? null, quotes: [], keys: [] }));
    else if (!row.role && role) row.role = role;
    return row;
  };
  for (const e of card.entities) {
    if (e.type !== "person") continue;
    const key = personKey(e.name);
    for (const a of e.aliases ?? []) if (personKey(a) && personKey(a) !== key) aliasOf.set(personKey(a), key);
    add(e.name, e.role);
  }
  card.quotes.forEach((q, i) => {
    if (q.speaker) add(q.speaker.name, q.speaker.role)?.quotes.push(i);
  });
  for (const row of rows.values()) {
    const words = row.key.split(" ");
    const keys = new Set(words);
    for (const w of words) if (w.length >= 5) keys.add(reversedKey(w));
    if (row.role) for (const w of roleWords(row.role)) keys.add(ROLE_KEY + w);
    row.keys = [...keys];
  }
  return [...rows.values()];
}

// A person's gender: from a first name, a gendered role word ("spokeswoman"), or the pronouns that follow.
import type { Mention } from "../entities.js";
import type { Token } from "./tokens.js";

export type Gender = "m" | "f";

let firstNames: ReadonlyMap<string, string> | undefined;
/** Gender of a first name from gender-detection-from-name's English list (MIT); loaded on first use. */
export function firstNameGender(name: string): Gender | undefined {
  // A plain require keeps the 30k-name table out of start-up until a card needs it.
  firstNames ??= require("gender-detection-from-name/names/en.js") as ReadonlyMap<string, string>;
  const g = firstNames.get(name.toLowerCase());
  return g === "male" ? "m" : g === "female" ? "f" : undefined;
}

const GENDERED_ROLE: ReadonlyMap<string, Gender> = new Map([
  ["spokesman", "m"], ["spokeswoman", "f"], ["chairman", "m"], ["chairwoman", "f"], ["congressman", "m"], ["congresswoman", "f"],
  ["businessman", "m"], ["businesswoman", "f"], ["king", "m"], ["queen", "f"], ["prince", "m"], ["princess", "f"], ["actress", "f"],
  ["assemblyman", "m"], ["assemblywoman", "f"], ["councilman", "m"], ["councilwoman", "f"], ["wife", "f"], ["husband", "m"],
  ["mother", "f"], ["father", "m"], ["son", "m"], ["daughter", "f"], ["brother", "m"], ["sister", "f"],
  ["man", "m"], ["woman", "f"], ["boy", "m"], ["girl", "f"],
]);

export function roleGender(role: string | undefined): Gender | undefined {
  if (!role) return undefined;
  for (const w of role.toLowerCase().split(/\s+/)) {
    const g = GENDERED_ROLE.get(w);
    if (g) return g;
  }
  return undefined;
}

/** What the gender vote reads and sets of a person being built. */
export interface Gendered {
  entity: { type: string };
  gender?: Gender;
  /** Gender came from "Mr." or "Mrs.": no pronoun vote overrides it. */
  honorific?: boolean;
  first: string;
  last: string;
}

const MALE_PRONOUNS = new Set(["he", "him", "his", "himself"]);
const FEMALE_PRONOUNS = new Set(["she", "her", "hers", "herself"]);

/** A person of unknown gender takes the gender of the pronouns that follow their mentions before anyone else is named. */
export function voteGender(tokens: readonly Token[], mentions: readonly Mention[], built: Gendered[], bySurname: ReadonlyMap<string, number[]>): void {
  const votes = new Map<number, number>();
  mentions.forEach((m, i) => {
    const b = built[m.entity]!;
    if (b.honorific || b.entity.type !== "person") return;
    // A surname two people share says nothing about which of them the pronoun means.
    if (m.to - m.from === 1 && (bySurname.get(b.last)?.length ?? 0) > 1) return;
    const next = mentions[i + 1];
    const stop = next ? next.from : tokens.length;
    for (let t = m.to; t < stop && t < m.to + 40 && tokens[t]!.sentence <= m.sentence + 1; t++) {
      const n = tokens[t]!.norm;
      if (MALE_PRONOUNS.has(n)) { votes.set(m.entity, (votes.get(m.entity) ?? 0) + 1); break; }
      if (FEMALE_PRONOUNS.has(n)) { votes.set(m.entity, (votes.get(m.entity) ?? 0) - 1); break; }
    }
  });
  // Pronouns decide when nothing else does; against a first name ("Terry") they need two more votes.
  for (const [e, v] of votes) {
    const b = built[e]!;
    const prior = b.gender ?? firstNameGender(b.first);
    if (v !== 0 && (!prior || Math.abs(v) >= 2)) b.gender = v > 0 ? "m" : "f";
  }
}

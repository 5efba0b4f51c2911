// People answers (issue 13) in words shared by the console, `ask`, Slack and Discord, so every
// surface says the same: who, which article and when, "did you mean".
import type { Answer } from "../ask/index.js";
import type { PersonQuotes, PersonRef } from "../people/index.js";

export type QuotesAnswer = Extract<Answer, { kind: "quotes" }>;
export type PersonAnswer = Extract<Answer, { kind: "person" }>;
export type WhichAnswer = Extract<Answer, { kind: "which_person" }>;

/** "Helga Sorensen (regional emergency director)". */
export const personLabel = (p: PersonRef): string => `${p.name}${p.role ? ` (${p.role})` : ""}`;

export const dayOf = (iso: string | null | undefined): string => (iso ? iso.slice(0, 10) : "");

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** "5 quotes in 3 articles about “the dam”". */
export function quotesSummary(a: QuotesAnswer): string {
  const n = a.matches.reduce((k, m) => k + m.quotes.length, 0);
  const about = a.about ? ` about “${a.about}”` : "";
  if (!n) return `${a.person.name}: no stored quotes${about}.`;
  return `${personLabel(a.person)}: ${plural(n, "quote")} in ${plural(a.matches.length, "article")}${about}, newest first`;
}

/** "as regional emergency director · 2026-11-26": under an article's title. */
export const groupLine = (g: PersonQuotes): string => [g.role ? `as ${g.role}` : "", dayOf(g.date)].filter(Boolean).join(" · ");

/** "Seen in 3 articles with 5 quotes, 2026-11-24 to 2026-11-26". */
export function seenLine(a: PersonAnswer): string {
  const span = a.firstSeen && a.lastSeen ? (dayOf(a.firstSeen) === dayOf(a.lastSeen) ? `, on ${dayOf(a.firstSeen)}` : `, ${dayOf(a.firstSeen)} to ${dayOf(a.lastSeen)}`) : "";
  return `Seen in ${plural(a.articles, "article")} with ${plural(a.quotes, "quote")}${span}`;
}

export const rolesLine = (a: PersonAnswer): string => a.roles.map((r) => (r.count > 1 ? `${r.role} (${r.count})` : r.role)).join("; ");

/** "Which “Okafor” do you mean?" and one line per candidate. */
export const whichQuestion = (a: WhichAnswer): string => `Which “${a.query}” do you mean?`;
export const candidateLine = (p: PersonRef): string => `${personLabel(p)}, ${plural(p.articles, "article")}`;
export const whichHint = (a: WhichAnswer): string =>
  `Ask again with the first name or the role: ${a.intent} ${a.candidates[0]?.name ?? "<name>"}${a.about ? ` about ${a.about}` : ""}`;

/** Nothing found for a person: the words, with names close to what was typed. */
export const noPersonText = (query: string, suggestions: readonly string[]): string =>
  `I know no one called “${query}” in the stored articles.${suggestions.length ? ` Did you mean: ${suggestions.join(", ")}?` : ""}`;

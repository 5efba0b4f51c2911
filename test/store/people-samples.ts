// Invented articles naming people across days, with their entities and quotes set here, for the
// person index (issue 13) apart from the extractors.
import type { Article, BriefingCard, Entity, Quote } from "../../src/core/index.js";
import { card } from "./samples.js";

export function said(text: string, name: string, role?: string): Quote {
  return { text, start: 0, end: text.length, kind: "direct", speaker: role ? { name, role } : { name }, confidence: 0.9 };
}

export function person(name: string, role?: string, aliases?: string[]): Entity {
  const e: Entity = { name, type: "person", mentions: 2 };
  if (role) e.role = role;
  if (aliases) e.aliases = aliases;
  return e;
}

const day = (d: number, title: string, text: string): Article => ({
  title,
  url: `https://news.example.org/lakes/${d}`,
  publishedAt: `2026-09-0${d}T07:00:00Z`,
  text: `${title}\n\n${text}`,
});

export const LOCK_1 = day(1, "Canal lock jams as the lake level falls", "The old canal lock at Brenna jammed on Monday as the lake fell to a record low.");
export const LOCK_2 = day(2, "Barges wait at Brenna while divers inspect the lock", "Divers spent Tuesday under the Brenna lock looking for the fault.");
export const LOCK_3 = day(3, "Brenna lock reopens for small boats", "The Brenna lock reopened on Wednesday for boats under twelve metres.");

export const LOCK_1_CARD = (): BriefingCard =>
  card(LOCK_1, {
    topics: ["brenna", "canals"],
    quotes: [said("The gates were never built for water this low", "Ingrid Halvorsen", "canal authority director"), said("We will not guess at a date", "Ingrid Halvorsen")],
  });
export const LOCK_2_CARD = (): BriefingCard => ({
  ...card(LOCK_2, {
    topics: ["brenna", "canals", "shipping"],
    quotes: [said("Every barge that waits costs its owner a day of work", "Tove Lindqvist", "skipper"), said("The divers found a bent hinge", "Halvorsen")],
  }),
  entities: [person("Ingrid Halvörsen", undefined, ["Halvorsen"]), person("Tove Lindqvist", "skipper")],
});
export const LOCK_3_CARD = (): BriefingCard => ({
  ...card(LOCK_3, {
    topics: ["brenna", "canals"],
    quotes: [said("Small boats can pass from noon", "Ingrid Halvorsen", "canal authority director"), said("My crews worked through the night", "Marek Halvorsen", "lock keeper")],
  }),
  entities: [person("Ingrid Halvorsen", "canal authority director"), person("Marek Halvorsen", "lock keeper")],
});

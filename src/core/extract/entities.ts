// People, organisations and places. First version: capitalised name sequences.
import type { Doc } from "../text/index.js";
import type { Entity } from "../types.js";

export interface EntityIndex {
  entities: Entity[];
  /** The entity a surface form ("Blinken", "the senior US official") refers to, if known. */
  resolve(form: string): Entity | undefined;
}

const NAME = /\b(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)/gu;

export function extractEntities(doc: Doc): EntityIndex {
  const counts = new Map<string, number>();
  for (const m of doc.text.matchAll(NAME)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  const entities: Entity[] = [...counts].map(([name, mentions]) => ({ name, type: "person" as const, mentions }));
  const resolve = (form: string) => entities.find((e) => e.name === form || e.name.endsWith(` ${form}`));
  return { entities, resolve };
}

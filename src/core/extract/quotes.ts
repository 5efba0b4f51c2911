// Quotes and their speakers. First version: paired double marks, speaker from a nearby "X said".
import type { Doc } from "../text/index.js";
import type { Quote } from "../types.js";
import type { EntityIndex } from "./entities.js";

const QUOTED = /[“"]([^“”"]{2,}?)[”"]/g;
const SAID = /(?:(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*)\s+(?:said|says|added|told))|(?:(?:said|says|added)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*))/u;

export function extractQuotes(doc: Doc, entities: EntityIndex): Quote[] {
  const out: Quote[] = [];
  for (const m of doc.text.matchAll(QUOTED)) {
    const inner = m[1]!;
    const start = m.index + 1;
    const around = doc.text.slice(start + inner.length, start + inner.length + 80);
    const cue = SAID.exec(around) ?? SAID.exec(doc.text.slice(Math.max(0, m.index - 80), m.index));
    const name = cue ? (cue[1] ?? cue[2]) : undefined;
    const entity = name ? entities.resolve(name) : undefined;
    const kind = /^\p{Lu}/u.test(inner) && inner.split(/\s+/).length > 3 ? "direct" : "partial";
    out.push({ text: inner, start, end: start + inner.length, kind, speaker: name ? { name: entity?.name ?? name } : null, confidence: name ? 0.5 : 0 });
  }
  return out;
}

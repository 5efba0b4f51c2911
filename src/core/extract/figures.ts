// Figures. First version: digits with thousands separators and a scale word.
import { sentenceAt, type Doc } from "../text/index.js";
import type { Figure } from "../types.js";

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, lakh: 1e5, crore: 1e7 };
const NUMBER = /\b(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d+)?)(?:\s+(thousand|million|billion|lakh|crore))?/g;

export function extractFigures(doc: Doc): Figure[] {
  const out: Figure[] = [];
  for (const m of doc.text.matchAll(NUMBER)) {
    const value = Number(m[1]!.replace(/,/g, "")) * (m[2] ? SCALE[m[2]]! : 1);
    const sentence = sentenceAt(doc, m.index)?.text ?? "";
    const kind = /^(1[89]|20)\d\d$/.test(m[0]) ? "year" : "number";
    out.push({ text: m[0], start: m.index, end: m.index + m[0].length, value, kind, unit: null, qualifier: null, about: null, sentence });
  }
  return out;
}

/** The figures that matter most, at most `max`. */
export function rankFigures(figures: Figure[], max: number): Figure[] {
  return figures.slice(0, max);
}

// Which figures a reader skims for first: counts of people, money, percentages; then other counts and
// measures; years; last page numbers, ages and labels, then share prices and conversions in brackets (a repeat
// of the figure before in another unit). Ordinals ("the third time") and day numbers are not listed: they
// rarely carry a quantity and would crowd out the ones that do.
import type { Figure } from "../../types.js";
import { LABELS } from "./lexicon.js";

const PEOPLE = new Set(
  ("people persons troops soldiers civilians residents refugees migrants workers employees jobs deaths dead " +
    "casualties victims patients cases infections children women men students voters votes members protesters " +
    "fighters police officers citizens families households users customers passengers tourists visitors lives seats " +
    "prisoners hostages detainees staff teachers doctors nurses farmers americans britons indians ukrainians " +
    "russians palestinians israelis immigrants asylum-seekers personnel militants troop homes houses").split(" "),
);

/** The `about` of a share's price: a market quote, rarely what an article is about. */
export const SHARE_PRICE = "share price";

/** How much a figure matters to a reader; higher first. */
export function figureScore(f: Figure): number {
  if (f.kind === "ordinal") return -1;
  if (f.about === SHARE_PRICE) return 1;
  if (f.about === "age" || (f.about !== null && LABELS.has(f.about) && f.kind === "number")) return 0.5;
  let s: number;
  switch (f.kind) {
    case "money": s = 8; break;
    case "percent": s = 7.5; break;
    case "count": s = PEOPLE.has((f.unit ?? "").toLowerCase()) ? 8 : Math.abs(f.value) >= 10 ? 6 : 4; break;
    case "measure": s = /^(years|months|weeks|days|hours|minutes|seconds|decades|centuries)$/.test(f.unit ?? "") ? 3 : 5; break;
    case "year": s = 2.5; break;
    default: s = Math.abs(f.value) >= 1000 ? 4 : f.valueMax !== undefined ? 3.5 : 2;
  }
  if (Math.abs(f.value) >= 1000 && f.kind !== "year") s += 0.5;
  if (f.qualifier) s += 0.25;
  if (f.valueMax !== undefined) s += 0.25;
  return s;
}

// A sentence of the body ends with a stop or a colon (a quotation mark or bracket may follow); a headline does not.
const SENTENCE_END = /[.!?…:;]["”“’‘')]*\s*$/u;

/** The figures that matter most, at most `max`, most important first; ties keep the article's order. */
export function rankFigures(figures: Figure[], max: number): Figure[] {
  const seen = new Map<string, { f: Figure; s: number; i: number }>();
  const scored: { f: Figure; s: number; i: number }[] = [];
  figures.forEach((f, i) => {
    let s = figureScore(f);
    if (s < 0) return;
    // "€9m (£7.7m)": a conversion right after a sum or measure repeats it in another unit; listed last.
    const before = figures[i - 1];
    if (before && before.kind === f.kind && (f.kind === "money" || f.kind === "measure") && f.start - before.end <= 3 &&
      f.unit !== before.unit && before.sentence === f.sentence) s = 0.25;
    // The same figure repeated later in the article is listed once.
    // Bare numbers only when written the same way ("zero is 0" names two figures).
    const key = `${f.kind}|${f.value}|${f.valueMax ?? ""}|${f.unit ?? f.text.toLowerCase()}`;
    const first = seen.get(key);
    if (first) {
      // A headline's figure gives way to the same figure told in a sentence of the body, with what it is.
      if (!SENTENCE_END.test(first.f.sentence) && SENTENCE_END.test(f.sentence)) first.f = f;
      return;
    }
    const x = { f, s, i };
    seen.set(key, x);
    scored.push(x);
  });
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return scored.slice(0, Math.max(0, max)).map((x) => x.f);
}

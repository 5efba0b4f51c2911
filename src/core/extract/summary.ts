// Summary bullets: a budgeted coverage extract of the article's sentences (summary/select.ts), each
// bullet rewritten to stand alone (summary/standalone.ts). Titles: summary/title.ts.
import type { Doc } from "../text/index.js";
import type { Quote } from "../types.js";
import { pronounReferent, type Evidence } from "./summary/people.js";
import { DEFAULT_SELECT, selectBullets, type Candidate, type SelectParams } from "./summary/select.js";
import { closingAhead, quoteOpenAfter, standalone } from "./summary/standalone.js";
import { dropAsides } from "./summary/compress.js";
import { toUnits, type Unit } from "./summary/units.js";

export { makeTitle } from "./summary/title.js";

export interface SummaryOptions {
  maxBullets: number;
  /** The card's quotes: a bullet that only repeats one is left out. */
  quotes: Quote[];
  /** Index of the first sentence that is body text (after a headline line). */
  firstBodySentence: number;
  /** Selection parameters; the defaults are DEFAULT_SELECT. */
  select?: Partial<SelectParams>;
}

const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Share of a bullet's words that repeat a quote the card shows (quotes of four words or more). */
export function quoteShare(bullet: string, quotes: readonly Quote[] | readonly string[]): number {
  const b = norm(bullet);
  let covered = 0;
  for (const q of quotes) {
    const t = typeof q === "string" ? q : norm(q.text);
    const n = t.split(" ").length;
    if (n >= 4 && b.includes(t)) covered += n;
  }
  return covered / (b.split(" ").length || 1);
}

/** The bullets the article offers: its sentences made to stand alone, or paired with the one they lean on. */
export function bulletCandidates(doc: Doc, units: readonly Unit[], quotes: readonly Quote[], window = Infinity): Candidate[] {
  const candidates: Candidate[] = [];
  // Only quotes of four words or more count in quoteShare: the others are left out once here.
  const quoted = quotes.map((q) => norm(q.text)).filter((t) => t.split(" ").length >= 4);
  const people = new Map<string, Evidence>();
  let previous: string | undefined;
  let open = false;
  let paragraph = -1;
  const closes = closingAhead(units);
  for (const u of units) {
    if (u.position > window) break;
    // Quotations do not run across paragraphs unmarked: a new paragraph reopens them. One that never
    // closes was a stray mark.
    if (u.paragraph !== paragraph || !closes[u.position]) open = false;
    paragraph = u.paragraph;
    const before = units.slice(Math.max(0, u.position - 2), u.position).map((x) => x.text);
    const r = standalone(dropAsides(u.text), { person: (gender) => pronounReferent(before, doc.text, gender, people), inQuote: open });
    open = quoteOpenAfter(u.text, open);
    let bullet: Candidate | undefined;
    if ("text" in r) bullet = { positions: [u.position], text: r.text, caption: u.caption };
    // A sentence that leans on the one before ("It also found ...") rides along with it.
    else if (r.rejected === "dangling" && previous) bullet = { positions: [u.position - 1, u.position], text: `${previous} ${dropAsides(u.text)}` };
    if (bullet && (quoted.length === 0 || quoteShare(bullet.text, quoted) <= 0.5)) candidates.push(bullet);
    previous = "text" in r ? r.text : undefined;
  }
  return candidates;
}

export function summarize(doc: Doc, options: SummaryOptions): string[] {
  const params: SelectParams = { ...DEFAULT_SELECT, ...options.select };
  params.maxBullets = Math.min(params.maxBullets, options.maxBullets);
  const units = toUnits(doc, options.firstBodySentence);
  const candidates = bulletCandidates(doc, units, options.quotes, params.window);
  const chosen = selectBullets(units, candidates, params).map((c) => c.text);
  if (chosen.length >= 2) return chosen;
  // Too little stands alone: add the leading candidates that are left, in article order.
  for (const c of candidates) {
    if (chosen.length >= 2) break;
    const text = capWords(c.text, params.maxWords);
    if (!chosen.includes(text)) chosen.push(text);
  }
  // Still short (an article that is nearly all quotation): its leading sentences as written,
  // rather than a card without a summary.
  for (const u of units) {
    if (chosen.length >= 2) break;
    const text = capWords(u.text, params.maxWords);
    if (!chosen.some((c) => c.includes(text) || text.includes(c))) chosen.push(text);
  }
  return chosen;
}

/**
 * A bullet of at most `max` words: a longer sentence (a quotation mark that never closes, a text with
 * no full stops) is cut after a comma, semicolon or dash in its second half, else at `max` words, and
 * ends with "…".
 */
export function capWords(text: string, max: number): string {
  const ws = text.split(/\s+/).filter(Boolean);
  if (ws.length <= max) return text;
  let end = max;
  for (let i = max; i > max / 2; i--) {
    if (/[,;:]$/.test(ws[i - 1]!) || /^[–—-]+$/.test(ws[i] ?? "")) {
      end = i;
      break;
    }
  }
  return ws.slice(0, end).join(" ").replace(/[,;:–—-]+$/u, "") + "…";
}

// Paragraphs and sentences with exact JS string offsets into the original text.

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  index: number;
}

export interface Sentence extends Span {
  index: number;
  /** Index of the paragraph the sentence is in. */
  paragraph: number;
  text: string;
}

export interface Doc {
  text: string;
  paragraphs: Paragraph[];
  sentences: Sentence[];
}

// Words that end in a period without ending a sentence (case-insensitive, without the period).
const ABBREVIATIONS = new Set(
  (
    "mr mrs ms dr prof sen rep gov gen lt col maj capt cmdr adm sgt cpl pvt st jr sr rev hon pres supt insp det " +
    "no nos vs v etc inc corp co ltd llc plc bros dept univ assn est fig approx ave blvd rd mt ft " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun " +
    "ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo " +
    "u.s u.k u.n e.u a.m p.m i.e e.g ph.d d.c n.y l.a b.c a.d"
  ).split(" "),
);

const OPEN_QUOTES = "\"'“‘«";
const CLOSERS = "\"'”’»)]";

/** Splits text into paragraphs: blank-line separated blocks when the text has blank lines, else lines. */
export function splitParagraphs(text: string): Paragraph[] {
  const blankLines = /\n[ \t\r]*\n/.test(text);
  const re = blankLines ? /\n[ \t\r]*\n\s*/g : /\r?\n\s*/g;
  const out: Paragraph[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end, index: out.length });
  };
  for (const m of text.matchAll(re)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

function isAbbreviation(text: string, dot: number, paraStart: number): boolean {
  // The word before the dot, with inner dots ("U.S").
  let i = dot - 1;
  while (i >= paraStart && /[\p{L}.]/u.test(text[i]!)) i--;
  const word = text.slice(i + 1, dot);
  if (!word) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "J. Smith"
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return true; // "U.S", "a.m"
  return ABBREVIATIONS.has(word.toLowerCase());
}

// Words that open a new sentence after a name ("... at Leeds! Then ..."): a "!" or "?" before them ends it.
const OPENERS = new Set(
  "the a an he she it they we i you his her its their our this that these those there then but and so yet when after before as in on at if now later".split(" "),
);

/**
 * Whether a "!" or "?" at `mark` belongs to a title in running text ("the musical Go Go! Boys opened"):
 * see titleMark.
 */
function insideTitle(text: string, mark: number, sentStart: number, next: string): boolean {
  return titleMark(text.slice(sentStart, mark).split(/\s+/).filter(Boolean), next);
}

/**
 * Whether a "!" or "?" after the words `before` (of one sentence, the mark not among them) belongs to a
 * title: the word before it is capitalised, its run of capitalised words starts after a lowercase word,
 * and the next word (`next` opens with it) is capitalised but no word that opens a sentence.
 */
export function titleMark(before: readonly string[], next: string): boolean {
  const nextWord = /^[\p{L}'’]+/u.exec(next)?.[0];
  if (!nextWord || !/^\p{Lu}/u.test(nextWord) || OPENERS.has(nextWord.toLowerCase())) return false;
  // Inside a quotation still open, the mark ends what is quoted ("'What can I say about Ruiz? Tomas Berg ...").
  if (openQuotation(before)) return false;
  let i = before.length - 1;
  if (i < 1 || !/^\p{Lu}[\p{L}'’-]*$/u.test(before[i]!)) return false;
  while (i > 0 && /^\p{Lu}/u.test(before[i - 1]!)) i--;
  return i > 0 && /^\p{Ll}[\p{L}'’-]*$/u.test(before[i - 1]!);
}

/** A word opens a quotation ("“What", "'What") that no later word closes. */
function openQuotation(words: readonly string[]): boolean {
  let open = false;
  for (const w of words) {
    if (/^["“‘']\p{L}/u.test(w)) open = true;
    if (open && /\p{L}[.,!?]?["”’']$/u.test(w) && !/\p{L}['’]s$/u.test(w)) open = false;
  }
  return open;
}

/** Splits one paragraph (start..end of text) into sentences. */
function splitSentencesIn(text: string, start: number, end: number, out: Span[]): void {
  let sentStart = start;
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (ch === "." || ch === "!" || ch === "?" || ch === "…") {
      let j = i + 1;
      while (j < end && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
      while (j < end && CLOSERS.includes(text[j]!)) j++;
      // A sentence ends here when whitespace follows and the next word can start a sentence.
      if (j >= end) break;
      if (!/\s/.test(text[j]!)) {
        i = j;
        continue;
      }
      let k = j;
      while (k < end && /\s/.test(text[k]!)) k++;
      const next = text[k] ?? "";
      const startsSentence = /[\p{Lu}\p{N}]/u.test(next) || (OPEN_QUOTES.includes(next) || next === "(" || next === "—" || next === "–");
      const abbreviation = ch === "." && j === i + 1 && isAbbreviation(text, i, start);
      const title = ch !== "." && ch !== "…" && j === i + 1 && insideTitle(text, i, sentStart, text.slice(k, k + 40));
      if (startsSentence && !abbreviation && !title) {
        out.push({ start: sentStart, end: j });
        sentStart = k;
      }
      i = k;
      continue;
    }
    i++;
  }
  if (end > sentStart) out.push({ start: sentStart, end });
}

export function analyze(text: string): Doc {
  const paragraphs = splitParagraphs(text);
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    const spans: Span[] = [];
    splitSentencesIn(text, p.start, p.end, spans);
    for (const s of spans) {
      let { start, end } = s;
      while (end > start && /\s/.test(text[end - 1]!)) end--;
      if (end > start) sentences.push({ start, end, index: sentences.length, paragraph: p.index, text: text.slice(start, end) });
    }
  }
  return { text, paragraphs, sentences };
}

/** The sentence that holds offset `at` (binary search), or undefined. */
export function sentenceAt(doc: Doc, at: number): Sentence | undefined {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return s;
  }
  return undefined;
}

// The card reads the words of the whole text more than once: the last long text's words are kept (one entry).
let lastText: string | undefined;
let lastWords: readonly string[] = [];

/**
 * Words of a string (letters and digits, apostrophes inside words kept), lower-cased (a new array each call):
 * the matches of `[\p{L}\p{N}]+(?:'\p{L}+)*` in the lower-cased text, with ’ ‘ and ` read as '. Scanned by
 * hand rather than by that expression: grouping and flags split every card's lead, quotes and figure
 * sentences into words, and the expression took about half of that (test/core/text/doc.test.ts holds the
 * two to the same words).
 */
export function words(text: string): string[] {
  if (text === lastText) return lastWords.slice();
  const s = text.toLowerCase();
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let k = charKind(s, i);
    if ((k & OTHER) === OTHER) {
      i += k & WIDE ? 2 : 1;
      continue;
    }
    const start = i;
    // Letters and digits, then each apostrophe that letters follow, with those letters.
    while (i < n && ((k = charKind(s, i)) & OTHER) !== OTHER) i += k & WIDE ? 2 : 1;
    let marks = false;
    while (i + 1 < n) {
      const c = s.charCodeAt(i);
      if (c !== 39 && c !== 0x2019 && c !== 0x2018 && c !== 96) break;
      let j = i + 1;
      while (j < n && ((k = charKind(s, j)) & OTHER) === LETTER) j += k & WIDE ? 2 : 1;
      if (j === i + 1) break;
      if (c !== 39) marks = true;
      i = j;
    }
    const w = s.slice(start, i);
    out.push(marks ? w.replace(/[’‘`]/g, "'") : w);
  }
  if (text.length >= 1000) {
    lastText = text;
    lastWords = out.slice();
  }
  return out;
}

/**
 * The last `n` words of `text` before `end`: `words(text.slice(0, end)).slice(-n)`, reading only the end of
 * it. No word runs across white space, so the words read from just after a space are the ones a reading
 * from the start finds there (test/core/text/doc.test.ts holds the two to the same words).
 */
export function wordsBefore(text: string, end: number, n: number): string[] {
  for (let spaces = n + 1; ; spaces *= 2) {
    let from = end;
    for (let k = 0; from > 0; from--) {
      const c = text.charCodeAt(from - 1);
      if ((c === 32 || c === 10 || c === 9 || c === 13 || c === 160) && ++k === spaces) break;
    }
    const ws = words(text.slice(from, end));
    if (ws.length >= n || from === 0) return ws.slice(-n);
  }
}

// What a code unit is to words(): a letter (\p{L}), a number (\p{N}) or neither, and WIDE when it opens a
// pair of surrogates (then the kind is the pair's). Units of the Basic Plane are looked up once and kept.
const LETTER = 1, NUMBER = 2, OTHER = 3, WIDE = 4;
const IS_LETTER = /^\p{L}$/u;
const IS_NUMBER = /^\p{N}$/u;
const kinds = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) kinds[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? NUMBER : OTHER;
const kindOfChar = (ch: string) => (IS_LETTER.test(ch) ? LETTER : IS_NUMBER.test(ch) ? NUMBER : OTHER);

function charKind(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return kinds[c] || (kinds[c] = kindOfChar(String.fromCharCode(c)));
  const cp = s.codePointAt(i)!;
  // A lone surrogate is no letter.
  return cp > 0xffff ? kindOfChar(String.fromCodePoint(cp)) | WIDE : OTHER;
}

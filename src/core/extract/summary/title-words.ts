// The words a title is made of: the shapes of a sentence's words that decide whether a run can be a title
// (the first person, a bare description of a person, an age read as a subject, sentences the splitter left
// together), the full names a surname stands for, and the run's last touches (a repeated function word, a
// comma between subject and verb, a quotation's closing mark). The search for the run is in title.ts.
import type { Doc } from "../../text/index.js";
import { titleMark } from "../../text/doc.js";
import { isStopword } from "../../text/terms.js";
import { hasMainVerb, tagWords, type Word } from "./phrases.js";
import { personNames } from "./people.js";

export const FUNCTION_WORDS = new Set("the a an of in to and has have had been is are was were for on by with from at its their after will be as".split(" "));
/** Drops function words and punctuation at the end of a run of words. */
export function trimEnd(ws: string[]): string[] {
  let out = ws;
  while (out.length > 3) {
    const last = out[out.length - 1]!.replace(/[^\p{L}\p{N}']/gu, "").toLowerCase();
    if (last && !FUNCTION_WORDS.has(last) && !isStopword(last)) break;
    out = out.slice(0, -1);
  }
  return out;
}

// The first or second person anywhere in a run: someone's speech whose quotation marks went astray
// ("The club wants us to ..."), or a note to the reader.
export const FIRST_PERSON = /^["“‘']?(?:I|I'm|I've|I'd|I'll|we|we're|we've|we'd|we'll|us|our|my|me|you|your|you're|you've|you'd|you'll)[,.;:!?"”’']*$/;

/** Surname -> the one full name the article gives it ("Pell" -> "Jo Pell"); a surname two names share is left out. */
export function fullNamesBySurname(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const shared = new Set<string>();
  for (const name of personNames(text)) {
    const sn = name.slice(name.lastIndexOf(" ") + 1);
    if (out.has(sn) && out.get(sn) !== name) shared.add(sn);
    else out.set(sn, name);
  }
  for (const sn of shared) out.delete(sn);
  return out;
}

/**
 * A run that opens with a bare surname or a title and surname ("Pell said", "Mrs Pell has") names the
 * person in full, as a headline that stands alone does ("Jo Pell has"), when the article gives the full name.
 */
export function withFullName(run: string[], names: ReadonlyMap<string, string>, budget: number): string[] {
  const titled = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?$/.test(run[0] ?? "") ? 1 : 0;
  const sn = run[titled]?.replace(/['’]s$/, "");
  const full = sn && /^\p{Lu}\p{Ll}+$/u.test(sn) && !/^\p{Lu}/u.test(run[titled + 1] ?? "") ? names.get(sn) : undefined;
  if (!full) return run;
  const words = [...full.split(" ").slice(0, -1), run[titled]!, ...run.slice(titled + 1)];
  return words.length <= budget ? words : run;
}

/**
 * "The 24-year-old has ...", "The former minister was ...", "The two-time winner", "The world number one",
 * "The mother-of-two": a person described, not named, leans on the
 * sentence that named them. Not when the description ends in the name ("The former minister Jo Pell has");
 * a name that qualifies a noun is no name of the person ("The former Varley Rovers striker has").
 */
export function describesPerson(ws: readonly string[]): boolean {
  if (!/^the$/i.test(ws[0] ?? "") || !/^(?:\d+-year-old|former|ex-\S+|\S+-time|(?:father|mother|dad|mum|grandfather|grandmother)-of-\S+)$/i.test(ws[1] ?? "") && !/^world number$/i.test(ws.slice(1, 3).join(" "))) return false;
  for (let i = 2; i < ws.length && i < 10; i++) {
    if (!/^\p{Lu}\p{Ll}+/u.test(ws[i]!) || !/^\p{Lu}\p{Ll}+/u.test(ws[i - 1]!) || i - 1 < 2) continue;
    // Two capitalised words in a row end a name where the noun phrase ends: at a comma, the end, or a verb.
    const next = ws[i + 1];
    if (/,$/.test(ws[i]!) || !next || /^(?:has|have|had|was|were|is|are|will|would|could|can|may|must|did|does|\p{Ll}+ed|\p{Ll}+s)$/u.test(next)) return false;
  }
  return true;
}

/** "Jo Pell, 45 crossed": an age whose aside lost its closing mark, now read as the verb's subject. */
export function bareNumberSubject(ws: readonly Word[]): boolean {
  return ws.some((w, i) => w.first === "NUM" && !/,$/.test(w.text) && /,$/.test(ws[i - 1]?.text ?? "") && (ws[i + 1]?.first === "VERB" || ws[i + 1]?.first === "AUX"));
}

// Abbreviations that end in a full stop inside a sentence: initials ("J.", "U.S."), titles ("Mr.", "Dr.").
const ABBREVIATION = /^(?:(?:\p{Lu}\.)+|(?:Mr|Mrs|Ms|Dr|St|Prof|Rev|Gen|Col|Capt|Lt|Sgt|Sen|Rep|Gov|Jr|Sr|No|vs|v)\.)$/u;

// Words capitalised only where a sentence opens.
const OPENS_ONLY = /^(?:It|It's|It’s|He|She|They|We|This|These|Those|There|His|Their|Our|But|However|Meanwhile|In)$/;

/**
 * The sentences in a unit's words: the splitter keeps "... from Tay Fabrics Ltd. Mr Ross, a builder, was
 * freed" as one, and a run must not take words from both.
 */
export function sentencesIn(ws: string[]): string[][] {
  const out: string[][] = [];
  let from = 0;
  for (let i = 0; i < ws.length - 1; i++) {
    const stop = /\p{L}[.!?]["”’']?$/u.test(ws[i]!) && !ABBREVIATION.test(ws[i]!) && /^["“‘']?\p{Lu}/u.test(ws[i + 1]!) &&
      // "the musical Go Go! Boys opened": a mark inside a title, as the sentence splitter reads it.
      !(/\p{L}[!?]$/u.test(ws[i]!) && titleMark([...ws.slice(from, i), ws[i]!.slice(0, -1)], ws[i + 1]!));
    // A caption or a page's lines run together without a stop: a lower-case word, then a word that is
    // capitalised only where a sentence opens ("... for the coming season It is the first ...").
    if (stop || (/^\p{Ll}{3,}$/u.test(ws[i]!) && OPENS_ONLY.test(ws[i + 1]!))) {
      out.push(ws.slice(from, i + 1).map((w, k) => (k === i - from ? w.replace(/[.!?]+(["”’']?)$/u, "$1") : w)));
      from = i + 1;
    }
  }
  out.push(ws.slice(from));
  return out.filter((x) => x.length > 0);
}

/**
 * "The two men from Varley, were reported missing": the first comma, right before the verb, closed an
 * aside the shortening left out; a subject is not cut from its verb by one comma.
 */
export function subjectComma(ws: string[], doc?: Doc): string[] {
  const i = ws.findIndex((w) => /,$/.test(w));
  if (i > 0 && /^(?:is|are|was|were|has|have|had|will)$/i.test(ws[i + 1] ?? "")) {
    const before = ws.slice(0, i + 1).map((w, k) => (k === i ? w.slice(0, -1) : w));
    // Words before the comma that hold their own main verb are a clause, and the verb after it is the next
    // of a list ("The levy funds two pumps, has a reserve ..."): the title ends with the first clause.
    if (i >= 3 && hasMainVerb(tagWords(before, doc))) return before;
    return [...before, ...ws.slice(i + 1)];
  }
  return ws;
}

/** A function word typed twice ("with the the other half") is said once. */
export function withoutRepeats(ws: string[]): string[] {
  return ws.filter((w, i) => i === 0 || w.toLowerCase() !== ws[i - 1]!.toLowerCase() || !FUNCTION_WORDS.has(w.toLowerCase()));
}

/** A quotation cut short by the word limit gets its closing mark, as headlines quote. */
export function closeQuote(title: string): string {
  const pairs: [RegExp, RegExp, string][] = [
    [/“/g, /”/g, "”"],
    [/‘(?=\p{L})/gu, /(?<=[\p{L}\p{N}.,!?])’(?!\p{L})/gu, "’"],
  ];
  for (const [open, close, mark] of pairs) {
    if ((title.match(open)?.length ?? 0) > (title.match(close)?.length ?? 0)) return title + mark;
  }
  // Straight double marks pair up; an odd one out is an opening.
  if ((title.match(/"/g)?.length ?? 0) % 2 === 1) return title + '"';
  return title;
}

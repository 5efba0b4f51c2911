// Makes a sentence stand alone as a bullet, or says why it cannot: drops opening connectives, resolves
// an opening "He"/"She" to the person it most likely means, refuses quotes, questions and fragments.

export type Rejection =
  /** Page furniture, a question, a sentence cut short. */
  | "unfinished"
  /** Mostly a quotation, or opens with one: the card shows quotes on their own. */
  | "quote"
  /** Opens with a word whose referent is in an earlier sentence ("It", "They", "His"). */
  | "dangling"
  /** Too short or not a sentence. */
  | "fragment";

export type Standalone = { text: string } | { rejected: Rejection };

/** Openings that lean on the sentence before; dropping them keeps the claim ("So far", "Yet another" stay). */
const CONNECTIVE =
  /^(?!so (?:far|much|many|long|few|little)\b|yet (?:another|more|again)\b|still (?:more|fewer|less)\b|now (?:aged|retired|living)\b)(?:but|and|so|yet|still|also|however|meanwhile|moreover|furthermore|nevertheless|nonetheless|instead|indeed|besides|therefore|thus|then|now|in addition|in fact|in turn|as a result|by contrast|on the other hand|at the same time|even so|after all|for example|for instance|in the meantime|similarly|likewise|additionally|consequently),?\s+/i;
/** Openings whose referent is in an earlier sentence and cannot be named safely. */
const DANGLING =
  /^(?:i|we|you|me|us|my|our|your|he|she|it|its|it's|they|their|them|theirs|this|these|that|those|his|her|hers|him|such|both|neither|either|another|others|which|whose|the (?:latter|pair|two|couple|same)|(?:the|this|that) (?:move|decision|incident|comment|comments|claim|claims|remark|remarks|statement|news|report|figure|figures|one))\b(?!-)/i;
/** A speech opening: the bullet would be a quote ("He said: '...'"). */
const SPEECH_OPENING =
  /^(?:(?:the\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}|he|she|they|it)\s+(?:said|says|added|adds|told|tells|explained|continued|wrote|tweeted|insisted|admitted|revealed|claimed)\b(?:[^:'"“‘]{0,40}:|,?\s*['"“‘])/iu;
const FURNITURE = /\b(?:scroll down|click here|read more|share this article|sign up for|follow us on|visit site|see the video|subscribe to)\b/i;

export interface StandaloneContext {
  /** The person an opening "He"/"She" means, asked only when needed. */
  person?: (gender: "he" | "she") => string | undefined;
  /** The sentence starts inside a quotation opened in an earlier sentence. */
  inQuote?: boolean;
}

function capitalize(s: string): string {
  return s.replace(/^(\W*)(\p{Ll})/u, (_, pre: string, c: string) => pre + c.toUpperCase());
}

/**
 * Whether a quotation is still open after this sentence, given whether one was open before it. Marks
 * are read in order: one after a space, an opening bracket or the start and before a word opens; one
 * after a word or punctuation and before a space, punctuation or the end closes. A mark between two
 * letters is an apostrophe ("don't"), and a closing mark with nothing open is a plural possessive
 * ("players' ").
 */
export function quoteOpenAfter(text: string, openBefore: boolean): boolean {
  let open = openBefore;
  for (const m of text.matchAll(/[“”‘’"']/g)) {
    const before = m.index > 0 ? text[m.index - 1]! : " ";
    const after = text[m.index + 1] ?? " ";
    const opens = /[\s(\[—–-]/.test(before) && /[\p{L}\p{N}.…]/u.test(after) && m[0] !== "”";
    const closes = /[\p{L}\p{N}.,!?…]/u.test(before) && /[\s,.;:!?)\]—–-]/.test(after) && m[0] !== "“" && m[0] !== "‘";
    if (opens) open = true;
    else if (closes) open = false;
  }
  return open;
}

/**
 * For each unit, whether a closing quotation mark comes in it or later in its paragraph. A quotation
 * still open where none does was opened by a stray mark (news closes its quotations by the end of the
 * paragraph), so what follows is the article's own voice.
 */
export function closingAhead(units: ReadonlyArray<{ text: string; paragraph: number }>): boolean[] {
  const out: boolean[] = new Array<boolean>(units.length).fill(false);
  let ahead = false;
  for (let i = units.length - 1; i >= 0; i--) {
    if (i === units.length - 1 || units[i + 1]!.paragraph !== units[i]!.paragraph) ahead = false;
    if (/[\p{L}\p{N}.,!?…]["”’](?=[\s,.;:!?)\]—–-]|$)/u.test(units[i]!.text)) ahead = true;
    out[i] = ahead;
  }
  return out;
}

/** Share of the sentence's words that sit inside quotation marks. */
export function quotedShare(text: string): number {
  const all = text.split(/\s+/).filter(Boolean).length || 1;
  let inside = 0;
  for (const m of text.matchAll(/[“"]([^”"]+)[”"]|(?:^|[\s(])[‘']([^’']+(?:[’'](?=\p{L})[^’']*)*)[’'](?=[\s,.;:!?)]|$)/gu)) {
    inside += (m[1] ?? m[2] ?? "").split(/\s+/).filter(Boolean).length;
  }
  return inside / all;
}

/** The bullet a sentence can stand as, or why it cannot stand alone. */
export function standalone(sentence: string, ctx: StandaloneContext = {}): Standalone {
  let s = sentence.trim().replace(/\s+/g, " ");
  if (!s || FURNITURE.test(s)) return { rejected: "unfinished" };
  // A sentence cut short or a question: it ends without a full stop.
  if (!/[.!]["”’']?\)?$/u.test(s)) return { rejected: "unfinished" };
  // Also a sentence that opens a quotation and does not close it: the bullet would end inside it.
  if (ctx.inQuote || /^["“‘']/.test(s) || SPEECH_OPENING.test(s) || quotedShare(s) > 0.5 || quoteOpenAfter(s, false)) {
    return { rejected: "quote" };
  }
  // Ends on a title abbreviation: the sentence splitter cut a name ("... and Lt. Cmdr.").
  if (/\s(?:Spc|Sgt|Cpl|Pvt|Lt|Col|Gen|Capt|Maj|Cmdr|Adm|Dr|Mr|Mrs|Ms|Rev|Gov|Sen|Rep|Prof|St|No)\.$/.test(s)) return { rejected: "unfinished" };
  for (let i = 0; i < 2; i++) {
    const m = CONNECTIVE.exec(s);
    if (!m) break;
    s = capitalize(s.slice(m[0].length));
  }
  // The subject, at the start or after an opening phrase ("Citing US intelligence, he said ...").
  const pron = /^((?:[^,]{1,60},\s+)?)(he|she)\b(?![-'’])/i.exec(s);
  if (pron) {
    const person = ctx.person?.(pron[2]!.toLowerCase() as "he" | "she");
    if (!person) return { rejected: "dangling" };
    s = pron[1] + person + s.slice(pron[0].length);
  }
  if (DANGLING.test(s) || /^[^,]{1,60},\s+(?:it|they|this|these|we|i)\s/i.test(s)) return { rejected: "dangling" };
  if (!/^[\p{Lu}\p{N}£$€₹(]/u.test(s) || s.split(" ").length < 5) return { rejected: "fragment" };
  // A table row or a list of names ("Lewis Hamilton Mercedes 1:35.782 2."): too few ordinary words.
  const plain = s.match(/(?<![\p{L}\p{N}])\p{Ll}[\p{Ll}'’-]*/gu)?.length ?? 0;
  if (plain < 3 || plain < s.split(" ").length * 0.3) return { rejected: "fragment" };
  return { text: s };
}

// The person a sentence's opening "He" or "She" most likely means: among the people named in the two
// sentences before it, the one the article mentions most (news pronouns mostly point at the story's
// main person). A name counts as a person only with evidence: a title ("Mr Zhang"), an age
// ("Locke, 39,") or a speech verb ("Locke said", "said Locke"); its gender from the title or from a
// pronoun soon after the name.

import { firstNameGender } from "../entities/gender.js";

// Capitalised words that start names of things, not of people.
const NOT_PERSON =
  /\b(?:The|A|An|In|On|At|For|Of|And|But|If|When|While|After|Before|As|By|With|From|To|This|That|It|He|She|They|We|I|Club|United|City|Street|Road|Court|Police|Department|University|School|College|Council|Party|League|Cup|Park|House|Hospital|Church|Airport|Station|Bank|Company|Group|Association|Federation|Ministry|Office|Service|Agency|Institute|Foundation|Committee|Army|Navy|Force|Government|State|States|Kingdom|Republic|News|Times|Post|Daily|Mail|Twitter|Facebook|Instagram|Premier|Championship|Grand|Prix|Open|Contest|Festival|Awards|Games|Show|Museum|Gallery|Centre|Center|Trust|Society|Union|Theatre|Stadium|Hotel|Square|Bridge|Island|Valley|River|Lake|Mount|County|Province|Region|District|National|International|World|North|South|East|West|New|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const NAME = /\b\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,4}\b/gu;
// Roles written before a name ("Foreign Secretary Karl Weber").
const ROLE =
  /^(?:Secretary|Minister|President|Chancellor|Senator|Governor|Mayor|Chief|Prime|Foreign|Home|Deputy|Vice|Coach|Manager|Captain|Officer|Judge|Justice|Prince|Princess|King|Queen|General|Colonel|Sergeant|Detective|Inspector|Superintendent|Constable|Chairman|Director|Spokesman|Spokeswoman|Defender|Striker|Midfielder|Goalkeeper|Actress|Actor|Singer|Star|Former|Labour|Tory|Republican|Democrat)$/;

const TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Rev)\.?\s+/;

export type Gender = "he" | "she";

/** Full names of people-like capitalised sequences in a text, in order of appearance. */
export function personNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME)) {
    // "State Antony Blinken": drop leading words that are not part of a person's name.
    let ws = m[0].replace(/['’]s$/, "").replace(TITLE, "").split(/\s+/);
    while (ws.length > 2 && (NOT_PERSON.test(ws[0]!) || ROLE.test(ws[0]!))) ws = ws.slice(1);
    if (ws.length > 3) continue;
    const name = ws.join(" ");
    if (ws.length > 1 && !NOT_PERSON.test(name)) out.push(name);
  }
  return out;
}

const surname = (name: string) => name.slice(name.lastIndexOf(" ") + 1);

export interface Evidence {
  mentions: number;
  he: boolean;
  she: boolean;
  person: boolean;
}

const WORD_CHAR = /[A-Za-z0-9_]/;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);
// Clues read just before a use of the surname ("Mr Locke") or just after it ("Locke, 39,", "Locke said").
const HE_TITLE = /\b(?:Mr|Sir|Lord)\.?\s+$/;
const SHE_TITLE = /\b(?:Mrs|Ms|Miss|Dame|Lady)\.?\s+$/;
const PERSON_TITLE = /\b(?:Mr|Mrs|Ms|Miss|Sir|Lord|Dame|Lady|Dr|Prof|Professor)\.?\s+$/;
const SAID_BEFORE = /\b(?:said|says|added)\s+(?:\p{Lu}\p{L}+\s+)?$/u;
const PLACE_BEFORE = /\b(?:from|in|at|near|of|to)\s+(?:\p{Lu}\p{L}+\s+)?$/u;
// Not "him": the object of the name's own verb is someone else ("Judge Osei told him").
const HE_AFTER = /^[^.!?]{0,60}?\b(?:he|his)\b/;
const SHE_AFTER = /^[^.!?]{0,60}?\b(?:she|her)\b/;
const AGE_AFTER = /^,\s+\d{1,3},/;
const SAID_AFTER = /^\s+(?:said|says|told|added|explained|admitted|insisted|claimed)\b/;

/** What the article says about a name: how often it uses the surname, and as whom. */
function evidence(name: string, article: string): Evidence {
  const sn = surname(name);
  const out: Evidence = { mentions: 0, he: false, she: false, person: false };
  if (!sn) return out;
  // A first name tells the gender ("Rachel Osei").
  const first = name.includes(" ") ? firstNameGender(name.slice(0, name.indexOf(" "))) : undefined;
  if (first === "m") out.he = true;
  if (first === "f") out.she = true;
  // Each use of the surname as a whole word, with a few words either side: the clues are fixed
  // patterns, so no expression is built per name (a card asks this of every name near its top).
  for (let i = article.indexOf(sn); i >= 0; i = article.indexOf(sn, i + 1)) {
    const end = i + sn.length;
    if ((isWordChar(sn[0]) && isWordChar(article[i - 1])) || (isWordChar(sn[sn.length - 1]) && isWordChar(article[end]))) continue;
    out.mentions++;
    const before = article.slice(Math.max(0, i - 60), i);
    const after = article.slice(end, end + 90);
    if (HE_TITLE.test(before) || HE_AFTER.test(after)) out.he = true;
    if (SHE_TITLE.test(before) || SHE_AFTER.test(after)) out.she = true;
    // A title, an age or a speech verb says "person"; a pronoun after the name only says which gender.
    if (PERSON_TITLE.test(before) || AGE_AFTER.test(after) || SAID_BEFORE.test(before) || (SAID_AFTER.test(after) && !PLACE_BEFORE.test(before))) out.person = true;
  }
  return out;
}

/**
 * The person an opening "He"/"She" in the sentence after `before` refers to, or undefined when no
 * one named in the last two sentences is plainly a person of that gender.
 */
export function pronounReferent(
  before: readonly string[],
  article: string,
  gender: Gender,
  /** Evidence already read for this article, by name: pass one map per article to read each name once. */
  known: Map<string, Evidence> = new Map(),
): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const name of before.slice(-2).flatMap(personNames)) {
    let e = known.get(name);
    if (!e) known.set(name, (e = evidence(name, article)));
    if (!e.person || (gender === "he" ? e.she && !e.he : e.he && !e.she)) continue;
    if (e.mentions > bestCount) {
      best = name;
      bestCount = e.mentions;
    }
  }
  return best;
}

const SPEECH_VERB = /^(?:said|says|added|adds|admitted|admits|insisted|insists|claimed|claims|explained|explains)$/;
const NAME_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;

/**
 * Who "he"/"she" means when it opens the claim of reported speech: the speaker named right before the verb
 * of saying ("Jo Pell said he would ...", "Mr Pell says that he ..."), as English reports a speaker's own
 * plans in the third person. A name only: one with a title, or two or three capitalised words, or a
 * surname the article gives in full (`fullName`, which also gives the name as the title says it); not one
 * the article ever marks as of the other gender. Undefined when `start` does not follow such a speaker.
 */
export function speakerOf(
  ws: readonly string[],
  start: number,
  article: string,
  gender: Gender,
  fullName: (surname: string) => string | undefined,
  known: Map<string, Evidence> = new Map(),
): string | undefined {
  let i = start - 1;
  if (ws[i]?.toLowerCase() === "that") i--;
  if (!SPEECH_VERB.test(ws[i] ?? "")) return undefined;
  let from = i;
  while (from > 0 && i - from < 4 && NAME_WORD.test(ws[from - 1]!)) from--;
  // The name opens its clause: the sentence's start or after a comma ("In an interview, Pell said he ...").
  if (from === i || (from > 0 && !/,$/.test(ws[from - 1]!))) return undefined;
  const words = ws.slice(from, i);
  const titled = words.length > 1 && TITLE.test(`${words[0]} `);
  const bare = titled ? words.slice(1) : words;
  if (bare.length > 3 || bare.some((w) => NOT_PERSON.test(w) || ROLE.test(w))) return undefined;
  const full = bare.length === 1 ? fullName(bare[0]!) : undefined;
  if (!titled && bare.length < 2 && !full) return undefined;
  const name = bare.length > 1 ? bare.join(" ") : full ?? words.join(" ");
  let e = known.get(name);
  if (!e) known.set(name, (e = evidence(name, article)));
  // The claim's own pronoun counts as evidence of its gender, so any sign of the other one (a title, a
  // pronoun after another use of the name) is doubt enough.
  if (gender === "he" ? e.she : e.he) return undefined;
  return name;
}

// Candidate units: the article's sentences, with datelines ("(CNN) --") and page furniture ("Scroll
// down for video") removed, and photo captions that news sites glue onto the next sentence split off.
import type { Doc } from "../../text/index.js";

export interface Unit {
  /** Position among the units (0 = first unit of the body). */
  position: number;
  /** Index of the paragraph the unit is in. */
  paragraph: number;
  /** Index of the sentence among the body's sentences. */
  sentence: number;
  text: string;
  /** A photo caption split off a sentence: it often lacks a full stop. */
  caption: boolean;
}

// Agency datelines at the very start: "LONDON, England (CNN) --", "(The Hollywood Reporter)Stan ...",
// "(CNN)They ...". A parenthesis counts when it names a known agency, or when the text runs on without a
// space or after a dash; "Tesla (TSLA) shares fell" keeps its ticker.
const DATELINE =
  /^(?:\p{Lu}[\p{L}.' -]*(?:,\s*\p{Lu}[\p{L}.' -]*)*\s*)?(?:\((?:CNN|CNN Money|CNNMoney|AP|AFP|Reuters|UPI|PA|Bloomberg|Xinhua|EW\.com)\)\s*(?:--|—|–|-)?\s*|\([^()]{2,40}\)(?=\p{Lu})|\([^()]{2,40}\)\s+(?:--|—|–)\s+)/u;
// A wire's place and colon before the lede: "New Delhi: The Centre approved ...", "MUMBAI: Officials said".
const PLACE_COLON = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}:\s+(?=\p{Lu}\p{Ll})/u;
const FURNITURE =
  /^(?:Scroll down for (?:the )?videos?|Visit site|Click here[^.]*?|Watch the video|READ MORE:?|Let us know what you think[^.]*\.?|Follow (?:updates|the latest) on this story[^.]*\.?|(?:The|This) video works best in full screen[^.]*\.?|Media playback is (?:not supported|unsupported) on (?:this|your) device)\s*|^(?:Share this with|Rhannu hwn ar).{0,120}?(?:Copy this link|Copïo[’']r ddolen yma)\s*|^(?:These are external links and will open in a new window|Mae[’']r rhain yn ddolenni allanol(?: \S+){0,6}? newydd)\s*|^\d{1,2} \p{Lu}\p{Ll}+ \d{4}\s+Last updated at \d{1,2}:\d{2}(?: [A-Z]{2,4}(?!\p{Ll}))?\s*/iu;
// Sentences run together without a space where a page lost its markup: "... the quay.Mr Pell said",
// "... on your screenThe mayor", "10:15 BSTAnna". A lower-case word of three letters or more, or
// a full stop after one, glued to a capitalised word; names such as "McKay" or "iPhone" are too short
// before their capital to match. Also a closing bracket and a stop or colon ("(Leeds).The", "($1bn):Jo"),
// a stop before "I" or "A" ("done!I"), and a capitalised word glued to a word that only opens a sentence
// ("Museum of ArtsThe mayor"): names such as "LinkedIn" or "WhatsApp" end in no such word.
// The capital after the cut is looked for first: the look behind, tried at every position, costs five times more.
const RUN_ON =
  /(?=\p{Lu}\p{Ll}|[AI]\s)(?<=(?:^|[\s"“(])(?:\p{Ll}[\p{Ll}'’-]{1,}\p{Ll}[.!?]?|\p{L}[\p{L}'’-]{2,}[.!?:]|\p{N}+[.!?]|[A-Z]{2,5}(?=\p{Lu}\p{Ll}{2})|\p{Lu}\p{Ll}{3,}(?=(?:The|He|She|They|We|This|These|Those|There|His|Their|Our|Let|But|If|When|After|Mr|Mrs|Ms|Dr)\b|A\s\p{Ll}))|\)[.!?:])/gu;
// "By Danny ShawBBC home affairs correspondent": a byline run into the first sentence.
const BYLINE = /^By (?:\p{Lu}[\p{L}'-]* ){0,3}\p{Lu}[\p{L}'-]*?(?=BBC|Reuters)\S*(?: \p{Ll}+){0,4} (?:correspondent|reporter|editor)\s*/u;
// A caption label: "Flying high: ", "CLAIM: ", at most three capitalised words and a colon.
// Labels are in sentence case ("Star-crossed lovers:") or capitals ("CLAIM:").
const LABEL_WORDS = "\\p{Lu}[\\p{L}'’-]*(?:\\s\\p{Ll}[\\p{Ll}'’-]*){0,2}:";
const LABEL = new RegExp(`^${LABEL_WORDS}\\s+(?=\\p{Lu})`, "u");
// A caption glued to the next sentence: "... smiles at the finish line The race drew 400 runners ...", or a
// caption run: "... last Sunday Sunlit: The marina ...". A glue point needs a content word before
// the capitalised determiner (not "to The Times") and a caption of several words.
const GLUE = new RegExp(`([\\p{Ll}\\d%’'”")])\\s+(?=(?:The|A|An)\\s+\\p{L}|${LABEL_WORDS}\\s+\\p{Lu})`, "gu");
const NOT_BEFORE = new Set(
  "a an the his her their its my our your to in of for by from on at with about into onto and or but said says told than as like against over under via is was be been are were named called dubbed titled".split(" "),
);

function splitGlued(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of text.matchAll(GLUE)) {
    const cut = m.index + m[1]!.length;
    const before = text.slice(from, cut);
    const lastWord = (/(\p{L}+)[’'”")]*$/u.exec(before)?.[1] ?? "").toLowerCase();
    if (NOT_BEFORE.has(lastWord)) continue;
    if (before.trim().split(/\s+/).length < 6) continue;
    parts.push(before.trim());
    from = cut;
  }
  parts.push(text.slice(from).trim());
  return parts.filter(Boolean);
}

// The summary and the title read the same units of one document: made once per document and start,
// kept as long as the document is (a WeakMap: nothing outlives the card).
const made = new WeakMap<Doc, Map<number, readonly Unit[]>>();

/** The units of the body from `firstBodySentence` on (the same frozen array for the same document and start). */
export function toUnits(doc: Doc, firstBodySentence: number): readonly Unit[] {
  let byStart = made.get(doc);
  if (!byStart) made.set(doc, (byStart = new Map()));
  let units = byStart.get(firstBodySentence);
  if (!units) byStart.set(firstBodySentence, (units = Object.freeze(unitsOf(doc, firstBodySentence).map((u) => Object.freeze(u)))));
  return units;
}

function unitsOf(doc: Doc, firstBodySentence: number): Unit[] {
  const units: Unit[] = [];
  for (const s of doc.sentences.slice(firstBodySentence)) {
    let text = s.text;
    if (units.length === 0) text = text.replace(DATELINE, "").replace(PLACE_COLON, "");
    text = text.replace(FURNITURE, "").replace(BYLINE, "");
    const parts = text
      .split(RUN_ON)
      .map((run) => (run === text ? run : run.replace(FURNITURE, "").replace(/:\s*$/, ".")))
      .filter((run) => run.trim())
      .flatMap((run, r, runs) => splitGlued(r < runs.length - 1 && !/[.!?]["”’]?$/.test(run.trim()) ? run.trim() + "." : run).map((t, i, all) => ({ t, caption: i < all.length - 1 })));
    parts.forEach(({ t: part, caption }) => {
      const clean = part.replace(LABEL, "");
      if (clean) units.push({ position: units.length, paragraph: s.paragraph, sentence: s.index - firstBodySentence, text: caption && /[\p{L}\p{N}’'”")]$/u.test(clean) ? clean + "." : clean, caption });
    });
  }
  return units;
}

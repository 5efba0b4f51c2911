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

// "LONDON, England (CNN) --", "(The Hollywood Reporter)", "(CNN)": agency datelines at the very start.
const DATELINE = /^(?:\p{Lu}[\p{L}.' -]*(?:,\s*\p{Lu}[\p{L}.' -]*)*\s*)?\((?:CNN|AP|AFP|Reuters|CNN Money|EW\.com|(?:The )?\p{Lu}\p{L}+(?: \p{Lu}\p{L}+){0,3})\)\s*(?:--|—|–|-)?\s*/u;
const FURNITURE = /^(?:Scroll down for (?:the )?videos?|Visit site|Click here[^.]*?|Watch the video|READ MORE:?)\s+|^Share this with.{0,120}?Copy this link\s*|^By (?:\p{Lu}[\p{L}'-]+ ){1,3}?(?=BBC|Reuters|PA)\S*(?: \p{Ll}+){0,4} (?:correspondent|reporter|editor)\s*/iu;
// A caption label: "Flying high: ", "CLAIM: ", at most three capitalised words and a colon.
// Labels are in sentence case ("Star-crossed lovers:") or capitals ("CLAIM:").
const LABEL_WORDS = "\\p{Lu}[\\p{L}'’-]*(?:\\s\\p{Ll}[\\p{Ll}'’-]*){0,2}:";
const LABEL = new RegExp(`^${LABEL_WORDS}\\s+(?=\\p{Lu})`, "u");
// A caption glued to the next sentence: "... than a colleague The cost of divorce can ...", or a
// caption run: "... last Saturday Skilful: The kite ...". A glue point needs a content word before
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

export function toUnits(doc: Doc, firstBodySentence: number): Unit[] {
  const units: Unit[] = [];
  for (const s of doc.sentences.slice(firstBodySentence)) {
    let text = s.text;
    if (units.length === 0) text = text.replace(DATELINE, "");
    text = text.replace(FURNITURE, "");
    const parts = splitGlued(text);
    parts.forEach((part, i) => {
      const caption = i < parts.length - 1;
      const clean = part.replace(LABEL, "");
      if (clean) units.push({ position: units.length, paragraph: s.paragraph, sentence: s.index - firstBodySentence, text: caption && /[\p{L}\p{N}’'”")]$/u.test(clean) ? clean + "." : clean, caption });
    });
  }
  return units;
}

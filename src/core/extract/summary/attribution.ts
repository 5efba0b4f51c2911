// Who said it, in a sentence a title is made from: an attribution that opens a run ("An officer said,
// ...", "According to the council, ..."), one between commas or at the end (", police said.") that a
// headline drops, and reported speech whose clause opens with its verb of saying ("The council said
// the road ..."). The claim after it can be a run of its own (summary/title.ts).
import { dropAsides } from "./compress.js";
import type { Word } from "./phrases.js";
import { verbLemma } from "../../text/pos.js";

// An attribution that opens a run: the words after it are someone's speech, not the article's voice
// ("An officer said, ...", "Mr Hale added: ...", "According to the council, ...").
export const ATTRIBUTION_OPENING =
  /^(?:according to\b|(?:\S+\s+){0,7}?(?:said|says|added|adds|told|tells|wrote|writes|tweeted|posted|explained|argued|insisted|warned|stated|declared|announced|continued|replied|asked)\b[^.]{0,30}?(?::|,?\s*["“‘']))/i;
// An attribution between commas or at the end says who, not what: a headline drops it.
// "X was told" and "the court heard" say who heard it, as "X said" says who said it ("..., an inquiry
// was told.", "..., the jury heard."); "the blast was heard" is no attribution.
const HEARD = String.raw`(?:was|were|has been|had been) told|(?<!\b(?:was|were|be|been|being|is|are)\s)(?:heard|hears)`;
const INNER_ATTRIBUTION = new RegExp(String.raw`,\s+(?:\S+\s+){0,5}?(?:said|says|argues|believes|warns|claims|reports|reported|added|${HEARD})(?:\s+on\s+\p{Lu}\S*)?,\s+`, "giu");
// A study's finding is told as someone's word is: "..., a study found.", "..., the survey shows." (not "...,
// where its mast was found.").
const FOUND = String.raw`(?:study|survey|report|research|researchers|scientists|review|analysis|poll|audit)\s+(?:has\s+|have\s+)?(?:found|finds|shows|showed)`;
const TRAILING_ATTRIBUTION = new RegExp(
  String.raw`,\s+(?:according to [^,]{3,60}|(?:[^\s,]+\s+){0,6}?(?:said|says|told \S+(?: \S+)?|added|reported|announced|confirmed|warned|claimed|suggested|revealed|has learned|${HEARD}|${FOUND})(?:\s+(?:on|in|last|this|earlier|late)\s+\S+(?:\s+\S+)?)?)([.!]?["”’]?)$`,
  "iu",
);

// Reported speech: the run opens with who said it ("The council said the road ...", "Mr Hale told
// the court that ..."); the claim after it is a run of its own. "X is said to ..." is no attribution.
export const REPORTED_SPEECH =
  /^(?:\S+\s+){0,12}?(?:(?:has|have|had)\s+)?(?<!\bto\s+)(?:(?:heard|hears|was told|were told)(?=\s+(?:that|how)\b)|say|said|says|tell|told|tells|added|adds|claimed|believe|believes|believed|warn|warned|warns|argue|argued|argues|insist|insisted|insists|stated|suggested|suggests|explained|explains|allege|alleged|alleges|noted|wrote|writes|tweeted)\b(?!\s+to\b)/i;

/** The sentence as a headline would say it: no short asides, no attribution around the claim. */
export function headlineClause(sentence: string): string {
  let cut = dropAsides(sentence).replace(INNER_ATTRIBUTION, " ");
  // ", adding that ...", ", saying ...": what someone said next, after the claim a headline keeps.
  const next = /,\s+(?:adding|saying|claiming|insisting|warning|arguing|stating)\b[^"“”]*$/i.exec(cut);
  if (next && cut.slice(0, next.index).split(/\s+/).length >= 6) cut = cut.slice(0, next.index) + ".";
  const m = TRAILING_ATTRIBUTION.exec(cut);
  // Keep "X said." when nothing but the attribution would remain.
  if (m && m.index > 0 && cut.slice(0, m.index).split(/\s+/).length >= 4 && !/["“”]/.test(m[0])) return cut.slice(0, m.index) + m[1];
  return cut;
}

/** Verbs of saying and reporting, as lemmas: what opens or closes a report of someone's words. */
export const REPORTING: ReadonlySet<string> = new Set("say tell add claim believe warn argue insist state suggest explain allege note write tweet".split(" "));

/**
 * Whether the clause from `s` opens with who said it: its first verb is one of saying ("The council
 * said the road ...", "Mr Hale told the court that ..."), not "is said to" nor "plans to say".
 */
export function opensWithReport(ws: readonly Word[], s: number): boolean {
  let aside = false;
  for (let i = s; i < ws.length && i < s + 16; i++) {
    const w = ws[i]!;
    // A relative clause between commas has verbs of its own ("Kemp, who played Grant, said ...").
    if (/^(?:who|whose|whom|which)$/i.test(w.text)) aside = true;
    if (aside) {
      aside = !/,$/.test(w.text);
      continue;
    }
    const t = w.text.toLowerCase().replace(/[^a-z]/g, "");
    // "The Media Centre claims 14 people ...": a verb of saying the tagger took for a plural noun.
    const said = w.first === "NOUN" && /^(?:says|claims|warns|insists|argues|alleges|believes)$/.test(t) && ws[i - 1]?.first === "PROPN" && ws[i + 1]?.first !== "VERB" && ws[i + 1]?.first !== "AUX";
    if (said) return true;
    if (w.first !== "VERB" && w.first !== "AUX") continue;
    if (/^(?:has|have|had)$/.test(t)) continue;
    const passive = /^(?:is|are|was|were|be|been)$/i.test(ws[i - 1]?.text ?? "") || /^to$/i.test(ws[i - 1]?.text ?? "");
    // "The jury heard that ...", "An inquiry was told how ...": who heard it, then what was said.
    const clause = (k: number) => /^(?:that|how)$/.test(ws[k]?.low ?? "");
    if (/^(?:was|were)$/.test(t) && ws[i + 1]?.low === "told" && clause(i + 2)) return true;
    // A court hears what it is told: "The trial has heard Mrs Pell was ..." is who heard it, as "... heard that".
    const court = ws.slice(s, i).some((x) => /^(?:court|trial|jury|inquest|inquiry|hearing|tribunal)$/.test(x.low));
    if (verbLemma(t) === "hear" && !passive && (clause(i + 1) || court)) return true;
    // "said to be", "has written to the council to ask": no report; "explained to the board that ...": one.
    const toWhom = /^to$/i.test(ws[i + 1]?.text ?? "") && ws.slice(i + 2, i + 7).some((x) => x.low === "that");
    return REPORTING.has(verbLemma(t)) && !passive && (!/^to$/i.test(ws[i + 1]?.text ?? "") || toWhom);
  }
  return false;
}


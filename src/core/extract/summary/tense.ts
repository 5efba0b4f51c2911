// A news lede reports what has just happened in the present perfect ("The council has approved ...",
// "Two men have been arrested ..."), where the article's later sentences tell it in the simple past.
// A title taken from such a sentence is put in the lede's tense when nothing in it dates the event:
// the main verb of its first clause, right after its subject, in the simple past.
import { isCommonWord } from "../../text/common.js";
import { verbLemma } from "../../text/pos.js";
import type { Word } from "./phrases.js";
import { REPORTING } from "./attribution.js";

// Irregular verbs whose past participle differs from their past tense (general English morphology).
const PARTICIPLE: Readonly<Record<string, string>> = {
  arose: "arisen", ate: "eaten", became: "become", began: "begun", bit: "bitten", blew: "blown", broke: "broken",
  came: "come", chose: "chosen", did: "done", drank: "drunk", drew: "drawn", drove: "driven", fell: "fallen",
  flew: "flown", forbade: "forbidden", forgave: "forgiven", forgot: "forgotten", froze: "frozen", gave: "given",
  got: "got", grew: "grown", hid: "hidden", knew: "known", mistook: "mistaken", overcame: "overcome",
  overtook: "overtaken", ran: "run", rang: "rung", rode: "ridden", rose: "risen", sang: "sung", sank: "sunk",
  saw: "seen", shook: "shaken", showed: "shown", shrank: "shrunk", spoke: "spoken", sprang: "sprung",
  stole: "stolen", strove: "striven", swam: "swum", swore: "sworn", took: "taken", threw: "thrown", tore: "torn",
  undertook: "undertaken", withdrew: "withdrawn", woke: "woken", wore: "worn", wrote: "written", overthrew: "overthrown",
};
const PARTICIPLE_ONLY = new Set(Object.values(PARTICIPLE));
// Pasts spelt like their present ("hit", "put"): the tense cannot be told, so they are left alone.
const SAME_AS_PRESENT = new Set("beat bet bid burst cast cost cut fit hit hurt let put quit read rid set shed shut slit split spread thrust upset wed".split(" "));
// A date or a time in the title pins the event to it; the present perfect does not take one.
const DATED = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august|september|october|november|december|yesterday|last|when|until|later|subsequently|eventually|finally)$/;
// A year or an age anywhere in the sentence says the event is history, even where the title leaves it out.
const HISTORY = /^(?:(?:1[89]|20)\d\ds?|ago|earlier|previously|once|then|decade|decades|century|born|former|formerly)$/;
// Subjects that take "have": plural pronouns and nouns, and plurals without an -s.
const PLURAL_PRONOUN = new Set(["they", "we", "you", "i", "both", "many", "several", "some", "others", "these", "those"]);
const SUBJECT_PRONOUN = /^(?:he|she|it|they|we|i|you)$/;
const PLURAL_NOUN = new Set("people police children men women families staff crew teeth feet mice cattle".split(" "));
const AUXILIARY = new Set("has have had having is are was were be been being am will would shall should can could may might must do does did to not never".split(" "));

/** Whether the words end on a subject a finite verb can follow. */
function subjectEnds(w: Word): boolean {
  return w.last === "NOUN" || w.last === "PROPN" || w.last === "PRON" || w.last === "NUM";
}

function plural(whole: readonly Word[]): boolean {
  // A pronoun right before the verb is its subject, whatever went before it ("And in the end he posted"
  // -> "he has posted"), unless "and" joins it to another ("Jo and he").
  const last = whole[whole.length - 1]!;
  if (SUBJECT_PRONOUN.test(last.low) && whole[whole.length - 2]?.low !== "and") return !/^(?:he|she|it)$/.test(last.low);
  // The head noun comes before its modifiers: "A shipment | of weapons", "Total sales | at the store".
  const of = whole.findIndex((w, i) => i > 0 && w.first === "ADP");
  const subject = of > 0 ? whole.slice(0, of) : whole;
  const head = subject[subject.length - 1]!.low;
  // A capital at the start is the sentence's, not a name's: "Detectives", "Residents".
  if (subject.length === 1 && subject[0]!.last === "PROPN" && isCommonWord(head) && /[^su'’]s$/.test(head)) return true;
  // "and" joins two subjects ("Jo and Ana", "the mayor and her deputy"), not a sentence's opening "And".
  if (subject.some((w, i) => i > 0 && w.low === "and" && w.first === "CCONJ" && subject[i + 1]?.first !== "ADP")) return true;
  // "Many of the anglers in Varley", "Both of the boats": a quantifier that is plural whatever its tag; "A
  // number of firms", "A total of 20 people": the noun after "of" is what is counted, and agrees.
  if (/^(?:many|several|both|few)$/.test(head)) return true;
  if (whole.length > 3 && /^a (?:number|couple|handful|lot|total|host) of$/.test(whole.slice(0, 3).map((w) => w.low).join(" "))) return plural(whole.slice(3));
  if (subject[subject.length - 1]!.last === "PRON") return PLURAL_PRONOUN.has(head);
  if (PLURAL_NOUN.has(head)) return true;
  return subject[subject.length - 1]!.last === "NOUN" && /[^su'’]s$/.test(head) && !/(?:ss|us|is|news|series|species)$/.test(head);
}

/** The past participle of a simple past form, or undefined when the word is not one. */
function participleOf(word: string, tag: Word["first"]): string | undefined {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(word) || tag !== "VERB" || SAME_AS_PRESENT.has(w) || PARTICIPLE_ONLY.has(w)) return undefined;
  if (PARTICIPLE[w]) return PARTICIPLE[w];
  const lemma = verbLemma(w);
  // A past: a form of its own (not the lemma, an -s or an -ing form).
  if (lemma === w || /(?:ing|s)$/.test(w)) return undefined;
  return w;
}

/**
 * "Anglers interviewed at the quay, including Jo Pell, said ...", "Jo Pell, 45, pictured at home, runs
 * ...": a past with no object after its noun (a preposition or an adverb follows it), and further on in the
 * clause, right after a comma, a verb of saying or a present: that verb is the clause's, and the past a
 * participle that qualifies the noun. A past after a comma could be the next of a list of verbs ("sailed
 * from the quay, lost a mast ..."), so it does not count. The clause ends at a conjunction, a semicolon, a
 * colon or a dash.
 */
function verbAfterAside(sentence: readonly Word[], at: number): boolean {
  const next = sentence[at + 1];
  if (at < 0 || !next || !(next.first === "ADP" || next.first === "ADV")) return false;
  for (let i = at + 2; i < sentence.length; i++) {
    const w = sentence[i]!;
    const prev = sentence[i - 1]!.text;
    if (w.first === "CCONJ" || w.first === "SCONJ" || /[;:]$/.test(prev) || /^[-–—]+$/.test(w.text)) return false;
    if (w.first !== "VERB" || !/,$/.test(prev) || !/^\p{Ll}+$/u.test(w.text)) continue;
    const lemma = verbLemma(w.text);
    if (REPORTING.has(lemma) || (lemma !== w.text && /[^s]s$/.test(w.text))) return true;
  }
  return false;
}

/** A passive's participle: "-ed", "-en" or an irregular form after "was"/"were". */
function isParticiple(w: Word | undefined): boolean {
  if (!w || !/^[a-z]+$/.test(w.text) || w.first !== "VERB") return false;
  const t = w.text;
  return PARTICIPLE_ONLY.has(t) || verbLemma(t) !== t && !/(?:ing|s)$/.test(t);
}

/**
 * The words with the first clause's main verb in the present perfect ("Police arrested a man" ->
 * "Police have arrested a man", "The road was closed" -> "The road has been closed"), or the words as
 * they are when the verb is not a simple past right after the subject, when another finite verb
 * follows in the same clause (the first was a participle: "A man arrested in the raid was ..."), or
 * when the words carry a date or sit inside a quotation.
 */
export function presentPerfect(ws: readonly Word[], sentence: readonly Word[] = ws): string[] {
  const texts = ws.map((w) => w.text);
  if (ws.some((w) => DATED.test(w.low)) || sentence.some((w) => HISTORY.test(w.low)) || /["“”‘]/.test(texts.join(" "))) return texts;
  const v = ws.findIndex((w) => w.first === "VERB" || w.first === "AUX");
  if (v < 1 || !subjectEnds(ws[v - 1]!) || /[,;:]$/.test(ws[v - 1]!.text) && ws[v - 1]!.last !== "NUM") return texts;
  // The subject: no clause of its own before the verb ("If the team won ..."), and the verb not that of a
  // relative clause ("The club, which finished third, spent ...": "finished" is no main verb).
  const subject = ws.slice(0, v);
  if (subject.some((w) => w.first === "SCONJ" || w.first === "VERB" || w.first === "AUX")) return texts;
  if (/^(?:who|which|that|whom|whose)$/.test(subject[subject.length - 1]!.low)) return texts;
  // Nor a verb the tagger took for a noun: a lower-case noun before a determiner ("The app extracts the
  // colours from photos found online": "found" is no main verb).
  if (subject.some((w, i) => w.first === "NOUN" && /^\p{Ll}/u.test(w.text) && subject[i + 1]?.first === "DET")) return texts;
  // "A series of photos by Jo Pell show models dressed as ...": a name and then a lower-case noun inside a
  // subject of several phrases whose last noun and head differ in number is a verb the tagger missed after
  // its subject, and the "verb" a participle; left as it is.
  const missed = subject.some((w, i) => w.last === "PROPN" && subject[i + 1]?.first === "NOUN" && /^\p{Ll}/u.test(subject[i + 1]!.text));
  if (missed && subject.filter((w) => w.first === "ADP").length >= 2 && plural(subject) !== plural(subject.slice(-1))) return texts;
  const rest = ws.slice(v + 1);
  // The clause runs to a conjunction; an aside between commas is inside it ("A boy named as Jo, 12, was ...").
  const clauseEnd = rest.findIndex((w) => w.first === "CCONJ" || w.first === "SCONJ");
  const clause = clauseEnd >= 0 ? rest.slice(0, clauseEnd) : rest;
  if (clause.some((w) => w.first === "AUX" || AUXILIARY.has(w.low) && w.low !== "to" && w.low !== "not")) return texts;
  // "A state ruled by ...", "a man named as ...": a participle after its noun, not the clause's verb.
  if (/^(?:by|as)$/.test(rest[0]?.low ?? "")) return texts;
  if (verbAfterAside(sentence, sentence.indexOf(ws[v]!))) return texts;
  const verb = ws[v]!;
  const has = plural(subject) ? "have" : "has";
  const before = texts.slice(0, v);
  const after = texts.slice(v + 1);
  if (verb.text === "was" || verb.text === "were") {
    // "was arrested", "was later freed": a passive. "was due", "was the first" are left alone.
    const adverb = ws[v + 1]?.first === "ADV" && !/,$/.test(ws[v + 1]!.text) ? 1 : 0;
    if (!isParticiple(ws[v + 1 + adverb])) return texts;
    const aux = verb.text === "was" ? "has" : "have";
    return [...before, aux, ...after.slice(0, adverb), "been", ...after.slice(adverb)];
  }
  if (AUXILIARY.has(verb.text)) return texts;
  const participle = participleOf(verb.text, verb.first);
  if (!participle) return texts;
  // A second verb the subject shares takes the auxiliary too: "has torn the roofs and closed", "... and
  // has taken" where the past differs ("and took" -> "and taken").
  const shared = after.map((w, i) => {
    const prev = rest[i - 1];
    if (!prev || prev.first !== "CCONJ") return w;
    // "ran aground and was towed" -> "has run aground and been towed".
    if ((w === "was" || w === "were") && isParticiple(rest[i + 1])) return "been";
    return rest[i]!.first === "VERB" && PARTICIPLE[w] ? PARTICIPLE[w] : w;
  });
  return [...before, has, participle, ...shared];
}

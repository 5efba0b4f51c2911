// Speech verbs and the small words of attribution. General English, written by hand.
import { verbLemma } from "../../text/index.js";
import { ORG_WORDS, ROLE_NOUNS } from "../entities/lexicon.js";

/**
 * Verbs of communication, by lemma: a class, not a list of the forms seen. Every inflection counts
 * ("quipped", "shot back", "has written") because a word is looked up by its verb lemma (text/pos).
 * The groups follow the verb classes of English (Levin 1993, section 37, verbs of communication),
 * with the verbs of reacting and recalling that news writing uses to introduce a quote.
 */
const SPEECH_CLASSES = {
  // Say verbs: the plain report of words.
  say: "say tell state declare confirm describe announce proclaim pronounce report mention remark comment note observe add continue begin conclude explain clarify elaborate expound reiterate repeat echo stress emphasize emphasise underscore insist maintain assert affirm contend argue reason suggest propose articulate utter convey hint insinuate divulge characterize characterise narrate",
  // Transfer of a message, in writing or online.
  write: "write tweet retweet post blog text email quote cite read recite relay dictate summarize summarise testify",
  // Manner of speaking: how the words sounded.
  manner: "shout yell scream shriek cry bellow roar bark snap snarl growl hiss whisper murmur mutter mumble stammer stutter drawl rasp croak gasp sigh sob wail moan groan whine grumble grouse gripe huff sniff snort chant sing intone blurt exclaim",
  // Facial and bodily expression used as a speech verb ('"...," she smiled').
  express: "laugh chuckle giggle smile grin shrug nod",
  // Reply and dispute.
  reply: "reply respond answer retort counter rebut retaliate object protest disagree dispute deny refute contradict concede admit acknowledge confess agree concur",
  // Judging: praise and blame spoken aloud.
  judge: "praise hail herald laud applaud commend tout thank congratulate criticize criticise blast slam lambaste chide scold rebuke berate accuse charge condemn denounce decry lament bemoan complain fume rail scoff sneer jeer mock taunt tease boast brag crow gush enthuse rant rave gloat marvel demur",
  // Telling someone what to do or expect.
  advise: "warn caution urge advise admonish counsel recommend instruct exhort inform remind assure reassure promise pledge vow swear threaten plead beg implore demand predict forecast estimate",
  // Telling from memory, and thinking aloud.
  recall: "recall recount recollect reminisce share reveal disclose confide wonder muse speculate surmise theorize theorise hypothesize hypothesise reflect posit opine pontificate question ask inquire enquire interject interrupt joke quip jest wisecrack allege claim complain attest",
} as const;

const SPEECH_LEMMAS: ReadonlySet<string> = new Set(Object.values(SPEECH_CLASSES).flatMap((g) => g.split(" ")));

/** Is this word a speech verb in any inflection ("said", "says", "saying", "quipped", "shot" before "back")? */
export const SPEECH_VERBS: { has(word: string): boolean } = {
  has: (w) => {
    if (SPEECH_LEMMAS.has(w)) return true;
    const lemma = verbLemma(w);
    return SPEECH_LEMMAS.has(lemma) || PHRASAL_ALONE.has(lemma);
  },
};

// Phrasal verbs of saying that also count alone where their particle is not checked ("went on", "put it").
const PHRASAL_ALONE: ReadonlySet<string> = new Set(["go", "put", "point"]);

const PHRASAL_BASES: ReadonlyArray<[string, string]> = [
  ["go", "on"], ["put", "it"], ["point", "out"], ["shoot", "back"], ["fire", "back"], ["hit", "back"], ["push", "back"],
  ["chime", "in"], ["cut", "in"], ["sum", "up"], ["speak", "up"], ["speak", "out"], ["lash", "out"], ["weigh", "in"],
];

/** Verbs that attribute only as part of a phrase ("went on", "put it", "shot back"): the particle that must follow. */
export const PHRASAL: { get(word: string): ReadonlySet<string> | undefined; has(word: string): boolean } = (() => {
  const byLemma = new Map<string, Set<string>>();
  for (const [verb, particle] of PHRASAL_BASES) byLemma.set(verb, (byLemma.get(verb) ?? new Set()).add(particle));
  const get = (w: string) => byLemma.get(w) ?? byLemma.get(verbLemma(w));
  return { get, has: (w: string) => !!get(w) };
})();

/**
 * Verbs of holding, presenting or finding a view, by lemma: believing and fearing (Levin 31.3, 29.5), regarding
 * and portraying (29.2), wanting, and a study's finding. They are no cue for a quote (the speaker is not always
 * their subject: "news accounts portray Ames as ..."), but a fragment in marks in their sentence is someone's
 * words ("she believes in schools that “teach the whole child”"), not a scare quote. Perception and knowledge
 * (see, know) are left out: the marks in their sentences are mostly the writer's own. The talk verbs (Levin 37.5,
 * speak, talk, chat, lecture) are here, not among the speech verbs: as cues they mistook nouns and adjectives
 * ("a negotiator close to the talks", "Dutch-speaking") for verbs.
 */
const ATTITUDE_LEMMAS: ReadonlySet<string> = new Set(
  "believe think feel fear doubt consider hope expect worry wish suspect assume imagine reckon regard view want portray depict find ponder mull contemplate speak talk chat converse lecture preach".split(" "),
);
export const ATTITUDE_VERBS: { has(word: string): boolean } = { has: (w) => ATTITUDE_LEMMAS.has(w) || ATTITUDE_LEMMAS.has(verbLemma(w)) };

/** Nouns for what someone said: their possessor is the source ("Trump's claim that ..."). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set(
  "claim claims statement statements comment comments remark remarks words assertion argument promise pledge warning description view views tweet tweets speech answer response reply suggestion contention charge accusation admission denial plea vow boast quip retort complaint criticism announcement declaration prediction insistence".split(" "),
);

/** Verbs that give a quoted fragment a source only inside a clause ("called X “deplorables”"), in any inflection. */
const PARTIAL_CUE_LEMMAS: ReadonlySet<string> = new Set("call dub label describe promise vow pledge refer brand term deem".split(" "));
export const PARTIAL_CUES: { has(word: string): boolean } = { has: (w) => PARTIAL_CUE_LEMMAS.has(w) || PARTIAL_CUE_LEMMAS.has(verbLemma(w)) };

export const PRONOUNS: ReadonlyMap<string, "m" | "f" | "n" | "p" | "i"> = new Map([
  ["he", "m"], ["she", "f"], ["it", "n"], ["they", "p"], ["i", "i"], ["we", "p"], ["him", "m"], ["her", "f"], ["his", "m"], ["its", "n"], ["their", "p"],
]);

/** Words that may sit between a subject and its speech verb ("he also said", "Trump later told"). */
export const ADVERBS: ReadonlySet<string> = new Set(
  "also later then again previously recently once earlier further simply flatly repeatedly quickly quietly publicly privately frequently often has had have would will had could might may did does do reportedly allegedly famously just bluntly angrily sharply told once had also subsequently".split(" "),
);

/** Determiners that open a description ("the senior US official", "a spokesman"). */
export const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "one", "another", "his", "her", "their", "its", "this", "that"]);

/** Nouns for people that are no role ("a 14-year-old girl", "one resident"), heads of descriptions. */
export const PERSON_NOUNS: ReadonlySet<string> = new Set(
  "man woman men women girl boy child children kid kids teen teenager people person resident neighbor neighbour friend student fan customer patient passenger driver parent parents family relative mother father wife husband son daughter brother sister uncle aunt cousin grandmother grandfather victim survivor witness protester demonstrator shopper worker employee owner onlooker bystander local locals villager farmer source".split(" "),
);

/** Nouns for documents that speak for their authors ("the report says", "the memo reads"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  "article piece report story book memoir letter statement ruling memo study editorial column op-ed ad advert video post tweet filing complaint lawsuit opinion decision release survey poll analysis paper document affidavit indictment transcript email message note sign website".split(" "),
);

// People by what they do ("winner", "historian", "economist", "resident").
const AGENT_NOUN = /^[a-z-]{3,}(er|or|ist|ian)s?$/;

/** A noun that can head a speaker's description: a person, a body or a document ("the 28-year-old" too). */
export function speakerNoun(w: string): boolean {
  const one = w.replace(/(?<=[^s])s$/, "");
  if ([w, one].some((x) => ROLE_NOUNS.has(x) || PERSON_NOUNS.has(x) || ORG_WORDS.has(x) || DOCUMENT_NOUNS.has(x))) return true;
  return AGENT_NOUN.test(w) || /-old$/.test(w);
}

// Speech verbs and the small words of attribution. General English, written by hand.
import { ORG_WORDS, ROLE_NOUNS } from "../entities/lexicon.js";

/** Verbs that introduce what someone said or wrote, every inflection listed ("said", "says", "saying"). */
const VERB_BASES = `
  say:said:says:saying tell:told:tells:telling write:wrote:writes:writing:written
  add announce argue ask assert boast charge claim comment complain concede conclude confirm continue contend
  counter cry declare deny describe emphasize emphasise exclaim explain insist joke laugh lament mention
  mutter note object observe plead point predict proclaim promise protest question quip recall recount
  remark reply report respond retort scream shout sigh snap state stress suggest testify tweet urge vow
  warn whisper yell acknowledge admit agree allege caution concur estimate reason recollect reiterate
  remind scoff sneer grumble chuckle marvel muse opine posit pledge assure advise inform blast slam
  rail accuse demand wonder interject interrupt begin post text email answer read:read:reads:reading
  sing:sang:sings:singing put:put:puts:putting go:went:goes:going write-in chant fume gush insist
  brag quote cite summarize summarise crow admonish
`;

function inflect(base: string): string[] {
  const stemE = base.endsWith("e");
  const y = /[^aeiou]y$/.test(base);
  const doubled = /^(snap|chat|plan|admit|stop|quip|regret|commit|jot|grin|nod|shrug|sob)$/.test(base);
  const past = stemE ? `${base}d` : y ? `${base.slice(0, -1)}ied` : doubled ? `${base}${base.at(-1)}ed` : `${base}ed`;
  const third = y ? `${base.slice(0, -1)}ies` : /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const ing = stemE && !base.endsWith("ee") ? `${base.slice(0, -1)}ing` : doubled ? `${base}${base.at(-1)}ing` : `${base}ing`;
  return [base, past, third, ing];
}

export const SPEECH_VERBS: ReadonlySet<string> = new Set(
  VERB_BASES.trim()
    .split(/\s+/)
    .flatMap((v) => (v.includes(":") ? v.split(":") : inflect(v))),
);

/** Verbs that attribute only as part of a phrase ("went on", "put it"): the particle that must follow. */
export const PHRASAL: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["go", new Set(["on"])], ["went", new Set(["on"])], ["goes", new Set(["on"])], ["going", new Set(["on"])],
  ["put", new Set(["it"])], ["puts", new Set(["it"])], ["putting", new Set(["it"])],
  ["point", new Set(["out"])], ["pointed", new Set(["out"])], ["points", new Set(["out"])], ["pointing", new Set(["out"])],
]);

/** Verbs that give a quoted fragment a source only inside a clause ("called X "deplorables""). */
export const PARTIAL_CUES: ReadonlySet<string> = new Set(
  "call called calls calling dub dubbed dubs label labeled labelled labels describe described describes promised vowed pledged referred refer refers branded brand termed term deemed".split(" "),
);

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
  "man woman men women girl boy child children kid kids teen teenager people person resident neighbor neighbour friend student fan customer patient passenger driver parent parents family relative mother father wife husband son daughter brother sister uncle aunt cousin grandmother grandfather victim survivor witness protester demonstrator shopper worker employee owner onlooker bystander local locals villager farmer".split(" "),
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

// Surnames the run finder leaves out because they are also everyday words or a people's word
// ("Small", "From", "Cuban"): once a person is named in full, the bare surname is that person where it
// acts as one ("Small said", "said Cuban.", "Small, who ...").
import { DETERMINERS as SPEAKER_DETERMINERS, SPEECH_VERBS } from "../speakers/lexicon.js";
import type { NameSeq } from "./names.js";
import type { Token } from "./tokens.js";

// The speakers' determiners, with the plural and first/second-person ones a modifier can also follow.
const DETERMINERS: ReadonlySet<string> = new Set([...SPEAKER_DETERMINERS, "these", "those", "our", "my", "your"]);

/** Lone capitalised words, in no run of `seqs`, that are the surname of someone named in full and act as a person. */
export function bareSurnames(tokens: readonly Token[], seqs: readonly NameSeq[], surnames: ReadonlySet<string>): NameSeq[] {
  if (!surnames.size) return [];
  const covered = new Uint8Array(tokens.length);
  for (const s of seqs) covered.fill(1, s.from, s.to);
  const out: NameSeq[] = [];
  tokens.forEach((t, i) => {
    if (!covered[i] && t.word && t.cap && surnames.has(t.norm) && actsAsPerson(tokens, i)) out.push({ from: i, to: i + 1, kind: "single", name: t.text });
  });
  return out;
}

/** The lone capitalised word at `i` acts as a person: "Small said", "From agreed", "said Small.", "Small, who ...". */
export function actsAsPerson(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const inSentence = (u: Token | undefined): u is Token => !!u && u.sentence === t.sentence;
  const lower = (u: Token | undefined): u is Token => inSentence(u) && u.word && !u.cap;
  if (inSentence(prev) && DETERMINERS.has(prev.norm)) return false; // "the Cuban embassy"
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (!t.possessive && lower(next) && SPEECH_VERBS.has(next.norm)) return true;
  if (lower(prev) && SPEECH_VERBS.has(prev.norm) && !lower(next)) return true;
  return !t.possessive && next?.text === "," && lower(after) && /^(who|a|an)$/.test(after.norm);
}

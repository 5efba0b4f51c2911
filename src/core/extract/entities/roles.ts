// Roles the text gives a person: before the name ("MSNBC host Chris Matthews") or in apposition after it
// ("Hugh Hill, a doctor at the clinic, said").
import { NOT_NAMES, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "./lexicon.js";
import { SPEECH_VERBS } from "../speakers/lexicon.js";
import type { Token } from "./tokens.js";

const STOP_LEFT = new Set(["the", "a", "an", "and", "or", "but", "said", "says", "told", "that", "with", "by", "to", "from", "for", "as", "in", "on", "at"]);
const isRoleWord = (t: Token) => ROLE_NOUNS.has(t.norm) || TITLES.has(t.norm);
// Words that end an appositive: a clause or a verb has begun.
const APPOSITIVE_END = new Set(["who", "which", "that", "said", "says", "told", "added", "wrote", "when", "while", "because", "is", "was", "has", "had"]);

// Nouns for people by what they do ("master", "historian", "economist", "resident"), after "a" or "the".
const AGENT_NOUN = /^[a-z-]{3,}(er|or|ist|ian|ant)$/;

/** A role phrase written just before a name (lower-case role nouns and modifiers, possibly an org name). */
export function roleBefore(text: string, tokens: readonly Token[], nameFrom: number): string | undefined {
  let i = nameFrom - 1;
  let from = nameFrom;
  let hasRole = false;
  let free = 0;
  while (i >= 0) {
    const t = tokens[i]!;
    const next = tokens[i + 1]!;
    if (!t.word || t.sentence !== next.sentence || next.start - t.end > 1) break;
    if (STOP_LEFT.has(t.norm) || (t.norm === "of" && !next.cap)) break;
    if (isRoleWord(t)) hasRole = true;
    else if (!(t.cap || ROLE_MODIFIERS.has(t.norm) || t.norm === "of" || /^(then|ex)-/.test(t.norm))) {
      // A plain noun or two before the role word ("radio host", "talk-show host").
      if (!hasRole || free >= 2 || SPEECH_VERBS.has(t.norm) || NOT_NAMES.has(t.norm) || /(ly|ed|ing)$/.test(t.norm)) break;
      free++;
    }
    if (t.possessive && from !== nameFrom) break;
    from = i;
    i--;
  }
  // The role must end on its role word ("host", "Secretary of State") or a capitalised word of it.
  while (from < nameFrom && tokens[from]!.norm === "of") from++;
  if (!hasRole || from >= nameFrom) return undefined;
  const last = tokens[nameFrom - 1]!;
  if (!(isRoleWord(last) || last.cap)) return undefined;
  return text.slice(tokens[from]!.start, last.end);
}

/** A role in apposition after a name: ", a doctor at the clinic," -> "doctor at the clinic". */
export function roleAfter(text: string, tokens: readonly Token[], nameTo: number): string | undefined {
  const comma = tokens[nameTo];
  if (!comma || comma.text !== ",") return undefined;
  let i = nameTo + 1;
  // An age between commas ("Hill, 45, a doctor").
  if (tokens[i] && /^\d+$/.test(tokens[i]!.text) && tokens[i + 1]?.text === ",") i += 2;
  const first = tokens[i];
  if (!first || first.sentence !== comma.sentence) return undefined;
  let from = i;
  if (first.norm === "a" || first.norm === "an" || first.norm === "the") from = i + 1;
  let hasRole = false;
  let j = from;
  for (; j < tokens.length && j - from < 16; j++) {
    const t = tokens[j]!;
    if (t.sentence !== comma.sentence || (!t.word && t.text !== "-" && t.text !== "'" && t.text !== "’")) break;
    if (APPOSITIVE_END.has(t.norm)) break;
    if ((isRoleWord(t) || (from > i && AGENT_NOUN.test(t.norm) && !t.cap)) && j - from < 8) hasRole = true;
  }
  if (!hasRole || j === from) return undefined;
  // A preposition or conjunction left dangling at the end is cut.
  while (j > from && /^(and|or|of|at|for|in|the|a|an)$/.test(tokens[j - 1]!.norm)) j--;
  return text.slice(tokens[from]!.start, tokens[j - 1]!.end);
}

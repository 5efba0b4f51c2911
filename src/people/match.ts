// Finds the person a user means from what they typed: a surname, a full name, a role ("the
// emergency director"), a typo (Damerau distance 1 on words of 5+ letters), diacritics ignored.
import { editDistance, HONORIFICS } from "../core/index.js";
import { REVERSED_KEY, reversedKey, ROLE_KEY, roleWords, tokens, type BriefingStore, type PersonFound } from "../store/index.js";
import type { MatchedBy, PersonMatch, PersonRef } from "./types.js";

export interface MatchOptions {
  /** Candidates read from the index per look-up. */
  candidates: number;
  /** Words shorter than this are never matched with a typo (a typo in "Li" is another name). */
  typoMinLength: number;
  /** Index keys read per typo look-up (words sharing the first or the last two letters). */
  typoScan: number;
  maxSuggestions: number;
}

export const DEFAULT_MATCH_OPTIONS = { candidates: 20, typoMinLength: 5, typoScan: 2000, maxSuggestions: 5 } as const satisfies MatchOptions;

// What people type around a name or a role that is neither: "the", "mr", "from the".
const FILLER = new Set(["the", "a", "an", "of", "from", "by", "at", "for", "our", "your", ...HONORIFICS.keys()]);

/** The words that may name a person, without fillers and courtesy titles. */
export function personWords(typed: string): string[] {
  return tokens(typed.replace(/['’]s\b/g, "")).filter((w) => !FILLER.has(w));
}

const isName = (k: string) => !k.startsWith(ROLE_KEY) && !k.startsWith(REVERSED_KEY);
const unreverse = (k: string) => [...k.slice(REVERSED_KEY.length)].reverse().join("");

export function createMatcher(store: BriefingStore, options: Partial<MatchOptions> = {}) {
  const opts = { ...DEFAULT_MATCH_OPTIONS, ...options };

  /** Index words one edit away from `w`: they share its first two letters or its last two. */
  async function typos(w: string, role: boolean): Promise<string[]> {
    if (w.length < opts.typoMinLength) return [];
    const pre = role ? ROLE_KEY : "";
    const head = (await store.personKeys(pre + w.slice(0, 2), opts.typoScan)).map((k) => k.slice(pre.length));
    const tail = role ? [] : (await store.personKeys(reversedKey(w).slice(0, REVERSED_KEY.length + 2), opts.typoScan)).map(unreverse);
    return [...new Set([...head, ...tail])].filter((k) => k !== w && isName(k) && editDistance(w, k, 1) === 1).map((k) => pre + k);
  }

  /** The surname used alone in other articles is this person's when no one else has it. */
  async function merged(found: PersonFound[]): Promise<PersonRef[]> {
    const full = found.filter((p) => p.key.includes(" "));
    const alone = found.filter((p) => !p.key.includes(" "));
    const refs: PersonRef[] = full.map((p) => ({ name: p.name, role: p.role, keys: [p.key], articles: p.articles }));
    for (const s of alone) {
      const owners = full.filter((p) => p.key.split(" ").at(-1) === s.key);
      if (owners.length > 1) continue; // "did you mean" lists the full names, not the bare surname
      const ref = owners.length === 1 ? refs[full.indexOf(owners[0]!)]! : undefined;
      if (ref) (ref.keys.push(s.key), (ref.articles += s.articles), (ref.role ??= s.role));
      else refs.push({ name: s.name, role: s.role, keys: [s.key], articles: s.articles });
    }
    return refs.sort((a, b) => b.articles - a.articles);
  }

  /** Adds the bare surname of a full name found by more words ("Helga Sorensen" -> "sorensen"). */
  async function withSurname(ref: PersonRef): Promise<PersonRef> {
    const surname = ref.keys[0]!.split(" ").at(-1)!;
    if (!ref.keys[0]!.includes(" ") || ref.keys.includes(surname)) return ref;
    const same = await store.findPeople([[surname]], opts.candidates);
    const owners = same.filter((p) => p.key.includes(" ") && p.key.split(" ").at(-1) === surname);
    const alone = same.find((p) => p.key === surname);
    if (!alone || owners.length !== 1) return ref;
    return { ...ref, keys: [...ref.keys, surname], articles: ref.articles + alone.articles, role: ref.role ?? alone.role };
  }

  async function look(groups: string[][]): Promise<PersonFound[]> {
    return store.findPeople(groups, opts.candidates);
  }

  async function suggestions(words: string[]): Promise<string[]> {
    const longest = [...words].sort((a, b) => b.length - a.length)[0];
    if (!longest) return [];
    const keys = (await store.personKeys(longest.slice(0, 3), 50)).filter(isName);
    const near = keys
      // A name begun ("brandv") or two edits away.
      .map((k) => ({ k, d: k.startsWith(longest) ? 0 : editDistance(longest, k, 2) }))
      .filter((x) => x.d <= 2)
      .sort((a, b) => a.d - b.d)
      .slice(0, opts.maxSuggestions);
    const names = new Set<string>();
    for (const { k } of near) for (const p of await merged(await look([[k]]))) names.add(p.name);
    return [...names].slice(0, opts.maxSuggestions);
  }

  function decide(refs: PersonRef[], words: string[], by: MatchedBy): PersonMatch | undefined {
    if (!refs.length) return undefined;
    // Every word typed is the whole name ("paul okafor"): that person, however many share a word.
    const exact = refs.find((r) => r.keys.some((k) => k === words.join(" ")) && r.keys[0]!.includes(" "));
    if (exact) return { kind: "found", person: exact, by };
    if (refs.length === 1) return { kind: "found", person: refs[0]!, by };
    return { kind: "ambiguous", candidates: refs.slice(0, opts.maxSuggestions) };
  }

  return {
    async match(typed: string): Promise<PersonMatch> {
      const words = personWords(typed);
      if (!words.length) return { kind: "none", suggestions: [] };
      const role = (w: string) => roleWords(w).map((x) => ROLE_KEY + x);
      // Each word is a name word or a role word; all must fit one person.
      let groups = words.map((w) => [w, ...role(w)]);
      let by: MatchedBy = "name";
      let found = await look(groups);
      if (!found.length) {
        // A typo: the words one edit away, for names and roles alike.
        groups = await Promise.all(words.map(async (w, i) => [...groups[i]!, ...(await typos(w, false)), ...(await typos(w, true))]));
        found = await look(groups);
        by = "typo";
      }
      if (!found.length && words.length > 1) {
        // A role the index has not seen for them ("Secretary of State Antony Blinken"): the name words alone.
        const names = (await Promise.all(words.map(async (w) => ((await store.personKeys(w, 1))[0] === w ? w : undefined)))).filter((w): w is string => !!w);
        if (names.length && names.length < words.length) (found = await look(names.map((w) => [w]))), (by = "name");
      }
      if (found.length && found.every((p) => !words.some((w) => p.key.split(" ").includes(w))) && by === "name") by = "role";
      let refs = await merged(found);
      if (refs.length === 1) refs = [await withSurname(refs[0]!)];
      return decide(refs, words, by) ?? { kind: "none", suggestions: await suggestions(words) };
    },

    /** People whose name starts with what is typed so far (autocomplete), most articles first. */
    async complete(typed: string, limit: number): Promise<PersonRef[]> {
      const words = personWords(typed);
      const last = words.pop();
      if (last === undefined) return [];
      const alts = (await store.personKeys(last, 50)).filter(isName);
      if (!alts.length) return [];
      const found = await store.findPeople([...words.map((w) => [w]), alts], limit * 2);
      return (await merged(found)).slice(0, limit);
    },
  };
}

export type Matcher = ReturnType<typeof createMatcher>;

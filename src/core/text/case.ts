// A line written in capitals ("HARBOUR DEAL SIGNED AT LAST"), said in sentence case with the body's own
// spelling of each word: names and acronyms as the body writes them inside its sentences ("Varley", "UN"),
// every other word in lower case ("Harbour deal signed at last").

import { isCommonWord } from "./common.js";

const LETTERS = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
// What goes before a word that opens a sentence or a quotation.
const OPENS = /(?:[.!?:]["”’']?\s+|\n\s*|["“‘(]\s*)$/u;

/** The line has letters and none in lower case, with a word of four letters or more. */
export function isShouted(line: string): boolean {
  return LETTERS.test(line) && !LOWER.test(line) && /\p{Lu}{4,}/u.test(line);
}

/**
 * How the body writes each word inside its sentences (lower-cased word -> form): a word it ever writes in
 * lower case there is a common word; an all-capitals word of six letters or more is shouted, not spelled.
 */
function bodyForms(body: string): Map<string, string> {
  const forms = new Map<string, string>();
  for (const m of body.matchAll(WORD)) {
    const w = m[0];
    if (m.index === 0 || OPENS.test(body.slice(Math.max(0, m.index - 3), m.index))) continue;
    if (!LOWER.test(w) && w.length > 5) continue;
    const key = w.toLowerCase();
    if (forms.get(key) !== key) forms.set(key, w);
  }
  return forms;
}

/**
 * The shouted line in sentence case, each word as the body spells it inside a sentence; a word the body
 * does not spell so is a name when it is no everyday word ("KELLAND", "MONDAY'S"), or an acronym when
 * it has two or three letters ("KPA"), and an initial keeps its capital ("N. VARLEY").
 */
export function caseLikeBody(line: string, body: string): string {
  const forms = bodyForms(body);
  let first = true;
  return line.replace(WORD, (w) => {
    const key = w.toLowerCase();
    const bare = key.replace(/['’]s$/, "");
    const form = forms.get(key) ?? (bare !== key ? forms.get(bare)?.concat(key.slice(bare.length)) : undefined);
    // Unseen short words in capitals are acronyms ("KPA"); longer ones names.
    let out = form ?? (/^\p{L}{2,3}$/u.test(w) && !isCommonWord(key) ? w : /^\p{L}\.$/u.test(w) || !isCommonWord(bare) ? capitalised(key) : key);
    if (first) {
      out = out.replace(LETTERS, (c) => c.toUpperCase());
      first = false;
    }
    return out;
  });
}

const capitalised = (w: string) => w.replace(/(^|[-.'’])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase()).replace(/(['’])S$/u, "$1s");

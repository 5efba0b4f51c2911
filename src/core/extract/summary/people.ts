// The person a sentence's opening "He" or "She" most likely means: among the people named in the
// sentences just before it, the one the article mentions most (news pronouns mostly point at the
// story's main person).

// Capitalised words that start names of things, not of people.
const NOT_PERSON =
  /\b(?:The|A|An|In|On|At|For|Of|And|But|If|When|While|After|Before|As|By|With|From|To|This|That|It|He|She|They|We|I|Mr|Mrs|Ms|Dr|Club|United|City|Street|Road|Court|Police|Department|University|School|College|Council|Party|League|Cup|Park|House|Hospital|Church|Airport|Station|Bank|Company|Group|Association|Federation|Ministry|Office|Service|Agency|Institute|Foundation|Committee|Army|Navy|Force|Government|State|States|Kingdom|Republic|News|Times|Post|Daily|Mail|Twitter|Facebook|Instagram|Premier|Championship|Grand|Prix|Open|National|International|World|North|South|East|West|New|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const NAME = /\b\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}\b/gu;

/** Full names of people in a text, in order of appearance. */
export function personNames(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(NAME)) {
    const name = m[0].replace(/\s+/g, " ").replace(/['’]s$/, "");
    if (!NOT_PERSON.test(name)) out.push(name);
  }
  return out;
}

const surname = (name: string) => name.slice(name.lastIndexOf(" ") + 1);

/**
 * The person an opening pronoun in the sentence after `before` refers to: a person named in the last
 * two sentences, the most mentioned (by surname) in `article` when there are several.
 */
export function pronounReferent(before: readonly string[], article: string): string | undefined {
  const names = before.slice(-2).flatMap(personNames);
  let best: string | undefined;
  let bestCount = 0;
  for (const name of names) {
    const s = surname(name);
    let count = 0;
    for (let i = article.indexOf(s); i >= 0; i = article.indexOf(s, i + s.length)) count++;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}

// What a run of capitalised words is: a person (with a title), an organisation, a place, a lone word
// to decide later, or nothing (a headline's words, a cause, an event).
import { CLUB_LAST_WORDS, COMPANY_SUFFIXES, CONNECTORS, GROUP_WORDS, HEADLINE_VERBS, HONORIFICS, KNOWN_ORGS, NAME_ORG_WORDS, NOT_NAMES, ORG_HEADS, ORG_HEADS_BEFORE, ORG_WORDS, PLACE_HEADS, ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "./lexicon.js";
import { isCommonWord } from "../../text/index.js";
import { placeTable } from "../gazetteer.js";
import { placeKind } from "./places.js";
import { isNation } from "./teams.js";
import { isInitial, type Token } from "./tokens.js";
import { firstNameGender, roleGender } from "./gender.js";
import type { NameSeq } from "./names.js";
import { actsAsPerson } from "./surnames.js";

/** A word that can open a person's name: a known first name that is no title, role or common capitalised word. */
export function isFirstName(norm: string): boolean {
  if (TITLES.has(norm) || ROLE_NOUNS.has(norm) || ROLE_MODIFIERS.has(norm) || ORG_WORDS.has(norm) || NOT_NAMES.has(norm) || GROUP_WORDS.has(norm) || THING_WORDS.has(norm)) return false;
  return firstNameGender(norm) !== undefined;
}

// Capitalised short forms that are also common words in lower case ("US" and "us").
const KNOWN_ACRONYM = /^(US|UK|UN|EU)$/;

// Capitalised words that end no person's name: a sequence ending so is a thing.
const THING_WORDS = new Set(
  ("day street avenue road act bill plan war law amendment rule program programme project initiative summit debate convention primary primaries caucuses election elections report deal accord treaty award prize index hall tower bridge river lake mountain island islands park square airport station " +
    // Events: "the Lakeside Open", "the Harbour Cup".
    "open cup games championship championships classic festival prix series bowl trophy tournament olympics slam marathon rally grand").split(" "),
);
// First words that make a name a place (land and water).
const PLACE_FIRST_WORDS = new Set("river lake mount mt loch isle cape gulf".split(" "));
// Last words that make a name a place: regions, land and water, and buildings people go to.
const PLACE_WORDS = new Set(
  ("republic province region county district territory island islands valley mountains hills river lake bay sea ocean gulf strait " +
    "peninsula coast desert prison jail airport stadium motel hotel hospital square bridge park street avenue road").split(" "),
);
// Lower-case words after which a name is a place or a thing ("at Grace Road", "the Liberty Bell").
const PLACE_LEAD = new Set(["at", "in", "on", "near", "from", "to", "the", "into", "outside", "inside"]);

// Adjectives of time or rank that open a phrase before a name and are no part of it ("Former Rovers").
const LEADING_ADJECTIVES = new Set(["former", "then", "late", "top", "acting", "interim", "outgoing", "incoming", "retired", "veteran", "longtime"]);

/** "Dutch", "Norwegians", "Kurds": a people, from the country table's demonyms (and their plurals). */
function isDemonym(norm: string): boolean {
  const p = placeTable().get(norm) ?? (norm.endsWith("s") ? placeTable().get(norm.slice(0, -1)) : undefined);
  return p?.via === "demonym";
}


const GENERIC_BODIES = new Set(["congress", "senate", "house", "parliament", "government", "administration", "cabinet", "assembly"]);


export function classify(text: string, tokens: readonly Token[], idx: number[], out: NameSeq[], lower: ReadonlySet<string>): void {
  // A known place of two words or more is one, whatever words it holds ("West Bank", "Saudi Arabia").
  let k0 = 0;
  const lead = (n: string) => (NOT_NAMES.has(n) && !HONORIFICS.has(n)) || GROUP_WORDS.has(n) || isDemonym(n);
  while (k0 < idx.length - 2 && lead(tokens[idx[k0]!]!.norm) && !placeKind(text.slice(tokens[idx[k0]!]!.start, tokens[idx[idx.length - 1]!]!.end))) k0++;
  if (idx.length - k0 >= 2 && !tokens[idx[idx.length - 1]!]!.possessive) {
    const a = tokens[idx[k0]!]!;
    const b = tokens[idx[idx.length - 1]!]!;
    const form = text.slice(a.start, b.end);
    if (form.includes(" ") && placeKind(form)) {
      out.push({ from: idx[k0]!, to: idx[idx.length - 1]! + 1, kind: "place", name: form });
      return;
    }
  }
  let k = 0;
  // Sentence-opening function words and group words are no part of a name ("The Kremlin", "But Trump").
  const group = (n: string) => GROUP_WORDS.has(n) || isDemonym(n) || /^[\p{L}.]+-(american|americans|born|based|led|backed|owned|run|sponsored|listed|registered|controlled|dominated|speaking)$/u.test(n);
  // "I'd", "They'll", "We've": a pronoun with a contraction is never a name.
  const skip = (t: Token) => (NOT_NAMES.has(t.norm) || group(t.norm) || /^\p{L}+['’](ll|d|ve|re|m)$/u.test(t.norm)) && !HONORIFICS.has(t.norm) && !KNOWN_ACRONYM.test(t.text);
  // "Ruritanian Republic", "Soviet Union": a people's word before a state noun is part of the name.
  const state = (x: number) => x + 1 < idx.length && ["republic", "federation", "union", "emirates", "kingdom"].includes(tokens[idx[x + 1]!]!.norm);
  // "Christian Vold": a people's or faith's word that is also a first name, before a surname, opens a name.
  const firstOfName = (x: number) => x + 1 < idx.length && group(tokens[idx[x]!]!.norm) && firstNameGender(tokens[idx[x]!]!.norm) !== undefined && !group(tokens[idx[x + 1]!]!.norm) && !isCommonWord(tokens[idx[x + 1]!]!.norm);
  // "Arab League", "American Red Cross": a people's word opens an organisation's name.
  const lastNorm = tokens[idx[idx.length - 1]!]!.norm;
  // A party's or a people's word before a legislature or a government is an adjective ("Republican Congress",
  // "Chinese government"), "White House" aside.
  const body = GENERIC_BODIES.has(lastNorm) && !(idx.length === 2 && tokens[idx[0]!]!.norm === "white" && lastNorm === "house");
  const orgName = idx.length > 1 && !body && (ORG_WORDS.has(lastNorm) || NAME_ORG_WORDS.has(lastNorm) || COMPANY_SUFFIXES.has(lastNorm));
  while (k < idx.length && ((skip(tokens[idx[k]!]!) && !(group(tokens[idx[k]!]!.norm) && (state(k) || firstOfName(k) || orgName))) || (k < idx.length - 1 && LEADING_ADJECTIVES.has(tokens[idx[k]!]!.norm) && !TITLES.has(tokens[idx[k + 1]!]!.norm) && !ROLE_NOUNS.has(tokens[idx[k + 1]!]!.norm)))) k++;
  const groupFirst = k < idx.length && firstOfName(k) && !state(k);
  const ids = idx.slice(k);
  // "Arab Spring", "Kurdish Uprising": an everyday word after a people's word names an event, no entity.
  const only = tokens[ids[0]!]?.norm ?? "";
  if (k > 0 && ids.length === 1 && group(tokens[idx[k - 1]!]!.norm) && isCommonWord(only) && !ORG_WORDS.has(only) && !KNOWN_ORGS.has(only) && !TITLES.has(only)) return;
  // Headlines put a capitalised verb after the name ("Malik Warns", "Joan Pike Says").
  // A people's word after a lone first name is a surname ("Ana Cuban"), not an adjective.
  // Only when the text has the word alone act as a person ("Cuban said"): "West Indian" stays a people's word.
  const surnamed = (n: number) => {
    const [a, b] = [tokens[ids[0]!]!.norm, tokens[ids[1]!]?.norm ?? ""];
    return n === 2 && isFirstName(a) && !placeKind(a) && isDemonym(b) && !/s$/.test(b) && tokens.some((t, x) => t.norm === b && t.cap && x !== ids[1] && actsAsPerson(tokens, x));
  };
  while (ids.length && ((skip(tokens[ids[ids.length - 1]!]!) && !surnamed(ids.length)) || (ids.length > 1 && HEADLINE_VERBS.has(tokens[ids[ids.length - 1]!]!.norm)))) ids.pop();
  while (ids.length && CONNECTORS.has(tokens[ids[ids.length - 1]!]!.norm)) ids.pop();
  // "Former Lakeland Gov." at a sentence's end: the name after the title went to the next sentence.
  if (ids.length > 1 && TITLES.has(tokens[ids[ids.length - 1]!]!.norm) && tokens[ids[ids.length - 1]! + 1]?.text === "." && placeKind(text.slice(tokens[ids[0]!]!.start, tokens[ids[ids.length - 2]!]!.end))) ids.pop();
  if (!ids.length) return;
  // Filled by push, not made by map: arrays from Array.prototype.map came with more than one elements
  // kind, and each new one threw away this function's optimised code (V8's "wrong map", several times a
  // round of the card bench, long after the first rounds).
  const toks: Token[] = [];
  const norms: string[] = [];
  for (const n of ids) {
    toks.push(tokens[n]!);
    norms.push(tokens[n]!.norm);
  }
  const span = (a: number, b: number) => text.slice(toks[a]!.start, toks[b - 1]!.end).replace(/['’]s$/, "");
  const make = (a: number, b: number, kind: NameSeq["kind"], extra: Partial<NameSeq> = {}): NameSeq => ({
    from: ids[a]!, to: ids[b - 1]! + 1, kind, name: span(a, b), ...extra,
  });
  const joined = norms.join(" ");

  if (groupFirst && toks.length === 2) return pushPerson(toks, make, 0, out);
  // An honorific makes the rest a person ("Mrs. Clinton"), whatever else it looks like.
  const hon = HONORIFICS.get(norms[0]!);
  if (HONORIFICS.has(norms[0]!) && toks.length > 1) {
    out.push(make(1, toks.length, "person", hon ? { gender: hon, honorific: true } : {}));
    return;
  }
  // "Ana Ruiz of Lakeland", "Acme Widgets Inc of Ohio", "Emperor of Ruritania": a person, a company or a
  // title before "of", and a place after it, are two names.
  // A person's "of" introduces where they are from or whom they work for, never another person.
  const of = norms.indexOf("of");
  const head = norms.slice(0, Math.max(of, 0));
  const personOf = of >= 2 && of < toks.length - 1 && head.slice(0, -1).some((n) => isFirstName(n)) && !head.some((n) => ORG_WORDS.has(n)) && !TITLES.has(head[head.length - 1]!);
  const tailPlace = of > 0 && of < toks.length - 1 ? placeKind(span(of + 1, toks.length)) : undefined;
  if (personOf || tailPlace) {
    const headLast = head[head.length - 1]!;
    const title = head.every((n) => TITLES.has(n) || ROLE_NOUNS.has(n) || n === "duke" || n === "emperor");
    // "Bank of Ruritania", "University of Lakeport", "City of Tromso" stay whole.
    const whole = !COMPANY_SUFFIXES.has(headLast) && (ORG_WORDS.has(headLast) || PLACE_WORDS.has(headLast) || THING_WORDS.has(headLast) || headLast === "city");
    if (personOf || title || (tailPlace === "country" && !whole)) {
      const headOut: NameSeq[] = [];
      if (!title) classify(text, tokens, ids.slice(0, of), headOut, lower);
      // "Vitesse of Norway": a lone name before a country's "of" is a club or a firm from there.
      for (const h of headOut) out.push(h.kind === "single" && !personOf ? { ...h, kind: "organization" } : h);
      const tail: NameSeq[] = [];
      classify(text, tokens, ids.slice(of + 1), tail, lower);
      for (const t of tail) out.push(personOf && t.kind === "person" ? { ...t, kind: "organization" } : t);
      return;
    }
  }
  // "the daily Vela", "first division side Orvane": a lower-case organisation noun right before the name.
  const headNoun = tokens[ids[0]! - 1];
  if (headNoun && headNoun.word && !headNoun.cap && !headNoun.possessive && headNoun.sentence === toks[0]!.sentence && ORG_HEADS_BEFORE.has(headNoun.norm) && !isNation(joined)) {
    out.push(make(0, toks.length, "organization"));
    return;
  }
  // "the Harbour Composite index", "the Vela industrial average": a market index, no entity.
  const indexNoun = (t: Token | undefined) => !!t && t.word && !t.cap && t.sentence === toks[0]!.sentence && /^(index|indices|industrials|composite)$/.test(t.norm);
  // An exchange's or an agency's own index keeps its name ("the Lakeport Stock Exchange index", "Holm & Co's index").
  const indexOwner = toks[toks.length - 1]!.possessive || norms.some((n) => ORG_WORDS.has(n) || n === "&");
  if (!indexOwner && (indexNoun(tokens[ids[ids.length - 1]! + 1]) || (tokens[ids[ids.length - 1]! + 1]?.norm === "industrial" && /^(average|index)$/.test(tokens[ids[ids.length - 1]! + 2]?.norm ?? "")))) return;
  // "the Orvane airport", "Lakeport harbour": a lower-case place noun right after the name.
  const tail = tokens[ids[ids.length - 1]! + 1];
  const opener = !headNoun || headNoun.sentence !== toks[0]!.sentence || !headNoun.word;
  if (tail && tail.word && !tail.cap && tail.sentence === toks[0]!.sentence && PLACE_HEADS.has(tail.norm) && !toks[toks.length - 1]!.possessive && !norms.some((n) => ORG_WORDS.has(n)) &&
    !(toks.length === 1 && (/(ian|ese|ish|ic|an)$/.test(joined) || isFirstName(joined) || (opener && isCommonWord(joined)))) && !nounFollows(tokens, ids[ids.length - 1]! + 2)) {
    out.push(make(0, toks.length, "place"));
    return;
  }
  // A lone organisation word opening a sentence is a common noun in sentence case ("Police said"); after
  // "the" or inside a sentence it names one ("the Times").
  const prev = tokens[ids[0]! - 1];
  if (toks.length === 1 && ORG_WORDS.has(joined) && !KNOWN_ORGS.has(joined) && (!prev || prev.sentence !== toks[0]!.sentence || !prev.word)) return;
  const club = toks.length > 1 && CLUB_LAST_WORDS.has(norms[norms.length - 1]!);
  const orgish = (n: string) => ORG_WORDS.has(n) || NAME_ORG_WORDS.has(n) || COMPANY_SUFFIXES.has(n.replace(/\./g, "")) || n === "&";
  if (club || norms.some(orgish) || (toks.length === 1 && KNOWN_ORGS.has(joined)) || (orgHeadFollows(tokens, ids[ids.length - 1]! + 1) && !placeKind(joined))) {
    // A title before a person can hold an org word ("White House press secretary" is lower-case, so rare here).
    const fn = norms.findIndex((n, x) => x > 0 && x < toks.length - 1 && isFirstName(n));
    // "the Harbour Party of President ...": the role starts after the last "of" before the person.
    if (fn > 0 && !norms.slice(fn).some(orgish)) return pushPerson(toks, make, fn, out, norms.slice(0, fn).lastIndexOf("of") + 1);
    // A title word with two or three words after it and no organisation word among them: the person
    // follows the title ("Union Minister Rakesh Verma"), whatever the first name.
    const title = norms.findLastIndex((n, x) => x < toks.length - 2 && TITLES.has(n) && !ORG_WORDS.has(n));
    if (title >= 0 && toks.length - title - 1 <= 3 && !norms.slice(title + 1).some((n) => orgish(n) || TITLES.has(n) || isCommonWord(n))) {
      return pushPerson(toks, make, title + 1, out, norms.slice(0, title).lastIndexOf("of") + 1);
    }
    out.push(make(0, toks.length, "organization"));
    return;
  }
  const place = placeKind(joined);
  // "US", "UK": a country's short form in capitals is no surname.
  if (place && (toks.length > 1 || (place === "country" && /^\p{Lu}[\p{Lu}.]+$/u.test(toks[0]!.text)))) {
    out.push(make(0, toks.length, "place"));
    return;
  }
  // An acronym, unless it is a common word in capitals ("NO", "WHITE") or a unit after a number ("10 GMT").
  const acronym = /^\p{Lu}{2,6}$/u.test(toks[0]!.text) || /^(?:\p{Lu}\.){1,4}\p{Lu}$/u.test(toks[0]!.text);
  const afterNumber = !!prev && prev.sentence === toks[0]!.sentence && /^\d/.test(prev.text);
  if (toks.length === 1 && !place && acronym && !afterNumber && ((!lower.has(joined) && !NOT_NAMES.has(joined)) || KNOWN_ACRONYM.test(toks[0]!.text))) {
    out.push(make(0, 1, "organization"));
    return;
  }
  if (toks.length === 1) {
    // A word the text also writes in lower case is a common word ("Delegates", "Obamacare" stays).
    if (NOT_NAMES.has(joined) || GROUP_WORDS.has(joined) || TITLES.has(joined) || (lower.has(joined) && !place)) return;
    // "Ruritania-Lakeland", "EU-UK": places or short forms joined by a hyphen describe a relation, no one.
    const parts = toks[0]!.text.split("-");
    if (parts.length > 1 && parts.every((p) => /^\p{Lu}{2,4}$/u.test(p) || placeKind(p.toLowerCase()) !== undefined)) return;
    // "Veltabank", "NordCom": a capital inside a word is a brand, unless a surname prefix ("McLean", "DeSoto").
    if (/^\p{Lu}\p{Ll}+\p{Lu}/u.test(toks[0]!.text) && !/^(Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz)\p{Lu}/u.test(toks[0]!.text)) {
      out.push(make(0, 1, "organization"));
      return;
    }
    // "Scottish", "Islamic": an adjective of a people or a faith is no name.
    if (/(ish|ic)$/.test(joined) && !isFirstName(joined)) return;
    const common = isCommonWord(joined) && !isFirstName(joined);
    // A city that is also a common word or a first name ("Reading", "Florence") is a place only when the
    // gazetteer knows it as a country, state or capital.
    const placeLike = place === "country" || (place === "city" && !common && !isFirstName(joined));
    out.push(make(0, 1, "single", { ...(placeLike ? { placeLike } : {}), ...(common ? { weak: true } : {}) }));
    return;
  }
  // "Harbour Prison", "Ruritanian Republic", "Sunset Valley": a place by its last word; "the River Wend",
  // "Mount Kell", "Lake Ora": by its first.
  if ((PLACE_WORDS.has(norms[norms.length - 1]!) && !isFirstName(norms[0]!)) || (toks.length > 1 && PLACE_FIRST_WORDS.has(norms[0]!) && !isFirstName(norms[0]!) && !THING_WORDS.has(norms[norms.length - 1]!) && !ORG_WORDS.has(norms[norms.length - 1]!))) {
    out.push(make(0, toks.length, "place"));
    return;
  }
  if (THING_WORDS.has(norms[norms.length - 1]!)) return;
  // A title or role word inside the sequence: the person follows the last one ("Acme Shipping CEO Ruth Adeyemi").
  let lastTitle = -1;
  norms.forEach((n, x) => {
    if (x < toks.length - 1 && (TITLES.has(n) || ROLE_NOUNS.has(n))) lastTitle = x;
  });
  if (lastTitle >= 0) {
    let from = lastTitle + 1;
    // "High Commissioner for Refugees": an office, no person.
    if (norms[from] !== "of" && CONNECTORS.has(norms[from]!) && !toks[from]!.cap) return;
    // "Secretary of State Clinton": the words joined by "of" still belong to the title.
    if (norms[from] === "of") {
      // "Director of Intelligence": an office, no person.
      if (from + 2 >= toks.length) return;
      from += 2;
    }
    const fn = norms.findIndex((n, x) => x >= from && x < toks.length - 1 && isFirstName(n));
    if (fn >= 0) from = Math.min(from, fn) === from && fn - from <= 1 ? fn : from;
    if (from < toks.length) return pushPerson(toks, make, from, out);
  }
  // Where a known first name starts the person, what stands before it is the title; not when it is a
  // frequent word and every word after it an everyday one ("Liberty Bell", "Grace Road"), nor when a
  // place opens three words or more (the name list holds "Kansas" and "Boston": "Boston Harbor Pilots").
  const fn = norms.findIndex((n, x) => x < toks.length - 1 && isFirstName(n));
  const before = tokens[ids[0]! - 1];
  const placed = !!before && before.sentence === toks[0]!.sentence && PLACE_LEAD.has(before.text);
  const everyday = fn >= 0 && ((placed && isCommonWord(norms[fn]!, "frequent")) || placeKind(norms[fn]!) === "country") && norms.slice(fn + 1).every((n) => isCommonWord(n));
  // A place opening the name with more after it is a team or a body ("Lakeport Comets", "San Remo Lions"),
  // unless one plain surname follows a one-word place that is also a first name ("Chad Bown").
  const acronymIn = toks.some((t) => /^\p{Lu}{2,}$/u.test(t.text));
  const placeLen = [3, 2].find((n) => toks.length > n && placeKind(span(0, n)) !== undefined && !isInitial(toks[1]!)) ?? 0;
  const opensWithPlace = placeLen > 0;
  const countryFirst = fn === 0 && placeKind(norms[0]!) === "country" && !isInitial(toks[1]!) && (toks.length >= 3 || acronymIn || /s$/.test(norms[1]!));
  // A first name inside the opening place is the place's ("Los Angeles Comets": "Angeles").
  const placeFirst = (fn >= 0 && fn < placeLen) || countryFirst;
  if (fn >= 0 && !everyday && !placeFirst) return pushPerson(toks, make, fn, out);
  if (opensWithPlace || countryFirst) {
    out.push(make(0, toks.length, "organization"));
    return;
  }
  // A place inside a longer name makes it an institution or a team ("Lakeside Rovers", "Ruritania Airways"),
  // but a town's name before one rare word is a person's first name ("Medina Tekli").
  const townFirst = toks.length === 2 && placeKind(norms[0]!) === "city" && !isCommonWord(norms[1]!) && !/s$/.test(norms[1]!) && !placeKind(norms[1]!);
  if (!townFirst && toks.some((t) => placeKind(t.norm) === "country" || (placeKind(t.norm) === "city" && !isCommonWord(t.norm)))) {
    out.push(make(0, toks.length, "organization"));
    return;
  }
  // A title word first: the name is the last word or two ("Sen. Warren", "Secretary of State Clinton").
  // ("National Mall" is no person: a modifier alone is no title.)
  if (TITLES.has(norms[0]!) || (ROLE_MODIFIERS.has(norms[0]!) && norms.slice(1, -1).some((n) => TITLES.has(n)))) {
    let from = toks.length - 1;
    if (from > 1 && isInitial(toks[from - 1]!)) from -= 2;
    return pushPerson(toks, make, from, out);
  }
  // Otherwise a person only when no word of it is a common word the text also writes in lower case.
  // A name and a plural everyday noun name a group: a team, a band, a firm ("Lakeport Lions").
  const last = norms[norms.length - 1]!;
  // "Harbour City", "Kell Town": a settlement, never a person; the club of a known town ("Lakeport City").
  if (last === "city" || last === "town") {
    out.push(make(0, toks.length, toks.length === 2 && placeKind(norms[0]!) ? "organization" : "place"));
    return;
  }
  if (/[^s]s$/.test(last) && isCommonWord(last) && isCommonWord(last.slice(0, -1)) && !norms.slice(0, -1).every((n) => isCommonWord(n))) {
    out.push(make(0, toks.length, "organization"));
    return;
  }
  // Everyday words alone ("Human Rights", "Ice Cold") name a cause or a title, not a person.
  if (norms.every((n) => isCommonWord(n))) return;
  if (toks.length <= 4 && norms.every((n) => !GROUP_WORDS.has(n) && !lower.has(n)) && !toks.some((t) => /^\p{Lu}{3,}$/u.test(t.text))) out.push(make(0, toks.length, "person"));
}

// Nouns a place noun modifies ("town hall", "port authority"): then the name names no place.
const COMPOUND_HEADS = new Set(["hall", "council", "board", "authority", "authorities", "official", "officials", "police", "mayor", "residents", "meeting", "centre", "center", "manager", "director"]);

/** The word at `at` is a noun the place noun before it modifies ("the Lakeport town hall"). */
function nounFollows(tokens: readonly Token[], at: number): boolean {
  const t = tokens[at];
  return !!t && t.sentence === tokens[at - 1]!.sentence && !t.cap && COMPOUND_HEADS.has(t.norm);
}

// What a firm or a body has and a person does not: after a possessive name, it makes the name an organisation.
const FIRM_HAS = new Set("ceo shareholders stockholders employees subsidiary subsidiaries".split(" "));

/** "Interfax news agency", "the Harbour Times newspaper": a lower-case organisation noun right after a name. */
function orgHeadFollows(tokens: readonly Token[], at: number): boolean {
  const a = tokens[at];
  if (!a || !a.word || a.cap || tokens[at - 1]!.sentence !== a.sentence) return false;
  // "Kestrel Line's chief executive", "Orvane Foods' shareholders": what only a firm or a body has (a name of
  // two words or more: a lone word is left to the organisation it may be a short form of).
  if (tokens[at - 1]!.possessive) return tokens[at - 2]?.cap === true && tokens[at - 2]!.sentence === a.sentence && (FIRM_HAS.has(a.norm) || (a.norm === "chief" && tokens[at + 1]?.norm === "executive") || (/^(finance|managing)$/.test(a.norm) && tokens[at + 1]?.norm === "director"));
  // "Holm's side", "the Varga team": a person's, not a name for the group.
  // "a Kurdish party", "an Islamic group": an adjective of a people or a faith before the noun, no name.
  if (/(ish|ese|ic|ian|ean|an|i)$/.test(tokens[at - 1]!.norm) && tokens[at - 2]?.cap !== true) return false;
  return ORG_HEADS.has(a.norm) || (a.norm === "news" && tokens[at + 1]?.norm === "agency");
}

function pushPerson(
  toks: Token[],
  make: (a: number, b: number, kind: NameSeq["kind"], extra?: Partial<NameSeq>) => NameSeq,
  from: number,
  out: NameSeq[],
  /** Where the title starts, when words of something else stand before it. */
  titleFrom = 0,
): void {
  const titleToks = toks.slice(titleFrom, from).filter((t) => t.text !== ".");
  const hon = titleToks.length ? HONORIFICS.get(titleToks[titleToks.length - 1]!.norm) : undefined;
  const roleToks = titleToks.filter((t) => !HONORIFICS.has(t.norm));
  const title = roleToks.length && roleToks.some((t) => TITLES.has(t.norm) || ROLE_NOUNS.has(t.norm)) ? roleToks.map((t) => t.text).join(" ") : undefined;
  const gender = hon ?? firstNameGender(toks[from]!.norm) ?? roleGender(title);
  if (from >= toks.length) return;
  const seq = make(from, toks.length, "person");
  if (title) seq.title = title.replace(/\bSen\b/, "Sen.").replace(/\bGov\b/, "Gov.").replace(/\bRep\b/, "Rep.");
  if (gender) seq.gender = gender;
  if (hon) seq.honorific = true;
  out.push(seq);
}

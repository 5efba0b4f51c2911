// People, organisations and places, with every mention's offsets (the speaker pass walks them back).
import type { Doc } from "../text/index.js";
import type { Entity } from "../types.js";
import { findNameSeqs, type NameSeq } from "./entities/names.js";
import { firstNameGender, roleGender, voteGender, type Gender } from "./entities/gender.js";
import { COMPANY_SUFFIXES, HONORIFICS, OFFICE_HEADS, ORG_WORDS } from "./entities/lexicon.js";
import { closedRoleAfter, personRole } from "./entities/roles.js";
import { SPEECH_VERBS } from "./speakers/lexicon.js";
import { isPlaceName } from "./entities/places.js";
import { tokenAt, tokenize, type Token } from "./entities/tokens.js";
import type { Gendered } from "./entities/gender.js";
import { bareSurnames } from "./entities/surnames.js";

export type { Gender } from "./entities/gender.js";
export type { Token } from "./entities/tokens.js";

export interface Mention {
  /** Index into `entities`. */
  entity: number;
  start: number;
  end: number;
  sentence: number;
  /** Token index range [from, to) of the name. */
  from: number;
  to: number;
  possessive: boolean;
}

export interface EntityIndex {
  entities: Entity[];
  /** The entity a surface form ("Blinken", "Mrs. Clinton") refers to, if known; `at` prefers the latest before it. */
  resolve(form: string, at?: number): Entity | undefined;
  /** The document's tokens, shared with the speaker pass. */
  tokens: Token[];
  /** Every mention by name, in text order. */
  mentions: Mention[];
  /** Known gender of a person (honorific, first name, gendered role). */
  gender(entity: Entity): Gender | undefined;
}

interface Built extends Gendered {
  entity: Entity;
  /** Mentions read as an organisation or as a place (a club named like its town is both): the majority types it. */
  votes?: { organization: number; place: number };
}

// Short forms that always mean one name.
const CANONICAL: Readonly<Record<string, string>> = {
  us: "united states", usa: "united states", "united states of america": "united states", uk: "united kingdom", un: "united nations", eu: "european union",
};
const canonical = (s: string) => {
  const k = key(s).replace(/^the /, "");
  return CANONICAL[k] ?? k;
};
/** "North Atlantic Treaty Organization" -> "nato" (small words left out). */
const initials = (parts: string[]) =>
  parts.filter((p) => !/^(of|the|and|for|on|in|de|la)$/i.test(p)).map((p) => p[0]!.toLowerCase()).join("");

// "Jr.", "III": a generation after the surname, not the surname ("Ada Moss Jr." is Moss).
const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?,?$/i;
const surname = (parts: readonly string[]) => (parts.length > 2 && SUFFIX.test(parts[parts.length - 1]!) ? parts[parts.length - 2]! : parts[parts.length - 1]!).replace(/,$/, "");

const key = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\./g, "");

export function extractEntities(doc: Doc): EntityIndex {
  const tokens = tokenize(doc);
  let seqs = findNameSeqs(doc.text, tokens);
  const built: Built[] = [];
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, number[]>();
  // People by the first word of their full name: "Mr. Lou" after "Lou Jiwei" (family name first), "Hillary".
  const byFirst = new Map<string, number[]>();
  const mentions: Mention[] = [];
  const mention = (e: number, s: NameSeq) => {
    const a = tokens[s.from]!;
    const b = tokens[s.to - 1]!;
    mentions.push({ entity: e, start: a.start, end: b.possessive ? b.end - 2 : b.end, sentence: a.sentence, from: s.from, to: s.to, possessive: b.possessive });
    built[e]!.entity.mentions++;
    // A lone word the gazetteer knows casts no vote: a town's name is also its club's.
    if ((s.kind === "organization" || s.kind === "place") && !s.dateline) {
      const v = (built[e]!.votes ??= { organization: 0, place: 0 });
      v[s.kind]++;
    }
  };
  const alias = (b: Built, form: string) => {
    if (form === b.entity.name) return;
    const list = (b.entity.aliases ??= []);
    if (!list.includes(form)) list.push(form);
  };

  // Full names first, so that a later surname alone finds its person.
  for (const s of seqs) {
    if (s.kind === "single") continue;
    const parts = s.name.split(/\s+/);
    if (s.kind === "person" && parts.length === 1) continue;
    const first = key(parts[0]!);
    const last = key(surname(parts));
    // "Donald J. Trump" and "Donald Trump" are one person: key on first and last name.
    const k = s.kind === "person" ? `p:${first} ${last}` : `o:${canonical(s.name)}`;
    let e = byKey.get(k);
    // An acronym of a name already met ("NATO" after "North Atlantic Treaty Organization").
    if (e === undefined && s.kind !== "person" && /^\p{Lu}{2,6}$/u.test(s.name)) e = byKey.get(`i:${s.name.toLowerCase()}`);
    if (e !== undefined && s.kind !== "person" && s.name.length > built[e]!.entity.name.length && s.name.includes(" ")) {
      // The long form names the entity; the short one becomes an alias.
      const b = built[e]!;
      const short = b.entity.name;
      b.entity.name = s.name;
      alias(b, short);
    }
    if (e === undefined) {
      e = built.length;
      byKey.set(k, e);
      built.push({ entity: { name: s.name, type: s.kind === "person" ? "person" : s.kind === "place" ? "place" : "organization", mentions: 0 }, first, last });
      if (s.kind === "person") {
        bySurname.set(last, [...(bySurname.get(last) ?? []), e]);
        byFirst.set(first, [...(byFirst.get(first) ?? []), e]);
      }
      else if (parts.length > 1) {
        byKey.set(`i:${initials(parts)}`, e);
        // "Orvane SpA" is "Orvane" too.
        const bare = parts.filter((p, x) => x === 0 || !COMPANY_SUFFIXES.has(key(p)));
        const bk = `o:${canonical(bare.join(" "))}`;
        if (bare.length < parts.length && !byKey.has(bk)) byKey.set(bk, e);
      }
    } else alias(built[e]!, s.name);
    const b = built[e]!;
    if (s.kind === "person") {
      if (s.gender && s.honorific) b.honorific = true;
      b.gender ??= s.gender;
      const role = personRole(doc.text, tokens, s.from, s.to, s.title);
      if (role && !b.entity.role) b.entity.role = role;
      b.gender ??= roleGender(b.entity.role);
    }
    mention(e, s);
  }
  // Surnames that are also everyday words, where they act as a person ("Small said").
  const bare = bareSurnames(tokens, seqs, new Set(bySurname.keys()));
  if (bare.length) seqs = [...seqs, ...bare].sort((a, b) => a.from - b.from);
  // Organisations by the first or last word of their name, company suffix aside ("Telvik" for "NK Telvik AB").
  const byOrgWord = new Map<string, number[]>();
  built.forEach((b, e) => {
    if (b.entity.type !== "organization") return;
    const words = b.entity.name.split(/\s+/).filter((w) => /\p{L}/u.test(w));
    while (words.length > 1 && COMPANY_SUFFIXES.has(key(words[words.length - 1]!))) words.pop();
    if (words.length < 2) return;
    for (const w of new Set([key(words[0]!), key(words[words.length - 1]!)])) if (!ORG_WORDS.has(w)) byOrgWord.set(w, [...(byOrgWord.get(w) ?? []), e]);
  });
  // Then surnames alone ("Blinken", "Mr. Trump"): the person with that surname mentioned last before.
  const pending: NameSeq[] = [];
  for (const s of seqs) {
    const parts = s.name.split(/\s+/);
    if (!(s.kind === "single" || (s.kind === "person" && parts.length === 1))) continue;
    // A lone word the text also gives as an organisation or place ("Vela news agency" ... "Vela said").
    const orgs = s.kind === "single" && !s.placeLike && !s.weak ? byOrgWord.get(key(s.name)) : undefined;
    const named = s.kind === "single" ? byKey.get(`o:${canonical(s.name)}`) ?? (orgs?.length === 1 ? orgs[0] : undefined) : undefined;
    if (named !== undefined && !bySurname.has(key(parts[0]!))) {
      mention(named, s);
      continue;
    }
    let ids = bySurname.get(key(parts[0]!));
    // "the Mall", "the Post": a thing, never a person's surname.
    // "the Varga campaign", "the Moss office" are still Varga's and Moss's.
    const ofPerson = OFFICE_HEADS.has(tokens[s.to]?.norm ?? "") && !tokens[s.to]!.cap;
    if (ids?.length && tokens[s.from - 1]?.norm === "the" && s.kind === "single" && !ofPerson) continue;
    // "Mr. Obama" is not Michelle Obama: a surname whose gender fits nobody named is someone else.
    if (ids?.length && s.gender && ids.every((id) => built[id]!.gender && built[id]!.gender !== s.gender)) ids = undefined;
    // No one has that surname: the one person whose name opens with that word, gender agreeing.
    if (!ids?.length && !(tokens[s.from - 1]?.norm === "the")) {
      const firsts = byFirst.get(key(parts[0]!));
      if (firsts?.length === 1 && !(s.gender && built[firsts[0]!]!.gender && built[firsts[0]!]!.gender !== s.gender)) ids = firsts;
    }
    if (ids?.length) {
      const e = pickByRecency(ids, mentions, tokens[s.from]!.start, s.gender, built, tokens);
      alias(built[e]!, s.name);
      built[e]!.gender ??= s.gender;
      if (s.honorific) built[e]!.honorific = true;
      mention(e, s);
    } else {
      // A lone first name of exactly one person named in full, and nobody's surname ("Ines" after "Ines Duarte").
      const firsts = s.kind === "single" && !s.honorific ? built.filter((b) => b.entity.type === "person" && b.first === key(parts[0]!) && b.last !== b.first) : [];
      if (firsts.length === 1 && tokens[s.from - 1]?.norm !== "the") {
        const e = built.indexOf(firsts[0]!);
        alias(built[e]!, s.name);
        mention(e, s);
      } else pending.push(s);
    }
  }
  // A lone name that is no known surname is a person when it speaks ("Varga said", "said Varga"),
  // follows an honorific, or is taken up by "he" or "she" before anyone else is named.
  const speaks = new Set<string>();
  const counts = new Map<string, number>();
  for (const s of pending) counts.set(key(s.name), (counts.get(key(s.name)) ?? 0) + 1);
  const starts = seqs.map((s) => s.from);
  // "Orvane, which makes tyres", "Orvane ... its profit": a thing, not a person, whatever it says.
  const thing = new Set<string>();
  pending.forEach((s) => {
    const after = tokens[s.to];
    if (after?.text === "," && tokens[s.to + 1]?.norm === "which") thing.add(key(s.name));
    for (let t = s.to; t < tokens.length && t < s.to + 12 && tokens[t]!.sentence === tokens[s.from]!.sentence; t++) {
      const n = tokens[t]!.norm;
      if (n === "its") thing.add(key(s.name));
      if (n === "its" || n === "he" || n === "she" || n === "his" || n === "her" || (tokens[t]!.cap && t > s.to)) break;
    }
  });
  pending.forEach((s) => {
    const before = tokens[s.from - 1];
    const after = tokens[s.to];
    const k = key(s.name);
    if (before?.norm === "the") return; // "the Mall": a thing
    // "said Varga." names a speaker; "said Medicard is ..." names the subject of what was said.
    const inverted = before && SPEECH_VERBS.has(before.norm) && before.sentence === tokens[s.from]!.sentence && (!after || !after.word || after.sentence !== before.sentence);
    if (s.kind === "person" || (after && SPEECH_VERBS.has(after.norm)) || inverted) speaks.add(k);
    else if (before && before.sentence === tokens[s.from]!.sentence && before.word && before.norm !== "the" && pronounFollows(tokens, s.to, nextStart(starts, s.to), (counts.get(k) ?? 0) > 1)) speaks.add(k);
  });
  const insideCount = new Map<string, number>();
  for (const s of pending) {
    const k = key(s.name);
    if (tokens[s.from - 1]?.word && tokens[s.from - 1]!.sentence === tokens[s.from]!.sentence) insideCount.set(k, (insideCount.get(k) ?? 0) + 1);
  }
  // Not a place, nor a word for a people or a faith ("Kurdish", "Balinese", "Islamic").
  // Nor a word of a longer name the text gives ("Sox" of "Lakeport Sox").
  const partOf = new Set(built.flatMap((b) => (b.entity.name.includes(" ") ? b.entity.name.split(/\s+/).map(key) : [])));
  const inside = new Set(
    [...insideCount].filter(([k, n]) => n >= 2 && !partOf.has(k) && !isPlaceName(k) && !/(ish|ese|ic|ian|ean|an|i|ems?|ers?|us)$/.test(k)).map(([k]) => k),
  );
  for (const s of pending) {
    const k = key(s.name);
    // A lone place name no person bears ("Lakeport", "Ruritania").
    if (s.placeLike) {
      const pk = `o:${canonical(s.name)}`;
      let e = byKey.get(pk);
      if (e === undefined) {
        e = built.length;
        byKey.set(pk, e);
        built.push({ entity: { name: s.name, type: "place", mentions: 0 }, first: k, last: k });
      }
      mention(e, s);
      continue;
    }
    let e = byKey.get(`p1:${k}`);
    // A name that repeats inside sentences yet never acts as a person is a firm, a club or a body
    // ("shares in Orvane rose ... Orvane's board").
    if (e === undefined && ((!speaks.has(k) && (counts.get(k) ?? 0) >= 2 && inside.has(k)) || thing.has(k)) && !s.weak) {
      const ok = `o:${canonical(s.name)}`;
      let o = byKey.get(ok);
      if (o === undefined) {
        o = built.length;
        byKey.set(ok, o);
        built.push({ entity: { name: s.name, type: "organization", mentions: 0 }, first: k, last: k });
      }
      mention(o, s);
      continue;
    }
    if (e === undefined) {
      if (!speaks.has(k) || s.weak) continue;
      e = built.length;
      byKey.set(`p1:${k}`, e);
      built.push({ entity: { name: s.name, type: "person", mentions: 0 }, first: k, last: k, ...(s.gender ? { gender: s.gender } : {}) });
      bySurname.set(k, [e]);
    }
    // Someone the article names by honorific and surname only, with a role in apposition ("Mr Dale, MP
    // for Ashford, said"): the role of someone no fuller name was given for.
    const b = built[e]!;
    if (s.honorific && b.entity.type === "person" && !b.entity.role) {
      const role = closedRoleAfter(doc.text, tokens, s.to);
      if (role) (b.entity.role = role), (b.gender ??= roleGender(role));
    }
    mention(e, s);
  }
  mentions.sort((a, b) => a.start - b.start);
  for (const b of built) {
    const v = b.votes;
    if (v && b.entity.type === "place" && v.organization > v.place) b.entity.type = "organization";
    else if (v && b.entity.type === "organization" && v.place > v.organization) b.entity.type = "place";
  }
  const into = mergeSameNames(built, mentions);
  voteGender(tokens, mentions, built, bySurname);

  // Most mentioned first (ties in order of appearance): the card lists them, and topics are taken from the top.
  const order = built.map((_, i) => i).filter((i) => !into.has(i)).sort((a, b) => built[b]!.entity.mentions - built[a]!.entity.mentions || a - b);
  const rank = new Array<number>(built.length);
  order.forEach((old, i) => (rank[old] = i));
  for (const m of mentions) m.entity = rank[m.entity]!;
  const entities = order.map((i) => built[i]!.entity);
  const genders = new Map(built.map((b) => [b.entity, b.gender ?? (b.entity.type === "person" ? firstNameGender(b.first) : undefined)]));
  const resolve = (form: string, at?: number): Entity | undefined => {
    const parts = form.replace(/['’]s$/, "").split(/\s+/).filter((p) => p && !HONORIFICS.has(key(p)));
    if (!parts.length) return undefined;
    const whole = key(parts.join(" "));
    const exact = built.findIndex((b) => key(b.entity.name) === whole || b.entity.aliases?.some((a) => key(a) === whole));
    if (exact >= 0) return built[into.get(exact) ?? exact]!.entity;
    const ids = bySurname.get(key(surname(parts)));
    if (ids?.length) {
      const id = pickByRecency(ids, mentions, at ?? Infinity, undefined, built, tokens);
      return built[into.get(id) ?? id]!.entity;
    }
    return undefined;
  };
  return { entities, resolve, tokens, mentions, gender: (e) => genders.get(e) };
}

/**
 * One name, one entity: a name read two ways in two places ("Hun Sen" after a possessive, a club named
 * like its city) keeps the type of its more frequent reading (the first on a tie). Returns loser -> winner.
 */
function mergeSameNames(built: Built[], mentions: Mention[]): Map<number, number> {
  const into = new Map<number, number>();
  const byName = new Map<string, number>();
  built.forEach((b, i) => {
    const k = key(b.entity.name);
    const w = byName.get(k);
    if (w === undefined) return void byName.set(k, i);
    const [win, lose] = built[w]!.entity.mentions >= b.entity.mentions ? [w, i] : [i, w];
    into.set(lose, win);
    byName.set(k, win);
  });
  if (!into.size) return into;
  const final = (i: number): number => (into.has(i) ? final(into.get(i)!) : i);
  for (const [lose] of into) {
    const win = final(lose);
    into.set(lose, win);
    const w = built[win]!.entity;
    const l = built[lose]!.entity;
    w.mentions += l.mentions;
    l.mentions = 0;
    for (const a of l.aliases ?? []) if (a !== w.name && !w.aliases?.includes(a)) (w.aliases ??= []).push(a);
    if (!w.role && l.role) w.role = l.role;
  }
  for (const m of mentions) m.entity = into.get(m.entity) ?? m.entity;
  return into;
}

/** Of people sharing a surname, the one whose mention comes last before `at` (gender must agree when known). */
/**
 * Of people sharing a surname, the one a bare surname at `at` means: gender must agree when known; then the
 * most salient recent mention (a sentence subject over a name after a preposition, "his wife Hillary Clinton").
 */
function pickByRecency(ids: number[], mentions: readonly Mention[], at: number, gender: Gender | undefined, built: readonly Built[], tokens: readonly Token[]): number {
  const fits = ids.filter((id) => !gender || !built[id]!.gender || built[id]!.gender === gender);
  const pool = fits.length ? fits : ids;
  if (pool.length === 1) return pool[0]!;
  const here = tokens[tokenAt(tokens, at)]?.sentence ?? Infinity;
  // The bearer introduced first is the story's ("Lund" stays Eric Lund after his father Olaf Lund is named).
  const first = mentions.find((m) => pool.includes(m.entity))?.entity;
  let best = pool[0]!;
  let bestScore = -Infinity;
  for (const m of mentions) {
    if (m.start >= at || !pool.includes(m.entity)) continue;
    // A lone first name ("his father, Rafe") says nothing about whom a bare surname means.
    if (m.to - m.from === 1 && tokens[m.from]!.norm === built[m.entity]!.first && built[m.entity]!.first !== built[m.entity]!.last) continue;
    let b = m.from - 1;
    while (b >= 0 && tokens[b]!.sentence === m.sentence && (tokens[b]!.cap || tokens[b]!.text === ".") && !PREPOSITIONS.has(tokens[b]!.norm)) b--;
    const before = tokens[b];
    const inSentence = before && before.sentence === m.sentence;
    let score = -Math.min(here - m.sentence, 20) * 0.6;
    if (!inSentence || before!.text === ",") score += 1;
    else if (PREPOSITIONS.has(before!.norm) || (before!.word && !before!.cap)) score -= 1;
    if (m.possessive) score -= 1;
    if (m.entity === first) score += 1.5;
    if (score >= bestScore) [best, bestScore] = [m.entity, score];
  }
  return best;
}

// Words before a name that make it the object of a preposition.
const PREPOSITIONS = new Set(["of", "to", "for", "with", "about", "against", "from", "by", "on", "at", "in", "into", "than", "like", "between", "among", "under", "behind", "alongside", "including"]);

/** Start of the first name sequence at or after token `at`. */
function nextStart(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return starts[lo] ?? Infinity;
}

/** A gendered pronoun after token `from`, in the same sentence (or the next one too), before token `stop`. */
function pronounFollows(tokens: readonly Token[], from: number, stop: number, nextSentenceToo: boolean): boolean {
  const sentence = tokens[from - 1]?.sentence ?? 0;
  const last = nextSentenceToo ? sentence + 1 : sentence;
  for (let t = from; t < stop && t < from + 30 && t < tokens.length && tokens[t]!.sentence <= last; t++) {
    const n = tokens[t]!.norm;
    if (n === "he" || n === "she" || n === "his" || n === "him" || n === "her") return true;
  }
  return false;
}

// People, organisations and places, with every mention's offsets (the speaker pass walks them back).
import type { Doc } from "../text/index.js";
import type { Entity } from "../types.js";
import { findNameSeqs, firstNameGender, roleGender, type Gender, type NameSeq } from "./entities/names.js";
import { HONORIFICS } from "./entities/lexicon.js";
import { roleAfter, roleBefore } from "./entities/roles.js";
import { tokenize, type Token } from "./entities/tokens.js";

export type { Gender } from "./entities/names.js";
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

interface Built {
  entity: Entity;
  gender?: Gender;
  first: string;
  last: string;
}

const key = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\./g, "");

export function extractEntities(doc: Doc): EntityIndex {
  const tokens = tokenize(doc);
  const seqs = findNameSeqs(doc.text, tokens);
  const built: Built[] = [];
  const byKey = new Map<string, number>();
  const bySurname = new Map<string, number[]>();
  const mentions: Mention[] = [];
  const mention = (e: number, s: NameSeq) => {
    const a = tokens[s.from]!;
    const b = tokens[s.to - 1]!;
    mentions.push({ entity: e, start: a.start, end: b.possessive ? b.end - 2 : b.end, sentence: a.sentence, from: s.from, to: s.to, possessive: b.possessive });
    built[e]!.entity.mentions++;
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
    const last = key(parts[parts.length - 1]!);
    // "Donald J. Trump" and "Donald Trump" are one person: key on first and last name.
    const k = s.kind === "person" ? `p:${first} ${last}` : `${s.kind}:${key(s.name)}`;
    let e = byKey.get(k);
    if (e === undefined) {
      e = built.length;
      byKey.set(k, e);
      built.push({ entity: { name: s.name, type: s.kind === "person" ? "person" : s.kind === "place" ? "place" : "organization", mentions: 0 }, first, last });
      if (s.kind === "person") bySurname.set(last, [...(bySurname.get(last) ?? []), e]);
    } else alias(built[e]!, s.name);
    const b = built[e]!;
    if (s.kind === "person") {
      b.gender ??= s.gender;
      const role = s.title ?? roleBefore(doc.text, tokens, s.from) ?? roleAfter(doc.text, tokens, s.to);
      if (role && !b.entity.role) b.entity.role = role;
      b.gender ??= roleGender(b.entity.role);
    }
    mention(e, s);
  }
  // Then surnames alone ("Blinken", "Mr. Trump"): the person with that surname mentioned last before.
  const pending: NameSeq[] = [];
  for (const s of seqs) {
    const parts = s.name.split(/\s+/);
    if (!(s.kind === "single" || (s.kind === "person" && parts.length === 1))) continue;
    const ids = bySurname.get(key(parts[0]!));
    if (ids?.length) {
      const e = pickByRecency(ids, mentions, tokens[s.from]!.start, s.gender, built);
      alias(built[e]!, s.name);
      built[e]!.gender ??= s.gender;
      mention(e, s);
    } else pending.push(s);
  }
  // A lone name that is no known surname: a one-word person after an honorific, else an organisation or place.
  for (const s of pending) {
    const k = s.kind === "person" ? `p1:${key(s.name)}` : `o:${key(s.name)}`;
    let e = byKey.get(k);
    if (e === undefined) {
      if (s.kind === "single") continue;
      e = built.length;
      byKey.set(k, e);
      built.push({ entity: { name: s.name, type: "person", mentions: 0 }, first: key(s.name), last: key(s.name), ...(s.gender ? { gender: s.gender } : {}) });
      bySurname.set(key(s.name), [e]);
    }
    mention(e, s);
  }
  mentions.sort((a, b) => a.start - b.start);

  const entities = built.map((b) => b.entity);
  const genders = new Map(built.map((b) => [b.entity, b.gender ?? (b.entity.type === "person" ? firstNameGender(b.first) : undefined)]));
  const resolve = (form: string, at?: number): Entity | undefined => {
    const parts = form.replace(/['’]s$/, "").split(/\s+/).filter((p) => p && !HONORIFICS.has(key(p)));
    if (!parts.length) return undefined;
    const whole = key(parts.join(" "));
    const exact = built.find((b) => key(b.entity.name) === whole || b.entity.aliases?.some((a) => key(a) === whole));
    if (exact) return exact.entity;
    const ids = bySurname.get(key(parts[parts.length - 1]!));
    if (ids?.length) return built[pickByRecency(ids, mentions, at ?? Infinity, undefined, built)]!.entity;
    return undefined;
  };
  return { entities, resolve, tokens, mentions, gender: (e) => genders.get(e) };
}

/** Of people sharing a surname, the one whose mention comes last before `at` (gender must agree when known). */
function pickByRecency(ids: number[], mentions: readonly Mention[], at: number, gender: Gender | undefined, built: readonly Built[]): number {
  const fits = ids.filter((id) => !gender || !built[id]!.gender || built[id]!.gender === gender);
  const pool = fits.length ? fits : ids;
  let best = pool[0]!;
  let bestAt = -1;
  for (const m of mentions) {
    if (m.start >= at) continue;
    if (pool.includes(m.entity) && m.start > bestAt) {
      best = m.entity;
      bestAt = m.start;
    }
  }
  return best;
}

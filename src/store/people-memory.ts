// The person index in memory, for the memory store: the same keys as the SQL stores.
import type { BriefingCard, Quote } from "../core/index.js";
import { nameKeys, personRows, roleKeys } from "./people-rows.js";
import type { ArticleMeta, PersonArticle, PersonFound, PersonTotals } from "./types.js";

interface Seen {
  meta: ArticleMeta;
  role: string | null;
  quotes: Quote[];
  sortTime: number;
  /** Storing order, for ties. */
  order: number;
}

export interface MemoryPeople {
  index(meta: ArticleMeta, sortTime: number, card: BriefingCard): void;
  remove(id: string, card: BriefingCard): void;
  findPeople(groups: ReadonlyArray<readonly string[]>, limit: number): PersonFound[];
  personKeys(prefix: string, limit: number): string[];
  personArticles(keys: readonly string[], limit: number, offset: number): PersonArticle[];
  personTotals(keys: readonly string[]): PersonTotals;
}

export function createMemoryPeople(): MemoryPeople {
  const people = new Map<string, { name: string; articles: Map<string, Seen> }>();
  const byKey = new Map<string, Set<string>>();
  let order = 0;
  const newest = (a: Seen, b: Seen) => b.sortTime - a.sortTime || b.order - a.order;
  const seenOf = (key: string) => [...(people.get(key)?.articles.values() ?? [])];

  return {
    index(meta, sortTime, card) {
      order++;
      for (const p of personRows(card)) {
        let person = people.get(p.key);
        if (!person) people.set(p.key, (person = { name: p.name, articles: new Map() }));
        for (const k of [...nameKeys(p.key), ...roleKeys(p.role)]) (byKey.get(k) ?? byKey.set(k, new Set()).get(k)!).add(p.key);
        const quotes = p.quotes.map((i) => structuredClone(card.quotes[i]!));
        person.articles.set(meta.id, { meta: { ...meta }, role: p.role, quotes, sortTime, order });
      }
    },
    remove(id, card) {
      for (const p of personRows(card)) people.get(p.key)?.articles.delete(id);
    },
    findPeople(groups, limit) {
      if (!groups.length) return [];
      const sets = groups.map((g) => new Set(g.flatMap((k) => [...(byKey.get(k) ?? [])])));
      const [first, ...rest] = sets;
      const out: PersonFound[] = [];
      for (const key of first ?? []) {
        if (!rest.every((s) => s.has(key))) continue;
        const seen = seenOf(key).sort(newest);
        if (!seen.length) continue;
        out.push({ key, name: people.get(key)!.name, role: seen.find((s) => s.role)?.role ?? null, articles: seen.length, lastSeen: seen[0]!.sortTime });
      }
      return out.sort((a, b) => b.articles - a.articles || a.key.localeCompare(b.key)).slice(0, limit);
    },
    personKeys(prefix, limit) {
      return [...byKey.keys()].filter((k) => k.startsWith(prefix)).sort().slice(0, limit);
    },
    personArticles(keys, limit, offset) {
      const all = keys.flatMap((key) => seenOf(key).map((s) => ({ s, key })));
      return all
        .sort((a, b) => newest(a.s, b.s))
        .slice(offset, offset + limit)
        .map(({ s, key }) => ({ article: { ...s.meta }, key, role: s.role, quotes: structuredClone(s.quotes), sortTime: s.sortTime }));
    },
    personTotals(keys) {
      const all = keys.flatMap((k) => seenOf(k));
      const roles = new Map<string, { count: number; last: number }>();
      for (const s of all) {
        if (!s.role) continue;
        const r = roles.get(s.role) ?? { count: 0, last: 0 };
        roles.set(s.role, { count: r.count + 1, last: Math.max(r.last, s.sortTime) });
      }
      const times = all.map((s) => s.sortTime);
      return {
        articles: all.length,
        quotes: all.reduce((n, s) => n + s.quotes.length, 0),
        firstSeen: times.length ? Math.min(...times) : null,
        lastSeen: times.length ? Math.max(...times) : null,
        roles: [...roles]
          .sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last)
          .slice(0, 8)
          .map(([role, r]) => ({ role, count: r.count })),
      };
    },
  };
}

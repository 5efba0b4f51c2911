// A person's quotes across stored articles, and the person card, from the store's person index.
import { stem } from "../core/index.js";
import type { BriefingStore, PersonArticle } from "../store/index.js";
import { tokens } from "../store/index.js";
import type { PersonCard, PersonQuote, PersonQuotes, PersonRef } from "./types.js";

export interface PeopleOptions {
  /** Quotes in one answer, over all its articles. */
  maxQuotes: number;
  /** Articles read per page from the index, and at most in all (an `about` that matches little). */
  page: number;
  maxArticles: number;
  /** Recent quotes on a person card. */
  recentQuotes: number;
  /** Articles whose cards give a person's organisations and topics. */
  cardArticles: number;
  maxTopics: number;
  maxOrganisations: number;
}

export const DEFAULT_PEOPLE_OPTIONS = {
  maxQuotes: 10,
  page: 20,
  maxArticles: 400,
  recentQuotes: 3,
  cardArticles: 10,
  maxTopics: 5,
  maxOrganisations: 3,
} as const satisfies PeopleOptions;

// Words of an "about" that say nothing of the subject.
const ABOUT_FILLER = new Set("the a an of on in about to for and or it its this that".split(" "));

const iso = (ms: number) => new Date(ms).toISOString();

/** True when every word of `about` is in the quote or the article's title, as stems ("boats" -> "boat"). */
function isAbout(stems: string[], p: PersonArticle, text: string): boolean {
  const have = new Set([...tokens(text), ...tokens(p.article.title)].map(stem));
  return stems.every((w) => have.has(w));
}

/** The stems of the words an `about` narrows by. */
export function aboutWords(about: string | undefined): string[] {
  return about ? tokens(about).filter((w) => !ABOUT_FILLER.has(w)).map(stem) : [];
}

export function createPersonAnswers(store: BriefingStore, options: Partial<PeopleOptions> = {}) {
  const opts = { ...DEFAULT_PEOPLE_OPTIONS, ...options };

  /** Newest first, grouped by article; `about` keeps the quotes on those words. */
  async function quotes(person: PersonRef, about?: string): Promise<PersonQuotes[]> {
    const words = aboutWords(about);
    const out: PersonQuotes[] = [];
    let n = 0;
    for (let offset = 0; offset < opts.maxArticles && n < opts.maxQuotes; offset += opts.page) {
      const page = await store.personArticles(person.keys, opts.page, offset);
      for (const p of page) {
        const kept = p.quotes.filter((q) => !words.length || isAbout(words, p, q.text)).slice(0, opts.maxQuotes - n);
        if (!kept.length) continue;
        out.push({ article: p.article, date: p.article.publishedAt ?? iso(p.sortTime), role: p.role, quotes: kept });
        n += kept.length;
        if (n >= opts.maxQuotes) break;
      }
      if (page.length < opts.page) break;
    }
    return out;
  }

  async function card(person: PersonRef): Promise<PersonCard> {
    const totals = await store.personTotals(person.keys);
    const recent: PersonQuote[] = [];
    for (const g of await quotes(person)) {
      for (const q of g.quotes) if (recent.length < opts.recentQuotes) recent.push({ quote: q, article: g.article, date: g.date, role: g.role });
    }
    // Organisations and topics from their latest articles: those most often beside them.
    const latest = await store.personArticles(person.keys, opts.cardArticles, 0);
    const orgs = new Map<string, number>();
    const topics = new Map<string, number>();
    const roles = totals.roles.map((r) => r.role.toLowerCase()).join(" ");
    for (const a of latest) {
      const stored = await store.get(a.article.id);
      if (!stored) continue;
      for (const e of stored.card.entities) {
        if (e.type !== "organization") continue;
        // An organisation named in their role ("spokesperson for the Coast Guard") counts most.
        orgs.set(e.name, (orgs.get(e.name) ?? 0) + 1 + (roles.includes(e.name.toLowerCase()) ? 10 : 0));
      }
      for (const t of stored.card.topics) topics.set(t, (topics.get(t) ?? 0) + 1);
    }
    const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, k).map(([x]) => x);
    return {
      person,
      roles: totals.roles,
      organisations: top(orgs, opts.maxOrganisations),
      topics: top(topics, opts.maxTopics),
      quotes: totals.quotes,
      articles: totals.articles,
      firstSeen: totals.firstSeen === null ? null : iso(totals.firstSeen),
      lastSeen: totals.lastSeen === null ? null : iso(totals.lastSeen),
      recent,
    };
  }

  return { quotes, card };
}

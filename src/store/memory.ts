// The store in memory: for tests and for the console without a database. Same contract as the
// others (including dedup and relaxed search), with inverted indexes instead of FTS.
import { createStoryGrouper, storyFeatures, storyFlags, type Article, type BriefingCard, type StoryGroup, type StoryOptions } from "../core/index.js";
import { createMemoryPeople } from "./people-memory.js";
import { cardRows, tokens, type CardRows } from "./rows.js";
import { runStages, termGroups, type Stage } from "./search.js";
import { completeness, mergeInfo, STORE_STORY_DEFAULTS } from "./stories.js";
import type { ArticleHit, BriefingStore, FigureHit, PutResult, QuoteHit, SeriesHit, StoredArticle, StoredStory, Terms, TopicCount } from "./types.js";

interface Rec {
  stored: StoredArticle;
  rows: CardRows;
}

class Index<K> {
  private readonly map = new Map<string, Set<K>>();
  add(key: K, body: string): void {
    for (const t of new Set(body.split(" "))) if (t) (this.map.get(t) ?? this.map.set(t, new Set()).get(t)!).add(key);
  }
  remove(key: K, body: string): void {
    for (const t of new Set(body.split(" "))) this.map.get(t)?.delete(key);
  }
  private group(alts: string[]): Set<K> {
    const out = new Set<K>();
    for (const a of alts) for (const k of this.map.get(a) ?? []) out.add(k);
    return out;
  }
  match(stage: Stage): Set<K> {
    const sets = stage.groups.map((g) => this.group(g));
    if (stage.any) return new Set(sets.flatMap((s) => [...s]));
    sets.sort((a, b) => a.size - b.size);
    const [first, ...rest] = sets;
    return new Set([...(first ?? [])].filter((k) => rest.every((s) => s.has(k))));
  }
}

export function createMemoryStore(options: { stories?: Partial<StoryOptions> } = {}): BriefingStore {
  const storyOpts = { ...STORE_STORY_DEFAULTS, ...options.stories };
  const grouper = createStoryGrouper(storyOpts);
  const storyUpdated = new Map<string, number>();
  const byId = new Map<string, Rec>();
  const byUrl = new Map<string, string>();
  const byHash = new Map<string, string>();
  const articleIdx = new Index<string>();
  const quoteIdx = new Index<string>(); // "id#index"
  const figureIdx = new Index<string>();
  const topicCounts = new Map<string, number>();
  const people = createMemoryPeople();
  let closed = false;

  const live = () => {
    if (closed) throw new Error("the store is closed");
  };
  const recent = (a: Rec, b: Rec) => b.rows.sortTime - a.rows.sortTime || b.stored.ingestedAt - a.stored.ingestedAt;

  function index(rec: Rec, sign: 1 | -1): void {
    const { id } = rec.stored;
    const op = sign === 1 ? "add" : "remove";
    articleIdx[op](id, rec.rows.articleBody);
    rec.rows.quoteBodies.forEach((b, i) => quoteIdx[op](`${id}#${i}`, b));
    rec.rows.figureBodies.forEach((b, i) => figureIdx[op](`${id}#${i}`, b));
    for (const t of rec.rows.topics) {
      const n = (topicCounts.get(t) ?? 0) + sign;
      if (n > 0) topicCounts.set(t, n);
      else topicCounts.delete(t);
    }
    if (sign === 1) people.index(rec.rows.meta, rec.rows.sortTime, rec.stored.card);
    else people.remove(id, rec.stored.card);
    if (sign === 1) {
      if (rec.rows.url) byUrl.set(rec.rows.url, id);
      byHash.set(rec.rows.hash, id);
    } else {
      if (rec.rows.url) byUrl.delete(rec.rows.url);
      byHash.delete(rec.rows.hash);
    }
  }

  function ranked<K extends string>(idx: Index<K>, stage: Stage, limit: number, keep: (r: Rec) => boolean = () => true): K[] {
    const recOf = (k: string) => byId.get(k.split("#")[0]!)!;
    return [...idx.match(stage)].filter((k) => keep(recOf(k))).sort((a, b) => recent(recOf(a), recOf(b))).slice(0, limit);
  }

  function storyOut(g: StoryGroup): StoredStory {
    const recs = g.members.map((m) => byId.get(m.id)!);
    const best = recs.reduce((a, b) => (completeness(b.stored.card) > completeness(a.stored.card) ? b : a));
    let info: ReturnType<typeof mergeInfo> | undefined;
    for (const r of recs) info = mergeInfo(info, r.stored.card);
    const articles = g.members
      .map((m, i) => ({ ...byId.get(m.id)!.rows.meta, time: m.time, i }))
      .sort((a, b) => a.time - b.time || a.i - b.i)
      .map(({ i: _, ...a }) => a);
    return {
      id: g.id,
      title: best.stored.card.title,
      bestArticle: best.stored.id,
      articles,
      flags: storyFlags(g.members, storyOpts),
      ...info!,
      firstTime: g.firstTime,
      lastTime: g.lastTime,
      updatedAt: storyUpdated.get(g.id) ?? 0,
    };
  }

  const part = (key: string) => {
    const [id, i] = key.split("#");
    return { rec: byId.get(id!)!, i: Number(i) };
  };

  const store: BriefingStore = {
    async putMany(items, now) {
      const out: PutResult[] = [];
      for (const { article, card } of items) out.push(await store.put(article, card, now));
      return out;
    },
    async put(article: Article, card: BriefingCard, now: number): Promise<PutResult> {
      live();
      const probe = cardRows(card.id, article, card, now);
      const existingId = (probe.url && byUrl.get(probe.url)) || byHash.get(probe.hash);
      const old = existingId ? byId.get(existingId) : undefined;
      if (old && old.rows.hash === probe.hash) return { id: old.stored.id, status: "unchanged" };
      const id = old?.stored.id ?? card.id;
      if (old) {
        index(old, -1);
        grouper.remove(id);
      }
      const rows = { ...probe, meta: { ...probe.meta, id } };
      const stored: StoredArticle = { id, card: structuredClone(card), ingestedAt: now };
      if (rows.url) stored.url = rows.url;
      const rec = { stored, rows };
      byId.set(id, rec);
      index(rec, 1);
      storyUpdated.set(grouper.add({ ...storyFeatures(stored.card, rows.sortTime), id }).id, now);
      return { id, status: old ? "updated" : "ingested" };
    },
    async get(id) {
      live();
      const rec = byId.get(id);
      return rec && structuredClone(rec.stored);
    },
    async byTopic(topics, limit) {
      live();
      const want = new Set(topics.map((t) => t.toLowerCase()));
      return [...byId.values()].filter((r) => r.rows.topics.some((t) => want.has(t))).sort(recent).slice(0, limit).map((r) => structuredClone(r.stored));
    },
    async searchArticles(terms: Terms, limit: number): Promise<ArticleHit[]> {
      live();
      const hits = await runStages(termGroups(terms), limit, async (s, n) => ranked(articleIdx, s, n));
      return hits.map((h) => ({ article: structuredClone(byId.get(h.key)!.stored), score: h.score }));
    },
    async topics(limit, prefix) {
      live();
      const p = prefix ? tokens(prefix).join(" ") : "";
      const out: TopicCount[] = [...topicCounts].filter(([t]) => t.startsWith(p)).map(([topic, count]) => ({ topic, count }));
      return out.sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic)).slice(0, limit);
    },
    async searchQuotes(terms, limit): Promise<QuoteHit[]> {
      live();
      const hits = await runStages(termGroups(terms), limit, async (s, n) => ranked(quoteIdx, s, n));
      return hits.map((h) => {
        const { rec, i } = part(h.key);
        return { article: { ...rec.rows.meta }, quote: structuredClone(rec.stored.card.quotes[i]!), score: h.score };
      });
    },
    async searchFigures(terms, limit): Promise<FigureHit[]> {
      live();
      const hits = await runStages(termGroups(terms), limit, async (s, n) => ranked(figureIdx, s, n));
      return hits.map((h) => {
        const { rec, i } = part(h.key);
        return { article: { ...rec.rows.meta }, figure: structuredClone(rec.stored.card.figures[i]!), score: h.score };
      });
    },
    async figureSeries(terms, limit, topics): Promise<SeriesHit[]> {
      live();
      const want = new Set((topics ?? []).map((t) => t.toLowerCase()));
      const keep = (r: Rec) => !want.size || r.rows.topics.some((t) => want.has(t));
      const hits = await runStages(termGroups(terms), limit, async (s, n) => ranked(figureIdx, s, n, keep));
      return hits.map((h) => {
        const { rec, i } = part(h.key);
        const figure = structuredClone(rec.stored.card.figures[i]!);
        return { article: { ...rec.rows.meta }, figure, score: h.score, topics: [...rec.rows.topics], time: rec.rows.sortTime };
      });
    },
    async since(since, limit, window = {}) {
      live();
      const until = window.until ?? Infinity;
      const offset = window.offset ?? 0;
      // Reversed first so that ties keep "the later stored first", as the SQL stores order by seq.
      return [...byId.values()]
        .reverse()
        .filter((r) => r.stored.ingestedAt > since && r.stored.ingestedAt <= until)
        .sort((a, b) => b.stored.ingestedAt - a.stored.ingestedAt)
        .slice(offset, offset + limit)
        .map((r) => structuredClone(r.stored));
    },
    async count() {
      live();
      return byId.size;
    },
    async findPeople(groups, limit) {
      live();
      return people.findPeople(groups, limit);
    },
    async personKeys(prefix, limit) {
      live();
      return people.personKeys(prefix, limit);
    },
    async personArticles(keys, limit, offset = 0) {
      live();
      return people.personArticles(keys, limit, offset);
    },
    async personTotals(keys) {
      live();
      return people.personTotals(keys);
    },
    async story(id) {
      live();
      const g = grouper.story(id);
      return g && storyOut(g);
    },
    async storiesOf(ids) {
      live();
      const seen = new Set<string>();
      const out: StoredStory[] = [];
      for (const id of ids) {
        const g = grouper.storyOf(id);
        if (g && !seen.has(g.id)) seen.add(g.id), out.push(storyOut(g));
      }
      return out;
    },
    async stories(limit, window = {}) {
      live();
      const offset = window.offset ?? 0;
      return [...grouper.stories()]
        .reverse()
        .sort((a, b) => b.lastTime - a.lastTime)
        .slice(offset, offset + limit)
        .map(storyOut);
    },
    async maintain() {
      live();
    },
    async close() {
      closed = true;
    },
  };
  return store;
}

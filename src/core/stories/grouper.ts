// Incremental grouping in memory: each article joins the best story among those sharing a key
// with it, or starts one. The memory store and the evaluation use it; SQL stores keep the same
// state in tables (the key index, the stories' newest members) and call chooseStory themselves.
import { chooseStory, storyKeys, type StoryCandidate } from "./match.js";
import { DEFAULT_STORY_OPTIONS, type StoryFeatures, type StoryOptions } from "./types.js";

/** A story's id: the first article's, so that it is stable and found again from it. */
export const storyIdOf = (firstArticleId: string) => `s${firstArticleId}`;

export interface StoryGroup {
  id: string;
  firstTime: number;
  lastTime: number;
  /** Every article, in the order they joined. */
  members: StoryFeatures[];
}

export interface StoryGrouper {
  /** Puts the article in a story (an existing one or a new one) and returns that story. */
  add(f: StoryFeatures): StoryGroup;
  /** Takes an article out of its story (the article changed or was removed); a story left empty goes. */
  remove(articleId: string): void;
  storyOf(articleId: string): StoryGroup | undefined;
  story(id: string): StoryGroup | undefined;
  stories(): Iterable<StoryGroup>;
}

/** Candidates kept per key (the newest): a common key (a big country) cannot make the look-up a scan. */
const PER_KEY = 32;

export function createStoryGrouper(options: Partial<StoryOptions> = {}): StoryGrouper {
  const opts = { ...DEFAULT_STORY_OPTIONS, ...options };
  const groups = new Map<string, StoryGroup>();
  const byArticle = new Map<string, StoryGroup>();
  const byKey = new Map<string, string[]>();

  const candidate = (g: StoryGroup): StoryCandidate => ({
    id: g.id,
    firstTime: g.firstTime,
    lastTime: g.lastTime,
    members: g.members.slice(-opts.maxCompared).reverse(),
  });

  return {
    add(f) {
      const ids = new Set<string>();
      const keys = storyKeys(f);
      for (const k of keys) for (const id of byKey.get(k) ?? []) ids.add(id);
      const cands = [...ids].flatMap((id) => (groups.has(id) ? [candidate(groups.get(id)!)] : []));
      const d = chooseStory(f, cands, opts);
      let g = d.join ? groups.get(d.join)! : undefined;
      if (!g) {
        g = { id: storyIdOf(f.id), firstTime: f.time, lastTime: f.time, members: [] };
        groups.set(g.id, g);
      }
      g.members.push(f);
      g.firstTime = Math.min(g.firstTime, f.time);
      g.lastTime = Math.max(g.lastTime, f.time);
      byArticle.set(f.id, g);
      for (const k of keys) {
        const list = byKey.get(k) ?? [];
        if (!list.includes(g.id)) list.push(g.id);
        if (list.length > PER_KEY) list.shift();
        byKey.set(k, list);
      }
      return g;
    },
    remove(articleId) {
      const g = byArticle.get(articleId);
      if (!g) return;
      byArticle.delete(articleId);
      g.members = g.members.filter((m) => m.id !== articleId);
      if (!g.members.length) groups.delete(g.id);
    },
    storyOf: (id) => byArticle.get(id),
    story: (id) => groups.get(id),
    stories: () => groups.values(),
  };
}

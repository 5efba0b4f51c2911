// The stories part of the store contract: run by memory, sqlite and postgres tests on articles of
// the story evaluation set (test/fixtures/stories, written for the project).
import { join } from "node:path";
import { buildCard, type Article, type BriefingCard } from "../../src/core/index.js";
import { createAsker, type Asker } from "../../src/ask/index.js";
import { createMemoryStore, type BriefingStore, type StoredStory } from "../../src/store/index.js";
import { parseEvalSet } from "../../bench/stories-score.js";

const SET = parseEvalSet(join(__dirname, "../fixtures/stories"));

export function evalArticle(id: string, changes: Partial<Article> = {}): { article: Article; card: BriefingCard; story: string } {
  const a = SET.articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article ${id} in the story set`);
  const article: Article = { text: a.text, title: a.title, publisher: a.outlet, publishedAt: a.at, url: `https://news.example.org/${a.id}`, ...changes };
  return { article, card: buildCard(article), story: a.story };
}

/** One event told by three outlets that disagree on a figure. */
export const BORDER = ["troops-border-a", "troops-border-b", "troops-border-c"];

/** A memory store holding the border story beside look-alikes (same topic, other events), and an asker over it. */
export async function storiesWorld(): Promise<{ store: BriefingStore; asker: Asker }> {
  const store = createMemoryStore();
  await store.putMany([...BORDER, "troops-talks-a", "minister-named-a", "minister-named-b"].map((id) => evalArticle(id)), 1);
  return { store, asker: createAsker(store) };
}

const NOW = Date.UTC(2026, 6, 1);
const OTHERS = ["troops-talks-a", "troops-talks-b", "minister-quit-a"];

/** What a store keeps of its stories, comparable across stores: members, flags, best card and merged names. */
function shape(ss: StoredStory[]) {
  return ss
    .map((x) => ({ articles: x.articles.map((a) => a.id), flags: x.flags, title: x.title, best: x.bestArticle, people: x.people, topics: x.topics, figures: x.figures, first: x.firstTime, last: x.lastTime }))
    .sort((a, b) => (a.articles[0]! < b.articles[0]! ? -1 : 1));
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

async function allStories(store: BriefingStore): Promise<StoredStory[]> {
  const out: StoredStory[] = [];
  for (let offset = 0; ; offset += 2) {
    const page = await store.stories(2, { offset });
    out.push(...page);
    if (page.length < 2) return out;
  }
}

export function storiesContract(make: () => Promise<BriefingStore>): void {
  let store: BriefingStore;
  beforeEach(async () => {
    store = await make();
  });
  afterEach(async () => {
    await store.close();
  });

  test("puts every article in exactly one story: retellings together, another event apart", async () => {
    const items = [...BORDER, ...OTHERS].map((id) => evalArticle(id));
    for (const [i, it] of items.entries()) await store.put(it.article, it.card, NOW + i);
    const stories = await allStories(store);
    const ids = stories.flatMap((s) => s.articles.map((a) => a.id));
    expect(ids.sort()).toEqual(items.map((i) => i.card.id).sort());
    const border = stories.find((s) => s.articles.some((a) => a.id === items[0]!.card.id))!;
    expect(border.articles.map((a) => a.publisher)).toEqual(["Continental Wire", "Capital Times", "Evening Standard Post"]);
    expect(stories).toHaveLength(3);
    // Newest story first.
    expect(stories.map((s) => s.lastTime)).toEqual([...stories.map((s) => s.lastTime)].sort((a, b) => b - a));
  });

  test("a story has a title, sources oldest first, merged names and its disagreements", async () => {
    const items = BORDER.map((id) => evalArticle(id));
    await store.putMany(items, NOW);
    const [first] = await store.storiesOf([items[0]!.card.id]);
    expect(first).toBeDefined();
    const story = (await store.story(first!.id))!;
    expect(story.id).toBe(`s${items[0]!.card.id}`);
    expect(story.articles.map((a) => a.id)).toEqual(items.map((i) => i.card.id));
    expect(story.articles[0]).toMatchObject({ title: items[0]!.card.title, url: "https://news.example.org/troops-border-a", publishedAt: "2026-06-01T09:10:00Z" });
    expect(story.firstTime).toBe(Date.parse("2026-06-01T09:10:00Z"));
    expect(story.lastTime).toBe(Date.parse("2026-06-01T16:00:00Z"));
    expect(story.updatedAt).toBe(NOW);
    expect(items.map((i) => i.card.title)).toContain(story.title);
    expect(story.bestArticle).toBe(items.find((i) => i.card.title === story.title)!.card.id);
    expect(story.people).toEqual(expect.arrayContaining(["Tomas Reyvik"]));
    expect(story.flags).toEqual([
      { kind: "figure", articles: [items[0]!.card.id, items[1]!.card.id], what: "troops", values: ["100,000 troops", "130,000 Kestrian soldiers"] },
    ]);
    expect(await store.story("s-none")).toBeUndefined();
  });

  test("storiesOf gives each story once, in the order of the articles asked for", async () => {
    const items = [...BORDER, "troops-talks-a"].map((id) => evalArticle(id));
    await store.putMany(items, NOW);
    const got = await store.storiesOf([items[3]!.card.id, items[1]!.card.id, items[0]!.card.id, "nope"]);
    expect(got.map((s) => s.articles.length)).toEqual([1, 3]);
  });

  test("an updated article stays in exactly one story", async () => {
    const a = evalArticle("troops-border-a");
    const b = evalArticle("troops-border-b");
    await store.put(a.article, a.card, NOW);
    await store.put(b.article, b.card, NOW + 1);
    const edited = { ...a.article, text: a.article.text.replace("Satellite images", "New satellite images") };
    expect((await store.put(edited, buildCard(edited), NOW + 2)).status).toBe("updated");
    const stories = await allStories(store);
    expect(stories.flatMap((s) => s.articles.map((x) => x.id)).sort()).toEqual([a.card.id, b.card.id].sort());
    expect(stories).toHaveLength(1);
  });

  test("an article updated in a story with disagreements: the story's flags made again, as the memory store has them", async () => {
    const items = BORDER.map((id) => evalArticle(id));
    const mem = createMemoryStore();
    for (const [i, it] of items.entries()) {
      await store.put(it.article, it.card, NOW + i);
      await mem.put(it.article, it.card, NOW + i);
    }
    // The update takes the third report out of its story (the flags made again from the two left, which
    // disagree on a figure) and puts it back.
    const c = items[2]!.article;
    const edited = { ...c, text: `${c.text}\n\nOfficials said more reports were expected later in the week.` };
    expect((await store.put(edited, buildCard(edited), NOW + 5)).status).toBe("updated");
    await mem.put(edited, buildCard(edited), NOW + 5);
    const shape = (ss: StoredStory[]) => ss.map((x) => ({ title: x.title, articles: x.articles.map((y) => y.id), flags: x.flags }));
    const got = shape(await allStories(store));
    expect(got).toEqual(shape(await allStories(mem)));
    expect(got).toHaveLength(1);
    expect(got[0]!.flags.length).toBeGreaterThan(0);
  });

  test("the whole evaluation set, in reverse time order: the stories, flags, best cards and merged names of the memory store", async () => {
    // Reverse order joins older articles to stories (as a backfill does), the case where flag rows
    // must still come out as storyFlags over the members gives them.
    const items = [...SET.articles].sort((a, b) => b.at.localeCompare(a.at) || (a.id < b.id ? 1 : -1)).map((a) => evalArticle(a.id));
    const mem = createMemoryStore();
    for (const [i, it] of items.entries()) {
      await store.put(it.article, it.card, NOW + i);
      await mem.put(it.article, it.card, NOW + i);
    }
    const got = shape(await allStories(store));
    expect(got).toEqual(shape(await allStories(mem)));
    expect(got.flatMap((x) => x.flags).length).toBeGreaterThanOrEqual(10);
  });

  test("the whole evaluation set put in batches, updates and repeats among them: the stories, flags, best cards and merged names of the memory store", async () => {
    // A batch's decisions are made with its earlier articles' stories in (the PostgreSQL store reads them
    // for the whole batch at once), in time order and in reverse, and a batch that updates articles
    // another article of it joins before and after.
    const forward = [...SET.articles].sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1)).map((a) => evalArticle(a.id));
    const half = forward.length >> 1;
    const items = [...forward.slice(0, half), ...forward.slice(half).reverse()];
    const edit = (it: (typeof items)[number]) => {
      const article = { ...it.article, text: `${it.article.text}\n\nThis report was updated with minor corrections.` };
      return { article, card: buildCard(article) };
    };
    const last = [edit(items[3]!), items[half]!, items[0]!, edit(items[half + 1]!), items[5]!];
    const mem = createMemoryStore();
    for (const [b, batch] of [...chunks(items, 7), last].entries()) {
      expect(await store.putMany(batch, NOW + b)).toEqual(await mem.putMany(batch, NOW + b));
    }
    const got = shape(await allStories(store));
    expect(got).toEqual(shape(await allStories(mem)));
    expect(got.filter((x) => x.articles.length > 1).length).toBeGreaterThanOrEqual(20);
    expect(got.flatMap((x) => x.flags).length).toBeGreaterThanOrEqual(10);
  });

  test("the whole evaluation set read after every put, and read twice: the same stories and flags as read once at the end", async () => {
    // A join leaves its flags to the story's next read (the SQL stores): read between joins, each read
    // writes what the joins since left, and reading again adds nothing.
    const items = [...SET.articles].sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : 1)).map((a) => evalArticle(a.id));
    const mem = createMemoryStore();
    for (const [i, it] of items.entries()) {
      await store.put(it.article, it.card, NOW + i);
      await mem.put(it.article, it.card, NOW + i);
      if (i % 3 === 0) await store.storiesOf([it.card.id]);
    }
    const want = shape(await allStories(mem));
    expect(shape(await allStories(store))).toEqual(want);
    expect(shape(await allStories(store))).toEqual(want);
    expect(want.flatMap((x) => x.flags).length).toBeGreaterThanOrEqual(10);
  });

  test("after the quiet period the same words start a new story", async () => {
    const a = evalArticle("troops-border-a");
    const late = evalArticle("troops-border-b", { publishedAt: "2026-06-05T12:00:00Z" });
    await store.putMany([a, late], NOW);
    expect(await allStories(store)).toHaveLength(2);
  });
}

// briefbot stories [--topic T] [--limit N] [--json] [--db PATH|URL]: the stored stories, newest first,
// each with its articles (every stored article is in exactly one) and where its sources differ.
import { topicForms, type StoryRef } from "../ask/index.js";
import { flagLines, sourcesLine } from "../render/index.js";
import type { BriefingStore, StoredStory } from "../store/index.js";
import { parseCommand } from "./args.js";
import { withStore } from "./db.js";
import { UsageError, type Io } from "./io.js";

const PAGE = 500;
/** Articles read for --topic: more than any topic a reader asks about holds in practice. */
const TOPIC_ARTICLES = 100_000;

async function allStories(store: BriefingStore, limit: number): Promise<StoredStory[]> {
  const out: StoredStory[] = [];
  for (let offset = 0; out.length < limit; offset += PAGE) {
    const page = await store.stories(Math.min(PAGE, limit - out.length), { offset });
    out.push(...page);
    if (page.length < PAGE) break;
  }
  return out;
}

/** The JSON of issue 14: every key present, null where the article has no value. */
const storyJson = (s: StoredStory) => ({
  id: s.id,
  title: s.title,
  articles: s.articles.map((a) => ({ id: a.id, title: a.title, url: a.url ?? null, publisher: a.publisher ?? null, publishedAt: a.publishedAt ?? null })),
  flags: s.flags.map((f) => ({ kind: f.kind, articles: f.articles, what: f.what, values: f.values })),
});

const ref = (s: StoredStory): StoryRef => ({ id: s.id, title: s.title, sources: s.articles, flags: s.flags });

export async function storiesCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, {
    topic: { type: "string" },
    limit: { type: "string" },
    json: { type: "boolean", default: false },
    db: { type: "string" },
  });
  const limit = values.limit === undefined ? Infinity : Number(values.limit);
  if (values.limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError("--limit must be a positive whole number");
  return withStore("stories", values.db, io, async (store) => {
    let stories: StoredStory[];
    if (values.topic !== undefined) {
      const forms = topicForms(values.topic);
      if (!forms.length) throw new UsageError(`--topic "${values.topic}" has no words to look up`);
      const articles = await store.byTopic(forms, TOPIC_ARTICLES);
      stories = (await store.storiesOf(articles.map((a) => a.id))).slice(0, limit);
    } else stories = await allStories(store, limit);
    if (values.json) {
      io.stdout(JSON.stringify({ stories: stories.map(storyJson) }) + "\n");
      return 0;
    }
    if (!stories.length) {
      io.stdout(values.topic ? `no stories on "${values.topic}"\n` : "no stories yet: ingest some articles first\n");
      return 0;
    }
    const blocks = stories.map((s) => [s.title, `  ${sourcesLine(ref(s))} · ${s.id}`, ...flagLines(ref(s)).map((l) => `  ⚠ ${l}`)].join("\n"));
    io.stdout(blocks.join("\n") + "\n");
    return 0;
  });
}

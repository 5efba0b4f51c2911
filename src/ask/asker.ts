// Answers questions over a BriefingStore, for every adapter: typed results, no wording.
import { figureScore, type BriefingCard } from "../core/index.js";
import type { BriefingStore, FigureHit, QuoteHit, StoredStory, Terms } from "../store/index.js";
import { knownForms, topicForms } from "./aliases.js";
import { parseQuestion } from "./parse.js";
import { closestTopics } from "./suggest.js";
import { findTrend } from "../trends/index.js";
import { createMatcher, createPersonAnswers, type MatchOptions, type PeopleOptions } from "../people/index.js";
import type { Answer, ArticleRef, Asker, FigureAnswer, Intent, QuoteAnswer, StoryRef } from "./types.js";
import { FIGURE_NOISE, FIGURE_SYNONYMS } from "./figure-words.js";
import { align, STOP_WORDS, tokens } from "./words.js";

export interface AskerOptions {
  /** Stories in a briefing (one card each). */
  maxCards: number;
  /** Articles read per story wanted: enough that a story told five times leaves room for others. */
  articlesPerStory: number;
  maxQuotes: number;
  maxFigures: number;
  /** Candidates fetched from the index before re-ranking. */
  candidates: number;
  /** A quote must hold at least this weighted share of the question's words. */
  minCoverage: number;
  maxSuggestions: number;
}

export const DEFAULT_ASKER_OPTIONS = {
  maxCards: 3,
  articlesPerStory: 5,
  maxQuotes: 5,
  maxFigures: 5,
  candidates: 30,
  minCoverage: 0.5,
  maxSuggestions: 5,
} as const satisfies AskerOptions;

export const COMMANDS_HELP = [
  { usage: "brief <topic>", description: "the latest briefing cards on a topic (brief flood)" },
  { usage: "who said <words>", description: "who said a quote, from a few of its words (who said \"cook fast\")" },
  { usage: "figures <topic>", description: "figures on a topic (figures kyiv), or ask: how many sandbags?" },
  { usage: "trend <what> [in <topic>]", description: "a figure over time, across articles (trend evacuees in wildfire)" },
  { usage: "quotes <person> [about <words>]", description: "what someone has said across articles (quotes sorensen about the dam)" },
  { usage: "person <name>", description: "one card for a person: roles, counts, topics, latest quotes" },
  { usage: "story <id>", description: "each outlet's card for one story and where they differ; /brief shows the story ids" },
  { usage: "topics", description: "the topics the bot knows" },
  { usage: "help", description: "this list" },
] as const;

const refOf = (m: QuoteHit["article"]): ArticleRef => ({ ...m });

/** A word worth looking up: one letter or one digit ("/brief zanzibar y z 1") matches anything. */
const meaningful = (w: string) => w.length > 1;

/** Words of a figure question that name what is counted ("population", "troops"), not its subject. */
const MEASURE_WORDS = new Set(Object.entries(FIGURE_SYNONYMS).flatMap(([k, v]) => [k, ...v]));
const storyRef = (s: StoredStory): StoryRef => ({ id: s.id, title: s.title, sources: s.articles.map((a) => ({ ...a })), flags: s.flags });

/** Content words of a question, or all its words when too few remain. */
function contentWords(words: string[]): string[] {
  const content = words.filter((w) => !STOP_WORDS.has(w));
  return content.length >= Math.min(2, words.length) ? content : words;
}

export interface AskerParts {
  /** How people are matched and answered about (people/). */
  match: Partial<MatchOptions>;
  people: Partial<PeopleOptions>;
}

export function createAsker(store: BriefingStore, options: Partial<AskerOptions> = {}, parts: Partial<AskerParts> = {}): Asker {
  const opts = { ...DEFAULT_ASKER_OPTIONS, ...options };
  const matcher = createMatcher(store, parts.match);
  const personAnswers = createPersonAnswers(store, parts.people);

  async function person(intent: "quotes" | "person", name: string, about?: string): Promise<Answer> {
    const m = await matcher.match(name);
    if (m.kind === "none") return { kind: "not_found", intent, query: name, suggestions: m.suggestions };
    if (m.kind === "ambiguous") return { kind: "which_person", intent, query: name, ...(about ? { about } : {}), candidates: m.candidates };
    if (intent === "person") return { kind: "person", query: name, ...(await personAnswers.card(m.person)) };
    const matches = await personAnswers.quotes(m.person, about);
    return { kind: "quotes", query: name, person: m.person, ...(about ? { about } : {}), matches };
  }

  /** "Nothing found", with the known topics nearest to what was typed, else the biggest ones. */
  async function notFound(intent: "brief" | "figures" | "trend", query: string, typed = query): Promise<Answer> {
    const stored = await store.topics(2000);
    const near = closestTopics(typed, stored.length ? stored.map((t) => t.topic) : knownForms(), opts.maxSuggestions);
    const answer: Answer = { kind: "not_found", intent, query, suggestions: near };
    if (!near.length && stored.length) answer.known = stored.slice(0, opts.maxSuggestions).map((t) => t.topic);
    return answer;
  }

  async function brief(topic: string): Promise<Answer> {
    const typed = tokens(topic).filter(meaningful).join(" ");
    const forms = typed ? topicForms(typed) : [];
    if (!forms.length) return notFound("brief", topic, typed);
    // Articles, then their stories: one entry per story, however many outlets told it.
    const wanted = opts.maxCards * opts.articlesPerStory;
    let found = await store.byTopic(forms, wanted);
    if (!found.length) {
      // No card carries the topic: search titles, summaries and names instead.
      const words = forms[0]!.split(" ");
      const terms: Terms = words.length === 1 ? [forms.filter((f) => !f.includes(" "))] : words;
      found = (await store.searchArticles(terms, wanted)).map((h) => h.article);
    }
    if (!found.length) return notFound("brief", topic, typed);
    const stories = (await store.storiesOf(found.map((a) => a.id))).slice(0, opts.maxCards);
    const cards: BriefingCard[] = [];
    for (const st of stories) {
      // The story's most complete card; the article found when that one is gone.
      const best = found.find((a) => a.id === st.bestArticle)?.card ?? (await store.get(st.bestArticle))?.card;
      cards.push(best ?? found.find((a) => st.articles.some((x) => x.id === a.id))!.card);
    }
    return { kind: "brief", topic: forms[0]!, cards, stories: stories.map(storyRef) };
  }

  async function story(id: string): Promise<Answer> {
    const st = await store.story(id);
    if (!st) return { kind: "not_found", intent: "story", query: id, suggestions: [] };
    const cards: BriefingCard[] = [];
    for (const a of st.articles) {
      const got = await store.get(a.id);
      if (got) cards.push(got.card);
    }
    return { kind: "story", story: storyRef(st), cards };
  }

  async function whoSaid(text: string): Promise<Answer> {
    const words = tokens(text);
    if (!words.length) return { kind: "not_found", intent: "whosaid", query: text, suggestions: [] };
    const hits = await store.searchQuotes(contentWords(words), opts.candidates);
    const best = Math.max(1, ...hits.map((h) => h.score));
    const ranked: QuoteAnswer[] = [];
    for (const h of hits) {
      const a = align(words, tokens(h.quote.text));
      if (a.coverage < opts.minCoverage) continue;
      const score = 0.7 * a.coverage + 0.2 * a.order + 0.1 * (h.score / best);
      ranked.push({ speaker: h.quote.speaker, quote: h.quote, article: refOf(h.article), score: Math.round(score * 1000) / 1000 });
    }
    ranked.sort((a, b) => b.score - a.score || Number(!!b.speaker) - Number(!!a.speaker));
    // The same quote carried by several articles: keep its best, attributed copy.
    const seen = new Set<string>();
    const matches = ranked.filter((m) => {
      const k = `${m.speaker?.name ?? ""}|${tokens(m.quote.text).join(" ")}`;
      return !seen.has(k) && (seen.add(k), true);
    });
    if (!matches.length) return { kind: "not_found", intent: "whosaid", query: text, suggestions: [] };
    return { kind: "whosaid", query: text, matches: matches.slice(0, opts.maxQuotes) };
  }

  async function figures(topic: string): Promise<Answer> {
    const words = contentWords(tokens(topic)).filter((w) => !FIGURE_NOISE.has(w) && meaningful(w));
    // The subject ("kyiv" in "population of Kyiv"): a figure must be about it, not only count people.
    const subject = words.filter((w) => !MEASURE_WORDS.has(w));
    if (!words.length) return notFound("figures", topic);
    const terms: Terms = words.map((w) => FIGURE_SYNONYMS[w] ?? topicForms(w).filter((f) => !f.includes(" ")));
    const hits = await store.searchFigures(terms, opts.candidates);
    const wanted = new Set(terms.flatMap((t) => (typeof t === "string" ? [t] : [...t])));
    const typed = new Set(words);
    const scoreOf = (h: FigureHit) => {
      const own = tokens(`${h.figure.unit ?? ""} ${h.figure.about ?? ""} ${h.figure.text}`);
      // The word the user typed ("troops") before its synonyms ("soldiers").
      const named = own.some((w) => typed.has(w)) ? 1 : own.some((w) => wanted.has(w)) ? 0.6 : 0;
      // What the figure counts, when the question names it, then how much the figure matters to a
      // reader (people and money before durations and page numbers), then the index's relevance.
      // The index's score is the number of words matched plus a bonus for its order (newest first):
      // keep the matched words whole, let the order only break ties.
      const level = Math.floor(h.score);
      return level + (h.score - level) * 0.2 + named + figureScore(h.figure) / 8 - (h.figure.kind === "year" ? 2 : 0);
    };
    // Figures the index finds for the subject alone (its sentence, or its article's title and topics).
    const keyOf = (h: FigureHit) => `${h.article.id}:${h.figure.start}`;
    const onSubject = subject.length
      ? new Set((await store.searchFigures(subject.map((w) => topicForms(w).filter((f) => !f.includes(" "))), opts.candidates * 4)).map(keyOf))
      : undefined;
    const aboutSubject = (h: FigureHit) => !onSubject || onSubject.has(keyOf(h));
    const ranked: FigureAnswer[] = hits
      .filter(aboutSubject)
      .map((h) => ({ figure: h.figure, article: refOf(h.article), score: Math.round(scoreOf(h) * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score);
    if (!ranked.length) return notFound("figures", topic, subject.join(" ") || topic);
    return { kind: "figures", topic, figures: ranked.slice(0, opts.maxFigures) };
  }

  async function trend(what: string, topic: string | undefined): Promise<Answer> {
    const forms = topic ? topicForms(topic) : undefined;
    const series = await findTrend(store, what, forms);
    if (series) return { kind: "trend", ...series };
    // Nothing counts it: the topics nearest to what was asked, else the busiest ones.
    const query = topic ? `${what} in ${topic}` : what;
    return notFound("trend", query, topic ?? what);
  }

  const asker: Asker = {
    ask: (text) => asker.answer(parseQuestion(text)),
    async answer(intent: Intent): Promise<Answer> {
      switch (intent.kind) {
        case "help":
          return { kind: "help", commands: COMMANDS_HELP.map((c) => ({ ...c })) };
        case "topics":
          return { kind: "topics", topics: await store.topics(50) };
        case "brief":
          return brief(intent.topic);
        case "story":
          return story(intent.id);
        case "whosaid":
          return whoSaid(intent.words);
        case "figures":
          return figures(intent.question ?? intent.topic);
        case "trend":
          return trend(intent.what, intent.topic);
        case "quotes":
          return person("quotes", intent.person, intent.about);
        case "person":
          return person("person", intent.name);
      }
    },
    topics: (prefix, limit = 25) => store.topics(limit, prefix),
    people: (typed, limit = 25) => matcher.complete(typed, limit),
  };
  return asker;
}

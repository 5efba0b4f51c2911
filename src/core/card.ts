// Article -> BriefingCard. Pure: no I/O, no clock, deterministic.
import { CardError } from "./errors.js";
import { extractEntities, type EntityIndex } from "./extract/entities.js";
import { describeFigures, extractFigures, rankFigures } from "./extract/figures.js";
import { extractQuotes } from "./extract/quotes.js";
import { makeTitle, summarize } from "./extract/summary.js";
import { extractTopics } from "./extract/topics.js";
import { analyze, caseLikeBody, isShouted, normalizeText, stableHash, words, type Doc } from "./text/index.js";
import { CARD_SCHEMA_VERSION, type Article, type BriefingCard, type CardSource, type Entity, type Quote } from "./types.js";

export interface CardOptions {
  /** Articles longer than this many characters are refused with `too_large`. */
  maxChars: number;
  maxBullets: number;
  maxFigures: number;
  /** Words per minute for `stats.readingMinutes`. */
  wordsPerMinute: number;
}

export const DEFAULT_CARD_OPTIONS = {
  maxChars: 1_000_000,
  maxBullets: 4,
  maxFigures: 8,
  wordsPerMinute: 230,
} as const satisfies CardOptions;

/** Refuses input that is no article: empty, binary, or past the size limit. */
export function checkArticleText(text: unknown, maxChars: number = DEFAULT_CARD_OPTIONS.maxChars): string {
  if (typeof text !== "string") throw new CardError("not_text", "the article text is not a string");
  if (text.length > maxChars) {
    throw new CardError("too_large", `the article has ${text.length} characters; the limit is ${maxChars}`);
  }
  // Binary data: NUL bytes, or many control or replacement characters.
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) throw new CardError("not_text", "the article holds NUL bytes: it looks like binary data, not text");
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  if (odd > 8 && odd > text.length * 0.01) {
    throw new CardError("not_text", `the article holds ${odd} control or undecodable characters: it looks like binary data, not text`);
  }
  // A text of figures alone ("1,234,567", "$20") is briefed too: its figures are its content.
  if (!/\p{L}{2,}|\p{N}/u.test(text)) throw new CardError("empty", "the article has no words");
  return text;
}

const same = (a: string, b: string) => words(a).join(" ") === words(b).join(" ");

/** Most words of four letters or more capitalised: "Harbour Board Backs Plan to Widen Quay". */
const titleCased = (s: string) => {
  const long = s.split(/\s+/).filter((w) => /^\p{L}{4,}/u.test(w));
  return long.length > 0 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
};

/**
 * The headline line at the top of the text, when there is one: the given title, or one short line
 * standing alone as the first paragraph, without a full stop or title-cased.
 */
function headline(doc: Doc, title: string | undefined): string | undefined {
  const p = doc.paragraphs[0];
  if (!p || doc.paragraphs.length < 2) return undefined;
  const first = doc.text.slice(p.start, p.end);
  if (title) return same(first, title) ? first : undefined;
  const n = words(first).length;
  if (n < 3 || n > 25 || doc.sentences.filter((s) => s.paragraph === 0).length !== 1) return undefined;
  if (!/[.!?]["”’]?$/.test(first) || titleCased(first)) return first.replace(/\.$/, "");
  return undefined;
}

/**
 * The entities worth listing: not a lone capitalised word seen once, at the start of a sentence, with
 * no role and no quote ("Insurers put the damage at..."): sentence case, not a name.
 */
function listedEntities(doc: Doc, index: EntityIndex, quotes: Quote[]): Entity[] {
  const starts = new Set(doc.sentences.map((s) => s.start));
  const speakers = new Set(quotes.map((q) => q.speaker?.name));
  const openers = new Set(index.mentions.filter((m) => starts.has(m.start)).map((m) => m.entity));
  return index.entities.filter(
    (e, i) => !(e.type === "person" && e.mentions === 1 && !e.role && !/\s/.test(e.name) && !speakers.has(e.name) && openers.has(i)),
  );
}

export function buildCard(article: Article, options: Partial<CardOptions> = {}): BriefingCard {
  const opts = { ...DEFAULT_CARD_OPTIONS, ...options };
  const text = checkArticleText(article.text, opts.maxChars);
  const doc = analyze(text);
  const head = headline(doc, article.title);
  const firstBodySentence = head ? doc.sentences.findIndex((s) => s.paragraph > 0) : 0;
  const entities = extractEntities(doc);
  const quotes = extractQuotes(doc, entities);
  const figures = rankFigures(describeFigures(doc, extractFigures(doc)), opts.maxFigures);
  const summary = summarize(doc, { maxBullets: opts.maxBullets, quotes, firstBodySentence: Math.max(0, firstBodySentence) });
  // A headline in capitals reads in sentence case, names spelled as the body spells them.
  const given = article.title?.trim() || head;
  const givenTitle = given && isShouted(given) ? caseLikeBody(given, text.replace(given, "")) : given;
  const title = givenTitle || makeTitle(doc);
  const wordCount = words(text).length;
  const source: CardSource = {};
  if (article.path) source.path = article.path;
  if (article.url) source.url = article.url;
  if (article.publisher) source.publisher = article.publisher;
  if (article.publishedAt) source.publishedAt = article.publishedAt;
  if (article.excerpt) source.excerpt = article.excerpt;
  return {
    schemaVersion: CARD_SCHEMA_VERSION,
    id: stableHash(normalizeText(text)),
    title,
    titleGenerated: !givenTitle,
    source,
    summary,
    quotes,
    figures,
    entities: listedEntities(doc, entities, quotes),
    topics: extractTopics(doc, entities.entities, title),
    stats: {
      words: wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / opts.wordsPerMinute)),
      sentences: doc.sentences.length,
      paragraphs: doc.paragraphs.length,
    },
  };
}

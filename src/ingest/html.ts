// An HTML page -> Article: @mozilla/readability on a linkedom DOM finds the article; paragraphs
// are kept apart with blank lines, as the core's paragraph splitter expects.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import type { Article } from "../core/index.js";
import { isoDate } from "./date.js";
import { IngestError } from "./errors.js";

type Doc = ReturnType<typeof parseHTML>["document"];

const BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td";

function meta(document: Doc, ...names: string[]): string | undefined {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"], meta[itemprop="${n}"]`);
    const v = el?.getAttribute("content")?.trim();
    if (v) return v;
  }
  return undefined;
}

/** The text of the blocks in readable HTML, one paragraph per block. */
export function paragraphs(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue; // an outer block: its inner blocks are taken instead
    const t = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (t) out.push(t);
  }
  return out.length ? out.join("\n\n") : (document.body?.textContent ?? "").trim();
}

export function articleFromHtml(html: string, url?: string): Article {
  const { document } = parseHTML(html);
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? meta(document, "og:url");
  const publishedAt = meta(document, "article:published_time", "datePublished", "date", "dc.date") ?? document.querySelector("time[datetime]")?.getAttribute("datetime") ?? undefined;
  let parsed: ReturnType<Readability["parse"]>;
  try {
    parsed = new Readability(document).parse();
  } catch (err) {
    throw new IngestError("no_article", `${url ?? "page"}: the HTML could not be read as an article`, { cause: err });
  }
  // Readability gives up on short or odd pages: then the body's own blocks are the article.
  const text = paragraphs(parsed?.content ?? document.body?.innerHTML ?? "");
  if (!/\p{L}{2,}/u.test(text)) throw new IngestError("no_article", `${url ?? "page"}: no article text found in the page`);
  const article: Article = { text };
  const title = parsed?.title?.trim() || meta(document, "og:title");
  if (title) article.title = title;
  let resolved: string | undefined;
  try {
    resolved = canonical ? new URL(canonical, url).href : url;
  } catch {
    resolved = url;
  }
  if (resolved) article.url = resolved;
  const publisher = parsed?.siteName?.trim() || meta(document, "og:site_name");
  if (publisher) article.publisher = publisher;
  const date = isoDate(parsed?.publishedTime?.trim() || publishedAt);
  if (date) article.publishedAt = date;
  return article;
}

// Turns the content of a .txt or .md file into an Article; .md may open with YAML front matter.
import { parse as parseYaml } from "yaml";
import type { Article } from "../core/index.js";
import { isoDate } from "./date.js";

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

export class ArticleFileError extends Error {
  override readonly name = "ArticleFileError";
  constructor(readonly code: "bad_front_matter", message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

const str = (v: unknown): string | undefined =>
  v instanceof Date ? v.toISOString() : typeof v === "string" || typeof v === "number" ? String(v) : undefined;

export function articleFromText(content: string, path?: string): Article {
  const article: Article = { text: content };
  if (path) article.path = path;
  const m = FRONT_MATTER.exec(content);
  if (!m) return article;
  let meta: unknown;
  try {
    meta = parseYaml(m[1]!);
  } catch (err) {
    throw new ArticleFileError("bad_front_matter", `${path ?? "article"}: the front matter is not valid YAML`, { cause: err });
  }
  article.text = content.slice(m[0].length);
  if (meta && typeof meta === "object") {
    const r = meta as Record<string, unknown>;
    const title = str(r.title), url = str(r.url), publisher = str(r.publisher), date = isoDate(str(r.publishedAt ?? r.date));
    if (title) article.title = title;
    if (url) article.url = url;
    if (publisher) article.publisher = publisher;
    if (date) article.publishedAt = date;
  }
  return article;
}

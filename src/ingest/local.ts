// An article read from a file or standard input, the same way for `card`, `quotes` and `ingest`:
// bytes decoded (decode.ts), HTML through readability (html.ts), text and Markdown as they are.
import { readFileSync } from "node:fs";
import { extname } from "node:path";
import type { Article } from "../core/index.js";
import { decodeText } from "./decode.js";
import { articleFromText } from "./file.js";
import { articleFromHtml } from "./html.js";

const HTML_FILE = /^\.(html?|xhtml)$/i;
/** Standard input has no name: a document that opens like HTML is read as HTML. */
const LOOKS_HTML = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype html|html|head|body)\b/i;

export function articleFromContent(content: string, path?: string): Article {
  const html = path ? HTML_FILE.test(extname(path)) : LOOKS_HTML.test(content);
  if (!html) return articleFromText(content, path);
  const article = articleFromHtml(content);
  if (path) article.path = path;
  return article;
}

/** A file's text, decoded by its declared charset, else UTF-8, else Windows-1252. */
export const readTextFile = (path: string): string => decodeText(readFileSync(path));

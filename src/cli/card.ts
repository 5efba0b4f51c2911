// briefbot card FILE|-|URL [--format json|text|markdown]   one card (a URL is fetched, guarded, and stored: card-url.ts)
// briefbot card --jsonl [FILE|-]                        lines {"id","text","title"?,"url"?} -> {"id","card"} | {"id","error"}
import { createInterface } from "node:readline";
import { createReadStream, existsSync } from "node:fs";
import { buildCard, CardError, type Article } from "../core/index.js";
import { articleFromContent, ArticleFileError, IngestError } from "../ingest/index.js";
import { cardToMarkdown, cardToText } from "../render/index.js";
import { parseCommand } from "./args.js";
import { asLink } from "../links/index.js";
import { cardFromUrl } from "./card-url.js";
import { readInput, UsageError, type Io } from "./io.js";

const FORMATS = ["json", "text", "markdown"] as const;
type Format = (typeof FORMATS)[number];

export async function cardCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    format: { type: "string", short: "f", default: "json" }, jsonl: { type: "boolean", default: false }, config: { type: "string" }, db: { type: "string" },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")}`);
  if (values.jsonl) return cardJsonl(positionals[0] ?? "-", io);
  const file = positionals[0];
  if (!file) throw new UsageError("give a FILE (or - for standard input), a URL, or --jsonl");
  const print = (card: ReturnType<typeof buildCard>) => (format === "json" ? JSON.stringify(card, null, 2) + "\n" : format === "text" ? cardToText(card) : cardToMarkdown(card));
  const url = asLink(file);
  if (url) return cardFromUrl(url, { config: values.config, db: values.db }, print, io);
  let content: string;
  try {
    content = await readInput(file, io);
  } catch (err) {
    io.stderr(`briefbot card: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const article = articleFromContent(content, file === "-" ? undefined : file);
    const card = buildCard(article);
    io.stdout(print(card));
    return 0;
  } catch (err) {
    if (err instanceof CardError || err instanceof IngestError || err instanceof ArticleFileError) {
      io.stderr(`briefbot card: ${file}: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

type JsonlResult = { id: unknown; card: unknown } | { id: unknown; error: { code: string; message: string } };

/** One input line to one output line; never throws for a bad line. */
export function cardLine(line: string, lineNo: number): JsonlResult {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    return { id: null, error: { code: "bad_json", message: `line ${lineNo} is not JSON` } };
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) {
    return { id: null, error: { code: "bad_record", message: `line ${lineNo} is not a JSON object` } };
  }
  const r = rec as Record<string, unknown>;
  const id = r.id ?? null;
  if (typeof r.text !== "string") return { id, error: { code: "not_text", message: `line ${lineNo}: "text" is missing or not a string` } };
  const article: Article = { text: r.text };
  if (typeof r.title === "string") article.title = r.title;
  if (typeof r.url === "string") article.url = r.url;
  if (typeof r.publisher === "string") article.publisher = r.publisher;
  if (typeof r.publishedAt === "string") article.publishedAt = r.publishedAt;
  try {
    return { id, card: buildCard(article) };
  } catch (err) {
    if (err instanceof CardError) return { id, error: { code: err.code, message: err.message } };
    return { id, error: { code: "internal", message: (err as Error).message } };
  }
}

async function cardJsonl(file: string, io: Io): Promise<number> {
  if (file !== "-" && !existsSync(file)) {
    io.stderr(`briefbot card: cannot read ${file}: no such file\n`);
    return 1;
  }
  const input = file === "-" ? io.stdin : createReadStream(file, "utf8");
  const rl = createInterface({ input, crlfDelay: Infinity });
  let n = 0, failed = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    const out = cardLine(line, n);
    if ("error" in out) failed++;
    io.stdout(JSON.stringify(out) + "\n");
  }
  if (failed) io.stderr(`briefbot card: ${failed} of ${n} lines failed (see their "error")\n`);
  return 0;
}

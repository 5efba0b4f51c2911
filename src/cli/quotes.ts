// briefbot quotes FILE...|-   each article's quotes with speaker, role, kind, confidence and cue, as a table.
import { buildCard, CardError, type Quote } from "../core/index.js";
import { articleFromContent, ArticleFileError, IngestError } from "../ingest/index.js";
import { parseCommand } from "./args.js";
import { readInput, UsageError, type Io } from "./io.js";

export async function quotesCommand(argv: string[], io: Io): Promise<number> {
  const files = parseCommand(argv, {}).positionals;
  if (!files.length) throw new UsageError("give a FILE (or - for standard input)");
  let status = 0;
  for (const file of files) {
    // Several files: each table under its file's name.
    if (files.length > 1) io.stdout(`${status || file !== files[0] ? "\n" : ""}${file}\n`);
    status = Math.max(status, await quotesOf(file, io));
  }
  return status;
}

async function quotesOf(file: string, io: Io): Promise<number> {
  let content: string;
  try {
    content = await readInput(file, io);
  } catch (err) {
    io.stderr(`briefbot quotes: cannot read ${file}: ${(err as Error).message}\n`);
    return 1;
  }
  try {
    const card = buildCard(articleFromContent(content, file === "-" ? undefined : file));
    io.stdout(quotesTable(card.quotes));
    return 0;
  } catch (err) {
    if (err instanceof CardError || err instanceof IngestError || err instanceof ArticleFileError) {
      io.stderr(`briefbot quotes: ${file}: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** A plain-text table a person reads: one row per quote. */
export function quotesTable(quotes: readonly Quote[]): string {
  if (!quotes.length) return "no quotes\n";
  const rows = quotes.map((q, i) => [
    String(i + 1),
    q.kind,
    q.speaker?.name ?? "(unknown)",
    q.speaker?.role ?? "",
    q.confidence.toFixed(2),
    q.cue ?? "",
    `“${clip(q.text.replace(/\s+/g, " "), 70)}”`,
  ]);
  const head = ["#", "kind", "speaker", "role", "conf", "cue", "quote"];
  const widths = head.map((h, c) => Math.min(c === 6 ? 72 : 32, Math.max(h.length, ...rows.map((r) => r[c]!.length))));
  const line = (r: string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : clip(cell, widths[c]!).padEnd(widths[c]!))).join("  ").trimEnd();
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}

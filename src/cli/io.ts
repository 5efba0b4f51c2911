// Small I/O helpers shared by the commands.
import { decodeText, readTextFile } from "../ingest/index.js";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Standard input (card -, ask --jsonl, ingest --jsonl -). */
  stdin: NodeJS.ReadableStream;
  /** Environment variables (BRIEFBOT_DB, DATABASE_URL); only cli/ and config/ read them. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Where progress bars go (a terminal, or nothing). */
  progress?: { isTTY?: boolean; columns?: number; write(s: string): unknown };
}

export const processIo: Io = {
  env: process.env,
  stdin: process.stdin,
  progress: process.stderr,
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
};

/** Reads all of a stream as text (UTF-8, else Windows-1252: ingest/decode.ts). */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c) : (c as Buffer));
  return decodeText(Buffer.concat(chunks));
}

/** Reads a file as text; `-` is standard input. */
export async function readInput(file: string, io: Io): Promise<string> {
  return file === "-" ? readAll(io.stdin) : readTextFile(file);
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

// Small I/O helpers shared by the commands.
import { readFileSync } from "node:fs";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<string>;
  /** Environment variables (BRIEFBOT_DB, DATABASE_URL); only cli/ and config/ read them. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Standard input as a stream (ask --jsonl, ingest --jsonl -). */
  stdin?: NodeJS.ReadableStream;
  /** Where progress bars go (a terminal, or nothing). */
  progress?: { isTTY?: boolean; columns?: number; write(s: string): unknown };
}

export const processIo: Io = {
  env: process.env,
  stdin: process.stdin,
  progress: process.stderr,
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

/** Reads a file as UTF-8 text; `-` is standard input. */
export async function readInput(file: string, io: Io): Promise<string> {
  return file === "-" ? io.readStdin() : readFileSync(file, "utf8");
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

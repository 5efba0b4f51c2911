// Small I/O helpers shared by the commands.
import { readFileSync } from "node:fs";

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads all of standard input. */
  readStdin: () => Promise<string>;
}

export const processIo: Io = {
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

// An in-memory Io for driving CLI commands in-process.
import { Readable } from "node:stream";
import type { Io } from "../../src/cli/io.js";

export function memoryIo(stdin = ""): Io & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    stdin: Readable.from([Buffer.from(stdin)]),
    out: () => out,
    err: () => err,
  };
}

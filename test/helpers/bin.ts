// Runs the built CLI (bin/briefbot.js) as a child process, as a user would; `npm test` builds first.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const ROOT = resolve(__dirname, "../..");
export const BIN = join(ROOT, "bin", "briefbot.js");

export interface BinResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {}): BinResult {
  if (!existsSync(join(ROOT, "dist", "src", "cli", "index.js"))) throw new Error("the CLI is not built: run `npm run build` (npm test does)");
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: "silent", ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env, cwd: options.cwd ?? ROOT, input: options.input ?? "", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As runBin, without blocking this process: for tests that serve HTTP to the child. */
export function runBinAsync(args: string[], options: { env?: Record<string, string | undefined>; cwd?: string; input?: string } = {}): Promise<BinResult> {
  if (!existsSync(join(ROOT, "dist", "src", "cli", "index.js"))) throw new Error("the CLI is not built: run `npm run build` (npm test does)");
  const env: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: "silent", ...options.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { env, cwd: options.cwd ?? ROOT, timeout: 60_000 });
    let stdout = "", stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => resolvePromise({ status, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

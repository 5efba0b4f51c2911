// Tests that read ../shared (eval sets and the seed article, beside the project; a fresh clone has none).
// Absent: the suite is skipped with one line saying what is missing, and its body is never run
// (describe.skip still runs a body, which then reads files that are not there). Under CI=true,
// where ../shared is provided, an absent file fails the run instead.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const SHARED = resolve(__dirname, "../../../shared");

/** A path inside ../shared. */
export const sharedPath = (...parts: string[]): string => join(SHARED, ...parts);

/** The paths (inside ../shared) that are missing. */
export function missingShared(paths: readonly string[]): string[] {
  return paths.map((p) => sharedPath(p)).filter((p) => !existsSync(p));
}

/** `describe(name, fn)` when every path exists; else a skipped suite and one warning line (a failing suite under CI=true). */
export function describeShared(name: string, paths: readonly string[], fn: () => void): void {
  const missing = missingShared(paths);
  if (!missing.length) return describe(name, fn);
  const why = `${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} absent (../shared beside the project)`;
  if (process.env.CI === "true") {
    return describe(name, () => {
      test("../shared must be present under CI=true", () => {
        throw new Error(why);
      });
    });
  }
  console.warn(`skipping "${name}": ${why}`);
  describe.skip(name, () => test.skip(why, () => undefined));
}

import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/** The project root: the nearest folder up with config/default.yaml (src/cli in tests, dist/src/cli when built). */
export function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "config", "default.yaml"))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

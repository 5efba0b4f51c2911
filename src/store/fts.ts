// Query text for the full-text indexes, from term groups of plain tokens ([\p{L}\p{N}]+ only).
import type { Stage } from "./search.js";

/** SQLite FTS5 MATCH expression. */
export function ftsMatch(stage: Stage): string {
  const group = (g: string[]) => (g.length === 1 ? `"${g[0]}"` : `(${g.map((t) => `"${t}"`).join(" OR ")})`);
  return stage.groups.map(group).join(stage.any ? " OR " : " AND ");
}

/** PostgreSQL to_tsquery('simple', ...) text. */
export function tsQuery(stage: Stage): string {
  const group = (g: string[]) => (g.length === 1 ? g[0]! : `(${g.join(" | ")})`);
  return stage.groups.map(group).join(stage.any ? " | " : " & ");
}

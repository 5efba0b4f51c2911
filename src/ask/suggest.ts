// The closest known topics to what the user typed, for "nothing matched" replies.
import { editDistance, tokens } from "./words.js";

export function closestTopics(typed: string, known: readonly string[], limit: number): string[] {
  const t = tokens(typed).join(" ");
  if (!t) return [];
  const scored: Array<{ topic: string; score: number }> = [];
  for (const k of new Set(known)) {
    let score = 0;
    if (k.startsWith(t) || t.startsWith(k)) score = 0.9;
    const max = Math.max(1, Math.floor(Math.max(t.length, k.length) / 3));
    const d = editDistance(t, k, max);
    if (d <= max) score = Math.max(score, 1 - d / (Math.max(t.length, k.length) + 1));
    const kw = new Set(k.split(" "));
    const shared = t.split(" ").filter((w) => kw.has(w)).length;
    if (shared) score = Math.max(score, 0.5 + shared / (kw.size + 2));
    if (score > 0) scored.push({ topic: k, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.topic.localeCompare(b.topic)).slice(0, limit).map((s) => s.topic);
}

// One bounded memo for the card builder's per-word look-ups: the same words and names are asked about
// many times in one card, and a long ingest keeps meeting new ones, so the table is emptied when full.

/** `fn` remembered per key, at most `limit` keys (the table is emptied when full). */
export function memo<T>(fn: (key: string) => T, limit: number): (key: string) => T {
  const table = new Map<string, T>();
  return (key) => {
    // One look-up for a hit; `has` only tells a remembered undefined from a miss.
    const hit = table.get(key);
    if (hit !== undefined || table.has(key)) return hit as T;
    const value = fn(key);
    if (table.size >= limit) table.clear();
    table.set(key, value);
    return value;
  };
}

// One bounded memo for the card builder's per-word look-ups: the same words and names are asked about
// many times in one card, and a long ingest keeps meeting new ones, so the table is emptied when full.

/** `fn` remembered per key, at most `limit` keys (the table is emptied when full). */
export function memo<T>(fn: (key: string) => T, limit: number): (key: string) => T {
  const table = new Map<string, T>();
  return (key) => {
    if (table.has(key)) return table.get(key) as T;
    const value = fn(key);
    if (table.size >= limit) table.clear();
    table.set(key, value);
    return value;
  };
}

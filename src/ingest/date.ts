// Dates from feeds, pages and front matter -> ISO 8601, so the store sorts them and renderers may cut
// them to a day. RSS gives RFC 822 ("Thu, 03 Dec 2026 10:00:00 GMT"), Atom and pages mostly ISO already.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 for a date a source gave, or undefined when it cannot be read as a date. */
export function isoDate(raw: string | undefined): string | undefined {
  const s = raw?.trim();
  if (!s) return undefined;
  if (ISO.test(s)) return s;
  const t = Date.parse(s);
  if (!Number.isFinite(t)) return undefined;
  return new Date(t).toISOString().replace(".000Z", "Z");
}

// Quote text of packed stories (packed.ts), kept outside the JavaScript heap: a byte per code unit when
// every character is below 256, else two. As one string a story it lived on the heap, and a cold pass
// over stories at 100,000 stored grew the heap by tens of MB of such strings, each copied by a scavenge
// and then promoted; a typed array's contents are never copied by the collector.

export type QuoteText = Uint8Array | Uint16Array;

/** Units made, and whether every one is below 128 (then read back with the platform's decoder). */
export interface QuoteUnits {
  units: QuoteText;
  ascii: boolean;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The text of code units `start` to `start + length` of `q` (`isAscii`: every unit of `q` is below 128). */
export function quoteText(q: QuoteText, start: number, length: number, isAscii = false): string {
  if (isAscii) return decoder.decode(q.subarray(start, start + length));
  let s = "";
  // In pieces: fromCharCode takes its code units as arguments.
  for (let i = start, end = start + length; i < end; i += 4096) {
    s += String.fromCharCode.apply(null, q.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return s;
}

const NOT_ASCII = /[^\u0000-\u007f]/;
const WIDE = /[^\u0000-\u00ff]/;

/**
 * `texts` one after another (two bytes a unit only when some unit is 256 or more), each written in its
 * place: not joined into one string first (a story's quotes, for every story a cold store packs).
 */
export function textUnits(texts: readonly string[], length: number): QuoteUnits {
  // ASCII (most quotes in English news with straight marks): its UTF-8 bytes are its code units.
  if (!texts.some((t) => NOT_ASCII.test(t))) {
    const units = new Uint8Array(length);
    let at = 0;
    for (const t of texts) at += encoder.encodeInto(t, at ? units.subarray(at) : units).written;
    return { units, ascii: true };
  }
  const units = texts.some((t) => WIDE.test(t)) ? new Uint16Array(length) : new Uint8Array(length);
  let at = 0;
  for (const t of texts) for (let i = 0; i < t.length; i++) units[at++] = t.charCodeAt(i);
  return { units, ascii: false };
}

/** Ranges of QuoteTexts one after another (two bytes a unit only when some unit is 256 or more). */
export function copiedUnits(parts: ReadonlyArray<{ from: QuoteText; start: number; end: number; ascii: boolean }>, length: number): QuoteUnits {
  // Only a range that is not all ASCII can hold a unit of 128 or more, or of 256 or more.
  let wide = false, ascii = true;
  for (const p of parts) {
    if (p.ascii) continue;
    for (let i = p.start; i < p.end && !wide; i++) {
      const u = p.from[i]!;
      if (u > 127) ascii = false;
      if (u > 255) wide = true;
    }
    if (wide) break;
  }
  const units = wide ? new Uint16Array(length) : new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    units.set(p.from.subarray(p.start, p.end), at);
    at += p.end - p.start;
  }
  return { units, ascii };
}

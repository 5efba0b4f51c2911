// Normalisation for identity: the same article, re-encoded or re-spaced, gets the same id.

/** Unicode NFC, straight quotes and dashes unified, whitespace collapsed, trimmed. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’‚]/g, "'")
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** A 64-bit non-cryptographic hash (two 32-bit lanes, cyrb53 style), as 16 hex digits. */
export function stableHash(s: string): string {
  // Both lanes are 32-bit integers from the start (0xdeadbeef is past 2^31; `| 0` keeps its bits), and the
  // final mix is a function of its own: optimised code entered inside the long loop (on-stack replacement)
  // met the mix with no type feedback and gave up at every call, so each card paid a deoptimisation and a
  // recompilation of this function (test/core/text/normalize.test.ts keeps the hashes as they were).
  let h1 = 0xdeadbeef | 0;
  let h2 = 0x41c6ce57 | 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return mix(h1, h2);
}

function mix(a: number, b: number): string {
  const h1 = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  const h2 = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, "0") + (h1 >>> 0).toString(16).padStart(8, "0");
}

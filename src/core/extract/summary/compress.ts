// Sentence compression: removes parts of a sentence a briefing reader can skip and that rarely
// carry the news: parentheses, trailing attributions, appositive asides, dash asides.

export interface CompressOps {
  parens: boolean;
  attribution: boolean;
  dashAside: boolean;
  relative: boolean;
  leadClause: boolean;
}

export const ALL_OPS: CompressOps = { parens: true, attribution: true, dashAside: true, relative: true, leadClause: true };

const SPEECH = "said|says|added|told|reported|reports|claimed|explained|revealed|announced|confirmed|stated|insisted|warned";

export function compress(sentence: string, ops: CompressOps = ALL_OPS): string {
  let s = sentence;
  if (ops.parens) s = s.replace(/\s*\([^()]{1,60}\)/g, "");
  if (ops.attribution) {
    // "..., police said." / "..., according to the BBC." at the end of a sentence without quotes.
    if (!/['"“”‘’]\s*(?:,|$)/.test(s.replace(/[’']s\b/g, ""))) {
      s = s.replace(new RegExp(`,\\s+(?:[^,]{1,60}?\\s+(?:${SPEECH})|(?:${SPEECH})\\s+[^,]{1,60}?|according to [^,]{1,60}?)([.!])$`, "u"), "$1");
    }
  }
  if (ops.dashAside) {
    s = s.replace(/\s+[–—-]{1,2}\s+[^–—]{1,80}?\s+[–—-]{1,2}\s+/gu, " ");
    s = s.replace(/\s+[–—]\s+[^–—]{1,100}([.!])$/u, "$1");
  }
  if (ops.relative) {
    s = s.replace(/,\s+(?:who|which|whose)\s+[^,]{1,80}?,\s+/gu, " ");
  }
  if (ops.leadClause) {
    s = s.replace(/^(?:Speaking|Writing|Asked|Talking)\b[^,]{1,80},\s+(\p{L})/u, (_, c: string) => c.toUpperCase());
  }
  return s.replace(/\s+([,.!])/g, "$1").replace(/\s{2,}/g, " ").trim();
}

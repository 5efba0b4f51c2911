// Links in what people type: Slack wraps them (`<https://x|label>`), Discord users may wrap them in
// `<...>` to stop an embed, and sentences end in punctuation that is not part of the URL.

const LINK = /https?:\/\/[^\s<>|"]+/gi;
/** At most this many links of one message are briefed: a pasted list must not become a crawl. */
export const MAX_LINKS_PER_MESSAGE = 3;

/** The http(s) links in `text`, in order, without duplicates or trailing punctuation. */
export function findLinks(text: string, max = MAX_LINKS_PER_MESSAGE): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(LINK)) {
    let url = m[0].replace(/&amp;/g, "&");
    // A closing bracket belongs to the URL only when it opened inside it (Wikipedia-style paths).
    for (;;) {
      const trimmed = url.replace(/[.,;:!?'»”’]+$/, "");
      const opens = (trimmed.match(/\(/g) ?? []).length, closes = (trimmed.match(/\)/g) ?? []).length;
      url = trimmed.endsWith(")") && closes > opens ? trimmed.slice(0, -1) : trimmed;
      if (url === trimmed) break;
    }
    if (!out.includes(url)) out.push(url);
    if (out.length >= max) break;
  }
  return out;
}

/** The whole text is one link (what `/brief <url>` and `briefbot card <url>` take). */
export function asLink(text: string): string | undefined {
  const t = text.trim().replace(/^<(.*)>$/, "$1").split("|")[0]!;
  return /^https?:\/\/\S+$/i.test(t) ? t : undefined;
}

// Article text shown in Discord as written: markdown escaped, mentions defused.

/** Discord markdown: a backslash before punctuation shows the character itself. */
const INLINE = /([\\*_~`|[\]()<>#])/g;
/** Line-start markers Discord reads as headings, lists and quotes. */
const LINE_START = /^(\s*)([-+>]|\d+\.)(?=\s)/gm;

export function escapeDiscordMarkdown(s: string): string {
  return s
    .replace(INLINE, "\\$1")
    .replace(LINE_START, (_m, space: string, mark: string) => `${space}\\${mark}`)
    // A zero-width space keeps @everyone and @here from reading as mentions even where
    // allowed_mentions does not apply (a copied text, a client that ignores it).
    .replace(/@(everyone|here)/gi, "@\u200b$1");
}

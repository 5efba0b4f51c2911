// Discord's message limits, all checked here and nowhere else
// (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
import type { DiscordMessage, Embed, EmbedField } from "./types.js";

export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  /** Sum of title, description, field names and values, footer and author over all embeds. */
  totalEmbedChars: 6000,
  embeds: 10,
  content: 2000,
} as const;

const ELLIPSIS = "…";

/**
 * Text of at most `max` characters: cut at the last word break that keeps at least half,
 * and end with an ellipsis. Never leaves half a surrogate pair or a dangling escape.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  if (max === 1) return ELLIPSIS;
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space >= (max - 1) / 2) cut = cut.slice(0, space);
  cut = cut.replace(/[\s,;:]+$/, "");
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  // An odd run of trailing backslashes would escape the ellipsis or what follows.
  const slashes = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (slashes % 2 === 1) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

/** Discord refuses an empty field name or value. */
const nonEmpty = (s: string) => (s.trim() ? s : "\u200b");

function fitField(f: EmbedField): EmbedField {
  const out: EmbedField = { name: nonEmpty(shorten(f.name, DISCORD_LIMITS.fieldName)), value: nonEmpty(shorten(f.value, DISCORD_LIMITS.fieldValue)) };
  if (f.inline !== undefined) out.inline = f.inline;
  return out;
}

function fitEmbed(e: Embed): Embed {
  const out: Embed = { ...e };
  if (e.title !== undefined) out.title = shorten(e.title, DISCORD_LIMITS.title);
  if (e.description !== undefined) out.description = shorten(e.description, DISCORD_LIMITS.description);
  if (e.author) out.author = { name: shorten(e.author.name, DISCORD_LIMITS.author) };
  if (e.footer) out.footer = { text: shorten(e.footer.text, DISCORD_LIMITS.footer) };
  if (e.fields) out.fields = e.fields.slice(0, DISCORD_LIMITS.fields).map(fitField);
  return out;
}

/** Characters an embed counts towards the 6000 of a message. */
export function embedChars(e: Embed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Takes `over` characters out of an embed: last fields first, then the description. */
function trimEmbed(e: Embed, over: number): Embed {
  const out: Embed = { ...e, fields: [...(e.fields ?? [])] };
  while (over > 0 && out.fields!.length) over -= fieldChars(out.fields!.pop()!);
  if (!out.fields!.length) delete out.fields;
  if (over > 0 && out.description) {
    const keep = out.description.length - over;
    const d = keep > 0 ? shorten(out.description, keep) : "";
    over -= out.description.length - d.length;
    if (d) out.description = d;
    else delete out.description;
  }
  return over > 0 && out.title ? { ...out, title: shorten(out.title, Math.max(1, out.title.length - over)) } : out;
}

const fieldChars = (f: EmbedField) => f.name.length + f.value.length;

/** The message within every Discord limit; text beyond a limit is shortened, extra embeds and fields dropped. */
export function fitMessage(m: DiscordMessage): DiscordMessage {
  const out: DiscordMessage = { ...m, allowed_mentions: { ...m.allowed_mentions, parse: [] } };
  if (m.content !== undefined) out.content = shorten(m.content, DISCORD_LIMITS.content);
  const embeds = m.embeds.slice(0, DISCORD_LIMITS.embeds).map(fitEmbed);
  // 6000 over all embeds: keep whole embeds while they fit, trim the first that does not, drop the rest.
  const kept: Embed[] = [];
  let used = 0;
  for (const e of embeds) {
    const n = embedChars(e);
    if (used + n <= DISCORD_LIMITS.totalEmbedChars) {
      kept.push(e);
      used += n;
      continue;
    }
    if (kept.length === 0 || DISCORD_LIMITS.totalEmbedChars - used > 200) {
      const t = trimEmbed(e, used + n - DISCORD_LIMITS.totalEmbedChars);
      // Footer and author are never trimmed; an embed they alone push past the total is dropped.
      const size = embedChars(t);
      if (size > 0 && used + size <= DISCORD_LIMITS.totalEmbedChars) kept.push(t);
    }
    break;
  }
  out.embeds = kept;
  return out;
}

/** Whether a message keeps every limit (for tests and assertions at the edge). */
export function withinLimits(m: DiscordMessage): boolean {
  const L = DISCORD_LIMITS;
  if ((m.content?.length ?? 0) > L.content || m.embeds.length > L.embeds) return false;
  let total = 0;
  for (const e of m.embeds) {
    if ((e.title?.length ?? 0) > L.title || (e.description?.length ?? 0) > L.description) return false;
    if ((e.footer?.text.length ?? 0) > L.footer || (e.author?.name.length ?? 0) > L.author) return false;
    const fields = e.fields ?? [];
    if (fields.length > L.fields) return false;
    if (fields.some((f) => f.name.length > L.fieldName || f.value.length > L.fieldValue || !f.name || !f.value)) return false;
    total += embedChars(e);
  }
  return total <= L.totalEmbedChars && m.allowed_mentions.parse.length === 0;
}

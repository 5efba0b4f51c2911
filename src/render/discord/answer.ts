// Answers as Discord messages: one embed per card, quotes with speakers, figures as inline fields.
import type { Answer, ArticleRef, FigureAnswer, QuoteAnswer, StoryRef } from "../../ask/index.js";
import { flagLines, sourcesLine } from "../story-text.js";
import { hasStoryButton, isStoryId, storyButtonLabel } from "../story-button.js";
import type { BriefingCard, Quote, Speaker } from "../../core/index.js";
import { EXCERPT_NOTE, formatValue } from "../text.js";
import { candidateLine, dayOf, noPersonText, quotesSummary, rolesLine, seenLine, whichHint, whichQuestion } from "../people-text.js";
import { pointDate, pointSource, pointValue, sparkline, trendSummary, trendTitle } from "../trend-text.js";
import { escapeDiscordMarkdown as esc } from "./escape.js";
import { fitMessage, shorten } from "./limits.js";
import type { ActionRow, DiscordMessage, Embed, EmbedField } from "./types.js";

export interface DiscordRenderOptions {
  /** Only the asker sees the answer (Discord flag 64), with a button to post it for everyone. */
  ephemeral: boolean;
  maxCards: number;
  maxQuotesPerCard: number;
  maxFiguresPerCard: number;
  maxMatches: number;
  color: number;
  /** A chart file sent with the message: a trend's embed shows it (attachment://<name>). */
  chart?: { filename: string; description: string };
}

export const DEFAULT_DISCORD_RENDER_OPTIONS = {
  ephemeral: true,
  maxCards: 3,
  maxQuotesPerCard: 3,
  maxFiguresPerCard: 6,
  maxMatches: 8,
  color: 0x3b82f6,
} as const satisfies DiscordRenderOptions;

export const EPHEMERAL = 64;
/** The custom_id of the "Post publicly" button; adapters match on it. */
export const POST_PUBLICLY_ID = "briefbot:public";

export const postPubliclyRow = (): ActionRow => ({
  type: 1,
  components: [{ type: 2, style: 2, label: "Post publicly", custom_id: POST_PUBLICLY_ID }],
});

/** Story buttons' custom_id: this prefix and the story id (Discord: at most 100 characters). */
const STORY_BUTTON_PREFIX = "briefbot:story:";

/**
 * The story a button's custom_id names: undefined when it is not a story button at all, null when it
 * is one but its id is not a story id as the stores make them (forged or mangled).
 */
export function storyFromButton(customId: string): string | null | undefined {
  if (!customId.startsWith(STORY_BUTTON_PREFIX)) return undefined;
  const id = customId.slice(STORY_BUTTON_PREFIX.length);
  return isStoryId(id) ? id : null;
}

/** One button per story told by several outlets, in the order of the embeds: "All 3 sources: <title>". */
export function storyRow(stories: ReadonlyArray<StoryRef | undefined>): ActionRow | undefined {
  // Discord: a button's label is at most 80 characters, a row holds at most 5 buttons.
  const components = stories
    .filter((s): s is StoryRef => !!s && hasStoryButton(s))
    .slice(0, 5)
    .map((s): ActionRow["components"][number] => ({ type: 2, style: 2, label: shorten(`${storyButtonLabel(s)}: ${s.title}`, 80), custom_id: STORY_BUTTON_PREFIX + s.id }));
  return components.length ? { type: 1, components } : undefined;
}

/** Discord refuses an embed whose url is not http(s); parentheses would end a masked link early. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || url.length > 2048 || !/^https?:\/\/[^\s<>]+$/i.test(url)) return undefined;
  return url.replace(/\(/g, "%28").replace(/\)/g, "%29");
}

const speakerLabel = (s: Speaker | null) => (s ? `${s.name}${s.role ? `, ${s.role}` : ""}` : "Unattributed");
const quoted = (q: Quote) => `“${esc(shorten(q.text, 900))}”`;
const day = (iso: string | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso);

function host(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).hostname.replace(/^www\./, "") : undefined;
  } catch {
    return undefined;
  }
}

/** "Publisher · 2026-03-01", the footer of a card (footers show text as is: no escaping). */
function footerText(publisher: string | undefined, url: string | undefined, publishedAt: string | undefined): string {
  return [publisher ?? host(url), day(publishedAt)].filter(Boolean).join(" · ");
}

function articleLink(a: ArticleRef): string {
  const title = esc(shorten(a.title, 200));
  const url = safeUrl(a.url);
  return url ? `[${title}](${url})` : title;
}

export function cardEmbed(card: BriefingCard, o: DiscordRenderOptions = DEFAULT_DISCORD_RENDER_OPTIONS): Embed {
  const fields: EmbedField[] = [];
  for (const q of card.quotes.filter((q) => q.kind === "direct").slice(0, o.maxQuotesPerCard)) {
    fields.push({ name: esc(speakerLabel(q.speaker)), value: quoted(q) });
  }
  for (const f of card.figures.slice(0, o.maxFiguresPerCard)) {
    fields.push({ name: esc(formatValue(f)), value: esc(shorten(f.about ?? f.sentence, 300)), inline: true });
  }
  const embed: Embed = { title: esc(card.title), color: o.color };
  const url = safeUrl(card.source.url);
  if (url) embed.url = url;
  if (card.summary.length) embed.description = card.summary.map((b) => `• ${esc(b)}`).join("\n");
  if (fields.length) embed.fields = fields;
  const footer = [footerText(card.source.publisher, card.source.url, card.source.publishedAt), card.source.excerpt && EXCERPT_NOTE[card.source.excerpt]].filter(Boolean).join(" · ");
  if (footer) embed.footer = { text: footer };
  return embed;
}

/** A story's sources and disagreements as fields under its card. */
export function withStory(embed: Embed, s: StoryRef | undefined): Embed {
  if (!s) return embed;
  const fields = [...(embed.fields ?? [])];
  const see = s.sources.length > 1 ? `\n\`/story ${s.id}\`` : "";
  fields.push({ name: "Sources", value: esc(shorten(sourcesLine(s), 900)) + see });
  const flags = flagLines(s);
  if (flags.length) fields.push({ name: "⚠ Sources differ", value: esc(shorten(flags.map((l) => `• ${l.replace(/^Sources differ:? ?/, "")}`).join("\n"), 1000)) });
  return { ...embed, fields };
}

function matchField(m: QuoteAnswer): EmbedField {
  return { name: esc(speakerLabel(m.speaker ?? m.quote.speaker)), value: `${quoted(m.quote)}\n— ${articleLink(m.article)}` };
}

function figureField(f: FigureAnswer): EmbedField {
  const about = f.figure.about ?? shorten(f.figure.sentence, 200);
  return { name: esc(formatValue(f.figure)), value: `${esc(about)}\n— ${articleLink(f.article)}`, inline: true };
}

function trendEmbed(a: Extract<Answer, { kind: "trend" }>, o: DiscordRenderOptions): Embed {
  const spark = a.series.length > 1 ? `\n\`${sparkline(a.series.map((p) => p.value))}\`` : "";
  const fields = a.series.slice(-24).map((p) => ({
    name: esc(`${pointDate(p)} · ${pointValue(p)}`),
    value: `${esc(shorten(pointSource(p), 100))} — ${articleLink(p.article)}`,
    inline: true,
  }));
  const embed: Embed = { title: esc(shorten(`Trend: ${trendTitle(a)}`, 250)), color: o.color, description: esc(trendSummary(a)) + spark, fields };
  if (o.chart && a.series.length > 1) embed.image = { url: `attachment://${o.chart.filename}` };
  return embed;
}

// Discord: at most 25 fields per embed, a field value at most 1024 characters (fitMessage enforces).
function quotesEmbed(a: Extract<Answer, { kind: "quotes" }>, o: DiscordRenderOptions): Embed {
  const fields = a.matches.slice(0, 24).map((g) => ({
    name: esc(shorten([dayOf(g.date), g.role ? `as ${g.role}` : ""].filter(Boolean).join(" · "), 250)),
    value: `${g.quotes.map((q) => quoted({ ...q, text: shorten(q.text, 300) })).join("\n")}\n— ${articleLink(g.article)}`,
  }));
  return { title: esc(shorten(`Quotes: ${a.person.name}`, 250)), color: o.color, description: esc(quotesSummary(a)), fields };
}

function personEmbed(a: Extract<Answer, { kind: "person" }>, o: DiscordRenderOptions): Embed {
  const fields: EmbedField[] = [];
  if (a.roles.length) fields.push({ name: "Roles", value: esc(shorten(rolesLine(a), 1000)) });
  if (a.organisations.length) fields.push({ name: "Organisations", value: esc(a.organisations.join(", ")), inline: true });
  if (a.topics.length) fields.push({ name: "Topics", value: esc(a.topics.join(", ")), inline: true });
  for (const r of a.recent) fields.push({ name: esc(shorten(`${dayOf(r.date)}${r.role ? ` · as ${r.role}` : ""}`, 250)), value: `${quoted(r.quote)}\n— ${articleLink(r.article)}` });
  return { title: esc(shorten(a.person.name, 250)), color: o.color, description: esc(seenLine(a)), fields };
}

function answerBody(answer: Answer, o: DiscordRenderOptions): { content?: string; embeds: Embed[]; shareable: boolean; row?: ActionRow } {
  switch (answer.kind) {
    case "brief": {
      const shown = answer.cards.slice(0, o.maxCards);
      const row = storyRow(shown.map((_, i) => answer.stories?.[i]));
      return { embeds: shown.map((c, i) => withStory(cardEmbed(c, o), answer.stories?.[i])), shareable: true, ...(row ? { row } : {}) };
    }
    case "story": {
      const s = answer.story;
      const flags = flagLines(s);
      const head: Embed = { title: esc(shorten(s.title, 250)), color: o.color, description: esc(sourcesLine(s)) + (flags.length ? `\n${flags.map((l) => `⚠ ${esc(l)}`).join("\n")}` : "") };
      // Discord: at most 10 embeds per message.
      return { embeds: [head, ...answer.cards.slice(0, 9).map((c) => cardEmbed(c, { ...o, maxQuotesPerCard: 2, maxFiguresPerCard: 3 }))], shareable: true };
    }
    case "whosaid":
      return {
        embeds: [{ title: `Who said “${esc(answer.query)}”?`, color: o.color, fields: answer.matches.slice(0, o.maxMatches).map(matchField) }],
        shareable: true,
      };
    case "figures":
      return {
        embeds: [{ title: `Figures: ${esc(answer.topic)}`, color: o.color, fields: answer.figures.slice(0, 24).map(figureField) }],
        shareable: true,
      };
    case "topics":
      return {
        embeds: [{ title: "Topics", color: o.color, description: answer.topics.map((t) => `• ${esc(t.topic)} (${t.count})`).join("\n") }],
        shareable: false,
      };
    case "not_found": {
      if (answer.intent === "quotes" || answer.intent === "person") return { content: esc(noPersonText(answer.query, answer.suggestions)), embeds: [], shareable: false };
      const tries = answer.suggestions.length ? ` Try: ${answer.suggestions.map(esc).join(", ")}.` : answer.known?.length ? ` Topics I know: ${answer.known.map(esc).join(", ")}.` : "";
      return { content: `Nothing found for “${esc(answer.query)}”.${tries}`, embeds: [], shareable: false };
    }
    case "trend":
      return { embeds: [trendEmbed(answer, o)], shareable: true };
    case "quotes":
      return { embeds: [quotesEmbed(answer, o)], shareable: answer.matches.length > 0 };
    case "person":
      return { embeds: [personEmbed(answer, o)], shareable: true };
    case "which_person":
      return {
        embeds: [{ title: esc(shorten(whichQuestion(answer), 250)), color: o.color, description: answer.candidates.map((c) => `• ${esc(candidateLine(c))}`).join("\n"), footer: { text: whichHint(answer) } }],
        shareable: false,
      };
    case "help":
      return {
        embeds: [{ title: "briefbot", color: o.color, fields: answer.commands.map((c) => ({ name: esc(c.usage), value: esc(c.description) })) }],
        shareable: false,
      };
  }
}

/** The whole message for an answer, within Discord's limits and pinging nobody. */
export function answerToMessage(answer: Answer, options: Partial<DiscordRenderOptions> = {}): DiscordMessage {
  const o = { ...DEFAULT_DISCORD_RENDER_OPTIONS, ...options };
  const body = answerBody(answer, o);
  const msg: DiscordMessage = { embeds: body.embeds, allowed_mentions: { parse: [] } };
  if (body.content !== undefined) msg.content = body.content;
  if (o.chart && answer.kind === "trend" && answer.series.length > 1) msg.attachments = [{ id: 0, filename: o.chart.filename, description: o.chart.description }];
  // Story buttons answer whoever clicks, privately, so a public briefing has them too.
  if (body.row) msg.components = [body.row];
  if (o.ephemeral) {
    msg.flags = EPHEMERAL;
    if (body.shareable) msg.components = [...(msg.components ?? []), postPubliclyRow()];
  }
  return fitMessage(msg);
}

/** A plain text message (errors, hints), still within limits and pinging nobody. */
export function textMessage(text: string, ephemeral: boolean): DiscordMessage {
  const msg: DiscordMessage = { content: text, embeds: [], allowed_mentions: { parse: [] } };
  if (ephemeral) msg.flags = EPHEMERAL;
  return fitMessage(msg);
}

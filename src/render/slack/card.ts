// A briefing card as Block Kit: header, source line, summary bullets, quotes with speakers, figures as
// fields, topics and reading time. Article text is escaped everywhere; limits are met by `fitMessage`.
import type { BriefingCard, Figure, Quote, Speaker } from "../../core/index.js";
import { EXCERPT_NOTE, formatValue } from "../text.js";
import { context, fieldsSection, header, section, type Block, type SectionBlock } from "./blocks.js";
import { escapeMrkdwn as e, isLinkable, link } from "./escape.js";
import { shorten, SLACK_LIMITS } from "./limits.js";

/** A figure's sentence under its value is kept short: ten fields sit side by side. */
const FIGURE_SENTENCE_CHARS = 150;

export interface CardBlockOptions {
  /** Direct quotes shown, most prominent first. */
  maxQuotes: number;
  maxFigures: number;
}

export const DEFAULT_CARD_BLOCK_OPTIONS = { maxQuotes: 4, maxFigures: 8 } as const satisfies CardBlockOptions;

/** "2024-03-02" from an ISO date-time; other forms as given. */
export const shortDate = (d: string | undefined): string | undefined => (d && /^\d{4}-\d{2}-\d{2}/.test(d) ? d.slice(0, 10) : d);

/** "*Antony Blinken*, US Secretary of State", or "_unattributed_". */
export const speakerMrkdwn = (s: Speaker | null): string =>
  s ? `*${e(s.name)}*${s.role ? `, ${e(s.role)}` : ""}` : "_unattributed_";

/** A quote as a block quote with its speaker underneath. */
export const quoteMrkdwn = (q: Pick<Quote, "text" | "speaker">): string => `> “${e(q.text)}”\n— ${speakerMrkdwn(q.speaker)}`;

export function sourceMrkdwn(src: { publisher?: string | undefined; publishedAt?: string | undefined; url?: string | undefined; excerpt?: "feed" | undefined }): string {
  const parts: string[] = [];
  if (src.publisher) parts.push(e(src.publisher));
  const date = shortDate(src.publishedAt);
  if (date) parts.push(e(date));
  if (isLinkable(src.url)) parts.push(link(src.url, "source"));
  if (src.excerpt) parts.push(`_${e(EXCERPT_NOTE[src.excerpt])}_`);
  return parts.join(" · ");
}

/** The value, then what it counts; without a distinct `about`, the sentence it stands in says it. */
function figureField(f: Figure): string {
  const what = f.about && f.about !== f.unit ? e(f.about) : f.sentence ? shorten(e(f.sentence), FIGURE_SENTENCE_CHARS) : "";
  return `*${e(formatValue(f))}*${what ? `\n${what}` : ""}`;
}

/** Figures as section fields, ten to a section (Slack's limit). */
export function figureSections(figures: BriefingCard["figures"], title?: string): SectionBlock[] {
  const fields = figures.map(figureField);
  const out: SectionBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.fields) {
    const chunk = fields.slice(i, i + SLACK_LIMITS.fields);
    out.push(i === 0 && title !== undefined ? fieldsSection(chunk, title) : fieldsSection(chunk));
  }
  return out;
}

export function cardBlocks(card: BriefingCard, options: Partial<CardBlockOptions> = {}): Block[] {
  const opts = { ...DEFAULT_CARD_BLOCK_OPTIONS, ...options };
  const blocks: Block[] = [header(e(card.title))];
  const src = sourceMrkdwn(card.source);
  if (src) blocks.push(context(src));
  if (card.summary.length) blocks.push(section(card.summary.map((b) => `• ${e(b)}`).join("\n")));
  const quotes = card.quotes.filter((q) => q.kind === "direct").slice(0, opts.maxQuotes);
  if (quotes.length) blocks.push(section("*Quotes*"), ...quotes.map((q) => section(quoteMrkdwn(q))));
  if (card.figures.length) blocks.push(...figureSections(card.figures.slice(0, opts.maxFigures), "*Figures*"));
  const foot = [
    card.topics.length ? `Topics: ${card.topics.map(e).join(", ")}` : undefined,
    `${card.stats.words} words · ${card.stats.readingMinutes} min read`,
  ].filter((p): p is string => !!p);
  blocks.push(context(foot.join(" · ")));
  return blocks;
}

/** One line for notifications: the headline and the first bullet. */
export const cardFallback = (card: BriefingCard): string =>
  [e(card.title), card.summary[0] ? e(card.summary[0]) : undefined].filter(Boolean).join(" — ");

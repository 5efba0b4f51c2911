// Answers (src/ask) as Slack messages. Every message leaves here within Slack's limits, with a fallback text.
import type { Answer, ArticleRef, FigureAnswer, Intent, QuoteAnswer, StoryRef } from "../../ask/index.js";
import { flagLines, sourcesLine } from "../story-text.js";
import { hasStoryButton, storyButtonLabel } from "../story-button.js";
import { context, divider, header, plain, section, type ActionsBlock, type Block, type ButtonElement, type SlackMessage } from "./blocks.js";
import { cardBlocks, cardFallback, figureSections, quoteMrkdwn, sourceMrkdwn, type CardBlockOptions } from "./card.js";
import { escapeMrkdwn as e, link } from "./escape.js";
import { fitMessage, SLACK_LIMITS } from "./limits.js";
import { candidateLine, noPersonText, personLabel, quotesSummary, rolesLine, seenLine, whichHint, whichQuestion, dayOf } from "../people-text.js";
import { pointDate, pointSource, pointValue, sparkline, trendSummary, trendTitle } from "../trend-text.js";

/** The action id of the "Post to channel" button; the adapter listens for it. */
export const POST_CARD_ACTION = "briefbot_post_card";

/**
 * The action ids of the story buttons on a briefing, one per story shown (Slack wants action ids unique
 * within a message's blocks); each carries the story id as its value. Adapters match `STORY_ACTION`.
 */
export const STORY_ACTION = /^briefbot_story_\d+$/;
export const storyActionId = (n: number): string => `briefbot_story_${n}`;

/** What the "Post to channel" button carries, to find the same card again. */
export interface PostCardValue {
  topic: string;
  card: string;
}

export interface AnswerRenderOptions extends Partial<CardBlockOptions> {
  /** Adds a "Post to channel" button to a briefing (for a reply only the caller sees). */
  postButton?: boolean;
  /** Other cards on the topic listed under the first one. */
  maxMore?: number;
  maxMatches?: number;
  /** Figures in a `figures` answer (a card shows `maxFigures`). */
  maxFigureAnswers?: number;
  maxTopics?: number;
}

type Own = Required<Omit<AnswerRenderOptions, keyof CardBlockOptions>>;
type Resolved = Own & Partial<CardBlockOptions>;

const DEFAULTS = { postButton: false, maxMore: 5, maxMatches: 5, maxFigureAnswers: 20, maxTopics: 30 } as const satisfies Own;

const articleLine = (a: ArticleRef): string => {
  const src = sourceMrkdwn({ publisher: a.publisher, publishedAt: a.publishedAt });
  return `${link(a.url, a.title)}${src ? ` · ${src}` : ""}`;
};

export const postButton = (value: PostCardValue): ActionsBlock => ({
  type: "actions",
  elements: [
    { type: "button", action_id: POST_CARD_ACTION, text: { type: "plain_text", text: "Post to channel" }, value: JSON.stringify(value), style: "primary" },
  ],
});

/** Under a story's card: its sources and, marked, where they differ. */
export function storyBlocks(s: StoryRef): Block[] {
  const flags = flagLines(s);
  const blocks: Block[] = [context(`${e(sourcesLine(s))}${s.sources.length > 1 ? ` · \`/story ${e(s.id)}\`` : ""}`)];
  if (flags.length) blocks.push(section(flags.map((l) => `:warning: ${e(l)}`).join("\n")));
  return blocks;
}

/** "All 3 sources" (the first story, right above it) or "All 3 sources: <title>" (one of several). */
const storyButton = (s: StoryRef, n: number, titled: boolean): ButtonElement => ({
  type: "button",
  action_id: storyActionId(n),
  text: plain(titled ? `${storyButtonLabel(s)}: ${e(s.title)}` : storyButtonLabel(s)),
  value: s.id,
});

function brief(a: Extract<Answer, { kind: "brief" }>, o: Resolved): SlackMessage {
  const [first, ...rest] = a.cards;
  if (!first) return notFound({ kind: "not_found", intent: "brief", query: a.topic, suggestions: [] });
  const blocks: Block[] = cardBlocks(first, o);
  const top = a.stories?.[0];
  if (top) blocks.push(...storyBlocks(top));
  if (top && hasStoryButton(top)) blocks.push({ type: "actions", elements: [storyButton(top, 0, false)] });
  const more = rest.slice(0, o.maxMore);
  if (more.length) {
    const lines = more.map((c, i) => {
      const story = a.stories?.[i + 1];
      const extra = story ? ` · ${e(sourcesLine(story))}${story.flags.length ? " · :warning: sources differ" : ""}` : "";
      return `• ${articleLine({ id: c.id, title: c.title, url: c.source.url, publisher: c.source.publisher, publishedAt: c.source.publishedAt })}${extra}`;
    });
    blocks.push(section(`*More on ${e(a.topic)}*\n${lines.join("\n")}`));
    // One button per story told by several outlets, named by its title (Slack: up to 25 per block).
    const buttons = more.flatMap((_, i) => {
      const story = a.stories?.[i + 1];
      return story && hasStoryButton(story) ? [storyButton(story, i + 1, true)] : [];
    });
    if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  }
  // A topic too long for the button's value gets no button rather than one that cannot work.
  const button = postButton({ topic: a.topic, card: first.id });
  if (o.postButton && (button.elements[0]?.value ?? "").length <= SLACK_LIMITS.buttonValue) blocks.push(button);
  return { text: cardFallback(first), blocks };
}

function story(a: Extract<Answer, { kind: "story" }>, o: Resolved): SlackMessage {
  const blocks: Block[] = [header(e(a.story.title)), ...storyBlocks(a.story)];
  for (const c of a.cards.slice(0, o.maxMore)) blocks.push(divider(), ...cardBlocks(c, { ...o, maxQuotes: 2, maxFigures: 4 }));
  return { text: `${e(a.story.title)} (${e(sourcesLine(a.story))})`, blocks };
}

const matchBlocks = (m: QuoteAnswer): Block[] => [section(quoteMrkdwn({ text: m.quote.text, speaker: m.speaker ?? m.quote.speaker })), context(articleLine(m.article))];

function whosaid(a: Extract<Answer, { kind: "whosaid" }>, o: Resolved): SlackMessage {
  const top = a.matches[0];
  if (!top) return notFound({ kind: "not_found", intent: "whosaid", query: a.query, suggestions: [] });
  const who = top.speaker ?? top.quote.speaker;
  const blocks: Block[] = [section(`*Who said “${e(a.query)}”*`), ...a.matches.slice(0, o.maxMatches).flatMap(matchBlocks)];
  const text = who ? `${e(who.name)} said “${e(top.quote.text)}”` : `Unattributed: “${e(top.quote.text)}”`;
  return { text, blocks };
}

function figures(a: Extract<Answer, { kind: "figures" }>, o: Resolved): SlackMessage {
  const shown = a.figures.slice(0, o.maxFigureAnswers);
  if (!shown.length) return notFound({ kind: "not_found", intent: "figures", query: a.topic, suggestions: [] });
  // Grouped by article, in the order the answer ranks them.
  const groups = new Map<string, FigureAnswer[]>();
  for (const f of shown) groups.set(f.article.id, [...(groups.get(f.article.id) ?? []), f]);
  const blocks: Block[] = [header(`Figures: ${e(a.topic)}`)];
  for (const group of groups.values()) {
    const article = group[0]!.article;
    blocks.push(...figureSections(group.map((g) => g.figure), articleLine(article)));
  }
  const text = `Figures on ${e(a.topic)}: ${shown.slice(0, 3).map((f) => e(f.figure.text)).join("; ")}`;
  return { text, blocks };
}

function topics(a: Extract<Answer, { kind: "topics" }>, o: Resolved): SlackMessage {
  if (!a.topics.length) return notFound({ kind: "not_found", intent: "topics", query: "", suggestions: [] });
  const shown = a.topics.slice(0, o.maxTopics);
  const lines = shown.map((t) => `• *${e(t.topic)}* (${t.count})`);
  if (a.topics.length > shown.length) lines.push(`…and ${a.topics.length - shown.length} more`);
  const blocks = [section(`*Topics I can brief you on*\n${lines.join("\n")}`), context("Try `/brief &lt;topic&gt;`")];
  return { text: `Topics: ${shown.slice(0, 10).map((t) => e(t.topic)).join(", ")}`, blocks };
}

// The chart itself is uploaded beside this message by the adapter (files.uploadV2).
function trend(a: Extract<Answer, { kind: "trend" }>, o: Resolved): SlackMessage {
  const blocks: Block[] = [header(`Trend: ${e(trendTitle(a))}`), section(e(trendSummary(a)) + (a.series.length > 1 ? `\n\`${sparkline(a.series.map((p) => p.value))}\`` : ""))];
  const lines = a.series.slice(-o.maxFigureAnswers).map((p) => `• ${pointDate(p)} · *${e(pointValue(p))}* · ${e(pointSource(p))} · ${link(p.article.url, p.article.title)}`);
  blocks.push(section(lines.join("\n")));
  return { text: e(trendSummary(a)), blocks };
}

const NOT_FOUND: Record<Intent["kind"], (q: string) => string> = {
  brief: (q) => `I have no briefing on “${q}”.`,
  story: (q) => `I have no story “${q}”: its id is shown under each briefing.`,
  whosaid: (q) => `I found no quote matching “${q}”.`,
  figures: (q) => `I found no figures about “${q}”.`,
  topics: () => "I know no topics yet: no articles are stored.",
  help: () => "I did not understand that.",
  trend: (q) => `I found no figure counting “${q}” across articles.`,
  quotes: (q) => noPersonText(q, []),
  person: (q) => noPersonText(q, []),
};

// Slack: a message holds at most 50 blocks; fitMessage trims past it, so long answers stay whole per article.
function quotes(a: Extract<Answer, { kind: "quotes" }>, o: Resolved): SlackMessage {
  const blocks: Block[] = [section(`*${e(quotesSummary(a))}*`)];
  for (const g of a.matches.slice(0, o.maxMatches * 2)) {
    blocks.push(section(g.quotes.map((q) => `> “${e(q.text)}”`).join("\n")));
    blocks.push(context([articleLine(g.article), g.role ? `as ${e(g.role)}` : "", g.article.publishedAt ? "" : e(dayOf(g.date))].filter(Boolean).join(" · ")));
  }
  const first = a.matches[0]?.quotes[0];
  return { text: first ? `${e(a.person.name)}: “${e(first.text)}”` : e(quotesSummary(a)), blocks };
}

function person(a: Extract<Answer, { kind: "person" }>): SlackMessage {
  const facts = [e(seenLine(a))];
  if (a.roles.length) facts.push(`*Roles:* ${e(rolesLine(a))}`);
  if (a.organisations.length) facts.push(`*Organisations:* ${a.organisations.map(e).join(", ")}`);
  if (a.topics.length) facts.push(`*Topics:* ${a.topics.map(e).join(", ")}`);
  const blocks: Block[] = [header(e(a.person.name)), section(facts.join("\n"))];
  for (const r of a.recent) blocks.push(section(`> “${e(r.quote.text)}”`), context(`${articleLine(r.article)}${r.article.publishedAt ? "" : ` · ${e(dayOf(r.date))}`}`));
  return { text: `${e(personLabel(a.person))}: ${e(seenLine(a))}`, blocks };
}

function which(a: Extract<Answer, { kind: "which_person" }>): SlackMessage {
  const lines = a.candidates.map((c) => `• ${e(candidateLine(c))}`);
  const blocks: Block[] = [section(`*${e(whichQuestion(a))}*\n${lines.join("\n")}`), context(e(whichHint(a)))];
  return { text: `${e(whichQuestion(a))} ${a.candidates.map((c) => e(c.name)).join(", ")}`, blocks };
}

function notFound(a: Extract<Answer, { kind: "not_found" }>): SlackMessage {
  if (a.intent === "quotes" || a.intent === "person") {
    const words = e(noPersonText(a.query, a.suggestions));
    return { text: words, blocks: [section(words)] };
  }
  const said = NOT_FOUND[a.intent](e(a.query));
  const blocks: Block[] = [section(said)];
  if (a.suggestions.length) blocks.push(context(`Did you mean: ${a.suggestions.map((s) => `*${e(s)}*`).join(", ")}?`));
  if (a.known?.length) blocks.push(context(`Topics I know: ${a.known.map((s) => `*${e(s)}*`).join(", ")}`));
  return { text: said, blocks };
}

function help(a: Extract<Answer, { kind: "help" }>): SlackMessage {
  const lines = a.commands.map((c) => `\`${e(c.usage)}\` ${e(c.description)}`);
  return { text: "What briefbot can do", blocks: [section(`*What I can do*\n${lines.join("\n")}`)] };
}

/** An answer as a Slack message, within every Slack limit. */
export function answerToSlack(answer: Answer, options: AnswerRenderOptions = {}): SlackMessage {
  const o: Resolved = { ...DEFAULTS, ...options };
  switch (answer.kind) {
    case "brief":
      return fitMessage(brief(answer, o));
    case "story":
      return fitMessage(story(answer, o));
    case "whosaid":
      return fitMessage(whosaid(answer, o));
    case "figures":
      return fitMessage(figures(answer, o));
    case "topics":
      return fitMessage(topics(answer, o));
    case "not_found":
      return fitMessage(notFound(answer));
    case "help":
      return fitMessage(help(answer));
    case "trend":
      return fitMessage(trend(answer, o));
    case "quotes":
      return fitMessage(quotes(answer, o));
    case "person":
      return fitMessage(person(answer));
    case "which_person":
      return fitMessage(which(answer));
  }
}

/** A short reply in words (errors, confirmations), escaped and within limits. */
export const noticeToSlack = (words: string): SlackMessage => fitMessage({ text: e(words), blocks: [section(e(words))] });

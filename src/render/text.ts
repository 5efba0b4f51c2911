// Cards as plain text (console, terminals) and Markdown (files, chat fallbacks).
import type { BriefingCard, Figure, Quote } from "../core/index.js";

const speakerLine = (q: Quote) =>
  q.speaker ? `${q.speaker.name}${q.speaker.role ? `, ${q.speaker.role}` : ""}` : "unattributed";

// Formatters built once: toLocaleString with options builds a new one per call (most of a Slack ack's CPU).
const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const LARGE = new Intl.NumberFormat("en-US", { notation: "compact", compactDisplay: "long", maximumFractionDigits: 2 });
const MONEY = new Map<string, Intl.NumberFormat>();
/** Indian rupees in the scales Indian readers use: "₹3,500 crore", "₹1.2 lakh", "₹1.5 lakh crore". */
const rupees = (v: number): string | undefined => {
  if (Math.abs(v) >= 1e12) return `₹${NUMBER.format(v / 1e12)} lakh crore`;
  if (Math.abs(v) >= 1e7) return `₹${NUMBER.format(v / 1e7)} crore`;
  if (Math.abs(v) >= 1e5) return `₹${NUMBER.format(v / 1e5)} lakh`;
  return undefined;
};

const money = (v: number, currency: string): string => {
  if (currency === "INR") {
    const r = rupees(v);
    if (r) return r;
  }
  const compact = Math.abs(v) >= 1e6;
  const key = `${currency}:${compact}`;
  let f = MONEY.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat("en-US", { style: "currency", currency, notation: compact ? "compact" : "standard", minimumFractionDigits: 0, maximumFractionDigits: 2 });
    } catch {
      return `${NUMBER.format(v)} ${currency}`; // not an ISO code Intl knows
    }
    MONEY.set(key, f);
  }
  return f.format(v);
};

/** "2.8 million", "30,000", "$2.3B", "₹35B", "7.5%": what a reader takes in at a glance. */
export const formatValue = (f: Figure): string => {
  const n = (v: number) => (Math.abs(v) >= 1e6 ? LARGE.format(v) : NUMBER.format(v));
  if (f.kind === "percent") return `${n(f.value)}%`;
  if (f.kind === "year") return String(f.value);
  if (f.kind === "money" && f.currency) {
    const m = f.valueMax !== undefined ? `${money(f.value, f.currency)}-${money(f.valueMax, f.currency)}` : money(f.value, f.currency);
    return `${f.qualifier ? `${f.qualifier} ` : ""}${m}`;
  }
  // "one in five patients", "half the staff": a share of what is counted, not 0.2 patients.
  if (f.kind === "count" && f.valueMax === undefined && f.value > 0 && f.value < 1 && f.unit) {
    return `${f.qualifier ? `${f.qualifier} ` : ""}${n(f.value * 100)}% of ${f.unit}`;
  }
  const range = f.valueMax !== undefined ? `${n(f.value)}-${n(f.valueMax)}` : n(f.value);
  if (f.kind === "money") return `${range} ${f.unit ?? ""}`.trim();
  return `${f.qualifier ? `${f.qualifier} ` : ""}${range}${f.unit ? ` ${f.unit}` : ""}`;
};

const figureLine = (f: Figure) => `${formatValue(f)}${f.about && f.about !== f.unit ? ` (${f.about})` : ""}`;

/** The words for a card made from less than the article (CardSource.excerpt). */
export const EXCERPT_NOTE = { feed: "from the feed's summary (the page could not be fetched)" } as const;

const sourceLine = (c: BriefingCard) =>
  [c.source.publisher, c.source.publishedAt, c.source.url ?? c.source.path, c.source.excerpt && EXCERPT_NOTE[c.source.excerpt]].filter(Boolean).join(" · ");

export function cardToText(card: BriefingCard): string {
  const out: string[] = [card.title, "=".repeat(Math.min(card.title.length, 72))];
  const src = sourceLine(card);
  if (src) out.push(src);
  out.push("");
  for (const b of card.summary) out.push(`• ${b}`);
  const direct = card.quotes.filter((q) => q.kind === "direct");
  if (direct.length) {
    out.push("", "Quotes");
    for (const q of direct) out.push(`  “${q.text}”`, `     — ${speakerLine(q)}`);
  }
  if (card.figures.length) {
    out.push("", "Figures");
    for (const f of card.figures) out.push(`  ${figureLine(f)}`);
  }
  const people = card.entities.filter((e) => e.type === "person");
  if (people.length) out.push("", `People: ${people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join("; ")}`);
  if (card.topics.length) out.push(`Topics: ${card.topics.join(", ")}`);
  out.push(`${card.stats.words} words · ${card.stats.readingMinutes} min read`);
  return out.join("\n") + "\n";
}

/** Markdown special characters in article text are escaped so they show as written. */
export const escapeMarkdown = (s: string) => s.replace(/([\\`*_{}[\]()#+!|<>~])/g, "\\$1");

export function cardToMarkdown(card: BriefingCard): string {
  const e = escapeMarkdown;
  const out: string[] = [`## ${e(card.title)}`];
  const src = sourceLine(card);
  if (src) out.push("", `_${e(src)}_`);
  out.push("");
  for (const b of card.summary) out.push(`- ${e(b)}`);
  const direct = card.quotes.filter((q) => q.kind === "direct");
  if (direct.length) {
    out.push("", "### Quotes");
    for (const q of direct) out.push("", `> ${e(q.text)}`, `> — **${e(speakerLine(q))}**`);
  }
  if (card.figures.length) {
    out.push("", "### Figures", "", "| figure | what | sentence |", "| --- | --- | --- |");
    for (const f of card.figures) out.push(`| ${e(formatValue(f))} | ${e(f.about ?? "")} | ${e(f.sentence)} |`);
  }
  if (card.topics.length) out.push("", `**Topics:** ${card.topics.map(e).join(", ")}`);
  return out.join("\n") + "\n";
}

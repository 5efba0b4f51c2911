// A trend (a figure across articles) in words: value labels, a one-line sparkline, a text table.
// Shared by the console, `ask`, Slack and Discord so every surface says the same.
import sparkly from "sparkly";
import type { TrendPoint, TrendSeries } from "../trends/index.js";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** "over 100,000", "9,000", "20-30": the value with the article's qualifier. */
export function pointValue(p: TrendPoint): string {
  const v = p.valueMax !== undefined ? `${NUMBER.format(p.value)}-${NUMBER.format(p.valueMax)}` : NUMBER.format(p.value);
  return p.qualifier ? `${p.qualifier.toLowerCase()} ${v}` : v;
}

/** The outlet a point came from: the publisher, else the link's host, else the title. */
export function pointSource(p: TrendPoint): string {
  if (p.article.publisher) return p.article.publisher;
  try {
    if (p.article.url) return new URL(p.article.url).hostname.replace(/^www\./, "");
  } catch {
    /* not a URL: the title says where it came from */
  }
  return p.article.title;
}

export const pointDate = (p: TrendPoint): string => p.publishedAt.slice(0, 10);

/** "▁▄█": one character per point, low to high. */
export const sparkline = (values: readonly number[]): string => sparkly([...values]);

/** What the series counts, for titles: "evacuees (people)". */
export function trendTitle(t: TrendSeries): string {
  const unit = t.unit && !t.what.toLowerCase().includes(t.unit.toLowerCase()) ? ` (${t.unit})` : "";
  return `${t.what}${unit}${t.topic ? ` in ${t.topic}` : ""}`;
}

/** One line: first and last values and how much it moved. */
export function trendSummary(t: TrendSeries): string {
  const first = t.series[0];
  const last = t.series.at(-1);
  if (!first || !last) return `No figures for ${t.what}.`;
  if (t.series.length === 1) return `Only one article gives ${trendTitle(t)}: ${pointValue(first)} (${pointSource(first)}, ${pointDate(first)}), so there is no change to chart yet.`;
  const change = first.value ? ` (${last.value >= first.value ? "+" : ""}${NUMBER.format(((last.value - first.value) / first.value) * 100)}%)` : "";
  return `${trendTitle(t)}: from ${pointValue(first)} on ${pointDate(first)} to ${pointValue(last)} on ${pointDate(last)}${change}, in ${t.series.length} articles.`;
}

/** The series as plain text: summary, sparkline, then a table (date, value, source, title). */
export function trendToText(t: TrendSeries): string {
  const out = [trendSummary(t)];
  if (t.series.length > 1) out.push(`  ${sparkline(t.series.map((p) => p.value))}`);
  const rows = t.series.map((p) => [pointDate(p), pointValue(p), pointSource(p), p.article.title]);
  const width = (i: number) => Math.max(...rows.map((r) => r[i]!.length));
  const w = [width(0), width(1), width(2)];
  for (const r of rows) out.push(`  ${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padEnd(w[2]!)}  ${r[3]}`);
  return out.join("\n") + "\n";
}

// A story's sources and disagreements in words, the same on every surface (each escapes them
// for its own markup): "3 sources: A, B, C", "Sources differ: 100,000 troops (A, 09:10) vs 130,000 (B, 11:45)".
import type { StoryFlag, StorySummary as StoryRef } from "../core/index.js";

type Source = StoryRef["sources"][number];

function outlet(a: Pick<Source, "publisher" | "url">): string {
  if (a.publisher) return a.publisher;
  try {
    return a.url ? new URL(a.url).hostname.replace(/^www\./, "") : "unknown source";
  } catch {
    return "unknown source";
  }
}

/** The outlets of a story, each once, in the order they reported. */
export const storyOutlets = (s: StoryRef): string[] => [...new Set(s.sources.map(outlet))];

/** "3 sources: A, B, C"; "1 source: A". */
export function sourcesLine(s: StoryRef): string {
  const o = storyOutlets(s);
  return `${o.length} ${o.length === 1 ? "source" : "sources"}: ${o.join(", ")}`;
}

const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
const hhmm = (d: Date) => `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;

/** "09:10" when both reports are of one day (UTC), else "1 Jun 09:10". */
function when(t: number, other: number): string {
  const d = new Date(t);
  const sameDay = new Date(other).toISOString().slice(0, 10) === d.toISOString().slice(0, 10);
  return sameDay ? hhmm(d) : `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${hhmm(d)}`;
}

const QUOTE_WORDS = 12;

/** One flag in words; the articles are looked up in the story for their outlet and time. */
export function flagLine(s: StoryRef, f: StoryFlag): string {
  const [a, b] = f.articles.map((id) => s.sources.find((x) => x.id === id)) as [Source | undefined, Source | undefined];
  const at = (x: Source | undefined, other: Source | undefined) => (x ? ` (${outlet(x)}, ${when(x.time, other?.time ?? x.time)})` : "");
  const versions = `${f.values[0]}${at(a, b)} vs ${f.values[1]}${at(b, a)}`;
  if (f.kind === "figure") return `Sources differ: ${versions}`;
  const words = f.what.split(" ");
  const quote = words.length > QUOTE_WORDS ? `${words.slice(0, QUOTE_WORDS).join(" ")}…` : f.what;
  return `Sources differ on who said “${quote}”: ${versions}`;
}

export const flagLines = (s: StoryRef): string[] => s.flags.map((f) => flagLine(s, f));

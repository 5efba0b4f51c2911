// Free text -> Intent. Slash commands ("/brief ukraine"), bare commands ("brief ukraine") and
// plain questions ("who said \"prevent one\"?", "how many troops has Russia amassed?").
import type { Intent } from "./types.js";

const QUOTE_MARKS = /^["“”'‘’«»]+|["“”'‘’«»]+$/g;

/** The words asked about, without surrounding quote marks or a trailing question mark. */
function clean(s: string): string {
  return s.trim().replace(/[?!.]+$/, "").trim().replace(QUOTE_MARKS, "").replace(/[?!]+$/, "").trim();
}

const WHO_SAID = /^(?:who\s*said|who\s+says|who\s+has\s+said|who\s+was\s+quoted\s+(?:as\s+)?saying|quote|whosaid)\b[\s:,]*([\s\S]*)$/i;
const BRIEF = /^(?:brief(?:ing)?|news|latest|summary|summarize|summarise)\b(?:\s+(?:on|about|for|me\s+on))?[\s:,]*([\s\S]*)$/i;
const FIGURES = /^(?:figures?|numbers?|stats|statistics|facts)\b(?:\s+(?:on|about|for))?[\s:,]*([\s\S]*)$/i;
const FIGURE_QUESTION =
  /^(?:how\s+(?:many|much|big|large|long|far|old|high|tall)\b|what\s+(?:is|was|are|were|'s)\s+the\s+(?:number|population|size|amount|cost|toll|total|price|value|share|rate|percentage|figure)\b|(?:the\s+)?(?:population|number|size|cost|toll|price|amount|total)\s+of\b)/i;
const TOPICS = /^(?:topics?|(?:list|show)(?:\s+me)?(?:\s+the)?\s+topics|what\s+topics.*)$/i;
const HELP = /^(?:help|\?|commands|start|what\s+can\s+you\s+do\??)$/i;
const ABOUT = /^(?:what(?:'s|\s+is)\s+(?:new|happening|the\s+latest)\s+(?:in|on|with|about)|tell\s+me\s+about|what\s+about|update\s+on)\s+([\s\S]+)$/i;
const QUOTED = /["“«‘]([^"“”«»‘’]{3,})["”»’]/;

/** The slash commands every adapter answers (and the words they may be typed as). */
export const SLASH_COMMANDS = ["brief", "whosaid", "figures", "topics", "help"] as const;
const COMMAND_WORDS = /^(?:brief(?:ing)?|news|latest|summary|summari[sz]e|who\s*said|whosaid|quote|figures?|numbers?|stats|statistics|facts|topics?|help|commands)$/i;

/** Whether "/word ..." names a command briefbot knows ("/brief", "/figure"), for "unknown command" replies. */
export function isKnownCommand(line: string): boolean {
  const m = /^\/\s*([^\s]+)/.exec(line.trim());
  return !m || COMMAND_WORDS.test(m[1]!);
}

export function parseQuestion(text: string): Intent {
  const t = text.trim().replace(/^[/!]\s*/, "").trim();
  if (!t || HELP.test(t)) return { kind: "help" };
  if (TOPICS.test(t)) return { kind: "topics" };
  let m = WHO_SAID.exec(t);
  // A bare command ("/brief", "/whosaid") has nothing to look up: show how to use it.
  if (m) return clean(m[1]!) ? { kind: "whosaid", words: clean(m[1]!) } : { kind: "help" };
  m = FIGURES.exec(t);
  if (m) return m[1]!.trim() ? { kind: "figures", topic: clean(m[1]!) } : { kind: "help" };
  m = BRIEF.exec(t);
  if (m) return m[1]!.trim() ? { kind: "brief", topic: clean(m[1]!) } : { kind: "help" };
  if (FIGURE_QUESTION.test(t)) return { kind: "figures", topic: clean(t), question: t };
  m = ABOUT.exec(t);
  if (m) return { kind: "brief", topic: clean(m[1]!) };
  m = QUOTED.exec(t);
  if (m) return { kind: "whosaid", words: clean(m[1]!) };
  return { kind: "brief", topic: clean(t) };
}

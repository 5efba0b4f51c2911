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
const STORY = /^stor(?:y|ies)\b[\s:,]*(\S*)\s*$/i;
const FIGURES = /^(?:figures?|numbers?|stats|statistics|facts)\b(?:\s+(?:on|about|for))?[\s:,]*([\s\S]*)$/i;
const FIGURE_QUESTION =
  /^(?:how\s+(?:many|much|big|large|long|far|old|high|tall)\b|what\s+(?:is|was|are|were|'s)\s+the\s+(?:number|population|size|amount|cost|toll|total|price|value|share|rate|percentage|figure)\b|(?:the\s+)?(?:population|number|size|cost|toll|price|amount|total)\s+of\b)/i;
// Trends: "/trend troops in ukraine", "how has the troop count changed?", "troops at the border
// over time", "death toll of the flood".
const TREND = /^(?:trends?|over\s+time)\b[\s:,]*([\s\S]*)$/i;
const TREND_CHANGE =
  /^how\s+(?:has|have|did|does|do|is|are)\s+(?:the\s+)?(.+?)\s+(?:changed?|changing|grown|grow|risen|rise|fallen|fall|evolved?|moved?|developed?|gone|been\s+changing)\b([\s\S]*)$/i;
const OVER_TIME = /^(?:show\s+(?:me\s+)?)?(?:the\s+)?(.+?)\s+(?:over\s+time|so\s+far|day\s+by\s+day)$/i;
const TOLL = /^(?:what\s+(?:is|was|'s)\s+)?(?:the\s+)?((?:death\s+)?toll)\s+(?:of|in|from)\s+(?:the\s+)?([\s\S]+)$/i;
// People: "/quotes sorensen about the dam", "quotes from the emergency director", "what has X said
// about the dam?", "what did X say?", "/person sorensen", "who is helga sorensen?".
const QUOTES = /^(?:quotes|quotations)\b(?:\s+(?:from|by|of))?[\s:,]*([\s\S]*)$/i;
const SAID_WHAT =
  /^what\s+(?:did|does|do|has|have|had|is|was|were)\s+(.+?)\s+(?:said|say|says|saying|told|tell)\b(?:\s+(?:us|reporters|the\s+press))?(?:\s+(?:about|on|of|regarding|over)\s+([\s\S]+))?[\s?.!]*$/i;
const PERSON = /^(?:person|profile|who\s+is|who's)\b[\s:,]*([\s\S]*)$/i;
const TOPICS = /^(?:topics?|(?:list|show)(?:\s+me)?(?:\s+the)?\s+topics|what\s+topics.*)$/i;
const HELP = /^(?:help|\?|commands|start|what\s+can\s+you\s+do\??)$/i;
const ABOUT = /^(?:what(?:'s|\s+is)\s+(?:new|happening|the\s+latest)\s+(?:in|on|with|about)|tell\s+me\s+about|what\s+about|update\s+on)\s+([\s\S]+)$/i;
const QUOTED = /["“«‘]([^"“”«»‘’]{3,})["”»’]/;

/** The slash commands every adapter answers (and the words they may be typed as). */
export const SLASH_COMMANDS = ["brief", "whosaid", "quotes", "person", "figures", "trend", "story", "topics", "help"] as const;
const COMMAND_WORDS = /^(?:brief(?:ing)?|news|latest|summary|summari[sz]e|who\s*said|whosaid|quotes?|quotations|person|profile|stor(?:y|ies)|figures?|numbers?|stats|statistics|facts|trends?|topics?|help|commands)$/i;

/** Whether "/word ..." names a command briefbot knows ("/brief", "/figure"), for "unknown command" replies. */
export function isKnownCommand(line: string): boolean {
  const m = /^\/\s*([^\s]+)/.exec(line.trim());
  return !m || COMMAND_WORDS.test(m[1]!);
}

/** "troops at the border in ukraine" -> what and topic (after the last " in "). */
function trendIntent(what: string, topic?: string): Intent {
  let w = clean(what).replace(/^(?:the\s+)?(?:number|count|total|amount|level)\s+of\s+(?:the\s+)?/i, "");
  let t = topic === undefined ? undefined : clean(topic.replace(/^\s*(?:in|on|of|during|for)\s+(?:the\s+)?/i, ""));
  if (t === undefined) {
    const m = /^(.+?)\s+in\s+(?:the\s+)?(\S[\s\S]*)$/i.exec(w);
    if (m) (w = m[1]!.trim()), (t = m[2]!.trim());
  }
  return t ? { kind: "trend", what: w, topic: t } : { kind: "trend", what: w };
}

/** "sorensen about the dam" -> person and about (after the last " about "). */
function quotesIntent(person: string, about?: string): Intent {
  let p = clean(person);
  let a = about === undefined ? undefined : clean(about);
  if (a === undefined) {
    const m = /^(.+?)\s+(?:about|on|regarding)\s+(\S[\s\S]*)$/i.exec(p);
    if (m) (p = m[1]!.trim()), (a = clean(m[2]!));
  }
  return a ? { kind: "quotes", person: p, about: a } : { kind: "quotes", person: p };
}

export function parseQuestion(text: string): Intent {
  const t = text.trim().replace(/^[/!]\s*/, "").trim();
  if (!t || HELP.test(t)) return { kind: "help" };
  if (TOPICS.test(t)) return { kind: "topics" };
  let m = QUOTES.exec(t);
  if (m) return clean(m[1]!) ? quotesIntent(m[1]!) : { kind: "help" };
  m = SAID_WHAT.exec(t);
  if (m) return quotesIntent(m[1]!, m[2]);
  m = PERSON.exec(t);
  if (m) return clean(m[1]!) ? { kind: "person", name: clean(m[1]!) } : { kind: "help" };
  m = WHO_SAID.exec(t);
  if (m) return clean(m[1]!) ? { kind: "whosaid", words: clean(m[1]!) } : { kind: "help" };
  // A bare command ("/brief") has nothing to look up: show how to use it.
  m = FIGURES.exec(t);
  if (m) return m[1]!.trim() ? { kind: "figures", topic: clean(m[1]!) } : { kind: "help" };
  m = BRIEF.exec(t);
  if (m) return m[1]!.trim() ? { kind: "brief", topic: clean(m[1]!) } : { kind: "help" };
  m = STORY.exec(t);
  if (m) return m[1] ? { kind: "story", id: m[1] } : { kind: "help" };
  m = TREND.exec(t);
  if (m) return clean(m[1]!) ? trendIntent(m[1]!) : { kind: "help" };
  m = TREND_CHANGE.exec(t);
  if (m) return trendIntent(m[1]!, clean(m[2]!) || undefined);
  m = TOLL.exec(t);
  if (m) return trendIntent(m[1]!, m[2]!);
  m = OVER_TIME.exec(t);
  if (m) return trendIntent(m[1]!);
  if (FIGURE_QUESTION.test(t)) return { kind: "figures", topic: clean(t), question: t };
  m = ABOUT.exec(t);
  if (m) return { kind: "brief", topic: clean(m[1]!) };
  m = QUOTED.exec(t);
  if (m) return { kind: "whosaid", words: clean(m[1]!) };
  return { kind: "brief", topic: clean(t) };
}

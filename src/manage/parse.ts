// `/feeds ...` and `/digest ...` text (Slack, the console) and Discord's option fields into typed
// commands. Pure: every refusal is a ParseError naming what was wrong and the accepted forms.
import { parse as parseCron, validate as validateCron } from "node-cron";
import type { Weekday } from "../digest/index.js";
import { canonicalZone, suggestZones } from "./zones.js";
import type { DigestCommand, DigestSettings, FeedsCommand, ParseError, ParseErrorCode, Parsed } from "./types.js";

export const FEEDS_USAGE = [
  "/feeds add <url> [topics...]",
  "/feeds list",
  "/feeds remove <url|id>",
] as const;

export const DIGEST_USAGE = [
  '/digest here at 07:00 [Europe/London] [topics ukraine nato] [weekdays|every day|cron "0 7 * * 1-5"]',
  "/digest show | off | preview | send | history",
] as const;

const WEEKEND: readonly Weekday[] = ["sat", "sun"];

const fail = <T>(code: ParseErrorCode, message: string, usage: readonly string[]): Parsed<T> => ({ ok: false, error: { code, message, usage } });

/** Words, with "double", “curly” or 'single' quotes keeping spaces inside one word. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? "");
  return out;
}

/** Slack wraps links as <https://x|label> and escapes & < >. */
const unwrap = (w: string) => w.replace(/^<([^|>]+)(?:\|[^>]*)?>$/, "$1").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

function checkUrl(raw: string): Parsed<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("bad_url", `"${raw}" is not a web address: give the feed's full URL, starting with https://`, FEEDS_USAGE);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return fail("bad_url", `"${raw}": only http and https feeds can be polled`, FEEDS_USAGE);
  return { ok: true, command: url.href };
}

const TOPIC = /^[\p{L}\p{N}][\p{L}\p{N} '&.-]{0,59}$/u;

function checkTopics(words: readonly string[], usage: readonly string[]): Parsed<string[]> {
  const topics = [...new Set(words.map((w) => w.replace(/^#/, "").replace(/,$/, "").trim().toLowerCase()).filter(Boolean))];
  const bad = topics.find((t) => !TOPIC.test(t));
  if (bad !== undefined) return fail("bad_topics", `"${bad}" is not a topic: use words of letters and digits (at most 60 characters)`, usage);
  if (topics.length > 20) return fail("bad_topics", `${topics.length} topics: at most 20`, usage);
  return { ok: true, command: topics };
}

export function parseFeeds(text: string): Parsed<FeedsCommand> {
  const [action, ...rest] = tokenize(text.trim()).map(unwrap);
  switch (action?.toLowerCase()) {
    case undefined:
    case "help":
      return { ok: true, command: { kind: "feeds.help" } };
    case "list":
      return rest.length ? fail("unexpected_word", `"/feeds list" takes nothing after it (got "${rest.join(" ")}")`, FEEDS_USAGE) : { ok: true, command: { kind: "feeds.list" } };
    case "add": {
      const [raw, ...words] = rest;
      if (!raw) return fail("missing_url", "give the feed's URL after /feeds add", FEEDS_USAGE);
      const url = checkUrl(raw);
      if (!url.ok) return url;
      const topics = checkTopics(words, FEEDS_USAGE);
      if (!topics.ok) return topics;
      return { ok: true, command: { kind: "feeds.add", url: url.command, topics: topics.command } };
    }
    case "remove":
    case "rm":
    case "delete": {
      if (rest.length !== 1) return fail("missing_target", "give one feed to remove: its URL or its id from /feeds list", FEEDS_USAGE);
      return { ok: true, command: { kind: "feeds.remove", target: rest[0]! } };
    }
    default:
      return fail("unknown_action", `"/feeds ${action}" is not a feeds command`, FEEDS_USAGE);
  }
}

/** "7:00", "07:00", "0700" -> "07:00"; undefined when not a 24-hour time. */
export function normaliseTime(raw: string): string | undefined {
  const m = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(raw.trim());
  return m ? `${m[1]!.padStart(2, "0")}:${m[2]}` : undefined;
}

function checkTime(raw: string): Parsed<string> {
  const t = normaliseTime(raw);
  return t ? { ok: true, command: t } : fail("bad_time", `"${raw}" is not a time: give a 24-hour local time such as 07:00 or 18:30`, DIGEST_USAGE);
}

function checkZone(raw: string): Parsed<string> {
  const z = canonicalZone(raw);
  if (z) return { ok: true, command: z };
  const near = suggestZones(raw, 3);
  return fail("bad_zone", `"${raw}" is not an IANA time zone${near.length ? ` (did you mean ${near.join(", ")}?)` : ""}: use a name such as Europe/London, America/New_York or UTC`, DIGEST_USAGE);
}

function checkCron(raw: string): Parsed<string> {
  if (!validateCron(raw)) return fail("bad_cron", `"${raw}" is not a cron expression: five fields (minute hour day month weekday), in quotes`, DIGEST_USAGE);
  // A digest is a message to people: at most once a minute.
  if (parseCron(raw).second.length !== 1) return fail("bad_cron", `"${raw}" runs more than once a minute: give one value for seconds, or use five fields`, DIGEST_USAGE);
  return { ok: true, command: raw };
}

const looksLikeZone = (w: string) => w.includes("/") || /^(utc|gmt|z)$/i.test(w) || canonicalZone(w) !== undefined;
const KEYWORDS = new Set(["at", "topics", "topic", "weekdays", "every", "daily", "cron", "in", "tz", "all"]);

/** The fields Discord's options carry, or that `/digest here` text was split into. */
export interface DigestFields {
  time?: string;
  timezone?: string;
  /** Space- or comma-separated; "all" for every topic. */
  topics?: string;
  days?: "weekdays" | "every day";
  cron?: string;
}

/** Validates fields into settings: the one place both the text and Discord's options end. */
export function digestFromFields(f: DigestFields): Parsed<DigestCommand> {
  const settings: DigestSettings = {};
  if (f.cron !== undefined && f.time !== undefined) return fail("unexpected_word", "give either a time (at 07:00) or a cron schedule, not both", DIGEST_USAGE);
  if (f.cron !== undefined) {
    const c = checkCron(f.cron.trim());
    if (!c.ok) return c;
    settings.cron = c.command;
  } else if (f.time !== undefined) {
    const t = checkTime(f.time);
    if (!t.ok) return t;
    settings.time = t.command;
  } else return fail("missing_time", "say when: at 07:00 (a 24-hour local time), or cron \"...\"", DIGEST_USAGE);
  if (f.timezone !== undefined) {
    const z = checkZone(f.timezone);
    if (!z.ok) return z;
    settings.timezone = z.command;
  }
  if (f.topics !== undefined) {
    const words = f.topics.split(/[\s,]+/).filter(Boolean);
    if (words.length === 1 && words[0]!.toLowerCase() === "all") settings.topics = "all";
    else {
      const t = checkTopics(words, DIGEST_USAGE);
      if (!t.ok) return t;
      if (t.command.length) settings.topics = t.command;
    }
  }
  if (f.days !== undefined) settings.quietDays = f.days === "weekdays" ? WEEKEND : [];
  return { ok: true, command: { kind: "digest.set", settings } };
}

function parseHere(words: string[]): Parsed<DigestCommand> {
  const f: DigestFields = {};
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const lw = w.toLowerCase();
    if (lw === "at") {
      const t = words[++i];
      if (t === undefined) return fail("missing_time", 'give a time after "at", such as at 07:00', DIGEST_USAGE);
      f.time = t;
    } else if (normaliseTime(w) && w.includes(":")) f.time = w;
    else if (lw === "weekdays") f.days = "weekdays";
    else if (lw === "daily" || lw === "everyday") f.days = "every day";
    else if (lw === "every" && words[i + 1]?.toLowerCase() === "day") (f.days = "every day"), i++;
    else if (lw === "cron") {
      const c = words[++i];
      if (c === undefined) return fail("bad_cron", 'give the cron expression in quotes after "cron"', DIGEST_USAGE);
      f.cron = c;
    } else if (lw === "topics" || lw === "topic") {
      if (words[i + 1]?.toLowerCase() === "all") {
        f.topics = "all";
        i++;
        continue;
      }
      const picked: string[] = [];
      while (i + 1 < words.length && !KEYWORDS.has(words[i + 1]!.toLowerCase()) && !looksLikeZone(words[i + 1]!)) picked.push(words[++i]!);
      if (!picked.length) return fail("bad_topics", 'give topics after "topics", or "topics all"', DIGEST_USAGE);
      f.topics = picked.join(" ");
    } else if (lw === "all") f.topics = "all";
    else if (lw === "in" || lw === "tz") {
      const z = words[++i];
      if (z === undefined) return fail("bad_zone", `give a time zone after "${w}"`, DIGEST_USAGE);
      f.timezone = z;
    } else if (looksLikeZone(w)) f.timezone = w;
    else return fail("unexpected_word", `"${w}" is not part of a digest schedule`, DIGEST_USAGE);
  }
  return digestFromFields(f);
}

export function parseDigest(text: string): Parsed<DigestCommand> {
  const [action, ...rest] = tokenize(text.trim());
  const simple = (kind: Exclude<DigestCommand["kind"], "digest.set">): Parsed<DigestCommand> =>
    rest.length ? fail("unexpected_word", `"/digest ${action}" takes nothing after it (got "${rest.join(" ")}")`, DIGEST_USAGE) : { ok: true, command: { kind } as DigestCommand };
  switch (action?.toLowerCase()) {
    case undefined:
    case "help":
      return { ok: true, command: { kind: "digest.help" } };
    case "here":
    case "set":
      return parseHere(rest);
    case "show":
    case "status":
      return simple("digest.show");
    case "off":
    case "stop":
      return simple("digest.off");
    case "preview":
      return simple("digest.preview");
    case "send":
    case "now":
      return simple("digest.send");
    case "history":
    case "log":
      return simple("digest.history");
    default:
      return fail("unknown_action", `"/digest ${action}" is not a digest command`, DIGEST_USAGE);
  }
}

export type { ParseError };

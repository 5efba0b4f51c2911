// Direct quote, partial quote, or no quote at all (a title, a heading, a scare-quoted word).
import { sentenceAt, tagIn, type Doc, type PosTag } from "../../text/index.js";
import type { QuotedSpan } from "./marks.js";
import { BLANK, endsWithoutCue } from "./continues.js";
import { ROLE_MODIFIERS, ROLE_NOUNS, TITLES } from "../entities/lexicon.js";
import { PARTIAL_CUES, PHRASAL, SPEECH_NOUNS, SPEECH_VERBS } from "../speakers/lexicon.js";

export type SpanKind = "direct" | "partial" | "title";

// Words that announce a title in quotation marks ("the book “The Art of the Deal”").
const TITLE_BEFORE = /\b(book|books|film|movie|song|album|show|series|episode|article|essay|column|op-ed|headline|poem|play|documentary|podcast|titled|entitled|known as|named|report|memoir|novel|speech|segment|program|programme|campaign|slogan|ad|video)\s*,?\s*$/i;

// Roles in a work that follow its title ("“Harbour Lights” star", "the ‘Tidewatch’ co-host"), capitalised in a
// headline ("‘Tidewatch’ Star Opens Up").
const WORK_ROLE_AFTER = /^(?:[\p{Lu}][\p{L}.]*\s+)?([Ss]tars?|[Cc]o-[Ss]tar|[Hh]ost|[Cc]o-[Hh]ost|[Cc]reator|[Cc]o-[Cc]reator|[Ss]howrunner|[Aa]ctor|[Aa]ctress|[Aa]nchor|[Aa]uthor|[Nn]arrator)\b/u;

/** What a quoted span is; `prev` and `following` are the spans beside it, for split quotes and lists. */
export function spanKind(doc: Doc, span: QuotedSpan, prev?: QuotedSpan, following?: QuotedSpan): SpanKind {
  const { text } = doc;
  const inner = text.slice(span.start, span.end);
  const words = inner.split(/\s+/).filter(Boolean);
  let i = span.open - 1;
  while (i >= 0 && BLANK.test(text[i]!)) i--;
  const left = i >= 0 ? text[i]! : "\n";
  const para = doc.paragraphs[span.firstParagraph]!;
  const alone = span.open === para.start && span.close >= para.end - 1;
  const before = text.slice(Math.max(0, span.open - 40), span.open);
  let j = span.close;
  while (j < text.length && BLANK.test(text[j]!)) j++;
  // A heading in marks: a short paragraph of capitalised words.
  if (alone && words.length <= 8 && titleCase(words)) return "title";
  // A one-word paragraph in marks: a label or a heading ("“Related:”"), not someone's words.
  if (alone && words.length === 1) return "title";
  // A title of a work before the role of someone in it ("“Harbour Lights” star Ana Ruiz", "‘Tidewatch’ host").
  if (words.length <= 8 && titleCase(words.length === 1 ? [...words, words[0]!] : words) && WORK_ROLE_AFTER.test(text.slice(j, j + 30))) return "title";
  // A programme's name where someone spoke ("she said Sunday on ABC's “Harbour Hour”"): where it was said, not what.
  if (words.length <= 8 && titleCase(words.length === 1 ? [...words, words[0]!] : words) && spokenOn(before)) return "title";
  // A subhead: a short paragraph in single marks, in an article that quotes people in double marks.
  if (alone && span.single && words.length <= 8 && /["“”]|''/.test(text)) return "title";
  // A title after a title noun ("her book, ''Salt and Iron''"), or a nickname between names.
  if (words.length <= 12 && /^\p{Lu}/u.test(inner) && (titleCase(words) || words.length <= 2) && TITLE_BEFORE.test(before)) return "title";
  if (words.length === 1 && !span.single && /\p{Lu}[\p{L}.]*\s$/u.test(before) && /^\p{Lu}/u.test(text.slice(j, j + 1)) && /^\p{Lu}/u.test(inner)) return "title";
  // Inside a clause: a partial quote, unless it is the whole object of a verb of saying and runs to the
  // end of the sentence ("Okoro said “the pumps held.”", "she wrote that “nothing works.”").
  if (/[\p{L}\p{N}]/u.test(left)) return objectOfSpeech(doc, span, j) ? "direct" : "partial";
  // A gloss in parentheses inside the writer's sentence ("free markets (“jobs for all”) and"), or one item of a list
  // of quoted phrases (“Law and Order,” “Peace” and “Hope”): words cited, not a quote standing alone.
  if (left === "(" && text[j] === ")" && span.open > para.start + 1) return "partial";
  if ((prev && listed(doc, prev, span)) || (following && listed(doc, span, following))) return "partial";
  // The close of a clause the writer opened with "that" ("she said that once the vote is in, “We go home.”"):
  // the report begins at "that", so the quoted words are only part of it.
  if ((left === "," || left === ":") && thatClauseBefore(doc, span)) return "partial";
  // The writer's own opening phrase, then the quoted words ("If the rain holds off, “we plant on Monday,” she
  // said"): the sentence is the writer's, with the quote inside it.
  if (left === "," && writersOpening(doc, span)) return "partial";
  // A report inside a report ("“We go home,” she said, according to two aides"): the aides are the source, and
  // what they report holds the words of saying around the quote.
  if (nestedReport(doc, span)) return "partial";
  // Quoted words that run on into the writer's own ("“You squeezed employees” to drive up the price").
  const next = /^\p{Ll}[\p{L}'’-]*/u.exec(text.slice(j, j + 30))?.[0];
  if (span.closed && next && !cueFollows(next)) return "partial";
  // The same in a headline in Title Case, where the words that run on are capitalised ("‘Quiet’ Streets Return").
  const capital = /^\p{Lu}[\p{L}'’-]*/u.exec(text.slice(j, j + 30))?.[0];
  if (span.closed && capital && !cueFollows(capital) && titleCaseLine(doc, span)) return "partial";
  // Examples inside the writer's sentence: "including, “...”", "things such as, “...”".
  if (/\b(including|such as|like)\s*,?\s*$/i.test(before)) return "partial";
  // "said that, “...": a fragment inside the writer's sentence.
  if (/\bthat,?\s*$/i.test(before) && !/^[\p{Lu}]/u.test(inner)) return "partial";
  // Lower case after a comma or dash ("Okoro said, “we were stunned.”"), unless it finishes a split quote.
  const between = prev ? text.slice(prev.close, span.open) : "";
  const sameSentence = !!prev && sentenceAt(doc, Math.max(prev.start, prev.close - 1))?.index === sentenceAt(doc, span.open)?.index;
  const split = !!prev && prev.close <= span.open && !between.includes("\n") && sameSentence && /,["”'’`]*$/.test(text.slice(prev.start, prev.close));
  if (/^\p{Ll}/u.test(inner) && /[,:—–-]\s*$/.test(before) && !split) return "partial";
  if (dashLed(doc, span, j)) return "partial";
  return "direct";
}

/**
 * A sentence in marks after a dash that closes the writer's own clause ("The town had one answer for the
 * flood — “We rebuild.”"): the writer's words lead into the quote, so it is part of a partial report. At
 * least three words before the dash, the last neither capitalised (a name: "Ada Moss — “...”" is a cue)
 * nor a verb of saying; nothing after the closing mark but punctuation and then a paragraph break or a
 * new sentence. `after` is the first non-blank offset after the closing mark.
 */
function dashLed(doc: Doc, span: QuotedSpan, after: number): boolean {
  const { text } = doc;
  const dash = /(?:[—–]|(?:^|\s)--?)$/.test(text.slice(Math.max(0, span.open - 6), span.open).trimEnd());
  if (!dash || !span.closed || !/^[\p{Lu}\p{N}]/u.test(text.slice(span.start, span.end))) return false;
  const sentence = sentenceAt(doc, span.open);
  if (!sentence || sentence.start >= span.open) return false;
  const lead = text.slice(sentence.start, span.open).replace(/\s*(?:[—–]|--?)\s*$/, "");
  if (/["“”]|''/.test(lead)) return false;
  const ws = [...lead.matchAll(/[\p{L}\p{N}’'-]+/gu)].map((w) => w[0]);
  const last = ws.at(-1);
  if (ws.length < 3 || !last || /^\p{Lu}/u.test(last) || SPEECH_VERBS.has(last.toLowerCase()) || PHRASAL.has(last)) return false;
  return endsWithoutCue(doc, span) && after >= span.close;
}

// Saying, speaking or appearing, the time, then "on" and a broadcaster's possessive, before the marks. Only verbs
// whose "on" names the medium: after "insisted", "commented" or "agreed", "on" brings what was said about.
const SPOKEN_ON = /\b([\p{L}]+)(?:\s+(?:\p{Lu}\p{Ll}+day|morning|night|evening|afternoon|by telephone|by phone))*\s+on\s+(?:(?:\p{Lu}[\p{L}.&]*\s+){0,3}\p{Lu}[\p{L}.&]*['’]s?\s+)?$/u;
const SPOKEN_ON_VERBS = new Set(
  "say says said saying state states stated stating speak speaks spoke speaking appear appears appeared appearing appearance interview interviewed".split(" "),
);

function spokenOn(before: string): boolean {
  const verb = SPOKEN_ON.exec(before)?.[1]?.toLowerCase();
  return !!verb && SPOKEN_ON_VERBS.has(verb);
}

/** Two short quoted phrases side by side in one line, parted by a comma, "and" or "or" only. */
function listed(doc: Doc, a: QuotedSpan, b: QuotedSpan): boolean {
  const { text } = doc;
  if (a.close > b.open || !a.closed) return false;
  // The comma of the first may stand inside its marks (“Law and Order,” “Peace”), left out of its text.
  const first = text.slice(a.start, a.close);
  const between = text.slice(a.close, b.open);
  const short = (s: QuotedSpan) => text.slice(s.start, s.end).split(/\s+/).length <= 6;
  if (!short(a) || !short(b) || /[.!?…]["”’'`]*$/.test(first) || !/^[^\S\n]*,?[^\S\n]*(?:(?:and|or)[^\S\n]+)?$/.test(between)) return false;
  return /,["”’'`]*$/.test(first) || /[,\p{L}]/u.test(between);
}

/**
 * The span is the whole object of a verb of saying and a clause of its own: it follows the verb (and
 * "that", or an object and "that") at once, ends its sentence, and is a sentence (capitalised) or a clause
 * with a subject before its verb ("she wrote that “when it rains, it floods.”", not "he says he goes “back to
 * work tomorrow.”" nor "urging “a politics of hope.”").
 * `after` is the first non-blank offset after the closing mark.
 */
function objectOfSpeech(doc: Doc, span: QuotedSpan, after: number): boolean {
  const { text } = doc;
  const from = Math.max(0, span.open - 40);
  // The verb, or the verb, up to three words of its object and "that" ("told the council that"),
  // with nothing but words between it and the marks.
  const lead = [...text.slice(from, span.open).matchAll(/[\p{L}’'.-]+/gu)];
  const isVerb = (x: RegExpMatchArray | undefined) => !!x && SPEECH_VERBS.has(x[0].toLowerCase()) && !PHRASAL.has(x[0]);
  const that = lead.at(-1)?.[0].toLowerCase() === "that" ? 1 : 0;
  const m = isVerb(lead.at(-1 - that)) ? lead.at(-1 - that) : that ? lead.slice(-5, -2).reverse().find(isVerb) : undefined;
  if (!m || !/^[\s\p{L}’'.-]*$/u.test(text.slice(from + m.index! + m[0].length, span.open))) return false;
  const inner = text.slice(span.start, span.end);
  const ends = /[.!?…]$/.test(inner) ? after >= text.length || /[\s\p{Lu}"“'‘(]/u.test(text[span.close] ?? " ") : /^[.!?]/.test(text.slice(span.close, span.close + 1));
  const sentence = sentenceAt(doc, span.open);
  if (!ends || !sentence) return false;
  // Tagged in its sentence (once per card, shared with the figures): the word is a verb there, not a noun ("her remarks “...”").
  const tokens = tagIn(doc, sentence.text);
  const verb = tokens.find((t) => t.start === from + m.index! - sentence.start);
  if (verb?.pos !== "VERB") return false;
  const words = tokens.filter((t) => t.start >= span.start - sentence.start && t.end <= span.end - sentence.start && t.pos !== "PUNCT");
  const first = words[0];
  // A capitalised sentence, an order or a cry among them ("yelled “Stay there!”").
  if (!first || /^\p{Lu}/u.test(inner)) return !!first;
  if (NO_CLAUSE_START.has(first.pos)) return false;
  // In lower case, a clause: a verb with a subject before it ("when you win, it's fine"; not "for the next year").
  const v = words.findIndex((t) => t.pos === "VERB" || t.pos === "AUX");
  return v > 0 && words.slice(0, v).some((t) => SUBJECT_TAGS.has(t.pos));
}

/**
 * The words before the span, in its sentence, are a verb of saying, "that" (after at most three words of object:
 * "told the board that") and a clause of the writer's, ended by the comma or colon before the marks.
 */
function thatClauseBefore(doc: Doc, span: QuotedSpan): boolean {
  const sentence = sentenceAt(doc, span.open);
  if (!sentence) return false;
  const lead = doc.text.slice(sentence.start, span.open);
  const that = [...lead.matchAll(/\bthat\b/gi)].at(-1);
  if (!that || /["“”]|''/.test(lead.slice(that.index))) return false;
  const clause = lead.slice(that.index + 4);
  // No verb of saying in the clause: "asked about the claim that it was a bomb, she said, “...”" is the usual cue.
  const inClause = [...clause.matchAll(/[\p{L}’'-]+/gu)];
  if (!inClause.length || inClause.some((w) => SPEECH_VERBS.has(w[0].toLowerCase()))) return false;
  // The verb, then at most three words of its object, none a preposition ("replied with a phrase that" opens a
  // relative clause, not a report).
  const before = [...lead.slice(0, that.index).matchAll(/[\p{L}’'-]+/gu)].slice(-4).map((w) => w[0].toLowerCase());
  const v = before.findLastIndex((w) => SPEECH_VERBS.has(w) && !PHRASAL.has(w));
  return v >= 0 && !before.slice(v + 1).some((w) => PREPOSITIONS.has(w));
}

/**
 * The span's sentence opens with words of the writer's that lead into it with a comma: at least two words, one
 * in lower case (a phrase, not a name or a vocative), with no verb or noun of saying ("Asked about it, “...”",
 * "He shot back, “...”" and "According to the memo, “...”" are cues) and no other quote.
 */
function writersOpening(doc: Doc, span: QuotedSpan): boolean {
  const sentence = sentenceAt(doc, span.open);
  if (!sentence) return false;
  const lead = doc.text.slice(sentence.start, span.open);
  if (/["“”‘’]|''|[:;]/.test(lead.replace(/[’']s\b|n[’']t\b|[’']s$/g, "").replace(/^\s*[“"‘']+|[“"‘'\s]+$/g, ""))) return false;
  const words = [...lead.matchAll(/[\p{L}’'-]+/gu)].map((w) => w[0]);
  if (words.length < 2 || !words.some((w) => /^\p{Ll}/u.test(w))) return false;
  return !words.some((w) => { const x = w.toLowerCase(); return x === "according" || SPEECH_VERBS.has(x) || PHRASAL.has(x) || PARTIAL_CUES.has(x) || SPEECH_NOUNS.has(x); });
}

/**
 * After the span, in its sentence: a verb of saying and then a second source that reports it (", according
 * to the Ledger", ", reports the Ledger", ", the Ledger reported", ", the Ledger reported, quoting an aide").
 */
export function nestedReport(doc: Doc, span: QuotedSpan): boolean {
  const sentence = sentenceAt(doc, Math.max(span.start, span.close - 1));
  if (!sentence || sentence.end <= span.close) return false;
  const rest = doc.text.slice(span.close, sentence.end);
  const at = REPORTED_BY.exec(rest);
  if (!at || /["“”]|''/.test(rest.slice(0, at.index))) return false;
  return [...rest.slice(0, at.index).matchAll(/[\p{L}’'-]+/gu)].some((w) => SPEECH_VERBS.has(w[0].toLowerCase()));
}

// A second source after the first cue: "according to X", "reports X", "X reported", "reported, quoting X" (but
// "she tweeted, quoting X" gives her own words beside someone else's).
const REPORTED_BY = /,?\s*according to\b|,\s*(?:reports|reported by)\s+(?:the\s+)?\p{Lu}|,\s*(?:the\s+)?(?:\p{Lu}[\p{L}.&’'-]*\s+){1,4}(?:reported|reports)\b|(?<=\brepor(?:ted|ts)),\s*quoting\b/u;

const PREPOSITIONS = new Set(["with", "of", "to", "for", "in", "on", "at", "about", "by", "from", "into", "like", "as"]);

// Tags that open a fragment, not a clause: "is deeply wrong", "to fight on", "and more".
const NO_CLAUSE_START: ReadonlySet<PosTag> = new Set(["VERB", "AUX", "PART", "CCONJ"]);
const SUBJECT_TAGS: ReadonlySet<PosTag> = new Set(["PRON", "NOUN", "PROPN", "NUM"]);

// Lower-case words that may follow a direct quote as its cue: pronouns, determiners of a description
// ("the ad's narrator says"), role words ("panel chairman"), adverbs before the verb ("often said").
const CUE_STARTERS = new Set(["he", "she", "they", "it", "we", "i", "you", "who", "a", "an", "the", "my", "his", "her", "their", "its", "our", "one", "another", "according", "then", "also", "later", "often", "once", "again"]);

function cueFollows(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  return CUE_STARTERS.has(w) || SPEECH_VERBS.has(w) || ROLE_NOUNS.has(w) || TITLES.has(w) || ROLE_MODIFIERS.has(w);
}

/**
 * The span stands in a line written in Title Case (a headline or a subhead): short, one line, and every word
 * outside the marks capitalised but the small ones ("of", "the", "to"), so no "said" or "wrote" of a cue.
 */
function titleCaseLine(doc: Doc, span: QuotedSpan): boolean {
  const para = doc.paragraphs[span.firstParagraph]!;
  const line = doc.text.slice(para.start, para.end);
  if (line.length > 160 || line.includes("\n") || /[.!?]\s+\p{Ll}/u.test(line)) return false;
  const outside = (doc.text.slice(para.start, span.open) + " " + doc.text.slice(span.close, para.end)).split(/\s+/);
  let caps = 0, lower = 0;
  for (const w of outside) {
    const clean = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!clean || SMALL.has(clean.toLowerCase())) continue;
    if (/^[\p{Lu}\p{N}]/u.test(clean)) caps++;
    else lower++;
  }
  return caps >= 3 && lower === 0;
}

const SMALL = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from", "is", "vs", "v"]);

function titleCase(words: string[]): boolean {
  let caps = 0;
  for (const w of words) {
    const clean = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!clean) continue;
    if (/^[\p{Lu}\p{N}]/u.test(clean)) caps++;
    else if (!SMALL.has(clean.toLowerCase())) return false;
  }
  return caps >= 2;
}

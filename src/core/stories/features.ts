// Card -> StoryFeatures: the few things grouping and flags compare, computed once per article.
import { contentTerms, termsOnce, words, wordsBefore } from "../text/index.js";
import type { BriefingCard, Figure } from "../types.js";
import type { FigureSig, QuoteSig, StoryFeatures } from "./types.js";

// What a figure counts, as one class: outlets say "soldiers" where others say "troops".
const UNIT_CLASSES = new Map<string, string>(Object.entries({
  troop: "troops", soldier: "troops", force: "troops",
  people: "people", person: "people", resident: "people", civilian: "people", villager: "people", individual: "people",
  worker: "workers", employee: "workers", job: "workers", staff: "workers",
  home: "homes", house: "homes", household: "homes", building: "homes", dwelling: "homes",
}));

// The event a count belongs to, from the words around it: "14 killed" and "40 injured" are two things.
const EVENTS: ReadonlyArray<[string, RegExp]> = [
  ["dead", /^(kill\w*|dead|died|die|dying|death|deaths|toll|fatalit\w*|lives|bodies)$/],
  ["injured", /^(injur\w*|wound\w*|hurt)$/],
  ["missing", /^missing$/],
  ["displaced", /^(evacuat\w*|displac\w*|homeless|fled|flee\w*|shelter\w*|rehoused)$/],
  ["arrested", /^(arrest\w*|detain\w*|custody)$/],
  ["rescued", /^(rescu\w*|saved)$/],
];

// A figure given as a change or as a running total: a later report that says so is an update, not
// a disagreement. The four words before it in its clause ("rose to 17", "has now reached 17") or
// the four after it ("17 people have now been moved", "17 remain missing", "1,200 acres since
// Monday", "900 hectares by the afternoon") count. After the figure a bare "now" is no cue: "17
// soldiers were now there" says where they are, not that the count moved.
const CHANGE = "rose|risen|rises|rising|climbed|climbs|jumped|increased|grew|swelled|mounted|doubled|tripled|reached|reaches|revised|updated|fell|dropped|upped";
const RUNNING = "remain|remains|remained|still|so far|to date|since|by (?:the )?(?:morning|afternoon|evening|night|noon|midnight|dawn|dusk|today|tonight|then|monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
const UPDATE_BEFORE = new RegExp(`\\b(?:${CHANGE}|now)\\b`);
const UPDATE_AFTER = new RegExp(`\\b(?:${CHANGE}|${RUNNING}|(?:has|have|had) now)\\b`);
const UPDATE_WORDS = 4;
const WINDOW = 6;

// The stem keeps a plural of four letters or fewer ("jobs", "fans"): its singular is looked up too.
const unitClassOfTerm = (term: string): string | undefined => UNIT_CLASSES.get(term) ?? (term.endsWith("s") ? UNIT_CLASSES.get(term.slice(0, -1)) : undefined);

function unitClass(f: Figure): string {
  if (f.kind === "money") return `money:${f.currency ?? f.unit ?? ""}`;
  if (f.kind === "percent") return "%";
  if (!f.unit) return "";
  const u = contentTerms(f.unit).at(-1) ?? f.unit.toLowerCase();
  return unitClassOfTerm(u) ?? u;
}

/** The words around the figure in its sentence (±WINDOW words). */
function around(f: Figure): string[] {
  const ws = words(f.sentence);
  const fw = words(f.text);
  const last = fw.at(-1);
  let at = last ? ws.indexOf(last) : -1;
  if (at < 0) at = 0;
  return ws.slice(Math.max(0, at - fw.length - WINDOW), at + WINDOW + 1);
}

/** The last `n` words of the sentence before the figure. */
function before(f: Figure, n: number): string[] {
  const i = f.sentence.indexOf(f.text);
  return i < 0 ? [] : wordsBefore(f.sentence, i, n);
}

/** The first `n` words after the figure, to the end of its clause. */
function after(f: Figure, n: number): string[] {
  const i = f.sentence.indexOf(f.text);
  if (i < 0) return [];
  const rest = f.sentence.slice(i + f.text.length);
  const end = rest.search(/[,;:.!?"\u201c\u201d]/);
  return words(end < 0 ? rest : rest.slice(0, end)).slice(0, n);
}

function figureSig(f: Figure): FigureSig | undefined {
  if (f.kind === "year" || f.kind === "ordinal") return undefined;
  const near = around(f);
  const event = EVENTS.find(([, re]) => near.some((w) => re.test(w)))?.[0] ?? "";
  const unit = unitClass(f);
  if (!unit && !event) return undefined;
  const sig: FigureSig = {
    text: f.text,
    value: f.value,
    kind: f.kind === "number" ? "count" : f.kind,
    qualifier: f.qualifier,
    thing: `${unit || "people"}${event ? `|${event}` : ""}`,
    context: [...new Set(termsOnce(near.join(" ")).filter((w) => !/\d/.test(w)))],
    update: UPDATE_BEFORE.test(before(f, UPDATE_WORDS).join(" ")) || UPDATE_AFTER.test(after(f, UPDATE_WORDS).join(" ")),
  };
  if (f.valueMax !== undefined) sig.valueMax = f.valueMax;
  return sig;
}

const surname = (name: string) => words(name).at(-1) ?? name.toLowerCase();

export function storyFeatures(card: BriefingCard, time: number): StoryFeatures {
  const lead = [card.title, card.summary[0] ?? ""].join(" ");
  const people = [...new Set(card.entities.filter((e) => e.type === "person").map((e) => surname(e.name)))];
  // The quotes grouping and flags compare: those of four words or more, as their words joined.
  const quotes: QuoteSig[] = card.quotes.flatMap((q) => {
    const ws = words(q.text);
    if (ws.length < 4) return [];
    const s: QuoteSig = { words: ws.join(" ") };
    // Only a person counts as a speaker here: an office or a country is how a quote was reported.
    if (q.speaker && people.includes(surname(q.speaker.name))) {
      s.speaker = surname(q.speaker.name);
      s.speakerName = q.speaker.name;
    }
    return s;
  });
  const f: StoryFeatures = {
    id: card.id,
    time,
    title: card.title,
    words: [...new Set(termsOnce(lead))],
    people,
    places: [...new Set(card.entities.filter((e) => e.type !== "person").map((e) => e.name.toLowerCase()))],
    quotes,
    figures: card.figures.flatMap((x) => figureSig(x) ?? []),
  };
  if (card.source.publisher) f.publisher = card.source.publisher;
  return f;
}

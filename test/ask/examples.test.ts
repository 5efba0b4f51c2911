// Every example the README and /help give works on the bundled briefings/: read from the README and
// from COMMANDS_HELP, so an example that stops matching the samples fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { COMMANDS_HELP, createAsker, parseQuestion, type Answer, type Asker } from "../../src/ask/index.js";
import { createIngestor } from "../../src/ingest/index.js";
import { createMemoryStore, tokens } from "../../src/store/index.js";

const ROOT = join(__dirname, "../..");
const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The console block ("answers what you type:"): each line's command, the forms in its note, and "or ask:" questions. */
function consoleExamples(): string[] {
  const block = /answers what you type:\s*```\n([\s\S]*?)```/.exec(README)?.[1];
  if (!block) throw new Error("README: the console examples block is missing");
  const out: string[] = [];
  for (const line of block.split("\n").filter(Boolean)) {
    const [command, note = ""] = line.split(/\s{2,}/);
    if (command!.includes(",")) out.push(...command!.split(/,\s*/));
    else out.push(command!);
    const also = /\(([\w\s,]+) find it too\)/.exec(note);
    if (also) for (const w of also[1]!.split(/,\s*/)) out.push(`/brief ${w.trim()}`);
    const ask = /or ask: (.*)$/.exec(note);
    if (ask) out.push(...ask[1]!.split(/(?<=\?)\s+/));
  }
  return out;
}

/** Questions in backticks in the README's opening paragraph. */
const introExamples = (): string[] =>
  [...README.split("\n## ")[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((s) => /^(\/brief|who said|how many)/.test(s));

/** The examples in /help's descriptions: "(brief flood)", "or ask: how many sandbags?". */
const helpExamples = (): string[] =>
  COMMANDS_HELP.flatMap((c) => [...c.description.matchAll(/\(([^)]+)\)|ask: (.+)$/g)].map((m) => (m[1] ?? m[2])!));

let asker: Asker;
beforeAll(async () => {
  const store = createMemoryStore();
  const ingestor = createIngestor({ store, now: () => 1 });
  await ingestor.paths([join(ROOT, "briefings")]);
  expect(ingestor.summary().failed).toEqual([]);
  asker = createAsker(store);
});

const contentWords = (s: string) => tokens(s).filter((w) => w.length > 3 && !["many", "much"].includes(w));

/** The answer is of the kind asked for and carries the words asked about. */
function expectAnswers(question: string, a: Answer): void {
  const intent = parseQuestion(question);
  expect({ question, kind: a.kind }).toEqual({ question, kind: intent.kind });
  const asked = contentWords(intent.kind === "whosaid" ? intent.words : intent.kind === "brief" || intent.kind === "figures" ? intent.topic : "");
  switch (a.kind) {
    case "whosaid":
      expect(a.matches[0]!.speaker).not.toBeNull();
      expect(tokens(a.matches[0]!.quote.text)).toEqual(expect.arrayContaining(asked));
      break;
    case "figures": {
      const top = a.figures[0]!;
      const said = tokens(`${top.figure.text} ${top.figure.sentence} ${top.article.title}`);
      expect({ question, shares: asked.some((w) => said.includes(w)) }).toEqual({ question, shares: true });
      break;
    }
    case "brief":
      expect(a.cards.length).toBeGreaterThan(0);
      break;
    case "topics":
      expect(a.topics.length).toBeGreaterThan(0);
      break;
    default:
      break;
  }
}

test("the README's examples are found and are what they say", () => {
  expect(consoleExamples().length).toBeGreaterThanOrEqual(9);
  expect(introExamples().length).toBeGreaterThanOrEqual(3);
});

// /quit is the console's own (test/adapters/console.test.ts).
test.each([...new Set([...consoleExamples(), ...introExamples()])].filter((q) => q !== "/quit"))("README: %s", async (q) => {
  expectAnswers(q, await asker.ask(q));
});

test.each(helpExamples())("/help: %s", async (q) => {
  expectAnswers(q, await asker.ask(q));
});

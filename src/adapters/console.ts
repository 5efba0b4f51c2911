// The console bot: reads questions line by line and prints answers, as the chat adapters do.
import { createInterface } from "node:readline";
import { isKnownCommand, SLASH_COMMANDS, type Asker } from "../ask/index.js";
import type { Logger } from "../log/index.js";
import { asLink, type LinkAsker } from "../links/index.js";
import { answerToText, cardToText } from "../render/index.js";

export interface ConsoleOptions {
  asker: Asker;
  input: NodeJS.ReadableStream;
  write: (s: string) => void;
  logger: Logger;
  /** Show a prompt (on a terminal). */
  interactive: boolean;
  /** `/brief <url>` fetches and briefs the link (through the SSRF guard); without it a URL is a topic. */
  links?: LinkAsker;
}

/** `/brief <url>`: the card, or why not. */
async function briefLink(links: LinkAsker, url: string): Promise<string> {
  const a = await links.brief(url, { user: "console", channel: "console" });
  return a.kind === "card" ? cardToText(a.card) : `I did not brief that link: ${a.message}.\n`;
}

export interface RunningConsole {
  /** Resolves when the input ends, the user types /quit, or stop() was called. */
  done: Promise<void>;
  /** Stops reading; the answer being written finishes first. */
  stop(): Promise<void>;
}

const QUIT = new Set(["/quit", "/exit", "quit", "exit"]);
const QUIT_HELP = `  ${"/quit".padEnd(28)} leave (or end the input: Ctrl-D)\n`;
const COMMAND_LIST = [...SLASH_COMMANDS, "quit"].map((c) => `/${c}`).join(", ");

/** The console's reply to a line: an answer, or why a command is not one. */
async function reply(asker: Asker, line: string): Promise<string> {
  if (!isKnownCommand(line)) return `Unknown command ${line.split(/\s/)[0]}. Commands: ${COMMAND_LIST}.\n`;
  const answer = await asker.ask(line);
  return answerToText(answer) + (answer.kind === "help" ? QUIT_HELP : "");
}

/** Answers each line before reading the next. */
export function startConsole({ asker, input, write, logger, interactive, links }: ConsoleOptions): RunningConsole {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  let stopped = false;
  const prompt = () => interactive && !stopped && write("briefbot> ");
  const done = (async () => {
    prompt();
    for await (const raw of rl) {
      if (stopped) break;
      const line = raw.trim();
      if (QUIT.has(line.toLowerCase())) break;
      if (line) {
        try {
          const link = links && /^\/brief\s/i.test(line) ? asLink(line.slice(6)) : undefined;
          write(link && links ? await briefLink(links, link) : await reply(asker, line));
        } catch (err) {
          logger.error({ err, question: line }, "console: answering failed");
          write(`Sorry, that failed: ${(err as Error).message}\n`);
        }
      }
      prompt();
    }
    rl.close();
  })();
  return {
    done,
    async stop() {
      stopped = true;
      rl.close();
      await done;
    },
  };
}

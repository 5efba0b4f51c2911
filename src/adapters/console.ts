// The console bot: reads questions line by line and prints answers, as the chat adapters do.
import { createInterface } from "node:readline";
import type { Asker } from "../ask/index.js";
import type { Logger } from "../log/index.js";
import { answerToText } from "../render/index.js";

export interface ConsoleOptions {
  asker: Asker;
  input: NodeJS.ReadableStream;
  write: (s: string) => void;
  logger: Logger;
  /** Show a prompt (on a terminal). */
  interactive: boolean;
}

const QUIT = new Set(["/quit", "/exit", "quit", "exit"]);

/** Runs until the input ends or the user types /quit. Each line is answered before the next is read. */
export async function runConsole({ asker, input, write, logger, interactive }: ConsoleOptions): Promise<void> {
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const prompt = () => interactive && write("briefbot> ");
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (QUIT.has(line.toLowerCase())) break;
    if (line) {
      try {
        write(answerToText(await asker.ask(line)));
      } catch (err) {
        logger.error({ err, question: line }, "console: answering failed");
        write(`Sorry, that failed: ${(err as Error).message}\n`);
      }
    }
    prompt();
  }
  rl.close();
}

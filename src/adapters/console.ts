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

export interface RunningConsole {
  /** Resolves when the input ends, the user types /quit, or stop() was called. */
  done: Promise<void>;
  /** Stops reading; the answer being written finishes first. */
  stop(): Promise<void>;
}

const QUIT = new Set(["/quit", "/exit", "quit", "exit"]);

/** Answers each line before reading the next. */
export function startConsole({ asker, input, write, logger, interactive }: ConsoleOptions): RunningConsole {
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
          write(answerToText(await asker.ask(line)));
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

// briefbot's command line: `briefbot <command> [options]`.
import { processIo, UsageError, type Io } from "./io.js";
import { cardCommand } from "./card.js";
import { quotesCommand } from "./quotes.js";

export type Command = (argv: string[], io: Io) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  card: { run: cardCommand, summary: "card FILE|- [--format json|text|markdown] | card --jsonl [FILE]: build briefing cards" },
  quotes: { run: quotesCommand, summary: "quotes FILE|-: the article's quotes with speaker, role and confidence, as a table" },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([, c]) => `  briefbot ${c.summary}`);
  return `usage:\n${lines.join("\n")}\n`;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`briefbot: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`briefbot ${name}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

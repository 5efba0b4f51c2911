// briefbot's command line: `briefbot <command> [options]`.
import { processIo, UsageError, type Io } from "./io.js";
import { wantsHelp } from "./args.js";
import { HELP, usageOf } from "./help.js";
import { askCommand } from "./ask.js";
import { cardCommand } from "./card.js";
import { digestCommand } from "./digest.js";
import { discordCommand } from "./discord.js";
import { ingestCommand } from "./ingest.js";
import { startCommand } from "./start.js";
import { topicsCommand } from "./topics.js";
import { storiesCommand } from "./stories.js";
import { quotesCommand } from "./quotes.js";
import { auditCommand, feedsCommand } from "./manage.js";
import { trendCommand } from "./trend.js";

export type Command = (argv: string[], io: Io) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; summary: string }> = {
  start: { run: startCommand, summary: "start [--config FILE] [--db PATH|URL] [--shards auto|N]: run the bot (console mode when no tokens are set)" },
  card: { run: cardCommand, summary: "card FILE|-|URL [--format json|text|markdown] [--db PATH|URL] | card --jsonl [FILE]: build briefing cards (a URL's article is stored)" },
  discord: { run: discordCommand, summary: "discord register [--guild ID] | invite | commands: set up the Discord application" },
  ingest: { run: ingestCommand, summary: "ingest PATH...|URL... | ingest --jsonl FILE [--db PATH|URL] [--watch MINUTES]: store articles and their cards" },
  ask: { run: askCommand, summary: 'ask "<question>" [--json] | ask --jsonl [FILE] [--db PATH|URL]: answer from the store' },
  trend: { run: trendCommand, summary: 'trend "<what>" [--in TOPIC] [--out chart.png] [--step] [--json] [--db PATH|URL]: a figure over time across articles, as a table and a PNG chart' },
  topics: { run: topicsCommand, summary: "topics [PREFIX] [--json] [--db PATH|URL]: the topics stored, most cards first" },
  stories: { run: storiesCommand, summary: "stories [--topic T] [--limit N] [--json] [--db PATH|URL]: stories (one event, several outlets), newest first, with where the sources differ" },
  digest: { run: digestCommand, summary: "digest preview|send <destination> | digest set|list|remove|history [--config FILE] [--db PATH|URL]: the morning digest now, and the digests set up from chat or here" },
  feeds: { run: feedsCommand, summary: "feeds add URL [TOPIC...] | feeds list | feeds remove URL|ID [--json]: the feeds the bot polls, as /feeds in chat" },
  audit: { run: auditCommand, summary: "audit [--limit N] [--json]: who changed which feed or digest, when and from where" },
  quotes: { run: quotesCommand, summary: "quotes FILE...|-: each article's quotes with speaker, role and confidence, as a table" },
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
  if (wantsHelp(rest)) {
    io.stdout(HELP[name] ?? usage());
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      // One line saying what is wrong, then how the command is used.
      io.stderr(`briefbot ${name}: ${err.message}\n${usageOf(name)}(briefbot ${name} --help for more)\n`);
      return 2;
    }
    throw err;
  }
}

// What `briefbot <command> --help` prints: the command's forms, then its options.
// The first block (up to the blank line) is also printed after a usage error.
export const HELP: Record<string, string> = {
  start: `usage: briefbot start [--config FILE] [--db PATH|URL] [--shards auto|N]

Runs the bot: Slack and Discord when their tokens are set in the environment, the console otherwise.
  --config FILE     settings on top of config/default.yaml
  --db PATH|URL     the store: a SQLite file, memory, or postgres://[user@]host/db (default data/briefbot.db)
  --shards auto|N   run the Discord gateway in N shard processes (needs DISCORD_TOKEN)
`,
  card: `usage: briefbot card FILE|- [--format json|text|markdown]
       briefbot card --jsonl [FILE|-]

Builds a briefing card from one article (.txt, .md with front matter, .html) and prints it.
  -f, --format FORMAT   json (default), text or markdown
  --jsonl               lines {"id","text","title"?,"url"?} in, one {"id","card"} or {"id","error"} line out each
`,
  quotes: `usage: briefbot quotes FILE...|-

Prints each article's quotes with speaker, role, kind, confidence and cue, as a table; several files
give one table each, under the file's name.
`,
  ingest: `usage: briefbot ingest PATH...|URL... [--db PATH|URL] [--watch MINUTES]
       briefbot ingest --jsonl FILE|- [--db PATH|URL]

Stores articles and their cards: files and folders (.txt, .md, .html), RSS/Atom feed files
(.rss, .atom, .xml), pages and feeds by URL, JSON lines {"id","text",...}.
  --db PATH|URL         the store (default data/briefbot.db; BRIEFBOT_DB or DATABASE_URL)
  --watch MINUTES       poll the feed URLs every MINUTES until interrupted
  --user-agent UA       the User-Agent sent with each request
  --timeout SECONDS     give up on a page after SECONDS
  --workers N|auto      build cards on N worker threads (default 1: in this thread)
`,
  ask: `usage: briefbot ask "<question>" [--json] [--db PATH|URL]
       briefbot ask --jsonl [FILE|-] [--db PATH|URL]

Answers from the store: brief <topic>, who said <words>, how many / figures <topic>, trend <what>.
  --json            print the typed answer as JSON
  --jsonl           lines {"id","ask"} in, one {"id","answer"} line out each
  --db PATH|URL     the store (default data/briefbot.db)
`,
  trend: `usage: briefbot trend "<what>" [--in TOPIC] [--out FILE] [--step] [--json] [--db PATH|URL]

A figure over time: the figures across stored articles that count the same thing (same kind and
unit, named by <what>, sharing a topic), one per article, oldest first, as a table and a sparkline.
  --in TOPIC        only articles on TOPIC ("evacuees in wildfire" says the same)
  -o, --out FILE    also write the chart as a PNG (needs two points or more)
  --step            a step chart (each value held until the next article) instead of a line
  --json            print the typed answer as JSON
  --db PATH|URL     the store (default data/briefbot.db)
`,
  topics: `usage: briefbot topics [PREFIX] [--limit N] [--json] [--db PATH|URL]

Lists the topics stored, most cards first.
  --limit N         at most N topics (default 50)
  --json            print them as JSON
  --db PATH|URL     the store (default data/briefbot.db)
`,
  stories: `usage: briefbot stories [--topic T] [--limit N] [--json] [--db PATH|URL]

Lists the stories stored, newest first: articles from several outlets about one event, grouped as
they are stored, with where the sources differ (figures, who said what). Every stored article is
in exactly one story. docs/stories.md tells how.
  --topic T         only stories with articles on topic T
  --limit N         at most N stories (default all)
  --json            {"stories": [{"id", "title", "articles": [{"id", "title", "url", "publisher",
                    "publishedAt"}], "flags": [{"kind", "articles", "what", "values"}]}]}
  --db PATH|URL     the store (default data/briefbot.db)
`,
  digest: `usage: briefbot digest preview|send <destination> [--config FILE] [--db PATH|URL]
       briefbot digest set <id> --platform slack|discord|console --channel C (--time HH:MM | --cron "...") --timezone ZONE [--topics a,b] [--weekdays|--every-day]
       briefbot digest list|history [--json] | digest remove <id>

The morning digest of one destination, now; and the digests set up from chat (/digest) or here.
  preview           print what it would carry; sends and records nothing, needs no platform token
  send              send it now and record it in the ledger, as a scheduled slot
  set               create or change a destination in the store; a running bot follows without a restart
  list              every destination: the config file's (read-only) and the store's, with who set them
  remove            turn a stored destination off (config-file ones are changed in the file)
  history           the recorded changes, newest first (as briefbot audit)
  --json            print the result as JSON
  --config FILE     settings on top of config/default.yaml
  --db PATH|URL     the store (default: the config's store.db)
`,
  feeds: `usage: briefbot feeds add URL [TOPIC...] [--topics a,b] [--json]
       briefbot feeds list [--json] | feeds remove URL|ID [--json]

The feeds the running bot polls, beside the config file's feeds.urls (the same list as /feeds in chat).
  add               fetches the URL once, checks it is an RSS or Atom feed and counts its items, then stores it
  list              every feed, the config file's marked as such
  remove            stops polling a stored feed (by URL or by the id feeds list shows)
  --json            print the result as JSON
  --config FILE     settings on top of config/default.yaml
  --db PATH|URL     the store (default: the config's store.db)
`,
  audit: `usage: briefbot audit [--limit N] [--json] [--config FILE] [--db PATH|URL]

Every change to feeds and digests, newest first: when, who (slack:U..., discord:..., cli:user), what.
  --limit N         at most N entries (default 20)
  --json            print them as JSON
`,
  discord: `usage: briefbot discord register [--guild ID] [--config FILE]
       briefbot discord invite
       briefbot discord commands

Sets up the Discord application (see docs/discord.md).
  register          registers the slash commands (bulk overwrite: twice changes nothing); needs
                    DISCORD_TOKEN and DISCORD_APPLICATION_ID; --guild ID registers them on one server
  invite            prints the invite link with the permissions the bot needs
  commands          prints the command definitions as JSON
`,
};

/** The usage lines of a command (its help up to the first blank line). */
export function usageOf(command: string): string {
  const help = HELP[command] ?? "";
  return `${help.split("\n\n")[0]}\n`;
}

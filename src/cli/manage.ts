// The chat management commands from the command line, for whoever runs the bot:
//   briefbot feeds add URL [TOPIC...] | feeds list | feeds remove URL|ID      [--json]
//   briefbot digest set ID --platform P --channel C --time T --timezone Z ... | digest list | digest remove ID
//   briefbot audit [--limit N] [--json]
// They write the same settings store as /feeds and /digest in chat (with an audit entry naming the OS
// user), so a running bot picks the change up without a restart (NOTIFY or its version poll).
import { userInfo } from "node:os";
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import { createLogger } from "../log/index.js";
import { storeSpec } from "../main.js";
import { wireManage, type WiredManage } from "../manage-main.js";
import { digestFromFields, resultToText, type CallerFacts, type ManagePlatform, type ManageResult } from "../manage/index.js";
import { openStoreWithConnection, StoreError } from "../store/index.js";
import { parseCommand } from "./args.js";
import { dbFlag } from "./db.js";
import { UsageError, type Io } from "./io.js";
import { findRoot } from "./root.js";

const COMMON = { config: { type: "string" }, db: { type: "string" }, json: { type: "boolean", default: false } } as const;

function operator(io: Io): CallerFacts {
  let name = io.env?.USER ?? io.env?.USERNAME;
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = "operator";
    }
  }
  return { platform: "cli", userId: name };
}

/** Loads the config, opens the store and wires the management service (no runner: the bot runs the digest). */
async function withManage(command: string, values: { config?: string | undefined; db?: string | undefined }, io: Io, fn: (m: WiredManage, config: Config) => Promise<number>): Promise<number> {
  if (values.db) dbFlag(values.db);
  const root = findRoot(__dirname);
  let config: Config;
  try {
    config = loadConfig({ root, env: io.env ?? {}, ...(values.config ? { file: values.config } : {}) });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`briefbot ${command}: ${err.message}\n`);
    return 1;
  }
  let opened: Awaited<ReturnType<typeof openStoreWithConnection>>;
  try {
    opened = await openStoreWithConnection(values.db ?? storeSpec(config.store.db, root));
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    io.stderr(`briefbot ${command}: ${err.code}: ${err.message}\n`);
    return 1;
  }
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
  const wired = wireManage({ config, connection: opened.connection, logger, now: Date.now });
  try {
    return await fn(wired, config);
  } finally {
    await wired.stop();
    await opened.store.close();
  }
}

/** Results that mean the command did not do what was asked (exit 1). */
const FAILED = new Set<ManageResult["kind"]>(["refused", "invalid", "read_only", "not_found", "channel_unknown", "feed_rejected", "unavailable"]);

/** A result as text (the chat's wording without its `code` marks) or JSON; exit 0 or 1. */
function report(command: string, r: ManageResult, json: boolean, io: Io): number {
  const failed = FAILED.has(r.kind);
  if (json) io.stdout(JSON.stringify(r) + "\n");
  else if (failed) io.stderr(`briefbot ${command}: ${resultToText(r).replace(/`/g, "")}\n`);
  else io.stdout(resultToText(r).replace(/`/g, "") + "\n");
  return failed ? 1 : 0;
}

export async function feedsCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { ...COMMON, topics: { type: "string" } });
  const [action, ...rest] = positionals;
  const json = values.json === true;
  switch (action) {
    case "list":
      if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}`);
      return withManage("feeds", values, io, async (m) => report("feeds", { kind: "feeds", feeds: await m.service.feeds() }, json, io));
    case "add": {
      const [raw, ...words] = rest;
      if (!raw) throw new UsageError("give the feed's URL after feeds add");
      let url: string;
      try {
        url = new URL(raw).href;
      } catch {
        throw new UsageError(`"${raw}" is not a URL: give the feed's address, such as https://example.org/news.rss`);
      }
      if (!/^https?:$/.test(new URL(url).protocol)) throw new UsageError(`only http and https feeds can be polled (got ${new URL(url).protocol})`);
      const topics = [...words, ...(values.topics ? values.topics.split(",") : [])].map((t) => t.trim().toLowerCase()).filter(Boolean);
      return withManage("feeds", values, io, async (m) => report("feeds", await m.service.addFeed(operator(io), url, topics), json, io));
    }
    case "remove": {
      const [target, extra] = rest;
      if (!target) throw new UsageError("give the feed's URL or id after feeds remove (see feeds list)");
      if (extra) throw new UsageError(`unexpected argument ${extra}`);
      return withManage("feeds", values, io, async (m) => report("feeds", await m.service.removeFeed(operator(io), target), json, io));
    }
    default:
      throw new UsageError(action ? `unknown action "${action}": give add, list or remove` : "give add, list or remove");
  }
}

const PLATFORMS: readonly ManagePlatform[] = ["slack", "discord", "console"];

/** `digest set|list|remove|history`; preview and send stay in digest.ts. */
export async function digestManageCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    ...COMMON,
    platform: { type: "string" },
    channel: { type: "string" },
    time: { type: "string" },
    timezone: { type: "string" },
    cron: { type: "string" },
    topics: { type: "string" },
    weekdays: { type: "boolean", default: false },
    "every-day": { type: "boolean", default: false },
    limit: { type: "string", default: "20" },
  });
  const [action, id, extra] = positionals;
  const json = values.json === true;
  if (extra) throw new UsageError(`unexpected argument ${extra}`);
  switch (action) {
    case "list":
      if (id) throw new UsageError(`unexpected argument ${id}`);
      return withManage("digest", values, io, async (m) => report("digest", { kind: "destinations", destinations: await m.service.destinations() }, json, io));
    case "remove":
      if (!id) throw new UsageError("give the destination's id after digest remove (see digest list)");
      return withManage("digest", values, io, async (m) => report("digest", await m.service.removeDestination(operator(io), id), json, io));
    case "history":
      if (id) throw new UsageError(`unexpected argument ${id}`);
      return auditRun(values, json, io);
    case "set": {
      if (!id) throw new UsageError("give the destination's id after digest set (letters, digits, - and _)");
      if (!/^[\w.-]{1,64}$/.test(id)) throw new UsageError(`"${id}" is not an id: use letters, digits, ".", "-" and "_"`);
      if (!values.platform || !PLATFORMS.includes(values.platform as ManagePlatform)) throw new UsageError(`--platform must be one of ${PLATFORMS.join(", ")}`);
      if (!values.channel) throw new UsageError("--channel is needed: the channel id (Slack C..., Discord snowflake, or a console name)");
      if (values.weekdays && values["every-day"]) throw new UsageError("give --weekdays or --every-day, not both");
      const parsed = digestFromFields({
        ...(values.time !== undefined ? { time: values.time } : {}),
        ...(values.cron !== undefined ? { cron: values.cron } : {}),
        ...(values.timezone !== undefined ? { timezone: values.timezone } : {}),
        ...(values.topics !== undefined ? { topics: values.topics } : {}),
        ...(values.weekdays ? { days: "weekdays" as const } : values["every-day"] ? { days: "every day" as const } : {}),
      });
      if (!parsed.ok) throw new UsageError(parsed.error.message);
      if (parsed.command.kind !== "digest.set") throw new UsageError("give --time or --cron");
      if (!parsed.command.settings.timezone) throw new UsageError("--timezone is needed, such as Europe/London or UTC");
      const spec = { id, platform: values.platform as ManagePlatform, channel: values.channel, settings: parsed.command.settings };
      return withManage("digest", values, io, async (m) => report("digest", await m.service.setDestination(operator(io), spec), json, io));
    }
    default:
      throw new UsageError(`unknown action "${action}"`);
  }
}

async function auditRun(values: { config?: string | undefined; db?: string | undefined; limit?: string | undefined }, json: boolean, io: Io): Promise<number> {
  const limit = Number(values.limit ?? "20");
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new UsageError("--limit must be a whole number from 1 to 10000");
  return withManage("audit", values, io, async (m) => report("audit", { kind: "history", entries: await m.service.history(limit) }, json, io));
}

export async function auditCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { ...COMMON, limit: { type: "string", default: "20" } });
  if (positionals.length) throw new UsageError(`unexpected argument ${positionals[0]}`);
  return auditRun(values, values.json === true, io);
}

// briefbot start [--config FILE] [--db PATH|URL] [--shards auto|N]
// Runs the bot: the adapters whose tokens are set in the environment, the console when none is.
import { resolve } from "node:path";
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import { createLogger } from "../log/index.js";
import { startBot } from "../main.js";
import { parseCommand } from "./args.js";
import { dbFlag, dbSpec } from "./db.js";
import { UsageError, type Io } from "./io.js";
import { findRoot } from "./root.js";

export interface StartIo extends Io {
  /** Resolves with the signal's name on SIGTERM or SIGINT (tests pass their own). */
  signal?: Promise<string>;
}

const processSignal = () =>
  new Promise<string>((done) => {
    for (const s of ["SIGTERM", "SIGINT"] as const) process.once(s, () => done(s));
  });

export async function startCommand(argv: string[], io: StartIo): Promise<number> {
  const { values } = parseCommand(argv, { config: { type: "string" }, db: { type: "string" }, shards: { type: "string" }, "shard-child": { type: "boolean", default: false } }, false);
  const root = findRoot(__dirname);
  let config: Config;
  try {
    config = loadConfig({ root, env: io.env ?? {}, ...(values.config ? { file: values.config } : {}) });
  } catch (err) {
    if (err instanceof ConfigError) {
      io.stderr(`briefbot: the bot did not start: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  if (values.db) config.store.db = dbSpec(dbFlag(values.db), io) ?? config.store.db;
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
  const signal = io.signal ?? processSignal();

  if (values.shards) {
    const shards = values.shards === "auto" ? "auto" : Number(values.shards);
    if (shards !== "auto" && !(Number.isInteger(shards) && shards > 0)) throw new UsageError("--shards takes auto or a number");
    const token = config.secrets.discordToken;
    if (!token) throw new UsageError("--shards runs the Discord gateway: set DISCORD_TOKEN");
    const { startShards } = await import("../adapters/discord/index.js");
    const manager = await startShards({
      script: resolve(root, "bin", "briefbot.js"),
      args: ["start", "--shard-child", ...(values.config ? ["--config", values.config] : [])],
      token,
      shards,
      ...(config.discord.apiUrl ? { apiUrl: config.discord.apiUrl } : {}),
      logger,
    });
    logger.info({ signal: await signal }, "stopping shards");
    await manager.stop();
    return 0;
  }

  let bot: Awaited<ReturnType<typeof startBot>>;
  try {
    bot = await startBot({
      config,
      logger,
      root,
      now: Date.now,
      discordOnly: values["shard-child"],
      console: { input: io.stdin, write: io.stdout, interactive: (io.stdin as { isTTY?: boolean }).isTTY === true },
    });
  } catch (err) {
    // Whatever stopped it (a missing setting, a platform that does not answer) in one line; the stack only when debugging.
    const debug = config.log.level === "debug" || config.log.level === "trace";
    const why = err instanceof Error ? err.message : String(err);
    io.stderr(`briefbot: the bot did not start: ${why}\n${debug && err instanceof Error && err.stack ? `${err.stack}\n` : ""}`);
    return 1;
  }
  // The console alone ends with its input; chat adapters and the digest run until a signal.
  const onlyConsole = bot.adapters.length === 1 && bot.adapters[0] === "console";
  const why = await Promise.race([signal, onlyConsole ? bot.consoleDone.then(() => "end of input") : new Promise<string>(() => undefined)]);
  logger.info({ why }, "stopping");
  await bot.stop();
  return 0;
}


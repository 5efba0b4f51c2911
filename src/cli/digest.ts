// briefbot digest preview|send <destination> [--config FILE] [--db PATH|URL]
// preview: what the destination's digest would carry now (as text), sending and recording nothing.
// send: sends it now, as a slot of its own, recorded in the ledger like a scheduled one.
import { ConfigError, loadConfig, type Config } from "../config/index.js";
import { DigestSetupError, wireDigest } from "../digest-main.js";
import { digestToText, type DigestDestination, type SlotOutcome } from "../digest/index.js";
import { createLogger } from "../log/index.js";
import { storeSpec } from "../main.js";
import { mergeDestinations } from "../manage/index.js";
import { openSettings, openStoreWithConnection, StoreError } from "../store/index.js";
import { parseCommand } from "./args.js";
import { dbFlag, dbSpec } from "./db.js";
import { UsageError, type Io } from "./io.js";
import { digestManageCommand } from "./manage.js";
import { findRoot } from "./root.js";

function outcomeLine(id: string, o: SlotOutcome): string {
  switch (o.kind) {
    case "sent":
    case "late":
      return `digest ${id}: ${o.kind}, ${o.cards} card${o.cards === 1 ? "" : "s"}, message ${o.messageId}${o.reconciled ? " (found already posted)" : ""}`;
    case "skipped":
    case "failed":
      return `digest ${id}: ${o.kind}: ${o.reason}`;
    case "busy":
      return `digest ${id}: another replica is sending this slot (lease until ${new Date(o.leaseUntil).toISOString()})`;
    case "done":
      return `digest ${id}: already ${o.status}`;
    case "lost":
      return `digest ${id}: another replica took the slot over`;
  }
}

const MANAGE_ACTIONS = new Set(["set", "list", "remove", "history"]);

export async function digestCommand(argv: string[], io: Io): Promise<number> {
  // set, list, remove and history edit or read the settings chat uses (cli/manage.ts).
  if (MANAGE_ACTIONS.has(argv.find((a) => !a.startsWith("-")) ?? "")) return digestManageCommand(argv, io);
  const { values, positionals } = parseCommand(argv, { config: { type: "string" }, db: { type: "string" } });
  const [action, id] = positionals;
  if (action !== "preview" && action !== "send") throw new UsageError(action ? `unknown action "${action}": give preview, send, set, list, remove or history` : "give preview, send, set, list, remove or history");
  if (!id) throw new UsageError(`give the destination to ${action} (an id in digest.destinations)`);
  if (positionals.length > 2) throw new UsageError(`unexpected argument ${positionals[2]}`);
  if (values.db) dbFlag(values.db);
  const root = findRoot(__dirname);
  let config: Config;
  try {
    config = loadConfig({ root, env: io.env ?? {}, ...(values.config ? { file: values.config } : {}) });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`briefbot digest: ${err.message}\n`);
    return 1;
  }
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
  let opened: Awaited<ReturnType<typeof openStoreWithConnection>>;
  try {
    // --db as the other commands read it; else the config's store (BRIEFBOT_DB / DATABASE_URL already in it), from the root.
    opened = await openStoreWithConnection(values.db ? dbSpec(values.db, io) : storeSpec(config.store.db, root));
  } catch (err) {
    if (!(err instanceof StoreError)) throw err;
    io.stderr(`briefbot digest: ${err.code}: ${err.message}\n`);
    return 1;
  }
  const { store, connection } = opened;
  // The config file's destinations and those set from chat or `digest set` (stored), as the bot runs them.
  const settings = openSettings(connection);
  let all: DigestDestination[];
  try {
    all = mergeDestinations(config.digest.destinations, await settings.destinations()).items.map((v) => v.destination);
  } finally {
    await settings.close();
  }
  const destination = all.find((d) => d.id === id);
  if (!destination) {
    const known = all.map((d) => d.id);
    io.stderr(`briefbot digest: no destination "${id}" (${known.length ? `known: ${known.join(", ")}` : "none configured: see briefbot digest --help"})\n`);
    await store.close();
    return 1;
  }
  // Only this destination: the others' senders (and tokens) are not needed.
  config.digest.destinations = [destination];
  try {
    const wired = await wireDigest({ config, store, connection, logger, now: Date.now, write: io.stdout, previewOnly: action === "preview" });
    if (!wired) return 1;
    try {
      if (action === "preview") {
        const plan = await wired.runner.preview(id);
        io.stdout(digestToText(destination, plan.cards, plan.context));
        io.stdout(`\n(preview for ${destination.platform} ${destination.channel}: nothing sent, nothing recorded)\n`);
        return 0;
      }
      const outcome = await wired.runner.sendNow(id);
      const line = outcomeLine(id, outcome);
      if (outcome.kind === "failed" || outcome.kind === "busy" || outcome.kind === "lost") {
        io.stderr(`briefbot ${line}\n`);
        return 1;
      }
      io.stderr(`${line}\n`);
      return 0;
    } finally {
      await wired.runner.stop();
      wired.close();
    }
  } catch (err) {
    if (!(err instanceof DigestSetupError)) throw err;
    io.stderr(`briefbot digest: ${err.message}\n`);
    return 1;
  } finally {
    await store.close();
  }
}

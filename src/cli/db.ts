// Which store a command uses: --db, else BRIEFBOT_DB, else DATABASE_URL, else data/briefbot.db.
import { resolve } from "node:path";
import { postgresUser } from "../config/index.js";
import { openStore, parseStoreSpec, StoreError, withPostgresUser, type BriefingStore } from "../store/index.js";
import { UsageError, type Io } from "./io.js";

/** The store to open; a postgres:// URL without a user takes PGUSER, else the OS user (as libpq). */
export function dbSpec(flag: string | undefined, io: Io): string | undefined {
  return withPostgresUser(flag || io.env?.BRIEFBOT_DB || io.env?.DATABASE_URL || undefined, postgresUser(io.env ?? {}));
}

/** Opens the store, runs `fn`, closes it; a store that cannot open is reported, exit code 1. */
export async function withStore(command: string, flag: string | undefined, io: Io, fn: (store: BriefingStore) => Promise<number>): Promise<number> {
  let store: BriefingStore;
  try {
    store = await openStore(dbSpec(flag, io));
  } catch (err) {
    // A --db value that names no store is a usage error (exit 2); one that cannot open, exit 1.
    if (err instanceof StoreError && err.code === "bad_spec") throw new UsageError(err.message, { cause: err });
    if (err instanceof StoreError) {
      io.stderr(`briefbot ${command}: ${err.code}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** --db as given: a SQLite path made absolute (the bot resolves relative ones from its root); a bad one is a usage error. */
export function dbFlag(db: string): string {
  try {
    const spec = parseStoreSpec(db);
    return spec.kind === "sqlite" ? resolve(spec.path) : db;
  } catch (err) {
    if (err instanceof StoreError) throw new UsageError(err.message, { cause: err });
    throw err;
  }
}

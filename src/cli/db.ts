// Which store a command uses: --db, else BRIEFBOT_DB, else DATABASE_URL, else data/briefbot.db.
import { openStore, StoreError, type BriefingStore } from "../store/index.js";
import type { Io } from "./io.js";

export function dbSpec(flag: string | undefined, io: Io): string | undefined {
  return flag || io.env?.BRIEFBOT_DB || io.env?.DATABASE_URL || undefined;
}

/** Opens the store, runs `fn`, closes it; a store that cannot open is reported, exit code 1. */
export async function withStore(command: string, flag: string | undefined, io: Io, fn: (store: BriefingStore) => Promise<number>): Promise<number> {
  let store: BriefingStore;
  try {
    store = await openStore(dbSpec(flag, io));
  } catch (err) {
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

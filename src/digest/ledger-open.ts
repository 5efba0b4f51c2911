// The ledger on the store's own database, so a digest and the cards it shows live and die together.
// SQLite: one replica (no lease between machines). PostgreSQL: several, each slot sent by one.
import { openSqliteDatabase, type StoreConnection } from "../store/index.js";
import { createPostgresLedger } from "./ledger-postgres.js";
import { createSqliteLedger } from "./ledger-sqlite.js";
import type { DigestLedger } from "./types.js";

export interface OpenedLedger {
  ledger: DigestLedger;
  /** Closes what the ledger opened itself (the memory store's scratch database); the store closes the rest. */
  close(): void;
}

export async function openDigestLedger(connection: StoreConnection): Promise<OpenedLedger> {
  switch (connection.kind) {
    case "sqlite":
      return { ledger: createSqliteLedger(connection.db), close: () => undefined };
    case "postgres":
      return { ledger: await createPostgresLedger(connection.pool, { schema: connection.schema }), close: () => undefined };
    case "memory": {
      // A memory store forgets its cards on exit; its ledger forgets with it.
      const db = openSqliteDatabase(":memory:");
      return { ledger: createSqliteLedger(db), close: () => db.close() };
    }
  }
}

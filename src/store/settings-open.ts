// The settings on the store's own database (see open.ts StoreConnection). A memory store gets a
// scratch SQLite database: its settings are forgotten on exit, like its cards.
import type { StoreConnection } from "./open.js";
import { createPostgresSettings } from "./settings-postgres.js";
import { createSqliteSettings } from "./settings-sqlite.js";
import type { SettingsStore } from "./settings.js";
import { openSqliteDatabase } from "./sqlite.js";
import { migrateSqlite } from "./sqlite-schema.js";

export function openSettings(connection: StoreConnection, onError?: (err: unknown) => void): SettingsStore {
  switch (connection.kind) {
    case "sqlite":
      return createSqliteSettings(connection.db);
    case "postgres":
      return createPostgresSettings(connection.pool, { schema: connection.schema, ...(onError ? { onError } : {}) });
    case "memory": {
      const db = openSqliteDatabase(":memory:");
      migrateSqlite(db, "the scratch settings database");
      const settings = createSqliteSettings(db);
      return { ...settings, close: async () => {
          await settings.close();
          db.close();
        } };
    }
  }
}

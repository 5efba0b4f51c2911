// Takes a test database back to what an older briefbot left: the tables that migrations after `at` make
// and the columns they add are dropped, with the indexes on those columns first (SQLite refuses to drop
// an indexed column).
import type Sqlite from "better-sqlite3";
import { SQLITE_MIGRATIONS } from "../../src/store/sqlite-schema.js";

export function dropLaterColumns(raw: Sqlite.Database, at: number): void {
  for (const m of SQLITE_MIGRATIONS.slice(at + 1)) {
    for (const t of m.matchAll(/CREATE TABLE (\w+)/g)) raw.exec(`DROP TABLE IF EXISTS ${t[1]}`);
    for (const c of m.matchAll(/ALTER TABLE (\w+) ADD COLUMN (\w+)/g)) {
      const indexes = raw.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(c[1]) as Array<{ name: string; sql: string }>;
      for (const ix of indexes) if (new RegExp(`\\b${c[2]}\\b`).test(ix.sql)) raw.exec(`DROP INDEX ${ix.name}`);
      raw.exec(`ALTER TABLE ${c[1]} DROP COLUMN ${c[2]}`);
    }
  }
}

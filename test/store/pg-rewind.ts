// Takes a test schema back to what an older briefbot left: the tables that migrations after `at` make and
// the columns they add are dropped (with the indexes on them), and the schema version set to `at`.
import type pg from "pg";
import { POSTGRES_MIGRATIONS } from "../../src/store/postgres-schema.js";

export async function rewindPgSchema(pool: pg.Pool, schema: string, at: number): Promise<void> {
  const s = `"${schema}"`;
  for (const m of POSTGRES_MIGRATIONS.slice(at + 1)) {
    for (const t of m(s).matchAll(/CREATE TABLE (\S+)/g)) await pool.query(`DROP TABLE IF EXISTS ${t[1]}`);
    for (const c of m(s).matchAll(/ALTER TABLE (\S+) ADD COLUMN (\w+)/g)) await pool.query(`ALTER TABLE IF EXISTS ${c[1]} DROP COLUMN IF EXISTS ${c[2]}`);
  }
  await pool.query(`UPDATE ${s}.briefbot_meta SET value = $1 WHERE key = 'schema_version'`, [String(at)]);
}

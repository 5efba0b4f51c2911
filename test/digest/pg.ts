// PostgreSQL for the digest tests: 127.0.0.1:5432, db `test`, trust auth; one fresh schema per
// run, dropped at the end. Absent server: the suites are skipped with a message, except under
// CI=true where a missing server fails the run.
import { randomUUID } from "node:crypto";
import { Pool } from "pg";

export interface PgHandle {
  pool: Pool;
  schema: string;
  close(): Promise<void>;
}

export async function openTestPg(): Promise<PgHandle | undefined> {
  for (const user of ["postgres", "root"]) {
    const pool = new Pool({ host: "127.0.0.1", port: 5432, database: "test", user, max: 8, connectionTimeoutMillis: 2000 });
    try {
      await pool.query("SELECT 1");
      const schema = `digest_test_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
      return {
        pool,
        schema,
        async close() {
          await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
          await pool.end();
        },
      };
    } catch {
      await pool.end().catch(() => undefined);
    }
  }
  if (process.env.CI === "true") throw new Error("PostgreSQL at 127.0.0.1:5432 (db test) is required under CI=true");
  console.warn("digest tests: PostgreSQL at 127.0.0.1:5432 (db test) not reachable; its suites are skipped");
  return undefined;
}

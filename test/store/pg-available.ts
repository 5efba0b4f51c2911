// Whether the test PostgreSQL answers, decided once and synchronously so that suites can skip.
// Without a server the PostgreSQL tests are skipped with a message, except under CI=true.
import { spawnSync } from "node:child_process";

export const PG_URL = process.env.BRIEFBOT_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/test";

const probe = `
const { Client } = require("pg");
const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 2000 });
c.connect().then(() => c.query("SELECT 1")).then(() => c.end()).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;

function check(): { ok: boolean; why: string } {
  const r = spawnSync(process.execPath, ["-e", probe, PG_URL], { cwd: __dirname, encoding: "utf8", timeout: 10_000 });
  return { ok: r.status === 0, why: (r.stderr || r.error?.message || "no answer").trim() };
}

export const pg = check();
export const pgRequired = process.env.CI === "true";

/** `describe` when the server answers; a failing suite under CI; else a skipped one, with a message. */
export function describePg(name: string, fn: () => void): void {
  if (pg.ok) return describe(name, fn);
  if (pgRequired) {
    return describe(name, () => {
      test("PostgreSQL must answer under CI=true", () => {
        throw new Error(`PostgreSQL at ${PG_URL} did not answer: ${pg.why}`);
      });
    });
  }
  console.warn(`skipping "${name}": PostgreSQL at ${PG_URL} did not answer (${pg.why}); set CI=true to make this fail`);
  describe.skip(name, fn);
}

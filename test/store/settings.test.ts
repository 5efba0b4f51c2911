// The settings contract on SQLite (two connections to one file, as the CLI and the bot) and on
// PostgreSQL (two pools, as two replicas), plus PostgreSQL's NOTIFY reaching the other replica.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createPostgresSettings, createPostgresStore, createSqliteSettings, openSqliteDatabase, openStoreWithConnection } from "../../src/store/index.js";
import { describePg, PG_URL } from "./pg-available.js";
import { settingsContract } from "./settings-contract.js";

describe("SQLite settings", () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), "briefbot-settings-"))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  settingsContract(async () => {
    const path = join(dir, `s${n++}.db`);
    // The store migrates the file; the settings use its connection.
    const { store, connection } = await openStoreWithConnection(path);
    if (connection.kind !== "sqlite") throw new Error("expected SQLite");
    const dbA = connection.db;
    const dbB = openSqliteDatabase(path);
    return {
      a: createSqliteSettings(dbA),
      b: createSqliteSettings(dbB),
      async close() {
        dbB.close();
        await store.close();
      },
    };
  });

});

test("SQLite: a database the store never migrated is refused with a clear message", () => {
  const db = openSqliteDatabase(":memory:");
  expect(() => createSqliteSettings(db)).toThrow(/no settings tables/);
  db.close();
});

describePg("PostgreSQL settings", () => {
  const run = `bbs_${process.pid}_${Date.now().toString(36)}`;
  let poolA: pg.Pool;
  let poolB: pg.Pool;
  const schemas: string[] = [];
  beforeAll(() => {
    poolA = new pg.Pool({ connectionString: PG_URL, max: 4 });
    poolB = new pg.Pool({ connectionString: PG_URL, max: 4 });
  });
  afterAll(async () => {
    for (const s of schemas) await poolA.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await poolA.end();
    await poolB.end();
  });
  const fresh = async () => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    await (await createPostgresStore(poolA, { schema })).close();
    return schema;
  };

  settingsContract(async () => {
    const schema = await fresh();
    const a = createPostgresSettings(poolA, { schema });
    const b = createPostgresSettings(poolB, { schema });
    return { a, b, close: async () => void (await Promise.all([a.close(), b.close()])) };
  });

  test("a change made through one replica reaches the other's listener by NOTIFY", async () => {
    const schema = await fresh();
    const a = createPostgresSettings(poolA, { schema });
    const b = createPostgresSettings(poolB, { schema });
    try {
      const heard = new Promise<number>((resolve) => b.onChange(resolve));
      // LISTEN is issued when the first listener subscribes; wait until it is in place.
      await waitListening(poolA, `briefbot_settings_${schema}`);
      await a.putDestination(
        { id: "d1", platform: "discord", channel: "81", spec: {}, updatedBy: "cli:ops", updatedAt: 1 },
        { at: 1, actor: "cli:ops", surface: "cli", place: "cli", action: "digest.set", target: "d1", detail: {} },
      );
      expect(await heard).toBe(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

/** Waits until some session LISTENs on `channel` (pg_stat_activity shows the LISTEN query). */
async function waitListening(pool: pg.Pool, channel: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const r = await pool.query("SELECT 1 FROM pg_stat_activity WHERE query = $1", [`LISTEN "${channel}"`]);
    if (r.rowCount) return;
    await new Promise((res) => setTimeout(res, 10));
  }
  throw new Error(`nobody LISTENs on ${channel}`);
}

// The ledger on the store's own database: SQLite in the same file, PostgreSQL in the store's schema,
// the memory store with a ledger of its own; each usable until the store closes.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import { Pool } from "pg";
import { openDigestLedger } from "../../src/digest/index.js";
import { openStoreWithConnection } from "../../src/store/index.js";
import { describePg, PG_URL } from "../store/pg-available.js";

const SLOT = Date.parse("2026-03-09T07:00:00Z");

test("SQLite: the ledger's table is in the store's file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "briefbot-ledger-open-"));
  try {
    const path = join(dir, "s.db");
    const { store, connection } = await openStoreWithConnection(path);
    expect(connection.kind).toBe("sqlite");
    const { ledger, close } = await openDigestLedger(connection);
    expect(await ledger.claim("news", SLOT, "me", SLOT, 60_000)).toMatchObject({ kind: "claimed" });
    close();
    await store.close();
    const db = new Sqlite(path, { readonly: true });
    expect(db.prepare("SELECT destination_id, status FROM digest_ledger").all()).toEqual([{ destination_id: "news", status: "pending" }]);
    expect(db.prepare("SELECT count(*) AS n FROM articles").get()).toEqual({ n: 0 });
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("memory: a ledger of its own, forgotten with the store", async () => {
  const { store, connection } = await openStoreWithConnection("memory");
  const { ledger, close } = await openDigestLedger(connection);
  expect(await ledger.claim("news", SLOT, "me", SLOT, 60_000)).toMatchObject({ kind: "claimed" });
  expect(await ledger.unfinished("news")).toHaveLength(1);
  close();
  await store.close();
});

describePg("PostgreSQL: the ledger in the store's schema", () => {
  const schema = `ledger_open_${process.pid}`;
  afterAll(async () => {
    const pool = new Pool({ connectionString: PG_URL });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  test("one pool for both, two replicas see the same slot", async () => {
    const a = await openStoreWithConnection(`${PG_URL}?schema=${schema}`);
    const b = await openStoreWithConnection(`${PG_URL}?schema=${schema}`);
    if (a.connection.kind !== "postgres") throw new Error("expected postgres");
    expect(a.connection.schema).toBe(schema);
    const la = (await openDigestLedger(a.connection)).ledger;
    const lb = (await openDigestLedger(b.connection)).ledger;
    expect(await la.claim("news", SLOT, "replica-a", SLOT, 60_000)).toMatchObject({ kind: "claimed" });
    expect(await lb.claim("news", SLOT, "replica-b", SLOT + 1, 60_000)).toMatchObject({ kind: "busy", owner: "replica-a" });
    const { rows } = await a.connection.pool.query(`SELECT destination_id, owner FROM "${schema}".digest_ledger`);
    expect(rows).toEqual([{ destination_id: "news", owner: "replica-a" }]);
    await a.store.close();
    await b.store.close();
  });
});

// query(): a statement through the driver's callback form, on a pool and on a client, with the
// driver's results and errors (the real server).
import pg from "pg";
import { query } from "../../src/store/pg-query.js";
import { describePg, PG_URL } from "./pg-available.js";

describePg("query() through the callback form", () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({ connectionString: PG_URL, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
  });

  test("text and values, on the pool: the driver's result", async () => {
    const r = await query<{ n: number; s: string }>(pool, "SELECT $1::int + 1 AS n, repeat($2::text, 3) AS s", [41, "ab"]);
    expect(r.rows).toEqual([{ n: 42, s: "ababab" }]);
    expect(r.rowCount).toBe(1);
    expect(r.fields.map((f) => f.name)).toEqual(["n", "s"]);
  });

  test("a named statement on one client, run twice, and values given apart from the config", async () => {
    const c = await pool.connect();
    try {
      const config = { name: "briefbot_test_query_twice", text: "SELECT x FROM unnest($1::text[]) WITH ORDINALITY AS t(x, o) ORDER BY o DESC" };
      const first = await query<{ x: string }>(c, { ...config, values: [["harbour", "quay", "pier"]] });
      const again = await query<{ x: string }>(c, config, [["north", "south"]]);
      expect(first.rows.map((r) => r.x)).toEqual(["pier", "quay", "harbour"]);
      expect(again.rows.map((r) => r.x)).toEqual(["south", "north"]);
    } finally {
      c.release();
    }
  });

  test("the server's error rejects with its code, and the client goes on working", async () => {
    const c = await pool.connect();
    try {
      await expect(query(c, "SELECT 1 / $1::int", [0])).rejects.toMatchObject({ code: "22012" });
      await expect(query(c, "SELEC 1")).rejects.toMatchObject({ code: "42601" });
      expect((await query<{ ok: boolean }>(c, "SELECT true AS ok")).rows).toEqual([{ ok: true }]);
    } finally {
      c.release();
    }
  });

  test("inside a transaction: what it wrote is seen there and gone after a rollback", async () => {
    const c = await pool.connect();
    try {
      await query(c, "BEGIN");
      await query(c, "CREATE TEMP TABLE briefbot_query_t (v text) ON COMMIT DROP");
      await query(c, "INSERT INTO briefbot_query_t VALUES ($1), ($2)", ["tide", "swell"]);
      expect((await query<{ n: number }>(c, "SELECT count(*)::int AS n FROM briefbot_query_t")).rows[0]!.n).toBe(2);
      await query(c, "ROLLBACK");
      await expect(query(c, "SELECT 1 FROM briefbot_query_t")).rejects.toMatchObject({ code: "42P01" });
    } finally {
      c.release();
    }
  });
});

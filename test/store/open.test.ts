import { userInfo } from "node:os";
import pg from "pg";
import { postgresUser } from "../../src/config/index.js";
import { parseStoreSpec, withPostgresUser } from "../../src/store/index.js";
import { runBin } from "../helpers/bin.js";
import { describePg, PG_URL } from "./pg-available.js";

describe("parseStoreSpec", () => {
  test.each([
    [undefined, { kind: "sqlite", path: "data/briefbot.db" }],
    ["", { kind: "sqlite", path: "data/briefbot.db" }],
    ["memory", { kind: "memory" }],
    ["/tmp/x.db", { kind: "sqlite", path: "/tmp/x.db" }],
    ["sqlite:data/b.db", { kind: "sqlite", path: "data/b.db" }],
    ["file:///tmp/c.db", { kind: "sqlite", path: "/tmp/c.db" }],
    ["postgres://u@h:5432/db", { kind: "postgres", url: "postgres://u@h:5432/db" }],
    ["postgresql://h/db?schema=news&sslmode=disable", { kind: "postgres", url: "postgresql://h/db?sslmode=disable", schema: "news" }],
  ])("%s", (spec, want) => {
    expect(parseStoreSpec(spec)).toEqual(want);
  });
});

describe("withPostgresUser: a postgres:// URL without a user takes the one given (PGUSER, else the OS user)", () => {
  test.each<[string | undefined, string | undefined, string | undefined]>([
    ["postgres://127.0.0.1/news", "ana", "postgres://ana@127.0.0.1/news"],
    ["postgresql://h:5433/db?schema=x", "ana", "postgresql://ana@h:5433/db?schema=x"],
    ["postgres://bo@h/db", "ana", "postgres://bo@h/db"],
    ["postgres://h/db", undefined, "postgres://h/db"],
    ["postgres://h/db", "name with space", "postgres://name%20with%20space@h/db"],
    ["data/briefbot.db", "ana", "data/briefbot.db"],
    ["memory", "ana", "memory"],
    [undefined, "ana", undefined],
  ])("%s + %s", (spec, user, want) => {
    expect(withPostgresUser(spec, user)).toBe(want);
  });
});

test("postgresUser: PGUSER, else the OS user, as libpq", () => {
  expect(postgresUser({ PGUSER: "reporter" })).toBe("reporter");
  expect(postgresUser({ PGUSER: " " })).toBe(userInfo().username);
  expect(postgresUser({})).toBe(userInfo().username);
});

describePg("--db postgres://host/db without a user (built CLI)", () => {
  const bare = new URL(PG_URL);
  const user = decodeURIComponent(bare.username) || "postgres";
  bare.username = "";
  // A schema of its own: the public one may hold any earlier run's tables (other branches, other versions).
  const schema = `open_pguser_${process.pid}_${Date.now().toString(36)}`;
  bare.searchParams.set("schema", schema);
  afterAll(async () => {
    const pool = new pg.Pool({ connectionString: PG_URL, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await pool.end();
  });
  test("takes PGUSER even when USER is unset", () => {
    const r = runBin(["topics", "--db", bare.toString()], { env: { PGUSER: user, USER: undefined, BRIEFBOT_DB: undefined, DATABASE_URL: undefined } });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  }, 60_000);
});

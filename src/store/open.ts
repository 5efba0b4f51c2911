// One place that turns `--db PATH|URL` (or BRIEFBOT_DB / DATABASE_URL, read by cli/ and config/)
// into a store. The value comes in as a parameter: this module reads no environment.
import type { Database } from "better-sqlite3";
import type { Pool } from "pg";
import { createMemoryStore } from "./memory.js";
import { createPostgresPool, DEFAULT_POSTGRES_OPTIONS, openPostgresStore, openPostgresStoreOn } from "./postgres.js";
import { openSqliteDatabase, openSqliteStore, openSqliteStoreOn } from "./sqlite.js";
import type { BriefingStore } from "./types.js";
import { StoreError } from "./errors.js";

export const DEFAULT_DB_PATH = "data/briefbot.db";

export type StoreSpec =
  | { kind: "memory" }
  | { kind: "sqlite"; path: string }
  | { kind: "postgres"; url: string; schema?: string };

/**
 * "memory" -> in memory; postgres:// or postgresql:// URL -> PostgreSQL (`?schema=name` picks the
 * schema); "sqlite:PATH", "file:PATH" or any other value -> a SQLite file; nothing -> data/briefbot.db.
 */
export function parseStoreSpec(spec: string | undefined): StoreSpec {
  const v = spec?.trim();
  if (!v) return { kind: "sqlite", path: DEFAULT_DB_PATH };
  if (v === "memory" || v === ":memory:") return { kind: "memory" };
  if (/^postgres(ql)?:\/\//i.test(v)) {
    let url: URL;
    try {
      url = new URL(v);
    } catch (err) {
      throw new StoreError("bad_spec", `"${v}" is not a valid PostgreSQL URL`, { cause: err });
    }
    const schema = url.searchParams.get("schema") ?? undefined;
    url.searchParams.delete("schema");
    return schema ? { kind: "postgres", url: url.toString(), schema } : { kind: "postgres", url: url.toString() };
  }
  // Another scheme (mysql://, redis:) is a mistake, not a SQLite file named "mysql:".
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(v)?.[1]?.toLowerCase();
  if (scheme && scheme !== "sqlite" && scheme !== "file") {
    throw new StoreError("bad_spec", `unknown database scheme "${scheme}:" in "${v}": give a file path, sqlite:PATH, memory or postgres://host/db`);
  }
  const path = v.replace(/^(sqlite|file):(\/\/)?/i, "");
  if (!path) throw new StoreError("bad_spec", `"${v}" names no database file`);
  return { kind: "sqlite", path };
}

/**
 * A postgres:// URL without a user takes `user` (PGUSER, else the OS user: what libpq does, and what
 * pg does not when USER is unset, as in containers). Anything else is returned as it is.
 */
export function withPostgresUser(spec: string | undefined, user: string | undefined): string | undefined {
  const v = spec?.trim();
  if (!v || !user || !/^postgres(ql)?:\/\//i.test(v)) return spec;
  try {
    const url = new URL(v);
    if (url.username) return spec;
    url.username = encodeURIComponent(user);
    return url.toString();
  } catch {
    return spec; // parseStoreSpec words the error
  }
}

export async function openStore(spec: string | undefined): Promise<BriefingStore> {
  const s = parseStoreSpec(spec);
  switch (s.kind) {
    case "memory":
      return createMemoryStore();
    case "sqlite":
      return openSqliteStore(s.path);
    case "postgres":
      return openPostgresStore(s.url, s.schema ? { schema: s.schema } : {});
  }
}

/**
 * The database a store runs on, for other tables that must live beside it (the digest ledger).
 * The store still owns it: use it only until `store.close()`, which closes it.
 */
export type StoreConnection =
  | { kind: "memory" }
  | { kind: "sqlite"; db: Database; path: string }
  | { kind: "postgres"; pool: Pool; schema: string };

export interface OpenedStore {
  store: BriefingStore;
  connection: StoreConnection;
}

/** Like openStore, and also hands back the connection the store opened (one connection, one place). */
export async function openStoreWithConnection(spec: string | undefined): Promise<OpenedStore> {
  const s = parseStoreSpec(spec);
  switch (s.kind) {
    case "memory":
      return { store: createMemoryStore(), connection: { kind: "memory" } };
    case "sqlite": {
      const db = openSqliteDatabase(s.path);
      return { store: openSqliteStoreOn(db, s.path), connection: { kind: "sqlite", db, path: s.path } };
    }
    case "postgres": {
      const pool = createPostgresPool(s.url);
      const schema = s.schema ?? DEFAULT_POSTGRES_OPTIONS.schema;
      return { store: await openPostgresStoreOn(pool, { schema }), connection: { kind: "postgres", pool, schema } };
    }
  }
}

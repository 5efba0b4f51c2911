// One query through node-postgres's callback form, answered by a promise made here.
//
// The promise the driver returns when it is given no callback keeps each result reachable after the
// caller is done with it, until the collector's second scavenge: every row string a query read was copied
// by one scavenge and promoted to the old generation by the next. Measured with the driver alone, reading
// six 8,000-character values a query, 1,500 queries in turn (`--trace-gc-nvp`): with its promise each
// scavenge kept 13 MB and took 3-32 ms; with its callback form, wrapped as here, none kept anything
// and each took 0.2-0.4 ms. The stories' decision reads every candidate story's `recent` (about 8 KB
// of JSON a story), so its scavenges paid for that (docs/stories.md, sixteenth round).
import type pg from "pg";

/** What can run a query: a pool or one of its clients. */
export type Queryable = Pick<pg.PoolClient, "query"> | Pick<pg.Pool, "query">;

type Callback<R extends pg.QueryResultRow> = (err: Error | undefined, result: pg.QueryResult<R>) => void;

/** `c.query(config, values)`, run through the driver's callback form. */
export function query<R extends pg.QueryResultRow = pg.QueryResultRow>(c: Queryable, config: string | pg.QueryConfig, values?: unknown[]): Promise<pg.QueryResult<R>> {
  const q: pg.QueryConfig = typeof config === "string" ? { text: config, values } : values ? { ...config, values } : config;
  return new Promise((resolve, reject) => {
    // One config object and a callback: the form every pg Queryable takes.
    (c.query as unknown as (q: pg.QueryConfig, cb: Callback<R>) => void)(q, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

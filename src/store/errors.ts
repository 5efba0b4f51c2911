// One class per stable code; the CLI words them for people.
export type StoreErrorCode = "newer_schema" | "bad_spec" | "unavailable" | "read_only" | "full";

export class StoreError extends Error {
  override readonly name = "StoreError";
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// Node socket errors and PostgreSQL's "connection exception" (08xxx) and "operator intervention" codes
// (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
const DOWN_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|08\w{3}|57P0[123])$/;
const DOWN_WORDS = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i;

/** Whether `err` means the store's database cannot be reached (as opposed to a bad query or bad data). */
export function isStoreUnavailable(err: unknown): boolean {
  if (err instanceof StoreError) return err.code === "unavailable";
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && DOWN_CODES.test(code)) return true;
  if (DOWN_WORDS.test(err.message)) return true;
  // AggregateError (every address refused) and wrapped causes.
  const inner = (err as { errors?: unknown[] }).errors ?? [];
  return [...inner, err.cause].some((e) => e !== undefined && e !== err && isStoreUnavailable(e));
}

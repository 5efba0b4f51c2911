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

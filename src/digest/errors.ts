// What a DigestSender throws, one class per stable code (the runner retries by class), and the
// ledger's own failure. Platform adapters map their SDK errors onto these and keep `cause`.

/** 429: wait `retryAfterMs` (the time the platform named), then try again. */
export class RateLimitedError extends Error {
  override readonly name = "RateLimitedError";
  readonly code = "rate_limited" as const;
  constructor(
    readonly retryAfterMs: number,
    /** True when the whole platform budget is spent (Discord's global limit), not one route. */
    readonly global = false,
    options?: { cause?: unknown },
  ) {
    super(`rate limited: retry after ${retryAfterMs} ms${global ? " (global)" : ""}`, options);
  }
}

/** Will not succeed by retrying: channel_not_found, not_in_channel, missing access, invalid_auth... */
export class PermanentSendError extends Error {
  override readonly name = "PermanentSendError";
  readonly code = "permanent" as const;
  constructor(
    /** The platform's own word for it, stored in the ledger: "channel_not_found", "missing_access". */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`cannot send: ${reason}`, options);
  }
}

/** 5xx, timeouts, resets: retry with backoff, a bounded number of times. */
export class TransientSendError extends Error {
  override readonly name = "TransientSendError";
  readonly code = "transient" as const;
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`temporary failure: ${reason}`, options);
  }
}

export type DigestSendError = RateLimitedError | PermanentSendError | TransientSendError;

/** A ledger write failed or the ledger's table is from a newer briefbot. */
export class DigestLedgerError extends Error {
  override readonly name = "DigestLedgerError";
  readonly code = "ledger" as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

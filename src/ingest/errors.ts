// One class per stable code; the summary line and the CLI word them for people.
export type FetchErrorCode =
  | "bad_url"
  | "timeout"
  | "network"
  | "too_large"
  | "too_many_redirects"
  | "forbidden"
  | "rate_limited"
  | "not_found"
  | "http_status"
  | "unsupported_type"
  | "refused";

export class FetchError extends Error {
  override readonly name = "FetchError";
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number; retryAfter?: string },
  ) {
    super(message, options);
    this.status = options?.status;
    this.retryAfter = options?.retryAfter;
  }
  readonly status: number | undefined;
  readonly retryAfter: string | undefined;
}

export type IngestErrorCode = "unsupported_file" | "no_article" | "bad_line" | "unreadable" | "bad_feed";

export class IngestError extends Error {
  override readonly name = "IngestError";
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

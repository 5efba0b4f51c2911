// One class per stable code; the message says what to do about it.
export type DiscordAdapterErrorCode = "bad_config" | "connect_failed" | "bad_request";

export class DiscordAdapterError extends Error {
  override readonly name = "DiscordAdapterError";
  constructor(
    readonly code: DiscordAdapterErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

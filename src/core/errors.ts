// One class per stable code; adapters word them for people.
export type CardErrorCode = "empty" | "not_text" | "too_large";

export class CardError extends Error {
  override readonly name = "CardError";
  constructor(
    readonly code: CardErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

// The words a person gets when a question could not be answered, by cause. One place for all
// surfaces (Slack, Discord, console), so the same failure reads the same everywhere.
import { isStoreUnavailable } from "../store/index.js";

/** The store's database is unreachable: say so, and that it is worth trying again. */
export const STORE_UNAVAILABLE_TEXT =
  "The briefing store is not answering just now (its database cannot be reached), so I cannot look that up. Please try again in a minute.";

/** The words for a failed answer: the store being down is said plainly; anything else falls back to `otherwise`. */
export function answerFailureText(err: unknown, otherwise: string): string {
  return isStoreUnavailable(err) ? STORE_UNAVAILABLE_TEXT : otherwise;
}

// The console bot's digest: printed as text. Never rate limited; the message id is the slot's key.
import type { DigestSender } from "./types.js";
import { digestToText } from "./text.js";

export function createConsoleSender(write: (text: string) => void): DigestSender {
  return {
    platform: "console",
    async send(destination, cards, ctx) {
      write(digestToText(destination, cards, ctx));
      return { messageId: `console:${ctx.idempotencyKey}` };
    },
  };
}

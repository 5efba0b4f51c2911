// A title for an article that came without one: its first sentence, at most 15 words.
import type { Doc } from "../../text/index.js";

export function makeTitle(doc: Doc): string {
  const first = doc.sentences[0]?.text ?? "";
  return first.split(/\s+/).slice(0, 15).join(" ");
}

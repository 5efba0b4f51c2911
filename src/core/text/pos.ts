// Part-of-speech tags from wink-nlp's English model (a tagger that ships its model in the npm package:
// offline, CPU only, about a millisecond for a 600-word article). Made on first use, not at import.
import winkNLP, { type ItemToken, type WinkMethods } from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** Universal Dependencies part-of-speech tags, as the model gives them. */
export type PosTag =
  | "ADJ" | "ADP" | "ADV" | "AUX" | "CCONJ" | "DET" | "INTJ" | "NOUN" | "NUM" | "PART"
  | "PRON" | "PROPN" | "PUNCT" | "SCONJ" | "SYM" | "VERB" | "X" | "SPACE";

export interface TaggedToken {
  text: string;
  /** Offsets into the text given to `tagText`. */
  start: number;
  end: number;
  pos: PosTag;
}

let nlp: WinkMethods | undefined;

/** The tokens of `text` with their part of speech. */
export function tagText(text: string): TaggedToken[] {
  nlp ??= winkNLP(model, ["pos"]);
  const its = nlp.its;
  const out: TaggedToken[] = [];
  let at = 0;
  nlp.readDoc(text).tokens().each((t: ItemToken) => {
    const token = t.out();
    at += t.out(its.precedingSpaces).length;
    // The tokenizer keeps the text's characters; look the token up to stay aligned even if it did not.
    const found = text.startsWith(token, at) ? at : text.indexOf(token, at);
    const start = found >= 0 ? found : at;
    out.push({ text: token, start, end: start + token.length, pos: t.out(its.pos) as PosTag });
    at = start + token.length;
  });
  return out;
}

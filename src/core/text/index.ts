export { analyze, sentenceAt, splitParagraphs, titleMark, words, wordsBefore } from "./doc.js";
export type { Doc, Paragraph, Sentence, Span } from "./doc.js";
export { normalizeText, stableHash } from "./normalize.js";
export { isCommonWord } from "./common.js";
export { contentTerms, isStopword, stem, termsOnce } from "./terms.js";
export { editDistance } from "./distance.js";
export { isNounTag, tagIn, tagText, verbLemma } from "./pos.js";
export type { PosTag, TaggedToken } from "./pos.js";
export { caseLikeBody, isShouted } from "./case.js";

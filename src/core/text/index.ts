export { analyze, sentenceAt, splitParagraphs, words } from "./doc.js";
export type { Doc, Paragraph, Sentence, Span } from "./doc.js";
export { normalizeText, stableHash } from "./normalize.js";
export { contentTerms, isStopword, stem } from "./terms.js";
export { editDistance } from "./distance.js";

export { buildCard, checkArticleText, DEFAULT_CARD_OPTIONS } from "./card.js";
export type { CardOptions } from "./card.js";
export { CardError } from "./errors.js";
export type { CardErrorCode } from "./errors.js";
export * from "./types.js";
export { analyze, normalizeText, stableHash, stem, words } from "./text/index.js";
export type { Doc, Sentence } from "./text/index.js";
export { topicKey } from "./extract/topics.js";
export { figureScore } from "./extract/figures.js";

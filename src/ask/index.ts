export type { Answer, ArticleRef, Asker, FigureAnswer, Intent, QuoteAnswer, StoryRef } from "./types.js";
export { createAsker, DEFAULT_ASKER_OPTIONS, COMMANDS_HELP } from "./asker.js";
export type { AskerOptions, AskerParts } from "./asker.js";
export { isKnownCommand, parseQuestion, SLASH_COMMANDS } from "./parse.js";
export { topicForms } from "./aliases.js";
export type { TrendPoint, TrendSeries } from "../trends/index.js";

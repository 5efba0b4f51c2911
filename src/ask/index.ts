export type { Answer, ArticleRef, Asker, FigureAnswer, Intent, QuoteAnswer } from "./types.js";

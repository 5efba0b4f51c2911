export type { BriefingStore, FigureHit, PutResult, PutStatus, QuoteHit, StoredArticle, TopicCount } from "./types.js";

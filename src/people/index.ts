export { createMatcher, DEFAULT_MATCH_OPTIONS, personWords } from "./match.js";
export type { Matcher, MatchOptions } from "./match.js";
export { aboutWords, createPersonAnswers, DEFAULT_PEOPLE_OPTIONS } from "./answers.js";
export type { PeopleOptions } from "./answers.js";
export type { ArticleRef, MatchedBy, PersonCard, PersonMatch, PersonQuote, PersonQuotes, PersonRef } from "./types.js";

export { storyFeatures } from "./features.js";
export { claimKeys, figureRange, figuresAgree, joinFlags, sameThing, shownFlags, storyFlags } from "./flags.js";
export { chooseStory, matchFeatures, pairScore, sameQuoteWords, STORY_WEIGHTS, storyKeys } from "./match.js";
export type { MatchFeatures, StoryCandidate, StoryDecision } from "./match.js";
export { DEFAULT_STORY_OPTIONS } from "./types.js";
export type { FigureSig, FlagKind, QuoteSig, StoryFeatures, StoryFlag, StoryOptions, StorySummary } from "./types.js";
export { createStoryGrouper, storyIdOf } from "./grouper.js";
export type { StoryGroup, StoryGrouper } from "./grouper.js";

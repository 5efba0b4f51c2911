export { storyFeatures } from "./features.js";
export { figureRange, figuresAgree, sameThing, storyFlags, storyFlagsJoined } from "./flags.js";
export { chooseStory, pairScore, sameQuoteWords, STORY_WEIGHTS, storyKeys } from "./match.js";
export type { StoryCandidate, StoryDecision } from "./match.js";
export { DEFAULT_STORY_OPTIONS } from "./types.js";
export type { FigureSig, FlagKind, QuoteSig, StoryFeatures, StoryFlag, StoryOptions, StorySummary } from "./types.js";
export { createStoryGrouper, storyIdOf } from "./grouper.js";
export type { StoryGroup, StoryGrouper } from "./grouper.js";

export { cardToMarkdown, cardToText, escapeMarkdown, formatValue } from "./text.js";
export { answerToText, cardListToText } from "./answer-text.js";
export { answerFailureText, STORE_UNAVAILABLE_TEXT } from "./failure.js";
export { flagLine, flagLines, sourcesLine, storyOutlets } from "./story-text.js";
export { hasStoryButton, isStoryId, STORY_BUTTON_BROKEN_TEXT, STORY_GONE_TEXT, storyButtonLabel } from "./story-button.js";
export { pointDate, pointSource, pointValue, sparkline, trendSummary, trendTitle, trendToText } from "./trend-text.js";

export { cardToMarkdown, cardToText, escapeMarkdown, formatValue } from "./text.js";
export { answerToText, cardListToText } from "./answer-text.js";
export { flagLine, flagLines, sourcesLine, storyOutlets } from "./story-text.js";

export { cardToMarkdown, cardToText, escapeMarkdown, formatValue } from "./text.js";
export { answerToText, digestToText } from "./answer-text.js";

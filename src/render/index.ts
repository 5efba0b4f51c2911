export { cardToMarkdown, cardToText, escapeMarkdown, formatValue } from "./text.js";

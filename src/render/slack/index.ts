// Slack Block Kit rendering: pure, within Slack's limits, escaped.
export { answerToSlack, noticeToSlack, postButton, POST_CARD_ACTION, STORY_ACTION, storyActionId } from "./answer.js";
export type { AnswerRenderOptions, PostCardValue } from "./answer.js";
export { cardBlocks, cardFallback, DEFAULT_CARD_BLOCK_OPTIONS } from "./card.js";
export type { CardBlockOptions } from "./card.js";
export { escapeMrkdwn, link, mentionUser } from "./escape.js";
export { digestToSlack, type SlackDigest } from "./digest.js";
export { checkMessage, ELLIPSIS, fitMessage, shorten, SLACK_LIMITS } from "./limits.js";
export type { Block, SlackMessage, TextObject } from "./blocks.js";
export { context, header, section } from "./blocks.js";
export { cardUnfurlBlocks } from "./unfurl.js";

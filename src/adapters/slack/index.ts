// The Slack app: Bolt in Socket Mode or HTTP mode over an Asker. See docs/slack.md.
export { DEFAULT_SLACK_CONFIG, startSlack } from "./start.js";
export { questionText, SLASH_COMMANDS } from "./handlers.js";
export type { RunningSlack, SlackConfig, SlackRetryOptions, StartSlackOptions } from "./start.js";
export { classifySlackError, SlackAdapterError } from "./errors.js";
export type { SlackErrorCode, SlackProblem } from "./errors.js";
export { redactSecrets } from "./logger.js";
export { createSlackDigestClient, createSlackDigestSender, DIGEST_EVENT_TYPE, slackDigestError } from "./digest-sender.js";
export type { SlackDigestClientOptions, SlackDigestSenderOptions } from "./digest-sender.js";
export { MANAGE_COMMANDS, registerManage, type SlackManage } from "./manage.js";

// The Slack app: Bolt in Socket Mode or HTTP mode over an Asker. See docs/slack.md.
export { DEFAULT_SLACK_CONFIG, startSlack } from "./start.js";
export { questionText, SLASH_COMMANDS } from "./handlers.js";
export type { RunningSlack, SlackConfig, SlackRetryOptions, StartSlackOptions } from "./start.js";
export { classifySlackError, SlackAdapterError } from "./errors.js";
export type { SlackErrorCode, SlackProblem } from "./errors.js";
export { redactSecrets } from "./logger.js";

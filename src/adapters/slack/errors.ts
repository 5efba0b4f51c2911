// Slack failures, classified once and worded for people: a log line for the operator, a reply for the user.

export type SlackErrorCode = "config" | "invalid_auth" | "start_failed";

/** Why the Slack adapter could not start. */
export class SlackAdapterError extends Error {
  override readonly name = "SlackAdapterError";
  constructor(
    readonly code: SlackErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export type SlackProblem = "channel_not_found" | "not_in_channel" | "invalid_auth" | "rate_limited" | "slack_unavailable" | "unknown";

/** What went wrong in a Web API or response_url call. */
export function classifySlackError(err: unknown): { problem: SlackProblem; detail: string } {
  const e = (err ?? {}) as { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; response?: { status?: unknown }; message?: unknown };
  const message = typeof e.message === "string" ? e.message : String(err);
  const apiError = typeof e.data?.error === "string" ? e.data.error : undefined;
  if (apiError === "channel_not_found" || apiError === "not_in_channel" || apiError === "invalid_auth") return { problem: apiError, detail: apiError };
  if (apiError === "account_inactive" || apiError === "token_revoked" || apiError === "not_authed") return { problem: "invalid_auth", detail: apiError };
  if (apiError === "ratelimited" || e.code === "slack_webapi_rate_limited_error" || /rate limit/i.test(message)) return { problem: "rate_limited", detail: message };
  const status = typeof e.statusCode === "number" ? e.statusCode : typeof e.response?.status === "number" ? e.response.status : undefined;
  if (status === 429) return { problem: "rate_limited", detail: `HTTP 429` };
  if ((status !== undefined && status >= 500) || e.code === "slack_webapi_request_error") return { problem: "slack_unavailable", detail: status ? `HTTP ${status}` : message };
  return { problem: "unknown", detail: apiError ?? message };
}

export const PROBLEM_WORDS: Record<SlackProblem, { log: string; reply: string }> = {
  channel_not_found: {
    log: "Slack answered channel_not_found: the channel is gone, or private and the bot is not in it",
    reply: "I can't see this channel. If it is private, invite me with `/invite @briefbot` and try again.",
  },
  not_in_channel: {
    log: "Slack answered not_in_channel: the bot is not a member of the channel",
    reply: "I'm not in this channel yet: invite me with `/invite @briefbot` and try again.",
  },
  invalid_auth: {
    log: "Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN, or reinstall the app to the workspace",
    reply: "Slack refused briefbot's token. Please ask a workspace admin to reinstall the app.",
  },
  rate_limited: {
    log: "Slack kept rate-limiting the bot (429) after the configured retries",
    reply: "Slack is asking me to slow down. Please try again in a minute.",
  },
  slack_unavailable: {
    log: "Slack's Web API failed (5xx or network) after the configured retries",
    reply: "Slack is having trouble right now. Please try again in a minute.",
  },
  unknown: {
    log: "a Slack call failed",
    reply: "Something went wrong talking to Slack. Please try again.",
  },
};

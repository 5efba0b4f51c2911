// The small pure pieces of the adapter: what a question is, how errors are classified, what logs hide.
import { classifySlackError, questionText, redactSecrets, type SlackProblem } from "../../../src/adapters/slack/index.js";

test.each<[string, string]>([
  ["<@UBOT> who said the bridge will not rust?", "who said the bridge will not rust?"],
  ["<@UBOT|briefbot>   brief    ferry ", "brief ferry"],
  ["figures on R&amp;D &lt;2031&gt;", "figures on R&D <2031>"],
  ["<@UBOT>", ""],
])("question in %j is %j", (text, want) => expect(questionText(text)).toBe(want));

test.each<[unknown, SlackProblem, string]>([
  [{ code: "slack_webapi_platform_error", data: { ok: false, error: "channel_not_found" } }, "channel_not_found", "channel_not_found"],
  [{ code: "slack_webapi_platform_error", data: { ok: false, error: "not_in_channel" } }, "not_in_channel", "not_in_channel"],
  [{ code: "slack_webapi_platform_error", data: { ok: false, error: "token_revoked" } }, "invalid_auth", "token_revoked"],
  [{ code: "slack_webapi_http_error", statusCode: 502 }, "slack_unavailable", "HTTP 502"],
  [new Error("A rate limit was exceeded (url: x, retry-after: 1)"), "rate_limited", "A rate limit was exceeded (url: x, retry-after: 1)"],
  [{ message: "Request failed with status code 500", response: { status: 500 } }, "slack_unavailable", "HTTP 500"],
  [{ code: "slack_webapi_platform_error", data: { ok: false, error: "msg_too_long" } }, "unknown", "msg_too_long"],
])("%j is %s", (err, problem, detail) => expect(classifySlackError(err)).toEqual({ problem, detail }));

test.each<[string, string]>([
  ["bot xoxb-1234-5678-abcdEFGH in a line", "bot [redacted] in a line"],
  ['{"token":"xapp-1-A0001-99-ff"}', '{"token":"[redacted]"}'],
  ["user xoxp-1-2-3 and refresh xoxe-1-abc", "user [redacted] and refresh [redacted]"],
  ["secret 8f742231b10e8888 inside", "secret [redacted] inside"],
  ["nothing here", "nothing here"],
])("redacts %j", (line, want) => expect(redactSecrets(line, ["8f742231b10e8888"])).toBe(want));

// What Slack sends an app: slash commands, events and button clicks, plus the v0 request signature.
import { createHmac } from "node:crypto";

export const TEAM = "T0001";
export const USER = "U0USER1";

export function slashCommand(command: string, text: string, responseUrl: string, channel = "C0GENERAL"): Record<string, string> {
  return {
    token: "verification-token-unused",
    team_id: TEAM,
    team_domain: "test",
    channel_id: channel,
    channel_name: "general",
    user_id: USER,
    user_name: "reader",
    command,
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  };
}

function eventCallback(event: Record<string, unknown>): Record<string, unknown> {
  return {
    token: "verification-token-unused",
    team_id: TEAM,
    api_app_id: "A0001",
    event,
    type: "event_callback",
    event_id: `Ev${String(event.ts).replace(".", "")}`,
    event_time: 1_900_000_000,
    authorizations: [{ enterprise_id: null, team_id: TEAM, user_id: "UBOT", is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export const mention = (text: string, ts: string, channel = "C0GENERAL", threadTs?: string) =>
  eventCallback({ type: "app_mention", user: USER, text, ts, channel, event_ts: ts, ...(threadTs ? { thread_ts: threadTs } : {}) });

export const directMessage = (text: string, ts: string, channel = "D0DM1", extra: Record<string, unknown> = {}) =>
  eventCallback({ type: "message", channel_type: "im", user: USER, text, ts, channel, event_ts: ts, ...extra });

/** Slack's link_shared: links posted in a channel whose domains are in the app's unfurl domains. */
export const linkShared = (urls: string[], ts: string, channel = "C0GENERAL") =>
  eventCallback({
    type: "link_shared", user: USER, channel, message_ts: ts, event_ts: ts, ts, is_bot_user_member: true, source: "conversations_history",
    unfurl_id: `U${ts}`, links: urls.map((url) => ({ url, domain: new URL(url).hostname })),
  });

export function blockAction(actionId: string, value: string, responseUrl: string, channel = "C0GENERAL"): Record<string, unknown> {
  return {
    type: "block_actions",
    user: { id: USER, username: "reader", team_id: TEAM },
    api_app_id: "A0001",
    token: "verification-token-unused",
    container: { type: "message", message_ts: "1900000000.000001", channel_id: channel, is_ephemeral: true },
    trigger_id: "1.2.4",
    team: { id: TEAM, domain: "test" },
    channel: { id: channel, name: "general" },
    response_url: responseUrl,
    actions: [{ action_id: actionId, block_id: "b1", text: { type: "plain_text", text: "Post to channel" }, value, type: "button", action_ts: "1900000000.1" }],
  };
}

/** Slack asks an external select for options as the user types (`block_suggestion`). */
export const blockSuggestion = (actionId: string, value: string, blockId = "person_block") => ({
  type: "block_suggestion", user: { id: USER, name: "reader", team_id: TEAM }, team: { id: TEAM, domain: "test" },
  api_app_id: "A0001", token: "verification-token-unused", container: { type: "view", view_id: "V1" },
  action_id: actionId, block_id: blockId, value,
});

/** A modal submitted: `values` as Slack sends them, block id -> action id -> element state. */
export const viewSubmission = (view: Record<string, unknown>, values: Record<string, Record<string, unknown>>) => ({
  type: "view_submission", user: { id: USER, name: "reader", team_id: TEAM }, team: { id: TEAM, domain: "test" },
  api_app_id: "A0001", token: "verification-token-unused", trigger_id: "1.2.5",
  view: { id: "V1", team_id: TEAM, type: "modal", callback_id: view.callback_id, private_metadata: view.private_metadata, blocks: view.blocks, state: { values }, hash: "h1" },
});

/** Slack's v0 signature: HMAC-SHA256 of `v0:{timestamp}:{body}` with the signing secret. */
export const sign = (secret: string, timestampSec: number, body: string): string =>
  `v0=${createHmac("sha256", secret).update(`v0:${timestampSec}:${body}`).digest("hex")}`;

export interface SignedPost {
  secret: string;
  timestampSec: number;
  /** Overrides the computed signature (a forgery). */
  signature?: string;
}

/** POSTs a body to the app as Slack does; `form` bodies are slash commands, `payload` forms are interactions. */
export async function postToApp(
  url: string,
  kind: "form" | "json" | "payload",
  data: Record<string, unknown>,
  s: SignedPost,
): Promise<{ status: number; body: string; ms: number }> {
  const body =
    kind === "json"
      ? JSON.stringify(data)
      : kind === "payload"
        ? new URLSearchParams({ payload: JSON.stringify(data) }).toString()
        : new URLSearchParams(data as Record<string, string>).toString();
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": kind === "json" ? "application/json" : "application/x-www-form-urlencoded",
      "x-slack-request-timestamp": String(s.timestampSec),
      "x-slack-signature": s.signature ?? sign(s.secret, s.timestampSec, body),
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}

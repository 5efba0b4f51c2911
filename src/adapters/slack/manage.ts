// /feeds and /digest on Slack: the text is parsed by manage/, the caller's facts come from users.info
// (is_admin, is_owner, tz) and, for user groups named in config, usergroups.users.list; the answer is
// private (ephemeral, through response_url). Acked at once: checking a feed can take seconds.
import type { App, webApi } from "@slack/bolt";
import type { Logger } from "../../log/index.js";
import {
  parseDigest, parseFeeds, resultToText,
  type CallerFacts, type ManagePolicy, type ManageResult, type ManageService, type Parsed, type ManageCommand,
} from "../../manage/index.js";
import { classifySlackError, PROBLEM_WORDS } from "./errors.js";

export interface SlackManage {
  service: ManageService;
  policy: ManagePolicy;
}

/** The commands, with their parsers; manifest.yml declares them. */
export const MANAGE_COMMANDS: Record<string, (text: string) => Parsed<ManageCommand>> = { "/feeds": parseFeeds, "/digest": parseDigest };

/** Slack: a message's text is at most 40,000 characters; an ephemeral preview is kept well below. */
const MAX_TEXT = 3800;
const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** Facts for the permission check and the default zone. users.info fails: treated as no admin, no zone. */
async function callerFacts(client: webApi.WebClient, userId: string, policy: ManagePolicy, log: Logger): Promise<{ facts: CallerFacts; tz?: string }> {
  let isAdmin = false, isOwner = false, tz: string | undefined;
  try {
    const r = await client.users.info({ user: userId });
    isAdmin = r.user?.is_admin === true;
    isOwner = r.user?.is_owner === true || r.user?.is_primary_owner === true;
    tz = r.user?.tz || undefined;
  } catch (err) {
    log.warn({ problem: classifySlackError(err).problem, user: userId }, "users.info failed: the caller is treated as no admin");
  }
  const usergroups: string[] = [];
  // Only asked when nothing else already allows the caller (each group is one call).
  if (!isAdmin && !isOwner && !policy.slack.users.includes(userId)) {
    for (const group of policy.slack.usergroups) {
      try {
        const r = await client.usergroups.users.list({ usergroup: group });
        if (r.users?.includes(userId)) usergroups.push(group);
      } catch (err) {
        log.warn({ problem: classifySlackError(err).problem, usergroup: group }, "usergroups.users.list failed");
      }
    }
  }
  return { facts: { platform: "slack", userId, isAdmin, isOwner, usergroups }, ...(tz ? { tz } : {}) };
}

/** Whether the bot can see the channel (a private channel it is not in reads as channel_not_found). */
async function channelCheck(client: webApi.WebClient, channel: string): Promise<ManageResult | undefined> {
  try {
    await client.conversations.info({ channel });
    return undefined;
  } catch (err) {
    const { detail } = classifySlackError(err);
    return { kind: "channel_unknown", channel: `<#${channel}>`, reason: `Slack says ${detail}` };
  }
}

export function registerManage(app: App, deps: { manage: SlackManage; log: Logger; track: <T>(work: Promise<T>) => Promise<T> }): void {
  const { manage, log, track } = deps;
  for (const [name, parse] of Object.entries(MANAGE_COMMANDS)) {
    app.command(name, async ({ command, ack, respond, client }) => {
      await ack();
      await track(
        (async () => {
          let text: string;
          try {
            const parsed = parse(command.text ?? "");
            let result: ManageResult;
            if (!parsed.ok) result = { kind: "invalid", error: parsed.error };
            else {
              const { facts, tz } = await callerFacts(client, command.user_id, manage.policy, log);
              const blocked = parsed.command.kind === "digest.set" ? await channelCheck(client, command.channel_id) : undefined;
              result = blocked ?? (await manage.service.handle({ caller: facts, place: { platform: "slack", channel: command.channel_id }, command: parsed.command, ...(tz ? { callerZone: tz } : {}) }));
              log.info({ command: name, user: command.user_id, channel: command.channel_id, result: result.kind }, "manage command");
            }
            text = clip(resultToText(result));
          } catch (err) {
            log.error({ err, command: name }, "manage command failed");
            text = "Sorry, that could not be done just now (the settings store did not answer). Please try again.";
          }
          try {
            await respond({ response_type: "ephemeral", text });
          } catch (err) {
            const { problem, detail } = classifySlackError(err);
            log.error({ problem, detail, command: name }, `could not answer through response_url: ${PROBLEM_WORDS[problem].log}`);
          }
        })(),
      );
    });
  }
}

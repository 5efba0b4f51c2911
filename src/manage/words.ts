// Management results in words for people: plain text with `code` spans, which Slack, Discord and a
// terminal all show well. One wording for every surface.
import { digestToText, formatLocal, type DigestDestination, type SlotOutcome } from "../digest/index.js";
import type { AuditEntry } from "../store/index.js";
import type { FeedView } from "./destinations.js";
import type { Listed, ManageResult } from "./service.js";

const usage = (forms: readonly string[]) => `Accepted forms:\n${forms.map((f) => `• \`${f}\``).join("\n")}`;

export function schedule(d: DigestDestination): string {
  const when = d.cron !== undefined ? `on cron \`${d.cron}\`` : `at ${d.time}`;
  const days = d.quietDays.length ? `, not on ${d.quietDays.join(", ")}` : "";
  const topics = d.topics === "all" ? "all topics" : `topics ${d.topics.join(", ")}`;
  return `${when} ${d.timezone}${days}, ${topics}`;
}

function destinationLine(v: Listed): string {
  const d = v.destination;
  const from = v.origin === "config" ? " (from the config file; change it there)" : v.updatedBy ? ` (set by ${v.updatedBy})` : "";
  const next = v.next !== undefined ? `; next ${formatLocal(v.next, d.timezone)}` : "";
  return `\`${d.id}\`: ${d.platform} ${d.channel}, ${schedule(d)}${next}${from}`;
}

function feedLine(f: FeedView): string {
  const topics = f.topics.length ? ` [${f.topics.join(", ")}]` : "";
  const title = f.title ? ` ${f.title}` : "";
  const from = f.origin === "config" ? " (from the config file)" : f.addedBy ? ` (added by ${f.addedBy})` : "";
  return `\`${f.id}\`${title} ${f.url}${topics}${from}`;
}

export function outcomeWords(o: SlotOutcome): string {
  switch (o.kind) {
    case "sent":
    case "late":
      return `sent (${o.cards} card${o.cards === 1 ? "" : "s"})`;
    case "skipped":
    case "failed":
      return `${o.kind}: ${o.reason}`;
    case "busy":
      return "another replica is sending it right now";
    case "done":
      return `already ${o.status}`;
    case "lost":
      return "another replica took it over";
  }
}

function historyLine(e: AuditEntry): string {
  const when = new Date(e.at).toISOString().replace("T", " ").slice(0, 16);
  const after = e.detail.after as DigestDestination | undefined;
  const what = e.action === "digest.set" && after ? `digest set ${schedule(after)}` : e.action === "feeds.add" ? `feed added ${String(e.detail.url ?? e.target)}` : `${e.action.replace(".", " ")} ${e.target}`;
  return `${when} UTC  ${e.actor}  ${what}`;
}

export function resultToText(r: ManageResult): string {
  switch (r.kind) {
    case "help":
      return usage(r.usage);
    case "refused":
      return `Sorry: ${r.reason}.`;
    case "invalid":
      return `${r.error.message}.\n${usage(r.error.usage)}`;
    case "read_only":
      return r.what === "destination"
        ? `The digest \`${r.id}\` comes from the bot's config file, so it cannot be changed from chat: ask whoever runs the bot.`
        : `The feed ${r.id} comes from the bot's config file, so it cannot be removed from chat.`;
    case "not_found":
      return r.what === "destination" ? "There is no digest set up here. Set one with `/digest here at 07:00`." : `No feed \`${r.target}\`: see \`/feeds list\`.`;
    case "channel_unknown":
      return `I cannot post in ${r.channel}: ${r.reason}. Invite the bot to the channel first.`;
    case "feed_rejected":
      return `Not added: ${r.reason}.`;
    case "feeds":
      return r.feeds.length ? `Feeds polled (${r.feeds.length}):\n${r.feeds.map(feedLine).join("\n")}` : "No feeds are polled. Add one with `/feeds add <url>`.";
    case "feed_added":
      return r.existed ? `Already polled: ${feedLine(r.feed)}.` : `Added ${feedLine(r.feed)}: ${r.items} item${r.items === 1 ? "" : "s"} in it now; new ones are briefed from the next poll.`;
    case "feed_removed":
      return `Removed ${feedLine(r.feed)}.`;
    case "destinations":
      return r.destinations.length ? r.destinations.map(destinationLine).join("\n") : "No digest is set up here. Set one with `/digest here at 07:00`.";
    case "destination_saved":
      return `${r.created ? "Digest set" : "Digest changed"}: ${destinationLine(r.view)}.`;
    case "destination_removed":
      return `Digest \`${r.destination.id}\` turned off.`;
    case "preview":
      return `${digestToText(r.destination, r.plan.cards, r.plan.context)}\n(preview: only you see this; nothing was sent)`;
    case "sent":
      return `Digest \`${r.destination.id}\`: ${outcomeWords(r.outcome)}.`;
    case "history":
      return r.entries.length ? `Changes (newest first):\n${r.entries.map(historyLine).join("\n")}` : "No changes recorded here yet.";
    case "unavailable":
      return `Not available: ${r.reason}.`;
  }
}

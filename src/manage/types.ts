// What the chat and CLI management commands say, who says them, and what comes back.
// Pure data: parse.ts makes commands, service.ts applies them, words.ts turns results into text.
import type { Weekday } from "../digest/index.js";

export type ManagePlatform = "slack" | "discord" | "console";
/** Where a change came from, for the audit log. */
export type Surface = "slack" | "discord" | "cli";

/** `/digest here ...` once parsed: every field as the person gave it (validated, normalised). */
export interface DigestSettings {
  /** "07:00"; absent when `cron` is given. */
  time?: string;
  cron?: string;
  /** Absent: the caller's own zone (Slack users.info `tz`), else the command is refused. */
  timezone?: string;
  /** Absent: keep what the destination had ("all" for a new one). */
  topics?: readonly string[] | "all";
  /** "weekdays" is quiet on Saturday and Sunday; "every day" has no quiet days. */
  quietDays?: readonly Weekday[];
}

export type FeedsCommand =
  | { kind: "feeds.add"; url: string; topics: string[] }
  | { kind: "feeds.list" }
  | { kind: "feeds.remove"; target: string }
  | { kind: "feeds.help" };

export type DigestCommand =
  | { kind: "digest.set"; settings: DigestSettings }
  | { kind: "digest.show" }
  | { kind: "digest.off" }
  | { kind: "digest.preview" }
  | { kind: "digest.send" }
  | { kind: "digest.history" }
  | { kind: "digest.help" };

export type ManageCommand = FeedsCommand | DigestCommand;

/** Commands that change something (and need permission); the others only read. */
export const CHANGES: ReadonlySet<ManageCommand["kind"]> = new Set(["feeds.add", "feeds.remove", "digest.set", "digest.off", "digest.send"]);

export type ParseErrorCode =
  | "unknown_action"
  | "missing_url"
  | "bad_url"
  | "missing_target"
  | "bad_time"
  | "missing_time"
  | "bad_zone"
  | "bad_cron"
  | "bad_topics"
  | "unexpected_word";

export interface ParseError {
  code: ParseErrorCode;
  message: string;
  /** The accepted forms of the command, shown with every refusal. */
  usage: readonly string[];
}

export type Parsed<T> = { ok: true; command: T } | { ok: false; error: ParseError };

/** The facts a permission check needs about whoever typed the command; the adapter gathers them. */
export type CallerFacts =
  | { platform: "slack"; userId: string; isAdmin: boolean; isOwner: boolean; /** Configured user groups the user is in. */ usergroups: readonly string[] }
  | { platform: "discord"; userId: string; /** The member's permission bitfield in this channel (decimal string). */ permissions: string; roles: readonly string[] }
  | { platform: "cli"; userId: string };

/** Who may change settings beyond the platform's own admins (config `manage:`). */
export interface ManagePolicy {
  slack: { users: readonly string[]; usergroups: readonly string[] };
  discord: { users: readonly string[]; roles: readonly string[] };
}

export type Permission = { ok: true; as: string } | { ok: false; reason: string };

/** Where a chat command was typed. */
export interface Place {
  platform: ManagePlatform;
  channel: string;
}

// Applies a management command: checks permission, validates against what exists, writes the
// settings store (with its audit entry) and returns a typed result. Adapters and the CLI word it (words.ts).
import { digestDestinationSchema, type DigestDestination, type DigestPlan, type DigestRunner, type SlotOutcome } from "../digest/index.js";
import { feedId, type AuditEntry, type AuditInput, type SettingsStore } from "../store/index.js";
import { chatDestinationId, mergeDestinations, mergeFeeds, type DestinationView, type FeedView } from "./destinations.js";
import type { FeedCheck } from "./feed-check.js";
import { DIGEST_USAGE, FEEDS_USAGE } from "./parse.js";
import { mayManage } from "./permissions.js";
import { CHANGES, type CallerFacts, type DigestSettings, type ManageCommand, type ManagePlatform, type ManagePolicy, type ParseError, type Place } from "./types.js";

export type ChannelCheck = { ok: true } | { ok: false; reason: string };

export interface ManageDeps {
  settings: SettingsStore;
  fileDestinations: readonly DigestDestination[];
  fileFeeds: readonly string[];
  policy: ManagePolicy;
  now: () => number;
  /** Fetches and recognises a feed; `caller` lets chat callers go through the SSRF guard (the CLI's operator need not). */
  checkFeed: (url: string, caller: CallerFacts) => Promise<FeedCheck>;
  /** Whether the bot can post in a channel (Slack conversations.info, Discord GET /channels); absent: not checked. */
  checkChannel?: (platform: ManagePlatform, channel: string) => Promise<ChannelCheck>;
  /** The running digest; absent in the CLI (the running bot picks changes up itself). */
  digest?: Pick<DigestRunner, "preview" | "sendNow" | "next">;
  /** Resolves once this process runs with the settings just saved. */
  applied?: () => Promise<void>;
}

export interface ManageRequest {
  caller: CallerFacts;
  place: Place;
  command: ManageCommand;
  /** The caller's own time zone (Slack users.info `tz`): the default for `/digest here`. */
  callerZone?: string;
}

export type Listed = DestinationView & { next?: number };

export type ManageResult =
  | { kind: "help"; usage: readonly string[] }
  | { kind: "refused"; reason: string }
  | { kind: "invalid"; error: ParseError }
  | { kind: "read_only"; what: "destination" | "feed"; id: string }
  | { kind: "not_found"; what: "destination" | "feed"; target: string }
  | { kind: "channel_unknown"; channel: string; reason: string }
  | { kind: "feed_rejected"; url: string; reason: string }
  | { kind: "feeds"; feeds: FeedView[] }
  | { kind: "feed_added"; feed: FeedView; items: number; existed: boolean }
  | { kind: "feed_removed"; feed: FeedView }
  | { kind: "destinations"; destinations: Listed[]; place?: Place }
  | { kind: "destination_saved"; view: Listed; created: boolean }
  | { kind: "destination_removed"; destination: DigestDestination }
  | { kind: "preview"; destination: DigestDestination; plan: DigestPlan }
  | { kind: "sent"; destination: DigestDestination; outcome: SlotOutcome }
  | { kind: "history"; entries: AuditEntry[] }
  | { kind: "unavailable"; reason: string };

/** A destination set by id (the CLI): where it posts and when. */
export interface DestinationSpec {
  id: string;
  platform: ManagePlatform;
  channel: string;
  settings: DigestSettings;
}

const placeKey = (p: Place) => `${p.platform}:${p.channel}`;
const actorOf = (c: CallerFacts) => `${c.platform}:${c.userId}`;
const invalid = (code: ParseError["code"], message: string, usage: readonly string[] = DIGEST_USAGE): ManageResult => ({ kind: "invalid", error: { code, message, usage } });

export function createManageService(deps: ManageDeps) {
  const audit = (caller: CallerFacts, where: string, action: string, target: string, detail: Record<string, unknown>): AuditInput => ({
    at: deps.now(), actor: actorOf(caller), surface: caller.platform, place: where, action, target, detail,
  });

  async function destinations(): Promise<Listed[]> {
    const { items } = mergeDestinations(deps.fileDestinations, await deps.settings.destinations());
    return items.map((v) => {
      const next = deps.digest?.next(v.destination.id);
      return next === undefined ? v : { ...v, next };
    });
  }

  async function feeds(): Promise<FeedView[]> {
    return mergeFeeds(deps.fileFeeds, await deps.settings.feeds(), feedId).items;
  }

  /** Creates or edits destination `spec.id`: unset fields keep the destination's current values. */
  async function saveDestination(caller: CallerFacts, where: string, spec: DestinationSpec, callerZone?: string): Promise<ManageResult> {
    const all = await destinations();
    const fileOwned = all.find((v) => v.origin === "config" && (v.destination.id === spec.id || (v.destination.platform === spec.platform && v.destination.channel === spec.channel)));
    if (fileOwned) return { kind: "read_only", what: "destination", id: fileOwned.destination.id };
    const old = all.find((v) => v.destination.id === spec.id)?.destination;
    const s = spec.settings;
    const timezone = s.timezone ?? old?.timezone ?? callerZone;
    if (!timezone) return invalid("bad_zone", "say which time zone the time is in, such as Europe/London or America/Chicago (or UTC)");
    if (deps.checkChannel && (!old || old.channel !== spec.channel || old.platform !== spec.platform)) {
      const c = await deps.checkChannel(spec.platform, spec.channel);
      if (!c.ok) return { kind: "channel_unknown", channel: spec.channel, reason: c.reason };
    }
    const raw = {
      id: spec.id, platform: spec.platform, channel: spec.channel, timezone,
      ...(s.cron !== undefined ? { cron: s.cron } : s.time !== undefined ? { time: s.time } : old?.cron !== undefined ? { cron: old.cron } : { time: old?.time }),
      topics: s.topics ?? old?.topics ?? "all",
      quietDays: s.quietDays ?? old?.quietDays ?? [],
      ...(old ? { maxCards: old.maxCards, whenEmpty: old.whenEmpty } : {}),
    };
    const parsed = digestDestinationSchema.safeParse(raw);
    if (!parsed.success) return invalid("unexpected_word", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    const d = parsed.data;
    const { value } = await deps.settings.putDestination(
      { id: d.id, platform: d.platform, channel: d.channel, spec: d as unknown as Record<string, unknown>, updatedBy: actorOf(caller), updatedAt: deps.now() },
      audit(caller, where, "digest.set", d.id, { before: old ?? null, after: d }),
    );
    await deps.applied?.();
    const next = deps.digest?.next(d.id);
    const view: Listed = { destination: d, origin: "chat", updatedBy: actorOf(caller), updatedAt: deps.now(), ...(next !== undefined ? { next } : {}) };
    return { kind: "destination_saved", view, created: value.created };
  }

  async function removeDestination(caller: CallerFacts, where: string, id: string): Promise<ManageResult> {
    if (deps.fileDestinations.some((d) => d.id === id)) return { kind: "read_only", what: "destination", id };
    const { value } = await deps.settings.removeDestination(id, audit(caller, where, "digest.off", id, {}));
    if (!value) return { kind: "not_found", what: "destination", target: id };
    await deps.applied?.();
    return { kind: "destination_removed", destination: mergeDestinations([], [value]).items[0]?.destination ?? ({ id, platform: value.platform, channel: value.channel } as DigestDestination) };
  }

  async function addFeed(caller: CallerFacts, where: string, url: string, topics: readonly string[]): Promise<ManageResult> {
    const known = (await feeds()).find((f) => f.url === url);
    if (known) return { kind: "feed_added", feed: known, items: 0, existed: true };
    const check = await deps.checkFeed(url, caller);
    if (!check.ok) return { kind: "feed_rejected", url, reason: check.reason };
    const row = { id: feedId(url), url, topics: [...topics], title: check.title, addedBy: actorOf(caller), addedAt: deps.now() };
    const { value } = await deps.settings.addFeed(row, audit(caller, where, "feeds.add", row.id, { url, topics, items: check.items }));
    await deps.applied?.();
    const f = value.feed;
    return { kind: "feed_added", feed: { id: f.id, url: f.url, topics: f.topics, title: f.title, origin: "chat", addedBy: f.addedBy }, items: check.items, existed: !value.created };
  }

  async function removeFeed(caller: CallerFacts, where: string, target: string): Promise<ManageResult> {
    let url = target;
    try {
      url = new URL(target).href;
    } catch {
      // an id
    }
    const file = (await feeds()).find((f) => f.origin === "config" && (f.url === url || f.id === target));
    if (file) return { kind: "read_only", what: "feed", id: file.url };
    const { value } = await deps.settings.removeFeed(url, audit(caller, where, "feeds.remove", target, { target }));
    if (!value) return { kind: "not_found", what: "feed", target };
    await deps.applied?.();
    return { kind: "feed_removed", feed: { id: value.id, url: value.url, topics: value.topics, title: value.title, origin: "chat", addedBy: value.addedBy } };
  }

  /** The destination typed in this channel: the chat-made one, else one from the config file that posts here. */
  async function here(place: Place): Promise<Listed | undefined> {
    const all = await destinations();
    return all.find((v) => v.destination.id === chatDestinationId(place.platform, place.channel)) ??
      all.find((v) => v.destination.platform === place.platform && v.destination.channel === place.channel);
  }

  async function handle(r: ManageRequest): Promise<ManageResult> {
    const { caller, place, command } = r;
    if (CHANGES.has(command.kind)) {
      const may = mayManage(caller, deps.policy);
      if (!may.ok) return { kind: "refused", reason: may.reason };
    }
    const where = placeKey(place);
    switch (command.kind) {
      case "feeds.help":
        return { kind: "help", usage: FEEDS_USAGE };
      case "digest.help":
        return { kind: "help", usage: DIGEST_USAGE };
      case "feeds.list":
        return { kind: "feeds", feeds: await feeds() };
      case "feeds.add":
        return addFeed(caller, where, command.url, command.topics);
      case "feeds.remove":
        return removeFeed(caller, where, command.target);
      case "digest.set": {
        const id = chatDestinationId(place.platform, place.channel);
        return saveDestination(caller, where, { id, platform: place.platform, channel: place.channel, settings: command.settings }, r.callerZone);
      }
      case "digest.show": {
        const v = await here(place);
        return { kind: "destinations", destinations: v ? [v] : [], place };
      }
      case "digest.off": {
        const v = await here(place);
        if (!v) return { kind: "not_found", what: "destination", target: where };
        return removeDestination(caller, where, v.destination.id);
      }
      case "digest.history":
        return { kind: "history", entries: await deps.settings.audit({ limit: 15, place: where }) };
      case "digest.preview":
      case "digest.send": {
        const v = await here(place);
        if (!v) return { kind: "not_found", what: "destination", target: where };
        if (!deps.digest) return { kind: "unavailable", reason: "this process runs no digest" };
        try {
          if (command.kind === "digest.preview") return { kind: "preview", destination: v.destination, plan: await deps.digest.preview(v.destination.id) };
        } catch (err) {
          // The runner does not have it (a shard child runs none, or the change has not reached it).
          if (err instanceof RangeError) return { kind: "unavailable", reason: err.message };
          throw err;
        }
        let outcome: SlotOutcome;
        try {
          outcome = await deps.digest.sendNow(v.destination.id);
        } catch (err) {
          if (err instanceof RangeError) return { kind: "unavailable", reason: err.message };
          throw err;
        }
        await deps.settings.record(audit(caller, where, "digest.send", v.destination.id, { outcome: outcome.kind }));
        return { kind: "sent", destination: v.destination, outcome };
      }
    }
  }

  return {
    handle,
    destinations,
    feeds,
    /** `briefbot digest set`: by id, any platform and channel. */
    setDestination: (caller: CallerFacts, spec: DestinationSpec) => saveDestination(caller, "cli", spec),
    removeDestination: (caller: CallerFacts, id: string) => removeDestination(caller, "cli", id),
    addFeed: (caller: CallerFacts, url: string, topics: readonly string[]) => addFeed(caller, "cli", url, topics),
    removeFeed: (caller: CallerFacts, target: string) => removeFeed(caller, "cli", target),
    history: (limit: number) => deps.settings.audit({ limit }),
  };
}

export type ManageService = ReturnType<typeof createManageService>;

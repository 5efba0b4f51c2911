// Feeds and digests set up from chat and the CLI: commands, permissions, the service that applies
// them to the settings store, words for people, and live reload.
export * from "./types.js";
export { DIGEST_USAGE, FEEDS_USAGE, digestFromFields, normaliseTime, parseDigest, parseFeeds, tokenize, type DigestFields } from "./parse.js";
export { DISCORD_PERMISSIONS, EMPTY_POLICY, mayManage } from "./permissions.js";
export { canonicalZone, suggestZones, timeZones } from "./zones.js";
export { checkFeed, type FeedCheck } from "./feed-check.js";
export { chatDestinationId, mergeDestinations, mergeFeeds, type DestinationView, type FeedView, type Origin } from "./destinations.js";
export { createManageService, type ChannelCheck, type DestinationSpec, type Listed, type ManageDeps, type ManageRequest, type ManageResult, type ManageService } from "./service.js";
export { outcomeWords, resultToText, schedule } from "./words.js";
export { watchSettings, type SettingsWatch, type WatchOptions, type WatchTimers } from "./watch.js";
export { MANAGE_DEFAULTS, manageConfigSchema, type ManageConfig } from "./config.js";

// The scheduled morning digest: what goes in, when, to whom, and a ledger of what was sent.
export * from "./types.js";
export * from "./errors.js";
export { DIGEST_DEFAULTS, digestConfigSchema, digestDestinationSchema, type DigestConfig, type DigestDestination } from "./config.js";
export { compileSchedule, cronOf, nextSlot, slotsBetween, WEEKDAYS, type Schedule, type ScheduleSpec, type Weekday } from "./slots.js";
export { formatLocal, fromLocal, isValidTimeZone, offsetAt, toLocal, type LocalTime } from "./zone.js";
export { createSqliteLedger } from "./ledger-sqlite.js";
export { createPostgresLedger, type PostgresLedgerOptions } from "./ledger-postgres.js";
export { openDigestLedger, type OpenedLedger } from "./ledger-open.js";
export { importance, matchesTopics, onePerStory, selectForDigest, storeDigestSource, type DigestSelection, type TopicFilter } from "./content.js";
export { createLimiter, PLATFORM_LIMITS, type Limiter, type LimiterOptions, type RateRule } from "./limiter.js";
export { deliverSlot, planDigest, RETRY_DEFAULTS, type DeliverDeps, type DigestPlan, type RetryOptions, type SlotOutcome } from "./deliver.js";
export { createDigestRunner, realTimers, RUNNER_DEFAULTS, type DigestRunner, type DigestRunnerOptions, type Timers } from "./runner.js";
export { digestHeader, digestToText, nothingNewLine } from "./text.js";
export { createConsoleSender } from "./console-sender.js";
export { createRecordingSender, platformErrors, type RecordedMessage, type RecordingSender, type RecordingSenderOptions } from "./recording-sender.js";

// The scheduled morning digest: what goes in, when, to whom, and a ledger of what was sent.
export * from "./types.js";
export * from "./errors.js";
export { DIGEST_DEFAULTS, digestConfigSchema, digestDestinationSchema, type DigestConfig, type DigestDestination } from "./config.js";
export { compileSchedule, cronOf, nextSlot, slotsBetween, WEEKDAYS, type Schedule, type ScheduleSpec, type Weekday } from "./slots.js";
export { formatLocal, fromLocal, isValidTimeZone, offsetAt, toLocal, type LocalTime } from "./zone.js";
export { createSqliteLedger } from "./ledger-sqlite.js";
export { createPostgresLedger, type PostgresLedgerOptions } from "./ledger-postgres.js";

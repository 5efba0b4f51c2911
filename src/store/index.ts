export type {
  ArticleHit,
  ArticleMeta,
  BriefingStore,
  FigureHit,
  PersonArticle,
  PersonFound,
  PersonTotals,
  PutResult,
  PutStatus,
  QuoteHit,
  SeriesHit,
  StoredArticle,
  StoredStory,
  StoriesWindow,
  SinceWindow,
  Terms,
  TopicCount,
} from "./types.js";
export { isStoreUnavailable, StoreError } from "./errors.js";
export type { StoreErrorCode } from "./errors.js";
export { createMemoryStore } from "./memory.js";
export { createSqliteStore, openSqliteDatabase, openSqliteStore, DEFAULT_SQLITE_OPTIONS } from "./sqlite.js";
export type { SqliteOptions } from "./sqlite.js";
export { canonicalUrl, textHash, tokens } from "./rows.js";
export { createPostgresPool, createPostgresStore, openPostgresStore, DEFAULT_POSTGRES_OPTIONS } from "./postgres.js";
export type { PostgresOptions } from "./postgres.js";
export { DEFAULT_DB_PATH, openStore, openStoreWithConnection, parseStoreSpec, withPostgresUser } from "./open.js";
export type { OpenedStore, StoreConnection, StoreSpec } from "./open.js";
export type { AuditEntry, AuditInput, DestinationRow, FeedRow, SettingsChange, SettingsStore } from "./settings.js";
export { feedId } from "./settings.js";
export { createSqliteSettings } from "./settings-sqlite.js";
export { createPostgresSettings, settingsChannel, type PostgresSettingsOptions } from "./settings-postgres.js";
export { openSettings } from "./settings-open.js";
export { nameKeys, personKey, personRows, reversedKey, roleKeys, roleWords, ROLE_KEY, REVERSED_KEY } from "./people-rows.js";
export type { PersonRow } from "./people-rows.js";

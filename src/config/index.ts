export { ConfigError, loadConfig, postgresUser } from "./load.js";
export type { LoadOptions } from "./load.js";
export { configSchema } from "./schema.js";
export type { Config, FileConfig, Secrets } from "./schema.js";

// Gateway mode past 2,500 servers: discord.js's ShardingManager runs the bot once per shard, each
// in its own process; the Client in each reads its shard id and count from SHARDS / SHARD_COUNT.
import { Routes, ShardingManager } from "discord.js";
import { closeRest, createRest } from "./commands.js";
import { describeError } from "./log.js";
import { DISCORD_DEFAULTS, type Logger } from "./types.js";

export interface ShardsOptions {
  /** The script each shard process runs: the ordinary gateway-mode start (e.g. dist/src/main.js). */
  script: string;
  /** Arguments for that script (e.g. ["start"]). */
  args?: string[];
  token: string;
  /** "auto": as many as Discord recommends in GET /gateway/bot. */
  shards: "auto" | number;
  apiUrl?: string;
  /** Discord allows one IDENTIFY per 5 s per bucket; discord.js waits 5.5 s between shards. */
  spawnDelayMs?: number;
  logger: Logger;
}

/** The shard count for "auto", asked of the configured API (discord.js's own helper always asks discord.com). */
export async function resolveShardCount(shards: "auto" | number, token: string, apiUrl: string = DISCORD_DEFAULTS.apiUrl): Promise<number> {
  if (shards !== "auto") return shards;
  const rest = createRest(token, apiUrl);
  try {
    const info = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return Math.max(1, info.shards);
  } finally {
    closeRest(rest);
  }
}

export async function startShards(o: ShardsOptions): Promise<{ totalShards: number; stop(): Promise<void> }> {
  const totalShards = await resolveShardCount(o.shards, o.token, o.apiUrl);
  const manager = new ShardingManager(o.script, { token: o.token, totalShards, shardArgs: o.args ?? [], respawn: true, mode: "process" });
  manager.on("shardCreate", (shard) => {
    o.logger.info({ shard: shard.id, totalShards }, "discord: shard launched");
    shard.on("death", () => o.logger.warn({ shard: shard.id }, "discord: shard process exited"));
    shard.on("error", (err) => o.logger.error({ shard: shard.id, err: describeError(err) }, "discord: shard error"));
  });
  await manager.spawn({ amount: totalShards, delay: o.spawnDelayMs ?? 5500 });
  return {
    totalShards,
    async stop() {
      // Each shard process gets SIGTERM and stops itself gracefully.
      const exits = [...manager.shards.values()].map((s) => new Promise<void>((resolve) => (s.process ? s.process.once("exit", () => resolve()) : resolve())));
      for (const s of manager.shards.values()) {
        s.removeAllListeners("death");
        s.kill();
      }
      await Promise.all(exits);
    },
  };
}

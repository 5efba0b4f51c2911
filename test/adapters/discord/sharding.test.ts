import { join } from "node:path";
import { resolveShardCount, startShards } from "../../../src/adapters/discord/index.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { FakeDiscord } from "../../fakes/discord/server.js";

test("--shards auto asks the configured API, then runs one process per shard, each identifying with its shard", async () => {
  const fake = await FakeDiscord.start();
  try {
    expect(await resolveShardCount(3, FAKE_TOKEN, fake.apiUrl)).toBe(3);
    expect(await resolveShardCount("auto", FAKE_TOKEN, fake.apiUrl)).toBe(1); // the fake recommends 1
    const logger = memoryLogger();
    const shards = await startShards({ script: join(__dirname, "../../fakes/discord/shard-child.js"), args: [fake.apiUrl], token: FAKE_TOKEN, shards: 2, apiUrl: fake.apiUrl, spawnDelayMs: 0, logger });
    expect(shards.totalShards).toBe(2);
    const identifies = fake.frames.filter((f) => f.dir === "in" && f.op === 2).map((f) => (f.d as { shard: number[] }).shard);
    expect(identifies.sort()).toEqual([[0, 2], [1, 2]]);
    await shards.stop();
    expect(logger.lines.filter((l) => l.msg === "discord: shard launched").map((l) => l.fields.shard)).toEqual([0, 1]);
  } finally {
    await fake.close();
  }
});

// A shard process for the ShardingManager test: a discord.js Client that reads SHARDS and
// SHARD_COUNT from its environment, the way a gateway-mode briefbot started by `--shards` does.
// The API URL comes as the first argument (shardArgs).
"use strict";
const { Client, GatewayIntentBits } = require("discord.js");
const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: process.argv[2] } });
process.on("SIGTERM", () => void client.destroy().then(() => process.exit(0)));
client.login(process.env.DISCORD_TOKEN);

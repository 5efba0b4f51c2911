// Bench: the same morning as bench/digest.ts, but through the real senders and clients (Slack
// Web API client, discord.js REST) over HTTP to local servers that enforce the platforms' limits
// (Slack 1 message/s per channel; Discord 5 per 5 s per channel and 50/s overall) with 429s.
// Prints total time against the floor, duplicates and misses counted in the servers' records.
import Database from "better-sqlite3";
import { once } from "node:events";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { closeRest, createDiscordDigestRest, createDiscordDigestSender } from "../src/adapters/discord/index.js";
import { createSlackDigestClient, createSlackDigestSender } from "../src/adapters/slack/index.js";
import { createDigestRunner, createSqliteLedger, digestDestinationSchema } from "../src/digest/index.js";
import { createLogger } from "../src/log/index.js";
import { digestFloorMs } from "./digest.js";
import type { PlatformRecords } from "./digest-http-platforms.js";

export async function runDigestHttpBench(destinations = 1000, log = (s: string) => console.log(s)): Promise<{ duplicates: number; misses: number; overFloor: number }> {
  const nDiscord = Math.round(destinations / 2);
  const dests = Array.from({ length: destinations }, (_, i) =>
    digestDestinationSchema.parse(
      i < nDiscord
        ? { id: `d${i}`, platform: "discord", channel: String(100_000_000_000_000_000n + BigInt(i)), time: "07:00", timezone: "Europe/London" }
        : { id: `s${i}`, platform: "slack", channel: `C${Math.floor((i - nDiscord) / 10)}`, time: "07:00", timezone: "Europe/London" },
    ),
  );
  const worker = new Worker(join(__dirname, "digest-http-platforms.js"));
  const [ports] = (await once(worker, "message")) as [{ slack: number; discord: number }];
  const slack = { port: ports.slack };
  const discord = { port: ports.discord };
  const slot = Date.UTC(2026, 0, 5, 7, 0, 0);
  const offset = slot - 3000 - performance.now();
  const now = () => Math.floor(performance.now() + offset);
  const db = new Database(":memory:");
  const quiet = createLogger({ level: "silent", pretty: false });
  const rest = createDiscordDigestRest("bench-token", `http://127.0.0.1:${discord.port}/api`);
  const client = createSlackDigestClient({ botToken: "xoxb-bench", apiUrl: `http://127.0.0.1:${slack.port}/api/`, log: quiet });
  let outcomes = 0;
  let last = slot;
  const runner = createDigestRunner({
    destinations: dests, ledger: createSqliteLedger(db), source: { cardsSince: async () => [] }, now, owner: "bench-http",
    senders: [createSlackDigestSender({ client }), createDiscordDigestSender({ rest })],
    onOutcome: () => ((outcomes += 1), (last = Math.max(last, now()))),
    onError: () => (outcomes += 1),
  });
  try {
    await runner.start();
    while (outcomes < dests.length) await new Promise((r) => setTimeout(r, 20));
    await runner.stop();
    worker.postMessage("records");
    const [{ slackKeys, discordRefs, slackLimited, discordLimited }] = (await once(worker, "message")) as [PlatformRecords];
    const ledger = createSqliteLedger(db);
    const rows = await Promise.all(dests.map((d) => ledger.get(d.id, slot)));
    const posted = new Map<string, number>();
    for (const k of slackKeys) posted.set(k, (posted.get(k) ?? 0) + 1);
    // Discord posts are counted by nonce: one per (destination, slot, part).
    for (const k of discordRefs) posted.set(k, (posted.get(k) ?? 0) + 1);
    const duplicates = [...posted.values()].filter((n) => n > 1).length;
    const misses = rows.filter((r) => !r || (r.status !== "sent" && r.status !== "late")).length + Math.max(0, dests.length - posted.size);
    const floorMs = digestFloorMs(dests, 1);
    const totalMs = last - slot;
    const overFloor = totalMs / floorMs - 1;
    log(`digest over HTTP: ${dests.length} destinations (${nDiscord} Discord, ${dests.length - nDiscord} Slack, 10 per Slack channel), real senders and clients, ledger sqlite`);
    log(`  total ${(totalMs / 1000).toFixed(2)} s, floor ${(floorMs / 1000).toFixed(2)} s (+${(overFloor * 100).toFixed(1)}%, goal within 10%)`);
    log(`  duplicates ${duplicates}, misses ${misses}, 429s met: Slack ${slackLimited}, Discord ${discordLimited}`);
    return { duplicates, misses, overFloor };
  } finally {
    closeRest(rest);
    db.close();
    await worker.terminate();
  }
}

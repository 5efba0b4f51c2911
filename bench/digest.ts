// Bench: one morning's digests to many destinations against fake platforms that enforce the
// rate limits (429 with the time to wait). Prints the total time against the floor the limits
// allow, and checks the ledger and the platforms' records for duplicates and misses.
// Run: npm run build && node dist/bench/digest.js [destinations] [--postgres]
import Database from "better-sqlite3";
import { Pool } from "pg";
import {
  createDigestRunner,
  createPostgresLedger,
  createRecordingSender,
  createSqliteLedger,
  digestDestinationSchema,
  PLATFORM_LIMITS,
  type DigestDestination,
  type DigestLedger,
  type DigestSource,
  type RateRule,
  type RecordedMessage,
} from "../src/digest/index.js";

export interface DigestBenchOptions {
  destinations?: number;
  /** Share of destinations on Discord (each its own channel); the rest are on Slack. */
  discordShare?: number;
  /** Slack destinations per Slack channel (they queue behind one another: 1 message/s/channel). */
  slackPerChannel?: number;
  /** Simulated round trip of one post. */
  latencyMs?: number;
  ledger?: "sqlite" | "postgres";
  log?: (line: string) => void;
}

export const DIGEST_BENCH_DEFAULTS = {
  destinations: 1000,
  discordShare: 0.5,
  slackPerChannel: 10,
  latencyMs: 5,
  ledger: "sqlite",
  log: (line: string) => console.log(line),
} as const;

export interface DigestBenchResult {
  destinations: number;
  totalMs: number;
  floorMs: number;
  /** totalMs / floorMs - 1. */
  overFloor: number;
  duplicates: number;
  misses: number;
  retries: number;
  violations: number;
}

/**
 * The shortest time the limits allow: for each budget (a channel, a platform's global budget),
 * n sends at `limit` per `perMs` need (ceil(n / limit) - 1) windows; the busiest decides, plus
 * one round trip.
 */
export function digestFloorMs(destinations: readonly DigestDestination[], latencyMs: number): number {
  const counts = new Map<string, { n: number; rule: RateRule }>();
  for (const d of destinations)
    for (const rule of PLATFORM_LIMITS[d.platform]) {
      const key = rule.scope === "global" ? d.platform : `${d.platform}:${d.channel}`;
      const c = counts.get(key) ?? { n: 0, rule };
      c.n += 1;
      counts.set(key, c);
    }
  const windows = [...counts.values()].map(({ n, rule }) => (Math.ceil(n / rule.limit) - 1) * rule.perMs);
  return Math.max(0, ...windows) + latencyMs;
}

async function openLedger(kind: "sqlite" | "postgres"): Promise<{ ledger: DigestLedger; close: () => Promise<void> }> {
  if (kind === "sqlite") {
    const db = new Database(":memory:");
    return {
      ledger: createSqliteLedger(db),
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new Pool({ host: "127.0.0.1", port: 5432, database: "test", user: "postgres", max: 10 });
  const schema = `digest_bench_${process.pid}`;
  const ledger = await createPostgresLedger(pool, { schema });
  // Open the pool's connections now, as a bot that has been running would have them.
  await Promise.all(Array.from({ length: 10 }, () => pool.query("SELECT 1")));
  return {
    ledger,
    close: async () => {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

export async function runDigestBench(options: DigestBenchOptions = {}): Promise<DigestBenchResult> {
  const o = { ...DIGEST_BENCH_DEFAULTS, ...options };
  const nDiscord = Math.round(o.destinations * o.discordShare);
  const destinations = Array.from({ length: o.destinations }, (_, i) =>
    digestDestinationSchema.parse(
      i < nDiscord
        ? { id: `d${i}`, platform: "discord", channel: `discord-${i}`, time: "07:00", timezone: "Europe/London" }
        : { id: `s${i}`, platform: "slack", channel: `C${Math.floor((i - nDiscord) / o.slackPerChannel)}`, time: "07:00", timezone: "Europe/London" },
    ),
  );
  // Real time, shifted so 07:00 London on a winter Monday is 3 s away: start-up comes first.
  const slot = Date.UTC(2026, 0, 5, 7, 0, 0);
  const offset = slot - 3000 - Date.now();
  const now = () => Date.now() + offset;
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const messages: RecordedMessage[] = [];
  const slack = createRecordingSender({ platform: "slack", now, sleep, latencyMs: o.latencyMs, perChannelMs: 1000, messages });
  const discord = createRecordingSender({ platform: "discord", now, sleep, latencyMs: o.latencyMs, globalPerSecond: 50, messages });
  const source: DigestSource = { cardsSince: async () => [] };
  const { ledger, close } = await openLedger(o.ledger);
  let last = slot;
  let outcomes = 0;
  const runner = createDigestRunner({
    destinations,
    ledger,
    source,
    senders: [slack, discord],
    now,
    owner: "bench",
    onOutcome: () => {
      outcomes += 1;
      last = Math.max(last, now());
    },
    // A ledger failure counts as done here (and shows up as a miss below) so the bench ends.
    onError: () => {
      outcomes += 1;
    },
  });
  try {
    const started = now();
    await runner.start();
    const startMs = now() - started;
    // Until every destination has an outcome: the runner's own timer does the sending.
    while (outcomes < destinations.length) {
      await sleep(20);
      await runner.settled();
    }
    await runner.stop();

    const posts = new Map<string, number>();
    for (const m of messages) posts.set(m.destinationId, (posts.get(m.destinationId) ?? 0) + 1);
    const rows = await Promise.all(destinations.map((d) => ledger.get(d.id, slot)));
    const duplicates = [...posts.values()].filter((n) => n > 1).length;
    const misses =
      destinations.filter((d) => !posts.has(d.id)).length +
      rows.filter((r) => !r || (r.status !== "sent" && r.status !== "late")).length;
    const floorMs = digestFloorMs(destinations, o.latencyMs);
    const totalMs = last - slot;
    const result: DigestBenchResult = {
      destinations: destinations.length,
      totalMs,
      floorMs,
      overFloor: totalMs / floorMs - 1,
      duplicates,
      misses,
      retries: slack.requests() + discord.requests() - messages.length,
      violations: slack.violations.length + discord.violations.length,
    };
    o.log(
      `digest fan-out: ${result.destinations} destinations (${nDiscord} Discord, ${o.destinations - nDiscord} Slack, ` +
        `${o.slackPerChannel} per Slack channel), ledger ${o.ledger}; start-up ${startMs} ms before the slot`,
    );
    o.log(
      `  total ${(totalMs / 1000).toFixed(2)} s, floor ${(floorMs / 1000).toFixed(2)} s ` +
        `(+${(result.overFloor * 100).toFixed(1)}%, goal within 10%)`,
    );
    const postTimes = messages.map((m) => m.at - slot);
    o.log(`  first post +${Math.min(...postTimes)} ms, last post +${Math.max(...postTimes)} ms, last ledger write +${totalMs} ms`);
    o.log(`  duplicates ${duplicates}, misses ${misses}, 429s met ${result.retries}, Retry-After ignored ${result.violations}`);
    return result;
  } finally {
    await close();
  }
}

if (require.main === module) {
  const n = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? DIGEST_BENCH_DEFAULTS.destinations);
  runDigestBench({ destinations: n, ledger: process.argv.includes("--postgres") ? "postgres" : "sqlite" }).then(
    (r) => {
      process.exitCode = r.duplicates || r.misses ? 1 : 0;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}

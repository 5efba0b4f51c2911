// Memory bench: the real bot process (`briefbot start`, as users run it) with the Slack (Socket Mode)
// and Discord (gateway) adapters, against the fake Slack and Discord of test/fakes, over a store of
// 100,000 articles; slash commands on both while its resident set is sampled. Prints the peak RSS
// (the kernel's high-water mark, VmHWM) and where the memory goes: V8 heap, external and array
// buffers (from a probe preloaded into the bot), SQLite's page cache, and each big module's own cost
// (each loaded alone in a fresh node).
// usage: node dist/bench/run.js memory [--articles N] [--db FILE] [--requests N] [--distinct N]
// The store is built once (cards for --distinct articles, 1,000 by default, each stored again as
// different articles, days apart) and kept in the OS temp folder for later runs; --db names another.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Sqlite from "better-sqlite3";
import { buildCard, type Article, type BriefingCard } from "../src/core/index.js";
import { openSqliteStore } from "../src/store/index.js";
import { loadSources, makeArticle } from "./corpus.js";
import { fmt } from "./stats.js";

const ROOT = resolve(__dirname, "../..");
const MB = 1024 * 1024;
const BOT = "xoxb-1-memory-bench";
const APP_TOKEN = "xapp-1-memory-bench";
const DISCORD_APP = "900000000000000077";

/** Fills `path` up to `n` articles: cards for `distinctWanted` articles, each stored again under other ids, URLs, texts and dates. */
async function buildStore(path: string, n: number, distinctWanted: number): Promise<void> {
  const sources = loadSources(join(ROOT, "../shared/eval/summaries/cnndm_frank250.jsonl"));
  const store = openSqliteStore(path);
  const have = await store.count();
  if (have >= n) return void (await store.close());
  const distinct = Math.min(distinctWanted, n);
  // Copies of one text are just over a story's 72 quiet hours apart, so each is news of its own rather
  // than one story of n / distinct articles (which every put made slower as it grew).
  const stepMs = Math.ceil((73 * 3_600_000) / distinct);
  const t0 = Date.now();
  const base: Array<{ article: Article; card: BriefingCard }> = [];
  for (let i = 0; i < distinct; i++) {
    const article = makeArticle(sources, i);
    base.push({ article, card: buildCard(article) });
  }
  for (let i = have; i < n; i += 500) {
    const batch = [];
    for (let k = i; k < Math.min(n, i + 500); k++) {
      const b = base[k % distinct]!;
      const at = new Date(Date.UTC(2025, 0, 1) + k * stepMs).toISOString();
      batch.push({
        article: { ...b.article, text: `${b.article.text} Copy ${k}.`, url: `https://bench.example/m/${k}`, publishedAt: at },
        card: { ...b.card, id: `mem-${k}`, source: { ...b.card.source, publishedAt: at } },
      });
    }
    await store.putMany(batch, Date.now());
  }
  await store.maintain();
  await store.close();
  console.log(`store: built ${n - have} articles in ${fmt((Date.now() - t0) / 1000, 0)} s at ${path}`);
}

// What the bench uses of the fakes in test/fakes (loaded from their TypeScript at run time).
interface FakeSlackLike {
  apiUrl: string;
  socketConnected(timeoutMs?: number): Promise<void>;
  responseUrl(name: string): string;
  sendEnvelope(type: "slash_commands", payload: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}
interface FakeDiscordLike {
  apiUrl: string;
  connections: number;
  requests: unknown[];
  requestsTo(method: string, path: RegExp): unknown[];
  dispatch(t: string, d: unknown): void;
  request(method: string, path: RegExp, from?: number): Promise<unknown>;
  close(): Promise<void>;
}

/** Peak and current resident set of a process (Linux /proc), in bytes. */
function rssOf(pid: number): { now: number; peak: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)?.[1] ?? NaN) * 1024;
    return { now: kb("VmRSS"), peak: kb("VmHWM") };
  } catch {
    return undefined;
  }
}

const waitUntil = async (cond: () => boolean, what: string, ms = 60_000) => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`memory bench: ${what} did not happen within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** The RSS one module adds to a bare node, loaded alone in a child. */
function moduleCost(spec: string): number {
  const code = `const a = process.memoryUsage().rss; ${spec}; global.gc && global.gc(); console.log(process.memoryUsage().rss - a);`;
  const r = spawnSync(process.execPath, ["--expose-gc", "-e", code], { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? Number(r.stdout.trim()) : NaN;
}

export async function memoryBench(args: string[]): Promise<void> {
  const opt = (k: string, d: string) => (args.includes(k) ? args[args.indexOf(k) + 1]! : d);
  const n = Number(opt("--articles", "100000"));
  const requests = Number(opt("--requests", "200"));
  const db = resolve(opt("--db", join(tmpdir(), `briefbot-bench-memory-${n}.db`)));
  await buildStore(db, n, Number(opt("--distinct", "1000")));

  // The fakes are the tests' own (TypeScript, compiled on require); they run in this process, not the bot's.
  require(join(ROOT, "test/helpers/register-ts.js"));
  const { FakeSlack } = require(join(ROOT, "test/fakes/slack/server.ts")) as { FakeSlack: { start(o: { botToken: string; appToken: string }): Promise<FakeSlackLike> } };
  const { slashCommand } = require(join(ROOT, "test/fakes/slack/payloads.ts")) as { slashCommand(c: string, text: string, responseUrl: string): Record<string, string> };
  const { FakeDiscord } = require(join(ROOT, "test/fakes/discord/server.ts")) as { FakeDiscord: { start(o: { applicationId: string }): Promise<FakeDiscordLike> } };
  const { commandInteraction } = require(join(ROOT, "test/fakes/discord/payloads.ts")) as {
    commandInteraction(app: string, name: string, options: Record<string, string>): { id: string };
  };
  const slack = await FakeSlack.start({ botToken: BOT, appToken: APP_TOKEN });
  const discord = await FakeDiscord.start({ applicationId: DISCORD_APP });
  const tmp = mkdtempSync(join(tmpdir(), "briefbot-memory-"));
  const probeFile = join(tmp, "probe.json");
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(SLACK|DISCORD|BRIEFBOT|DATABASE_URL)/.test(k)) env[k] = v;
  Object.assign(env, {
    LOG_LEVEL: "warn",
    SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: "bench.discord.token", DISCORD_APPLICATION_ID: DISCORD_APP, DISCORD_API_URL: discord.apiUrl,
    BRIEFBOT_MEMORY_PROBE: probeFile,
  });
  const t0 = Date.now();
  const bot = spawn(process.execPath, ["--require", join(__dirname, "memory-probe.js"), join(ROOT, "bin/briefbot.js"), "start", "--db", db], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  bot.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => bot.on("close", r));
  let maxSampled = 0;
  const sampler = setInterval(() => {
    const r = rssOf(bot.pid!);
    if (r) maxSampled = Math.max(maxSampled, r.now);
  }, 100);
  try {
    await slack.socketConnected(60_000);
    await waitUntil(() => discord.connections > 0, "the Discord gateway connection");
    await new Promise((r) => setTimeout(r, 1000)); // READY handled, guilds cached
    const started = rssOf(bot.pid!)!;
    const startMs = Date.now() - t0;
    const topics = ["police", "court", "election", "school", "football", "president", "storm", "company"];
    const names = ["smith", "johnson", "brown", "the minister", "the spokesman", "jones", "williams"];
    const t1 = Date.now();
    let answered = 0;
    for (let i = 0; i < requests; i++) {
      const topic = topics[i % topics.length]!;
      // Slack: /brief, /whosaid, /quotes and /person in turn (the person index is read too).
      const name = names[i % names.length]!;
      const s = [
        () => slashCommand("/brief", topic, slack.responseUrl(`b${i}`)),
        () => slashCommand("/whosaid", `${topic} said`, slack.responseUrl(`w${i}`)),
        () => slashCommand("/quotes", name, slack.responseUrl(`q${i}`)),
        () => slashCommand("/person", name, slack.responseUrl(`p${i}`)),
      ][i % 4]!();
      await slack.sendEnvelope("slash_commands", s);
      const payload = commandInteraction(DISCORD_APP, "brief", { topic });
      const from = discord.requests.length;
      discord.dispatch("INTERACTION_CREATE", payload);
      await discord.request("POST", new RegExp(`^/interactions/${payload.id}/`), from);
      answered += 2;
    }
    const loadMs = Date.now() - t1;
    bot.kill("SIGUSR2");
    await waitUntil(() => existsSync(probeFile), "the probe's figures");
    await new Promise((r) => setTimeout(r, 100));
    const probe = JSON.parse(readFileSync(probeFile, "utf8")) as Record<string, number>;
    const end = rssOf(bot.pid!)!;

    const conn = new Sqlite(db, { readonly: true });
    const pageSize = conn.pragma("page_size", { simple: true }) as number;
    const cacheSize = conn.pragma("cache_size", { simple: true }) as number;
    const fileMb = (conn.pragma("page_count", { simple: true }) as number) * pageSize / MB;
    conn.close();
    const cachePerConnection = cacheSize < 0 ? -cacheSize * 1024 : cacheSize * pageSize;

    console.log(`bot: briefbot start (Slack Socket Mode + Discord gateway) over ${n} articles (${fmt(fileMb, 0)} MB SQLite file); up in ${fmt(startMs / 1000, 1)} s`);
    console.log(`load: ${answered} slash commands (/brief, /whosaid, /quotes and /person on Slack, /brief on Discord) in ${fmt(loadMs / 1000, 1)} s`);
    console.log(`peak RSS ${fmt(end.peak / MB, 0)} MB (VmHWM; sampled max ${fmt(maxSampled / MB, 0)} MB); after start ${fmt(started.now / MB, 0)} MB, after the load ${fmt(end.now / MB, 0)} MB`);
    console.log("where it goes (in the bot, after the load):");
    console.log(`  V8 heap used ${fmt(probe.heapUsed! / MB, 0)} MB of ${fmt(probe.heapTotal! / MB, 0)} MB reserved`);
    console.log(`  external ${fmt(probe.external! / MB, 1)} MB (of which array buffers ${fmt(probe.arrayBuffers! / MB, 1)} MB)`);
    console.log(`  SQLite page cache: at most ${fmt(cachePerConnection / MB, 1)} MB per connection (cache_size ${cacheSize}, page ${pageSize} B)`);
    console.log(`  the rest (code, native libraries, malloc arenas, stacks): ${fmt((end.now - probe.heapTotal! - probe.external!) / MB, 0)} MB`);
    console.log(`  ${probe.modules} modules loaded`);
  } finally {
    clearInterval(sampler);
    bot.kill("SIGTERM");
    const code = await exited;
    if (code !== 0 && code !== null) console.log(`bot exited with ${code}: ${stderr.slice(-2000)}`);
    await slack.close();
    await discord.close();
    rmSync(tmp, { recursive: true, force: true });
  }

  // What each big module costs on its own (RSS added to a bare node, after a GC).
  const mods: Array<[string, string]> = [
    ["node (bare)", "0"],
    ["better-sqlite3", "require('better-sqlite3')"],
    ["pg", "require('pg')"],
    ["@slack/bolt", "require('@slack/bolt')"],
    ["discord.js", "require('discord.js')"],
    ["linkedom", "require('linkedom')"],
    ["@mozilla/readability", "require('@mozilla/readability')"],
    ["wink-nlp + model", "require('wink-nlp')(require('wink-eng-lite-web-model'))"],
    ["pino", "require('pino')"],
    ["briefbot core (dist/src/core)", "require('./dist/src/core/index.js')"],
    ["briefbot main (dist/src/main.js: everything)", "require('./dist/src/main.js')"],
  ];
  console.log("per module, loaded alone in a fresh node (RSS added):");
  const bare = spawnSync(process.execPath, ["-e", "console.log(process.memoryUsage().rss)"], { encoding: "utf8" });
  console.log(`  node itself: ${fmt(Number(bare.stdout.trim()) / MB, 0)} MB`);
  for (const [name, spec] of mods.slice(1)) console.log(`  ${name}: ${fmt(moduleCost(spec) / MB, 1)} MB`);
}

// startSlack: the Bolt app in Socket Mode (default) or HTTP mode, with everything it needs handed in.
import { App, SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../log/index.js";
import type { Asker } from "../../ask/index.js";
import { classifySlackError, PROBLEM_WORDS, SlackAdapterError } from "./errors.js";
import { registerHandlers } from "./handlers.js";
import { registerManage, type SlackManage } from "./manage.js";
import { registerLinkHandlers } from "./links.js";
import type { LinkAsker } from "../../links/index.js";
import { VerifiedHttpReceiver } from "./http-receiver.js";
import { boltLogger } from "./logger.js";

export interface SlackRetryOptions {
  /** Retries after a 429 (each waits Retry-After first) or a 5xx / network failure. */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export interface SlackConfig {
  /** "socket" needs no public URL (the default); "http" listens for Slack's requests on `port`. */
  mode: "socket" | "http";
  /** SLACK_BOT_TOKEN (xoxb-...). */
  botToken: string;
  /** SLACK_APP_TOKEN (xapp-...), Socket Mode only. */
  appToken?: string;
  /** SLACK_SIGNING_SECRET, HTTP mode only. */
  signingSecret?: string;
  /** SLACK_API_URL: the Web API base (GovSlack, a proxy, a test fake). */
  apiUrl?: string;
  port?: number;
  host?: string;
  /** An answer ready within this many ms (at most 2000) is sent in the ack; slower ones through response_url. */
  inlineAnswerMs?: number;
  retry?: Partial<SlackRetryOptions>;
  /** Per Web API request. */
  requestTimeoutMs?: number;
  /** How long stop() waits for answers in flight. */
  stopTimeoutMs?: number;
}

export const DEFAULT_SLACK_CONFIG = {
  apiUrl: "https://slack.com/api/",
  port: 3000,
  host: "0.0.0.0",
  inlineAnswerMs: 1000,
  // Bolt's default retries 5xx for about 30 minutes; a chat answer that late is worse than none.
  retry: { retries: 3, minTimeoutMs: 500, maxTimeoutMs: 5000 },
  requestTimeoutMs: 10_000,
  stopTimeoutMs: 10_000,
} as const;

/** The longest an ack may wait for an answer, leaving room for the network within Slack's 3 seconds. */
export const MAX_INLINE_ANSWER_MS = 2000;

export interface StartSlackOptions {
  asker: Asker;
  /** /feeds and /digest (docs/manage.md); absent: not handled. */
  manage?: SlackManage;
  logger: Logger;
  config: SlackConfig;
  now?: () => number;
  /** Links shared in chat become cards (link_shared, /brief <url>); none: links are left alone. */
  links?: LinkAsker;
}

export interface RunningSlack {
  mode: "socket" | "http";
  /** The HTTP port (HTTP mode). */
  port: number | undefined;
  /** Stops taking events, lets answers in flight finish (up to stopTimeoutMs). Closing the store is the caller's. */
  stop(): Promise<void>;
}

function checkConfig(c: SlackConfig): void {
  const need = (ok: unknown, key: string, env: string) => {
    if (!ok) throw new SlackAdapterError("config", `slack.${key} (${env}) is required in ${c.mode} mode`);
  };
  need(c.botToken, "botToken", "SLACK_BOT_TOKEN");
  if (c.mode === "socket") need(c.appToken, "appToken", "SLACK_APP_TOKEN");
  else need(c.signingSecret, "signingSecret", "SLACK_SIGNING_SECRET");
}

export async function startSlack({ asker, logger, config, now = Date.now, manage, links }: StartSlackOptions): Promise<RunningSlack> {
  checkConfig(config);
  const c = { ...DEFAULT_SLACK_CONFIG, ...config, retry: { ...DEFAULT_SLACK_CONFIG.retry, ...config.retry } };
  const log = logger.child({ adapter: "slack", mode: c.mode });
  const bolt = boltLogger(log, [c.botToken, c.appToken ?? "", c.signingSecret ?? ""]);
  const retryConfig = { retries: c.retry.retries, factor: 2, minTimeout: c.retry.minTimeoutMs, maxTimeout: c.retry.maxTimeoutMs, randomize: true };
  // 429s wait Retry-After (whole seconds) and then count as a retry; 5xx back off within retryConfig.
  const clientOptions = { slackApiUrl: c.apiUrl, retryConfig, timeout: c.requestTimeoutMs, rejectRateLimitedCalls: false };

  const socket =
    c.mode === "socket"
      ? new SocketModeReceiver({ appToken: c.appToken ?? "", logger: bolt, installerOptions: { clientOptions: { ...clientOptions, retryConfig: { ...retryConfig } } } })
      : undefined;
  const http =
    c.mode === "http"
      ? new VerifiedHttpReceiver({ signingSecret: c.signingSecret ?? "", port: c.port, host: c.host, now, log, boltLogger: bolt, path: "/slack/events", maxBodyBytes: 1 << 20 })
      : undefined;
  const app = new App({
    token: c.botToken,
    receiver: socket ?? http,
    logger: bolt,
    clientOptions,
    // auth.test runs in init() below, where a refused token can be reported, not in the constructor.
    deferInitialization: true,
    convoStore: false,
  });

  const inflight = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    inflight.add(work);
    void work.finally(() => inflight.delete(work)).catch(() => {});
    return work;
  };
  // Slack: a slash command must be acknowledged within 3 seconds, network included.
  const inlineAnswerMs = Math.min(Math.max(0, c.inlineAnswerMs), MAX_INLINE_ANSWER_MS);
  registerHandlers(app, { asker, log, inlineAnswerMs, track, ...(links ? { links } : {}) });
  if (manage) registerManage(app, { manage, log, track });
  if (links) registerLinkHandlers(app, { links, log, track });
  app.error(async (err) => {
    log.error({ err: err.original ?? err, code: err.code }, "unhandled error in a Slack handler");
  });

  try {
    await app.init();
  } catch (err) {
    const { problem, detail } = classifySlackError(err);
    log.error({ problem, detail }, `Slack start failed: ${PROBLEM_WORDS[problem].log}`);
    throw new SlackAdapterError(problem === "invalid_auth" ? "invalid_auth" : "start_failed", `Slack start failed: ${detail}`, { cause: err });
  }
  try {
    await app.start();
  } catch (err) {
    const { problem, detail } = classifySlackError(err);
    log.error({ problem, detail }, `Slack ${c.mode} mode failed to start: ${PROBLEM_WORDS[problem].log}`);
    throw new SlackAdapterError(problem === "invalid_auth" ? "invalid_auth" : "start_failed", `Slack ${c.mode} mode failed to start: ${detail}`, { cause: err });
  }
  log.info({ port: http?.port }, `Slack adapter started in ${c.mode} mode`);

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    if (socket) await socket.client.disconnect();
    if (http) await http.stop();
    let timer: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      Promise.allSettled([...inflight]).then(() => true),
      new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), c.stopTimeoutMs))),
    ]);
    clearTimeout(timer);
    if (!waited) log.warn({ inflight: inflight.size }, "stopped with answers still in flight");
    log.info("Slack adapter stopped");
  };
  return {
    mode: c.mode,
    port: http?.port,
    stop: () => (stopping ??= stop()),
  };
}

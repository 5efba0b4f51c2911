// Starts the real Slack adapter against the fake Slack, with a pino logger that keeps its lines.
import type { Asker } from "../../../src/ask/index.js";
import { startSlack, type RunningSlack, type SlackConfig, type StartSlackOptions } from "../../../src/adapters/slack/index.js";
import { createLogger } from "../../../src/log/index.js";
import { FakeSlack } from "../../fakes/slack/server.js";

export const BOT_TOKEN = "xoxb-1111-2222-secretbottoken";
export const APP_TOKEN = "xapp-1-A0001-3333-secretapptoken";
export const SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
/** The test clock: fixed, so signatures are checked against a time the test chooses. */
export const T0 = 1_900_000_000_000;

export interface Harness {
  fake: FakeSlack;
  slack: RunningSlack;
  lines: string[];
  clock: { ms: number };
  url: string;
  close(): Promise<void>;
}

export async function startHarness(asker: Asker, mode: "socket" | "http", config: Partial<SlackConfig> = {}, more: Pick<StartSlackOptions, "links"> = {}): Promise<Harness> {
  const fake = await FakeSlack.start({ botToken: BOT_TOKEN, appToken: APP_TOKEN });
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", pretty: false, stream: { write: (s: string) => void lines.push(s) } });
  const clock = { ms: T0 };
  let slack: RunningSlack;
  try {
    slack = await startSlack({
      ...more,
      asker,
      logger,
      now: () => clock.ms,
      config: {
        mode,
        botToken: BOT_TOKEN,
        appToken: APP_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl: fake.apiUrl,
        port: 0,
        host: "127.0.0.1",
        inlineAnswerMs: 1000,
        retry: { retries: 2, minTimeoutMs: 5, maxTimeoutMs: 20 },
        ...config,
      },
    });
  } catch (err) {
    await fake.close();
    throw Object.assign(err as Error, { lines });
  }
  if (mode === "socket") await fake.socketConnected();
  return {
    fake,
    slack,
    lines,
    clock,
    url: `http://127.0.0.1:${slack.port}/slack/events`,
    async close() {
      await slack.stop();
      await fake.close();
    },
  };
}

/** Log lines at `minLevel` or above (pino: 40 warn, 50 error) whose message contains `words`. */
export const logged = (h: { lines: string[] }, words: string, minLevel = 0) =>
  h.lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => String(l.msg).includes(words) && Number(l.level) >= minLevel);

/** No token or secret appears anywhere in the log. */
export function expectNoSecrets(lines: string[]): void {
  const all = lines.join("\n");
  for (const secret of [BOT_TOKEN, APP_TOKEN, SIGNING_SECRET]) expect(all).not.toContain(secret);
}

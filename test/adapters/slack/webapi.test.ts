// What Slack's Web API throws at the bot: 429 with Retry-After, 5xx, channel errors, a refused token.
// Every suite also checks that no token or secret reached the log.
import { SlackAdapterError } from "../../../src/adapters/slack/index.js";
import { POST_CARD_ACTION } from "../../../src/render/slack/index.js";
import { createTestAsker, gate, type TestAsker } from "../../fakes/slack/asker.js";
import { blockAction, mention, slashCommand } from "../../fakes/slack/payloads.js";
import { expectNoSecrets, logged, startHarness, type Harness } from "./harness.js";

describe("Web API errors", () => {
  let asker: TestAsker;
  let h: Harness;
  beforeEach(async () => {
    asker = createTestAsker();
    h = await startHarness(asker, "socket");
  });
  afterEach(async () => {
    await h.close();
    expect(h.lines.length).toBeGreaterThan(0);
    expectNoSecrets(h.lines);
  });

  test("429 waits the Retry-After seconds, then the same message goes through", async () => {
    h.fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    await h.fake.sendEnvelope("events_api", mention("<@UBOT> ferry", "1900000020.000100"));
    const [first, second] = await h.fake.waitFor("chat.postMessage", 2);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
    expect(second!.body).toEqual(first!.body);
    expect(logged(h, "rate limit")).not.toHaveLength(0);
    expect(logged(h, "Slack kept rate-limiting")).toEqual([]);
  });

  test("500s are retried within the configured retries, then given up with a clear line", async () => {
    h.fake.failNext("chat.postMessage", { status: 500 }, { status: 503 });
    await h.fake.sendEnvelope("events_api", mention("<@UBOT> ferry", "1900000021.000100"));
    const calls = await h.fake.waitFor("chat.postMessage", 3);
    expect(calls.map((c) => c.body)).toEqual([calls[0]!.body, calls[0]!.body, calls[0]!.body]);

    // retries: 2 means three attempts; a fourth failure is never sent for.
    h.fake.failNext("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 });
    await h.fake.sendEnvelope("events_api", mention("<@UBOT> bridge", "1900000022.000100"));
    await h.fake.waitFor("chat.postMessage", 6);
    while (!logged(h, "Slack's Web API failed").length) await new Promise((r) => setTimeout(r, 10));
    expect(logged(h, "Slack's Web API failed")).toEqual([expect.objectContaining({ problem: "slack_unavailable", detail: "HTTP 500", level: 50 })]);
    expect(h.fake.calls("chat.postMessage")).toHaveLength(6);
  });

  test("not_in_channel on a mention is logged clearly; channel_not_found on the button is told to the user", async () => {
    h.fake.channelErrors.set("C0PRIVATE", "not_in_channel");
    await h.fake.sendEnvelope("events_api", mention("<@UBOT> ferry", "1900000023.000100", "C0PRIVATE"));
    await h.fake.waitFor("chat.postMessage");
    while (!logged(h, "not_in_channel", 50).length) await new Promise((r) => setTimeout(r, 10));
    expect(logged(h, "not_in_channel", 50)).toEqual([
      expect.objectContaining({ problem: "not_in_channel", channel: "C0PRIVATE", msg: "Slack answered not_in_channel: the bot is not a member of the channel" }),
    ]);

    h.fake.channelErrors.set("C0GONE", "channel_not_found");
    const value = JSON.stringify({ topic: "ferry", card: asker.cards[1]!.id });
    await h.fake.sendEnvelope("interactive", blockAction(POST_CARD_ACTION, value, h.fake.responseUrl("gone"), "C0GONE"));
    const [told] = await h.fake.waitFor("respond");
    const words = "I can't see this channel. If it is private, invite me with `/invite @briefbot` and try again.";
    expect(told!.body).toEqual({ response_type: "ephemeral", replace_original: false, text: words, blocks: [{ type: "section", text: { type: "mrkdwn", text: words } }] });
    expect(logged(h, "channel_not_found", 50)).toEqual([expect.objectContaining({ problem: "channel_not_found", channel: "C0GONE" })]);
  });

  test("a revoked token mid-run: the slash command user is told through response_url", async () => {
    h.fake.failNext("chat.postMessage", { error: "invalid_auth" });
    const value = JSON.stringify({ topic: "bridge", card: asker.cards[0]!.id });
    await h.fake.sendEnvelope("interactive", blockAction(POST_CARD_ACTION, value, h.fake.responseUrl("auth")));
    const [told] = await h.fake.waitFor("respond");
    expect(told!.body.text).toBe("Slack refused briefbot's token. Please ask a workspace admin to reinstall the app.");
    expect(logged(h, "invalid_auth", 50)).toEqual([expect.objectContaining({ problem: "invalid_auth" })]);
  });
});

test("a failing response_url is logged, not thrown", async () => {
  const g = gate();
  const h = await startHarness(createTestAsker({ gate: g.promise }), "socket", { inlineAnswerMs: 20 });
  try {
    h.fake.failNext("respond", { status: 500 });
    await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", "ferry", h.fake.responseUrl("broken")));
    g.release();
    await h.fake.waitFor("respond");
    while (!logged(h, "could not answer through response_url").length) await new Promise((r) => setTimeout(r, 10));
    expect(logged(h, "could not answer through response_url")).toEqual([expect.objectContaining({ problem: "slack_unavailable", what: "/brief" })]);
  } finally {
    g.release();
    await h.close();
  }
  expectNoSecrets(h.lines);
});

describe("start-up refused", () => {
  test.each<["socket" | "http"]>([["socket"], ["http"]])("a wrong bot token fails %s start with invalid_auth and a clear line", async (mode) => {
    const err = await startHarness(createTestAsker(), mode, { botToken: "xoxb-9999-wrong-token" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackAdapterError);
    expect((err as SlackAdapterError).code).toBe("invalid_auth");
    const lines = (err as { lines: string[] }).lines;
    expect(logged({ lines }, "Slack start failed")).toEqual([
      expect.objectContaining({
        problem: "invalid_auth",
        msg: "Slack start failed: Slack refused the bot token (invalid_auth): check SLACK_BOT_TOKEN, or reinstall the app to the workspace",
      }),
    ]);
    expect(lines.join("\n")).not.toContain("xoxb-9999-wrong-token");
  });

  test("a wrong app token fails Socket Mode start with invalid_auth", async () => {
    const err = await startHarness(createTestAsker(), "socket", { appToken: "xapp-1-A0001-wrong" }).catch((e: unknown) => e);
    expect((err as SlackAdapterError).code).toBe("invalid_auth");
    expect((err as { lines: string[] }).lines.join("\n")).not.toContain("xapp-1-A0001-wrong");
  });

  test("missing settings name the key and the environment variable", async () => {
    const err = await startHarness(createTestAsker(), "http", { signingSecret: "" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SlackAdapterError);
    expect((err as SlackAdapterError).code).toBe("config");
    expect((err as Error).message).toBe("slack.signingSecret (SLACK_SIGNING_SECRET) is required in http mode");
  });
});

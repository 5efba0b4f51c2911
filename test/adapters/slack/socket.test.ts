// Socket Mode: real Bolt and its Socket Mode client, connected to the fake Slack's WebSocket.
import { answerToSlack, POST_CARD_ACTION } from "../../../src/render/slack/index.js";
import { createTestAsker, gate, type TestAsker } from "../../fakes/slack/asker.js";
import { blockAction, directMessage, mention, slashCommand, USER } from "../../fakes/slack/payloads.js";
import { APP_TOKEN, expectNoSecrets, startHarness, type Harness } from "./harness.js";

describe("Socket Mode", () => {
  let asker: TestAsker;
  let h: Harness;
  beforeEach(async () => {
    asker = createTestAsker();
    h = await startHarness(asker, "socket");
  });
  afterEach(async () => {
    await h.close();
    expectNoSecrets(h.lines);
  });

  test("connects with the app token through apps.connections.open", () => {
    const [open] = h.fake.calls("apps.connections.open");
    expect(open!.headers.authorization).toBe(`Bearer ${APP_TOKEN}`);
    expect(h.fake.calls("auth.test")).toHaveLength(1);
  });

  test("each command is answered in its ack", async () => {
    const brief = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", "bridge", h.fake.responseUrl("s1")));
    const want = answerToSlack({ kind: "brief", topic: "bridge", cards: [asker.cards[0]!] }, { postButton: true });
    expect(brief.ack).toEqual({ envelope_id: "env-1", payload: { response_type: "ephemeral", text: want.text, blocks: want.blocks } });

    const topics = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", "  ", h.fake.responseUrl("s2")));
    expect(topics.ack.payload).toEqual({ response_type: "ephemeral", ...answerToSlack({ kind: "topics", topics: await asker.topics() }) });

    const who = await h.fake.sendEnvelope("slash_commands", slashCommand("/whosaid", "islands within an hour", h.fake.responseUrl("s3")));
    // Compared with the renderer's output for the same answer from a fresh asker: extraction may improve.
    expect(who.ack.payload).toEqual({ response_type: "ephemeral", ...answerToSlack(await createTestAsker().answer({ kind: "whosaid", words: "islands within an hour" })) });
    expect((who.ack.payload as { text: string }).text).toContain("“This ferry will bring the islands within an hour of the city centre");

    const figs = await h.fake.sendEnvelope("slash_commands", slashCommand("/figures", "nowhere", h.fake.responseUrl("s4")));
    expect(figs.ack.payload).toEqual({
      response_type: "ephemeral",
      text: "I found no figures about “nowhere”.",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "I found no figures about “nowhere”." } }],
    });
    const help = await h.fake.sendEnvelope("slash_commands", slashCommand("/whosaid", "", h.fake.responseUrl("s5")));
    expect((help.ack.payload as { text: string }).text).toBe("What briefbot can do");
    expect(h.fake.calls("respond")).toEqual([]);
  });

  test("a mention is answered in its thread, a DM in a thread, and other messages are left alone", async () => {
    const ev = await h.fake.sendEnvelope("events_api", mention("<@UBOT>   brief   bridge", "1900000010.000100", "C0NEWS", "1900000009.000001"));
    expect(ev.ack).toEqual({ envelope_id: "env-1", payload: {} });
    const [reply] = await h.fake.waitFor("chat.postMessage");
    expect(reply!.body).toEqual({
      channel: "C0NEWS",
      thread_ts: "1900000009.000001",
      team_id: "T0001",
      ...answerToSlack({ kind: "brief", topic: "bridge", cards: [asker.cards[0]!] }),
    });

    await h.fake.sendEnvelope("events_api", directMessage("edited", "1900000011.000100", "D0DM1", { subtype: "message_changed" }));
    await h.fake.sendEnvelope("events_api", directMessage("from a bot", "1900000012.000100", "D0DM1", { bot_id: "B0OTHER" }));
    await h.fake.sendEnvelope("events_api", { ...directMessage("in a channel", "1900000013.000100", "C0NEWS"), event: { type: "message", channel_type: "channel", user: USER, text: "ferry", ts: "1900000013.000100", channel: "C0NEWS" } });
    await h.fake.sendEnvelope("events_api", directMessage("who said proud crews?", "1900000014.000100"));
    const [, dm] = await h.fake.waitFor("chat.postMessage", 2);
    expect(dm!.body.channel).toBe("D0DM1");
    expect(dm!.body.thread_ts).toBe("1900000014.000100");
    expect(dm!.body.text).toBe(answerToSlack(await createTestAsker().answer({ kind: "whosaid", words: "proud crews" })).text);
    expect(asker.asked).toEqual([{ kind: "brief", topic: "bridge" }, { kind: "whosaid", words: "proud crews" }]);
  });

  test("hostile article text reaches Slack escaped", async () => {
    const res = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", "<!channel>", h.fake.responseUrl("x")));
    const payload = res.ack.payload as { text: string; blocks: unknown[] };
    expect(payload).toEqual({ response_type: "ephemeral", ...answerToSlack({ kind: "brief", topic: "<!channel>", cards: [asker.cards[2]!] }, { postButton: true }) });
    expect(payload.text.startsWith("&lt;!channel&gt; Hostile &amp; &lt;@U123&gt; headline — ")).toBe(true);
    expect(payload.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "&lt;!channel&gt; Hostile &amp; &lt;@U123&gt; headline" } });
    // No displayed text opens a mention (the button's value is data Slack never shows or parses).
    const shown = { text: payload.text, blocks: payload.blocks.filter((b) => (b as { type: string }).type !== "actions") };
    expect(JSON.stringify(shown)).not.toMatch(/<[!@#]/);
  });

  test("the post button works over the socket", async () => {
    const value = JSON.stringify({ topic: "ferry", card: asker.cards[1]!.id });
    const res = await h.fake.sendEnvelope("interactive", blockAction(POST_CARD_ACTION, value, h.fake.responseUrl("p"), "C0NEWS"));
    expect(res.ack).toEqual({ envelope_id: "env-1", payload: {} });
    const [posted] = await h.fake.waitFor("chat.postMessage");
    expect(posted!.body.channel).toBe("C0NEWS");
    expect(posted!.body.text).toBe(answerToSlack({ kind: "brief", topic: "ferry", cards: [asker.cards[1]!] }).text);
    const [done] = await h.fake.waitFor("respond");
    expect(done!.body.text).toBe("Posted to the channel.");
  });
});

test("Socket Mode with a slow store: the empty ack comes first, the answer through response_url", async () => {
  const g = gate();
  const asker = createTestAsker({ gate: g.promise });
  const h = await startHarness(asker, "socket", { inlineAnswerMs: 50 });
  try {
    const res = await h.fake.sendEnvelope("slash_commands", slashCommand("/figures", "bridge", h.fake.responseUrl("slow")));
    expect(res.ack).toEqual({ envelope_id: "env-1", payload: {} });
    expect(h.fake.calls("respond")).toEqual([]);
    g.release();
    const [later] = await h.fake.waitFor("respond");
    const bridge = asker.cards[0]!;
    const ref = { id: bridge.id, title: bridge.title, url: bridge.source.url, publisher: bridge.source.publisher, publishedAt: bridge.source.publishedAt };
    expect(later!.body).toEqual({
      response_type: "ephemeral",
      ...answerToSlack({ kind: "figures", topic: "bridge", figures: bridge.figures.map((figure) => ({ figure, article: ref, score: 1 })) }),
    });
  } finally {
    g.release();
    await h.close();
  }
});

test("Socket Mode stop(): disconnects, and an answer in flight still goes out", async () => {
  const g = gate();
  const asker = createTestAsker({ gate: g.promise });
  const h = await startHarness(asker, "socket");
  await h.fake.sendEnvelope("events_api", mention("<@UBOT> bridge", "1900000030.000100"));
  while (asker.asked.length === 0) await new Promise((r) => setTimeout(r, 5));
  let stopped = false;
  const stopping = h.slack.stop().then(() => (stopped = true));
  while (h.fake.openSockets > 0) await new Promise((r) => setTimeout(r, 5));
  expect(stopped).toBe(false);
  g.release();
  await stopping;
  expect(h.fake.calls("chat.postMessage")).toHaveLength(1);
  expect(h.fake.calls("apps.connections.open")).toHaveLength(1);
  await h.fake.close();
  expectNoSecrets(h.lines);
});

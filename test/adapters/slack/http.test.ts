// HTTP mode: real Bolt behind our signature check, driven like Slack drives it, answering to the fake Slack.
import { answerToSlack, POST_CARD_ACTION } from "../../../src/render/slack/index.js";
import { createTestAsker, gate, type TestAsker } from "../../fakes/slack/asker.js";
import { blockAction, directMessage, mention, postToApp, sign, slashCommand, USER } from "../../fakes/slack/payloads.js";
import { logged, SIGNING_SECRET, startHarness, T0, expectNoSecrets, type Harness } from "./harness.js";

const signedNow = (h: Harness) => ({ secret: SIGNING_SECRET, timestampSec: Math.floor(h.clock.ms / 1000) });
const signedHeaders = (body: string, h: Harness) => {
  const ts = Math.floor(h.clock.ms / 1000);
  return { "x-slack-request-timestamp": String(ts), "x-slack-signature": sign(SIGNING_SECRET, ts, body) };
};

describe("HTTP mode", () => {
  let asker: TestAsker;
  let h: Harness;
  beforeEach(async () => {
    asker = createTestAsker();
    h = await startHarness(asker, "http");
  });
  afterEach(async () => {
    await h.close();
    expectNoSecrets(h.lines);
  });

  test("/brief <topic>: the card comes back in the ack, only for the caller, with a post button", async () => {
    const res = await postToApp(h.url, "form", slashCommand("/brief", "bridge", h.fake.responseUrl("r1")), signedNow(h));
    expect(res.status).toBe(200);
    const card = asker.cards[0]!;
    const want = answerToSlack({ kind: "brief", topic: "bridge", cards: [card] }, { postButton: true });
    expect(JSON.parse(res.body)).toEqual({ response_type: "ephemeral", text: want.text, blocks: want.blocks });
    expect(want.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Harbour bridge reopens after nine weeks of repairs" } });
    expect(asker.asked).toEqual([{ kind: "brief", topic: "bridge" }]);
    expect(h.fake.calls("respond")).toEqual([]);
  });

  test("/brief alone lists the topics; /whosaid and /figures answer", async () => {
    const topics = JSON.parse((await postToApp(h.url, "form", slashCommand("/brief", "", h.fake.responseUrl("r")), signedNow(h))).body);
    expect(topics).toEqual({ response_type: "ephemeral", ...answerToSlack({ kind: "topics", topics: await asker.topics() }) });
    expect(topics.text).toBe("Topics: harbour, kestrel bay, <!channel>, bridge, ferry".replace("<!channel>", "&lt;!channel&gt;"));

    const who = JSON.parse((await postToApp(h.url, "form", slashCommand("/whosaid", "proud of the crews", h.fake.responseUrl("r")), signedNow(h))).body);
    // Compared with the renderer's output for the same answer from a fresh asker: extraction may improve.
    expect(who).toEqual({ response_type: "ephemeral", ...answerToSlack(await createTestAsker().answer({ kind: "whosaid", words: "proud of the crews" })) });
    expect(who.text).toContain("“We are proud of the crews who worked through the storms");

    const figs = JSON.parse((await postToApp(h.url, "form", slashCommand("/figures", "ferry", h.fake.responseUrl("r")), signedNow(h))).body);
    const ferry = asker.cards[1]!;
    expect(figs).toEqual({
      response_type: "ephemeral",
      ...answerToSlack({
        kind: "figures",
        topic: "ferry",
        figures: ferry.figures.map((figure) => ({ figure, score: 1, article: { id: ferry.id, title: ferry.title, url: ferry.source.url, publisher: ferry.source.publisher, publishedAt: ferry.source.publishedAt } })),
      }),
    });
    expect(asker.asked).toEqual([{ kind: "topics" }, { kind: "whosaid", words: "proud of the crews" }, { kind: "figures", topic: "ferry" }]);
  });

  test("forged, stale, future and replayed requests get 401 and run no handler", async () => {
    const body = slashCommand("/brief", "bridge", h.fake.responseUrl("r"));
    const now = Math.floor(T0 / 1000);
    expect((await postToApp(h.url, "form", body, { secret: "not-the-secret", timestampSec: now })).status).toBe(401);
    expect((await postToApp(h.url, "form", body, { secret: SIGNING_SECRET, timestampSec: now, signature: "v0=deadbeef" })).status).toBe(401);
    expect((await postToApp(h.url, "form", body, { secret: SIGNING_SECRET, timestampSec: now - 301 })).status).toBe(401);
    expect((await postToApp(h.url, "form", body, { secret: SIGNING_SECRET, timestampSec: now + 301 })).status).toBe(401);
    const unsigned = await fetch(h.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(body).toString() });
    expect(unsigned.status).toBe(401);
    expect(asker.asked).toEqual([]);

    // A genuine request is taken at its time and refused when replayed six minutes later.
    const genuine = { secret: SIGNING_SECRET, timestampSec: now };
    expect((await postToApp(h.url, "form", body, genuine)).status).toBe(200);
    h.clock.ms = T0 + 6 * 60_000;
    expect((await postToApp(h.url, "form", body, genuine)).status).toBe(401);
    expect(asker.asked).toHaveLength(1);
    expect(logged(h, "refused an HTTP request that Slack did not sign")).toHaveLength(6);
  });

  test("GET /healthz", async () => {
    const res = await fetch(`http://127.0.0.1:${h.slack.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect((await fetch(`http://127.0.0.1:${h.slack.port}/nothing`)).status).toBe(404);
  });

  test("a mention and a DM are answered in a thread", async () => {
    expect((await postToApp(h.url, "json", mention("<@UBOT> who said no bridge will rust?", "1900000001.000100"), signedNow(h))).status).toBe(200);
    const [posted] = await h.fake.waitFor("chat.postMessage");
    expect(asker.asked).toEqual([{ kind: "whosaid", words: "no bridge will rust" }]);
    const answer = await createTestAsker().ask("who said no bridge will rust");
    expect(posted!.body).toEqual({ channel: "C0GENERAL", thread_ts: "1900000001.000100", team_id: "T0001", ...answerToSlack(answer) });
    expect(posted!.headers.authorization).toBe("Bearer xoxb-1111-2222-secretbottoken");

    await postToApp(h.url, "json", directMessage("figures on ferry", "1900000002.000100", "D0DM1", { thread_ts: "1900000000.000001" }), signedNow(h));
    const [, dm] = await h.fake.waitFor("chat.postMessage", 2);
    expect(dm!.body.channel).toBe("D0DM1");
    expect(dm!.body.thread_ts).toBe("1900000000.000001");
    expect(dm!.body.text).toBe(answerToSlack(await createTestAsker().answer({ kind: "figures", topic: "ferry" })).text);
  });

  test("an event Slack delivers again (a retry) is answered once", async () => {
    const event = mention("<@UBOT> ferry", "1900000005.000100");
    await postToApp(h.url, "json", event, signedNow(h));
    await h.fake.waitFor("chat.postMessage");
    const again = await fetch(h.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout", ...signedHeaders(JSON.stringify(event), h) },
      body: JSON.stringify(event),
    });
    expect(again.status).toBe(200);
    await postToApp(h.url, "json", mention("<@UBOT> bridge", "1900000006.000100"), signedNow(h));
    await h.fake.waitFor("chat.postMessage", 2);
    expect(asker.asked).toEqual([{ kind: "brief", topic: "ferry" }, { kind: "brief", topic: "bridge" }]);
    expect(h.fake.calls("chat.postMessage")).toHaveLength(2);
  });

  test("the post button puts the card in the channel and replaces the ephemeral reply", async () => {
    const card = asker.cards[0]!;
    const value = JSON.stringify({ topic: "harbour", card: card.id });
    expect((await postToApp(h.url, "payload", blockAction(POST_CARD_ACTION, value, h.fake.responseUrl("b1")), signedNow(h))).status).toBe(200);
    const [posted] = await h.fake.waitFor("chat.postMessage");
    const [done] = await h.fake.waitFor("respond");
    const rendered = answerToSlack({ kind: "brief", topic: "harbour", cards: [card, asker.cards[1]!] });
    expect(posted!.body).toEqual({
      channel: "C0GENERAL",
      team_id: "T0001",
      text: rendered.text,
      blocks: [...rendered.blocks, { type: "context", elements: [{ type: "mrkdwn", text: `Shared by <@${USER}>` }] }],
    });
    expect(done!.path).toBe("/respond/b1");
    expect(done!.body).toEqual({
      response_type: "ephemeral",
      replace_original: true,
      text: "Posted to the channel.",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Posted to the channel." } }],
    });
  });
});

describe("HTTP mode with a slow store", () => {
  test("the ack arrives in time while the asker waits; the answer follows through response_url", async () => {
    const g = gate();
    const asker = createTestAsker({ gate: g.promise });
    const h = await startHarness(asker, "http", { inlineAnswerMs: 50 });
    try {
      const res = await postToApp(h.url, "form", slashCommand("/brief", "ferry", h.fake.responseUrl("slow")), signedNow(h));
      expect(res.status).toBe(200);
      expect(res.body).toBe("");
      expect(asker.asked).toEqual([{ kind: "brief", topic: "ferry" }]);
      expect(h.fake.calls("respond")).toEqual([]);
      g.release();
      const [later] = await h.fake.waitFor("respond");
      const want = answerToSlack({ kind: "brief", topic: "ferry", cards: [asker.cards[1]!] }, { postButton: true });
      expect(later!.body).toEqual({ response_type: "ephemeral", text: want.text, blocks: want.blocks });
    } finally {
      g.release();
      await h.close();
    }
  });

  test("stop() waits for a slow command's answer to reach its response_url", async () => {
    const g = gate();
    const h = await startHarness(createTestAsker({ gate: g.promise }), "http", { inlineAnswerMs: 20 });
    expect((await postToApp(h.url, "form", slashCommand("/whosaid", "rust", h.fake.responseUrl("late")), signedNow(h))).status).toBe(200);
    const stopping = h.slack.stop();
    await new Promise((r) => setTimeout(r, 30));
    expect(h.fake.calls("respond")).toEqual([]);
    g.release();
    await stopping;
    expect(h.fake.calls("respond")).toHaveLength(1);
    await h.fake.close();
  });

  test("stop() lets an answer in flight finish, then refuses new requests", async () => {
    const g = gate();
    const asker = createTestAsker({ gate: g.promise });
    const h = await startHarness(asker, "http");
    await postToApp(h.url, "json", mention("<@UBOT> ferry", "1900000003.000100"), signedNow(h));
    while (asker.asked.length === 0) await new Promise((r) => setTimeout(r, 5));
    let stopped = false;
    const stopping = h.slack.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    g.release();
    await stopping;
    expect(h.fake.calls("chat.postMessage")).toHaveLength(1);
    await expect(fetch(`http://127.0.0.1:${h.slack.port}/healthz`)).rejects.toThrow();
    await h.fake.close();
  });
});

// /trend on Slack: real Bolt (Socket Mode) against the fake Slack, the real asker over the sample
// articles; the chart arrives as a file through files.uploadV2 in the channel or the thread.
import { createAsker } from "../../../src/ask/index.js";
import { createMemoryStore, type BriefingStore } from "../../../src/store/index.js";
import { mention, slashCommand } from "../../fakes/slack/payloads.js";
import { putSamples } from "../../trends/samples.js";
import { pngSize } from "../../helpers/png.js";
import { expectNoSecrets, logged, startHarness, type Harness } from "./harness.js";

jest.setTimeout(60_000);

let store: BriefingStore;
let h: Harness;
beforeAll(async () => {
  store = createMemoryStore();
  await putSamples(store);
});
afterAll(() => store.close());
beforeEach(async () => {
  h = await startHarness(createAsker(store), "socket", { inlineAnswerMs: 20_000 });
});
afterEach(async () => {
  await h.close();
  expectNoSecrets(h.lines);
});

function theChart(h: Harness) {
  const [file] = [...h.fake.files.values()];
  expect(file).toBeDefined();
  expect(file!.filename).toBe("chart.png");
  expect(file!.bytes).toBeDefined();
  // The file part of the upload is the PNG itself, of the length announced to getUploadURLExternal.
  const png = file!.bytes!;
  expect(png.length).toBe(file!.length);
  const size = pngSize(png);
  expect(size.width).toBeGreaterThan(700);
  expect(size.height).toBeGreaterThan(300);
  return file!;
}

test("/trend answers with the table and posts the chart into the channel", async () => {
  const res = await h.fake.sendEnvelope("slash_commands", slashCommand("/trend", "evacuees in wildfire", h.fake.responseUrl("t1"), "C0NEWS"));
  const payload = res.ack.payload as { text: string; blocks: Array<{ type: string }> };
  expect(payload.text).toContain("from 3,200 on 2026-12-01 to 15,400 on 2026-12-03");
  expect(JSON.stringify(payload.blocks)).toContain("more than 9,000");
  await h.fake.waitFor("files.completeUploadExternal", 1, 30_000);
  const file = theChart(h);
  expect(file.shared).toEqual({ channel: "C0NEWS", title: "evacuees (people) in wildfire" });
  expect(file.altText).toContain("2026-12-03 15400");
  expect(h.fake.calls("files.getUploadURLExternal")[0]!.body).toMatchObject({ filename: "chart.png" });
});

test("a mention asking how a figure changed is answered in the thread, the chart in the same thread", async () => {
  await h.fake.sendEnvelope("events_api", mention("<@UBOT> how has the number of evacuees changed?", "1900000020.000100", "C0NEWS", "1900000019.000001"));
  const [reply] = await h.fake.waitFor("chat.postMessage", 1, 30_000);
  expect(reply!.body).toMatchObject({ channel: "C0NEWS", thread_ts: "1900000019.000001" });
  await h.fake.waitFor("files.completeUploadExternal", 1, 30_000);
  expect(theChart(h).shared).toMatchObject({ channel: "C0NEWS", thread_ts: "1900000019.000001" });
});

test("one point: the words say so and no file is uploaded; a channel the bot cannot post in is told", async () => {
  const one = await h.fake.sendEnvelope("slash_commands", slashCommand("/trend", "homes in wildfire", h.fake.responseUrl("t2")));
  expect((one.ack.payload as { text: string }).text).toMatch(/^Only one article gives homes in wildfire/);
  h.fake.channelErrors.set("C0SECRET", "not_in_channel");
  await h.fake.sendEnvelope("slash_commands", slashCommand("/trend", "evacuees", h.fake.responseUrl("t3"), "C0SECRET"));
  const [told] = await h.fake.waitFor("respond", 1, 30_000);
  expect(String(told!.body.text)).toMatch(/^I could not post the chart: /);
  expect(h.fake.calls("files.getUploadURLExternal")).toHaveLength(1);
  expect(logged(h, "", 50).length).toBeGreaterThan(0);
});

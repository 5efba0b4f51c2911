// Links shared in Slack: the real Bolt (Socket Mode) against the fake Slack, a local news page on
// 127.0.0.1 (allowlisted here only), the real link briefer and a memory store.
import { buildCard } from "../../src/core/index.js";
import { articleFromHtml } from "../../src/ingest/index.js";
import { cardUnfurlBlocks } from "../../src/render/slack/index.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import type { WiredLinks } from "../../src/links/index.js";
import { createTestAsker } from "../fakes/slack/asker.js";
import { linkShared, slashCommand, USER } from "../fakes/slack/payloads.js";
import { expectNoSecrets, startHarness, type Harness } from "../adapters/slack/harness.js";
import { startPages, STORY_HTML, STORY_TITLE, testLinks, type PageServer } from "./pages.js";

let pages: PageServer;
beforeAll(async () => {
  pages = await startPages();
});
afterAll(() => pages.close());

describe("Slack links", () => {
  let store: BriefingStore;
  let wired: WiredLinks;
  let h: Harness;
  beforeEach(async () => {
    store = createMemoryStore();
    wired = testLinks(store);
    h = await startHarness(createTestAsker(), "socket", {}, { links: wired.links });
  });
  afterEach(async () => {
    await h.close();
    await wired.close();
    expectNoSecrets(h.lines);
  });

  test("a shared news link is unfurled with a compact card, and the article is stored", async () => {
    const url = `${pages.base}/coast/lighthouse.html`;
    const ev = await h.fake.sendEnvelope("events_api", linkShared([url], "1900000100.000100", "C0NEWS"));
    expect(ev.ack).toEqual({ envelope_id: "env-1", payload: {} });
    const [unfurl] = await h.fake.waitFor("chat.unfurl");
    const card = buildCard(articleFromHtml(STORY_HTML, url));
    expect(unfurl!.body).toMatchObject({ channel: "C0NEWS", ts: "1900000100.000100", unfurls: { [url]: { blocks: cardUnfurlBlocks(card) } } });
    const blocks = JSON.stringify(unfurl!.body.unfurls);
    expect(blocks).toContain(STORY_TITLE);
    expect(blocks).toContain("Oona Halloran");
    expect(await store.count()).toBe(1);
    const [stored] = await store.since(0, 1);
    expect(stored?.card.title).toBe(STORY_TITLE);
    expect(stored?.url).toBe(url);
  });

  test("refused links are not fetched; the sharer alone gets a short reason with no address", async () => {
    await h.fake.sendEnvelope("events_api", linkShared(["http://10.0.0.1/admin", "http://169.254.169.254/latest/meta-data/", `${pages.base}/to-private`], "1900000101.000100"));
    const [note] = await h.fake.waitFor("chat.postEphemeral");
    expect(note!.body).toMatchObject({ channel: "C0GENERAL", user: USER });
    expect(String(note!.body.text)).toBe("briefbot did not brief 3 links you shared: that link points to a private or local network address, which briefbot does not fetch.");
    expect(h.fake.calls("chat.unfurl")).toEqual([]);
    // Only the allowlisted page was asked, once, and its redirect to 10.0.0.1 was not followed.
    expect(pages.hits).toContain("/to-private");
    expect(await store.count()).toBe(0);
  });

  test("/brief <url> answers with the whole card; /brief <private url> with the reason", async () => {
    const url = `${pages.base}/coast/lighthouse.html`;
    const ok = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", url, h.fake.responseUrl("b1")));
    const payload = ok.ack.payload as { text: string; blocks: unknown[] };
    expect(payload.text).toContain(STORY_TITLE);
    expect(JSON.stringify(payload.blocks)).toContain("Oona Halloran");
    expect(await store.count()).toBe(1);

    const no = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", "<http://wiki.corp.test/plans>", h.fake.responseUrl("b2")));
    expect((no.ack.payload as { text: string }).text).toBe("I did not brief that link: that link points to a private or local network address, which briefbot does not fetch.");
    const topic = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", "bridge", h.fake.responseUrl("b3")));
    expect((topic.ack.payload as { text: string }).text).toContain("Harbour bridge");
  });

  test("a user past the limit (3 a minute in this config) is told to wait; the page is not fetched again", async () => {
    const url = `${pages.base}/coast/lighthouse.html`;
    for (let i = 0; i < 3; i++) await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", url, h.fake.responseUrl(`r${i}`)));
    const before = pages.hits.length;
    const fourth = await h.fake.sendEnvelope("slash_commands", slashCommand("/brief", url, h.fake.responseUrl("r4")));
    expect((fourth.ack.payload as { text: string }).text).toMatch(/^I did not brief that link: you have shared too many links in the last minute; try again in \d+ s\.$/);
    expect(pages.hits.length).toBe(before);
    expect(await store.count()).toBe(1);
  });
});

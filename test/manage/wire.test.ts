// The wired management service (as the bot and the CLI get it): a feed added from chat is fetched
// through the SSRF guard, so a chat user cannot make the bot read an internal address; the CLI's
// operator can, and links.allow opens named intranet hosts to chat too.
import { resolve } from "node:path";
import { loadConfig } from "../../src/config/index.js";
import { createLogger } from "../../src/log/index.js";
import { wireManage } from "../../src/manage-main.js";
import type { CallerFacts } from "../../src/manage/index.js";
import { openStoreWithConnection } from "../../src/store/index.js";
import { startServer, type TestServer } from "../ingest/server.js";

const ROOT = resolve(__dirname, "../..");
const admin: CallerFacts = { platform: "slack", userId: "U0ADMIN", isAdmin: true, isOwner: false, usergroups: [] };
const operator: CallerFacts = { platform: "cli", userId: "ops" };
let srv: TestServer;
beforeAll(async () => void (srv = await startServer()));
afterAll(() => srv.close());

async function wired(allow: string[]) {
  const config = loadConfig({ root: ROOT, env: {} });
  config.links.allow = allow;
  const opened = await openStoreWithConnection("memory");
  const m = wireManage({ config, connection: opened.connection, logger: createLogger({ level: "silent", pretty: false }), now: () => Date.UTC(2026, 2, 9), resolve: async () => ["10.1.2.3"] });
  return { m, close: async () => { await m.stop(); await opened.store.close(); } };
}

test("chat: a feed on a loopback, private or metadata address is refused before any request; the CLI may add it", async () => {
  const { m, close } = await wired([]);
  try {
    const hitsBefore = srv.hits.get("/feed.xml") ?? 0;
    for (const url of [`${srv.base}/feed.xml`, "http://169.254.169.254/latest/feed", "http://intranet.example/feed.xml"]) {
      const r = await m.service.handle({ caller: admin, place: { platform: "slack", channel: "C0DESK" }, command: { kind: "feeds.add", url, topics: [] } });
      expect(r).toMatchObject({ kind: "feed_rejected", url });
      expect(r.kind === "feed_rejected" && r.reason).not.toMatch(/127\.0\.0\.1|10\.1\.2\.3|169\.254/);
    }
    expect(srv.hits.get("/feed.xml") ?? 0).toBe(hitsBefore);
    const byOperator = await m.service.addFeed(operator, `${srv.base}/feed.xml`, []);
    expect(byOperator).toMatchObject({ kind: "feed_added", items: 3 });
    expect(srv.hits.get("/feed.xml")).toBe(hitsBefore + 1);
  } finally {
    await close();
  }
});

test("chat: links.allow lets a named intranet address through", async () => {
  const { m, close } = await wired(["127.0.0.1"]);
  try {
    const r = await m.service.handle({ caller: admin, place: { platform: "slack", channel: "C0DESK" }, command: { kind: "feeds.add", url: `${srv.base}/feed.xml`, topics: [] } });
    expect(r).toMatchObject({ kind: "feed_added", items: 3 });
  } finally {
    await close();
  }
});

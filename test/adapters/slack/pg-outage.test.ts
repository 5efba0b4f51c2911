// While PostgreSQL is away the bot keeps answering: real Bolt (HTTP mode) against the fake Slack, the
// real asker over the PostgreSQL store reached through a TCP proxy the test cuts and restores. What
// needs no database (help) is answered; what does gets a plain sentence saying the store is down, and
// the next question after the restore is answered from the store again.
import { createAsker } from "../../../src/ask/index.js";
import { buildCard } from "../../../src/core/index.js";
import { STORE_UNAVAILABLE_TEXT } from "../../../src/render/index.js";
import { createPostgresPool, createPostgresStore, type BriefingStore } from "../../../src/store/index.js";
import { openTestPg, type PgHandle } from "../../digest/pg.js";
import { postToApp, slashCommand } from "../../fakes/slack/payloads.js";
import { startTcpProxy, type TcpProxy } from "../../helpers/tcp-proxy.js";
import { describePg } from "../../store/pg-available.js";
import { SIGNING_SECRET, startHarness, type Harness } from "./harness.js";

let pg: PgHandle | undefined;
let proxy: TcpProxy | undefined;
let pool: ReturnType<typeof createPostgresPool> | undefined;
let store: BriefingStore | undefined;
let h: Harness | undefined;

const ARTICLE = {
  title: "Lighthouse keepers return to Skerrin Point",
  text: [
    "Two keepers will live at the Skerrin Point lighthouse again from June, the coastal trust said on Monday, forty years after the light was automated.",
    "“A light with people in it is a light that gets looked after,” said Orla Brennick, who runs the trust.",
    "The trust will spend 85,000 pounds on the keepers' cottage before they move in.",
  ].join("\n\n"),
};

describePg("Slack slash commands while PostgreSQL is away", () => {
  beforeAll(async () => {
    pg = await openTestPg();
    if (!pg) throw new Error("PostgreSQL answered the probe but not openTestPg");
    proxy = await startTcpProxy({ host: "127.0.0.1", port: 5432 });
    pool = createPostgresPool(`postgres://${String(pg.pool.options.user ?? "postgres")}@127.0.0.1:${proxy.port}/test`);
    store = await createPostgresStore(pool, { schema: pg.schema });
    await store.put(ARTICLE, buildCard(ARTICLE), Date.now());
    h = await startHarness(createAsker(store), "http");
  });
  afterAll(async () => {
    proxy?.restore();
    await h?.close();
    await pool?.end();
    await proxy?.close();
    await pg?.close();
  });

  const ask = async (command: string, text: string) => {
    const res = await postToApp(h!.url, "form", slashCommand(command, text, h!.fake.responseUrl("r")), { secret: SIGNING_SECRET, timestampSec: Math.floor(h!.clock.ms / 1000) });
    expect(res.status).toBe(200);
    return JSON.parse(res.body) as { response_type: string; text: string };
  };

  test("cut: help still answers, /brief says the store is down; restored: /brief answers from the store", async () => {
    expect((await ask("/brief", "lighthouse")).text).toMatch(/Lighthouse keepers return/);
    proxy!.cut();
    const help = await ask("/whosaid", "");
    expect(help.text).toMatch(/brief/i);
    expect(help.text).not.toBe(STORE_UNAVAILABLE_TEXT);
    expect(await ask("/brief", "lighthouse")).toEqual({ response_type: "ephemeral", text: STORE_UNAVAILABLE_TEXT, blocks: expect.any(Array) });
    expect((await ask("/whosaid", "gets looked after")).text).toBe(STORE_UNAVAILABLE_TEXT);
    proxy!.restore();
    expect((await ask("/brief", "lighthouse")).text).toMatch(/Lighthouse keepers return/);
    // The log says what failed, with no stack trace sent to the user.
    expect(h!.lines.some((l) => /the asker failed to answer/.test(l))).toBe(true);
  }, 60_000);
});

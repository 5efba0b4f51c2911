// /quotes and /person on Slack (issue 13): real Bolt in Socket Mode and in HTTP mode against the fake
// Slack, the real asker over a store holding invented articles. The person is typed as text.
import { createAsker } from "../../../src/ask/index.js";
import type { BriefingStore } from "../../../src/store/index.js";
import { postToApp, slashCommand } from "../../fakes/slack/payloads.js";
import { peopleStore } from "../../people/samples.js";
import { expectNoSecrets, SIGNING_SECRET, startHarness, type Harness } from "./harness.js";

let store: BriefingStore;
let h: Harness;
beforeAll(async () => {
  store = await peopleStore();
  h = await startHarness(createAsker(store), "socket");
}, 60_000);
afterAll(async () => {
  await h?.close();
  expectNoSecrets(h?.lines ?? []);
  await store?.close();
});

type Payload = { response_type: string; text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string }> }> };
const command = async (name: string, text: string, id: string) => (await h.fake.sendEnvelope("slash_commands", slashCommand(name, text, h.fake.responseUrl(id)))).ack.payload as Payload;
const shown = (p: Payload) => p.blocks.flatMap((b) => [b.text?.text ?? "", ...(b.elements ?? []).map((e) => e.text)]).filter(Boolean).join("\n");

test("/quotes <person> about <words>: the quotes on those words, newest first, with links, role and date", async () => {
  const p = await command("/quotes", "Ottilie Brandvold about the storm", "q1");
  expect(p.response_type).toBe("ephemeral");
  expect(p.text).toBe("Ottilie Brandvold: “We sail at six if the wind holds”");
  expect(shown(p)).toBe(
    [
      "*Ottilie Brandvold (ferry captain): 3 quotes in 2 articles about “the storm”, newest first*",
      "> “We sail at six if the wind holds”\n> “Passengers should bring warm coats”",
      "<https://news.example.org/ferry/2|Ferry crossings resume after the storm> · 2026-10-12",
      "> “The swell was over four metres at the harbour mouth”",
      "<https://news.example.org/ferry/1|Island ferry turns back in a storm> · 2026-10-11 · as ferry captain",
    ].join("\n"),
  );
});

test("/quotes by role; an ambiguous surname asks which one; nobody says so", async () => {
  expect((await command("/quotes", "the lock keeper", "q2")).text).toBe("Marek Halvorsen: “My crews worked through the night”");
  const which = await command("/quotes", "halvorsen", "q3");
  expect(which.text).toBe("Which “halvorsen” do you mean? Ingrid Halvorsen, Marek Halvorsen");
  expect(shown(which)).toContain("Ask again with the first name or the role: quotes Ingrid Halvorsen");
  expect((await command("/quotes", "Zebulon", "q4")).text).toBe("I know no one called “Zebulon” in the stored articles.");
  expect((await command("/quotes", "", "q5")).text).toBe("What briefbot can do");
});

test("/person: the card with roles, counts, dates, topics and latest quotes", async () => {
  const p = await command("/person", "Ingrid Halvorsen", "p1");
  expect(p.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Ingrid Halvorsen" } });
  expect(shown(p)).toContain("Seen in 3 articles with 4 quotes, 2026-09-01 to 2026-09-03\n*Roles:* canal authority director (2)\n*Topics:* brenna, canals, shipping");
  expect(shown(p)).toContain("> “Small boats can pass from noon”");
  expect(h.fake.calls("respond")).toEqual([]);
});

test("HTTP mode answers the same", async () => {
  const web = await startHarness(createAsker(store), "http");
  try {
    const signed = { secret: SIGNING_SECRET, timestampSec: Math.floor(web.clock.ms / 1000) };
    const res = await postToApp(web.url, "form", slashCommand("/person", "Brandvold", web.fake.responseUrl("w1")), signed);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as Payload).text).toBe("Ottilie Brandvold (ferry captain): Seen in 3 articles with 4 quotes, 2026-10-11 to 2026-10-13");
  } finally {
    await web.close();
  }
}, 60_000);

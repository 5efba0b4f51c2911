// /quotes and /person on Slack (issue 13): real Bolt in Socket Mode and in HTTP mode against the fake
// Slack, the real asker over a store holding invented articles. The person is typed as text.
import { createAsker } from "../../../src/ask/index.js";
import type { BriefingStore } from "../../../src/store/index.js";
import { PEOPLE_MODAL, PERSON_SELECT } from "../../../src/adapters/slack/people-picker.js";
import { blockSuggestion, postToApp, slashCommand, viewSubmission } from "../../fakes/slack/payloads.js";
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
});

test("alone, /quotes opens a modal whose person field is a typeahead over the person index; the answer comes privately", async () => {
  const ack = (await h.fake.sendEnvelope("slash_commands", slashCommand("/quotes", "", h.fake.responseUrl("m1")))).ack;
  expect(ack.payload ?? {}).toEqual({});
  const [opened] = await h.fake.waitFor("views.open");
  expect(opened!.body.trigger_id).toBe("1.2.3");
  const view = h.fake.views.at(-1)!.view;
  expect(view).toMatchObject({ type: "modal", callback_id: PEOPLE_MODAL, title: { text: "Quotes by person" } });
  expect(JSON.stringify(view.blocks)).toContain('"type":"external_select"');

  // Typing "halv" lists both Halvorsens with their roles; the value is the full name.
  const suggested = (await h.fake.sendEnvelope("interactive", blockSuggestion(PERSON_SELECT, "halv"))).ack.payload as { options: Array<{ text: { text: string }; value: string }> };
  expect(suggested.options.map((o) => o.value).sort()).toEqual(["Ingrid Halvorsen", "Marek Halvorsen"]);
  expect(suggested.options.find((o) => o.value === "Ingrid Halvorsen")!.text.text).toBe("Ingrid Halvorsen (canal authority director)");
  const nobody = (await h.fake.sendEnvelope("interactive", blockSuggestion(PERSON_SELECT, "zzz"))).ack.payload as { options: unknown[] };
  expect(nobody.options).toEqual([]);

  // Submitted with a person and "about": the quotes on those words, privately in the channel.
  const picked = { person_block: { [PERSON_SELECT]: { type: "external_select", selected_option: { text: { type: "plain_text", text: "Ottilie Brandvold" }, value: "Ottilie Brandvold" } } }, about_block: { about: { type: "plain_text_input", value: "the storm" } } };
  const submitted = (await h.fake.sendEnvelope("interactive", viewSubmission(view, picked))).ack;
  expect(submitted.payload ?? {}).toEqual({});
  const [answer] = await h.fake.waitFor("chat.postEphemeral");
  expect(answer!.body).toMatchObject({ channel: "C0GENERAL", user: "U0USER1", text: "Ottilie Brandvold: “We sail at six if the wind holds”" });
});

test("the picker: /person opens its own modal, a submission with nobody picked keeps the modal open, a forged form is refused", async () => {
  await h.fake.sendEnvelope("slash_commands", slashCommand("/person", "", h.fake.responseUrl("m2"), "C0OTHER"));
  await h.fake.waitFor("views.open", 2);
  const view = h.fake.views.at(-1)!.view;
  expect(view).toMatchObject({ title: { text: "Person card" } });
  expect(JSON.stringify(view.blocks)).not.toContain("about_block");

  const empty = (await h.fake.sendEnvelope("interactive", viewSubmission(view, { person_block: { [PERSON_SELECT]: { type: "external_select", selected_option: null } } }))).ack.payload;
  expect(empty).toEqual({ response_action: "errors", errors: { person_block: "Pick a person from the list." } });
  const forged = (await h.fake.sendEnvelope("interactive", viewSubmission({ ...view, private_metadata: "{not json" }, {}))).ack.payload;
  expect(forged).toEqual({ response_action: "errors", errors: { person_block: "This form is out of date: run the command again." } });

  const picked = { person_block: { [PERSON_SELECT]: { type: "external_select", selected_option: { text: { type: "plain_text", text: "x" }, value: "Marek Halvorsen" } } } };
  const before = h.fake.calls("chat.postEphemeral").length;
  await h.fake.sendEnvelope("interactive", viewSubmission(view, picked));
  const answers = await h.fake.waitFor("chat.postEphemeral", before + 1);
  expect(answers.at(-1)!.body).toMatchObject({ channel: "C0OTHER", user: "U0USER1" });
  expect(String(answers.at(-1)!.body.text)).toMatch(/^Marek Halvorsen/);
});

test("the picker: an expired trigger gets a short answer telling the user to type the name", async () => {
  h.fake.expiredTriggers.add("1.2.3");
  try {
    await h.fake.sendEnvelope("slash_commands", slashCommand("/quotes", "", h.fake.responseUrl("m3")));
    const [said] = await h.fake.waitFor("respond");
    expect(said!.path).toBe("/respond/m3");
    expect(JSON.stringify(said!.body)).toContain("I could not open the people picker: type the name instead, as in /quotes Ada Lovelace");
  } finally {
    h.fake.expiredTriggers.delete("1.2.3");
  }
});

test("/person: the card with roles, counts, dates, topics and latest quotes", async () => {
  const p = await command("/person", "Ingrid Halvorsen", "p1");
  expect(p.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Ingrid Halvorsen" } });
  expect(shown(p)).toContain("Seen in 3 articles with 4 quotes, 2026-09-01 to 2026-09-03\n*Roles:* canal authority director (2)\n*Topics:* brenna, canals, shipping");
  expect(shown(p)).toContain("> “Small boats can pass from noon”");
  expect(h.fake.calls("respond").filter((c) => c.path === "/respond/p1")).toEqual([]);
});

test("HTTP mode answers the same", async () => {
  const web = await startHarness(createAsker(store), "http");
  try {
    const signed = { secret: SIGNING_SECRET, timestampSec: Math.floor(web.clock.ms / 1000) };
    const res = await postToApp(web.url, "form", slashCommand("/person", "Brandvold", web.fake.responseUrl("w1")), signed);
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as Payload).text).toBe("Ottilie Brandvold (ferry captain): Seen in 3 articles with 4 quotes, 2026-10-11 to 2026-10-13");
    // The picker's options come to the same URL (the manifest's options load URL in HTTP mode).
    const options = await postToApp(web.url, "payload", blockSuggestion(PERSON_SELECT, "brand"), signed);
    expect(options.status).toBe(200);
    expect(JSON.parse(options.body)).toEqual({ options: [{ text: { type: "plain_text", text: "Ottilie Brandvold (ferry captain)" }, value: "Ottilie Brandvold" }] });
  } finally {
    await web.close();
  }
}, 60_000);

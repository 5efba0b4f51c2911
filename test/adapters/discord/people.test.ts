// /quotes and /person on Discord (issue 13): the real discord.js client against the fake Discord
// gateway and REST, the real asker over a store holding invented articles.
import { COMMAND_DEFINITIONS, startDiscord, type RunningDiscord } from "../../../src/adapters/discord/index.js";
import { createAsker } from "../../../src/ask/index.js";
import type { BriefingStore } from "../../../src/store/index.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { autocompleteInteraction, commandInteraction } from "../../fakes/discord/payloads.js";
import { FakeDiscord } from "../../fakes/discord/server.js";
import { peopleStore } from "../../people/samples.js";

const APP = "900000000000000001";
let fake: FakeDiscord;
let bot: RunningDiscord;
let store: BriefingStore;

beforeAll(async () => {
  store = await peopleStore();
  fake = await FakeDiscord.start({ applicationId: APP, botId: APP });
  bot = await startDiscord({ asker: createAsker(store), logger: memoryLogger(), config: { mode: "gateway", token: FAKE_TOKEN, applicationId: APP, apiUrl: fake.apiUrl } });
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
  await store?.close();
});

async function interact(payload: { id: string; token: string }): Promise<{ type: number; data: Record<string, unknown> }> {
  const from = fake.requests.length;
  fake.dispatch("INTERACTION_CREATE", payload);
  const req = await fake.request("POST", new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`), from);
  return req.body as { type: number; data: Record<string, unknown> };
}

type Embed = { title: string; description: string; fields: Array<{ name: string; value: string }>; footer?: { text: string } };

test("the commands are declared with an autocompleted person option and an optional about", () => {
  const quotes = COMMAND_DEFINITIONS.find((c) => c.name === "quotes") as unknown as { options: Array<{ name: string; required: boolean; autocomplete?: boolean }> };
  expect(quotes.options.map((o) => [o.name, o.required, o.autocomplete ?? false])).toEqual([
    ["person", true, true],
    ["about", false, false],
    ["public", false, false],
  ]);
  expect(COMMAND_DEFINITIONS.some((c) => c.name === "person")).toBe(true);
});

test("/quotes person about: the person's quotes on those words, one field per article", async () => {
  const body = await interact(commandInteraction(APP, "quotes", { person: "Brandvold", about: "storm" }));
  expect(body.type).toBe(4);
  const e = (body.data.embeds as Embed[])[0]!;
  expect(e.title).toBe("Quotes: Ottilie Brandvold");
  expect(e.description).toBe("Ottilie Brandvold \\(ferry captain\\): 3 quotes in 2 articles about “storm”, newest first");
  expect(e.fields.map((f) => f.name)).toEqual(["2026-10-12", "2026-10-11 · as ferry captain"]);
  expect(e.fields[1]!.value).toBe("“The swell was over four metres at the harbour mouth”\n— [Island ferry turns back in a storm](https://news.example.org/ferry/1)");
  expect(body.data.flags).toBe(64);
});

test("/person: one card; an ambiguous surname asks which one", async () => {
  const card = (await interact(commandInteraction(APP, "person", { person: "the lock keeper", public: true }))).data;
  expect(card.flags).toBeUndefined();
  const e = (card.embeds as Embed[])[0]!;
  expect(e.title).toBe("Marek Halvorsen");
  expect(e.description).toBe("Seen in 1 article with 1 quote, on 2026-09-03");
  expect(e.fields[0]).toEqual({ name: "Roles", value: "lock keeper" });
  const which = (await interact(commandInteraction(APP, "person", { person: "halvorsen" }))).data;
  expect((which.embeds as Embed[])[0]).toMatchObject({ title: "Which “halvorsen” do you mean?", footer: { text: "Ask again with the first name or the role: person Ingrid Halvorsen" } });
  const none = (await interact(commandInteraction(APP, "quotes", { person: "Zebulon" }))).data;
  expect(none.content).toBe("I know no one called “Zebulon” in the stored articles.");
});

test("autocomplete of people as typed: the name with the role shown, the full name as the value", async () => {
  const body = await interact(autocompleteInteraction(APP, "quotes", "person", "halv"));
  expect(body).toEqual({
    type: 8,
    data: {
      choices: [
        { name: "Ingrid Halvorsen (canal authority director)", value: "Ingrid Halvorsen" },
        { name: "Marek Halvorsen (lock keeper)", value: "Marek Halvorsen" },
      ],
    },
  });
  expect(await interact(autocompleteInteraction(APP, "person", "person", "zzz"))).toEqual({ type: 8, data: { choices: [] } });
  // The value chosen is that one person.
  const chosen = (await interact(commandInteraction(APP, "quotes", { person: "Marek Halvorsen" }))).data;
  expect((chosen.embeds as Embed[])[0]!.title).toBe("Quotes: Marek Halvorsen");
});

// The canal-lock articles of the store tests, plus a ferry story whose skipper is named in full in
// two articles and by surname alone in a third. Invented for these tests.
import type { Article, BriefingCard } from "../../src/core/index.js";
import { createMemoryStore, type BriefingStore } from "../../src/store/index.js";
import { LOCK_1, LOCK_1_CARD, LOCK_2, LOCK_2_CARD, LOCK_3, LOCK_3_CARD, person, said } from "../store/people-samples.js";
import { card } from "../store/samples.js";

const ferry = (d: number, title: string): Article => ({
  title,
  url: `https://news.example.org/ferry/${d}`,
  publishedAt: `2026-10-1${d}T09:00:00Z`,
  text: `${title}\n\nThe island ferry story, day ${d}.`,
});

export const FERRY: Array<{ article: Article; card: () => BriefingCard }> = [
  {
    article: ferry(1, "Island ferry turns back in a storm"),
    card: () => ({
      ...card(ferry(1, "Island ferry turns back in a storm"), {
        topics: ["ferries", "storms"],
        quotes: [said("The swell was over four metres at the harbour mouth", "Ottilie Brandvold", "ferry captain")],
      }),
      entities: [person("Ottilie Brandvold", "ferry captain"), { name: "Skerry Lines", type: "organization", mentions: 2 }],
    }),
  },
  {
    article: ferry(2, "Ferry crossings resume after the storm"),
    card: () => ({
      ...card(ferry(2, "Ferry crossings resume after the storm"), {
        topics: ["ferries"],
        quotes: [said("We sail at six if the wind holds", "Ottilie Brandvold"), said("Passengers should bring warm coats", "Ottilie Brandvold")],
      }),
      entities: [person("Ottilie Brandvold"), { name: "Skerry Lines", type: "organization", mentions: 1 }],
    }),
  },
  {
    article: ferry(3, "Ferry operator orders a second boat"),
    card: () => card(ferry(3, "Ferry operator orders a second boat"), { topics: ["ferries", "shipping"], quotes: [said("A second boat means no islander waits a day for a crossing", "Brandvold")] }),
  },
];

/** A memory store holding the lock and ferry articles. */
export async function peopleStore(store: BriefingStore = createMemoryStore()): Promise<BriefingStore> {
  const t = Date.UTC(2026, 10, 1);
  await store.put(LOCK_1, LOCK_1_CARD(), t);
  await store.put(LOCK_2, LOCK_2_CARD(), t);
  await store.put(LOCK_3, LOCK_3_CARD(), t);
  for (const f of FERRY) await store.put(f.article, f.card(), t);
  return store;
}

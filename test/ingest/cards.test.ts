// The worker-thread card pool gives the same cards as building them here, and the same errors.
import { join } from "node:path";
import { buildCard, CardError } from "../../src/core/index.js";
import { createCardPool, createIngestor } from "../../src/ingest/index.js";
import { createMemoryStore } from "../../src/store/index.js";
import { HARBOUR, ORCHARD } from "../store/samples.js";

const SHIM = join(__dirname, "card-worker-shim.js");

test("cards from the pool equal cards built in this thread; a bad article is a CardError", async () => {
  const pool = createCardPool(2, SHIM);
  try {
    const cards = await Promise.all([HARBOUR, ORCHARD, HARBOUR].map((a) => pool.build(a)));
    expect(cards).toEqual([buildCard(HARBOUR), buildCard(ORCHARD), buildCard(HARBOUR)]);
    const err = await pool.build({ text: "   " }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CardError);
    expect((err as CardError).code).toBe("empty");
  } finally {
    await pool.close();
  }
});

test("the ingestor builds a batch on the pool and stores it", async () => {
  const pool = createCardPool(2, SHIM);
  const store = createMemoryStore();
  try {
    const ing = createIngestor({ store, now: () => 1, cards: pool, batchSize: 8 });
    for (const [i, a] of [HARBOUR, ORCHARD, { text: "" }].entries()) await ing.article(a, `item ${i}`);
    expect(ing.summary()).toEqual({ ingested: 2, updated: 0, unchanged: 0, failed: [{ source: "item 2", code: "empty", message: "the article has no words" }] });
    expect(await store.count()).toBe(2);
  } finally {
    await pool.close();
  }
});

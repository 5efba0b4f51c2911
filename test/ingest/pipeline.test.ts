// Bulk ingestion keeps the card builder and the store busy at once: a full batch's cards are built
// while the batch before it is written, batches are written in order, and a store that stops taking
// writes loses nothing silently (the batch it refused and the one built behind it are reported).
import { Readable } from "node:stream";
import { createInterface } from "node:readline";
import { inlineCards, createIngestor, type CardBuilder } from "../../src/ingest/index.js";
import { createMemoryStore, StoreError, type BriefingStore } from "../../src/store/index.js";

const lines = (n: number, bad: ReadonlySet<number> = new Set()) =>
  Array.from({ length: n }, (_, i) =>
    JSON.stringify({
      url: `https://news.example/harbour-${i}`,
      text: bad.has(i) ? "  " : `The harbour board approved plan ${i} to widen the north quay on Monday. Engineers said work on berth ${i} would start in spring and take ${i + 2} months.`,
    }),
  );
const read = (ls: string[]) => createInterface({ input: Readable.from(ls.map((l) => l + "\n")) });

/** The real card builder and the real memory store, each step they take written down in order. */
function recorded(failAt?: number) {
  const events: string[] = [];
  const inner = inlineCards();
  let builds = 0;
  const cards: CardBuilder = {
    async build(a) {
      events.push(`build ${++builds}`);
      // A pool answers later, on another thread: the card arrives after the caller went on.
      await new Promise((r) => setImmediate(r));
      return inner.build(a);
    },
    close: () => inner.close(),
  };
  const real = createMemoryStore();
  let puts = 0;
  const store: BriefingStore = {
    ...real,
    async putMany(items, now) {
      const n = ++puts;
      events.push(`put ${n} (${items.length})`);
      if (n === failAt) throw new StoreError("unavailable", "the disk is full");
      return real.putMany(items, now);
    },
  };
  return { events, cards, store, real };
}

test("a batch's cards are built while the batch before it is written; batches are written in order", async () => {
  const { events, cards, store, real } = recorded();
  const ing = createIngestor({ store, now: () => 1, cards, batchSize: 4 });
  await ing.jsonl(read(lines(10)), "feed.jsonl");
  expect(ing.summary()).toEqual({ ingested: 10, updated: 0, unchanged: 0, failed: [] });
  const at = (e: string) => events.indexOf(e);
  // Batch 2 (articles 5-8) is sent to the builder before batch 1 is written, batch 3 before batch 2.
  expect(at("build 5")).toBeLessThan(at("put 1 (4)"));
  expect(at("build 9")).toBeLessThan(at("put 2 (4)"));
  expect(events.filter((e) => e.startsWith("put"))).toEqual(["put 1 (4)", "put 2 (4)", "put 3 (2)"]);
  // Every line stored, once.
  const stored = await real.since(0, 20);
  expect(stored.map((a) => a.url).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `https://news.example/harbour-${i}`).sort());
});

test("a store that stops taking writes: the refused batch and the one built behind it are reported, then the run stops", async () => {
  const { cards, store, real } = recorded(2);
  const ing = createIngestor({ store, now: () => 1, cards, batchSize: 4 });
  // Line 10 is no article: it is reported with its own reason, not as "not stored".
  const err = await ing.jsonl(read(lines(16, new Set([9]))), "feed.jsonl").catch((e: unknown) => e);
  expect(err).toBeInstanceOf(StoreError);
  const s = ing.summary();
  expect(s.ingested).toBe(4);
  expect(await real.count()).toBe(4);
  expect(s.failed.map((f) => `${f.source} ${f.code}`)).toEqual([
    ...[5, 6, 7, 8].map((n) => `feed.jsonl:${n} not_stored`),
    "feed.jsonl:9 not_stored",
    "feed.jsonl:10 empty",
    "feed.jsonl:11 not_stored",
    "feed.jsonl:12 not_stored",
  ]);
  expect(s.failed[0]!.message).toBe("the disk is full");
});

test("one article at a time (a watch, a pasted link) is written before the call returns", async () => {
  const { events, cards, store, real } = recorded();
  const ing = createIngestor({ store, now: () => 1, cards, batchSize: 64 });
  await ing.article({ text: "The ferry to the north islands returns on Friday after a winter of repairs, the operator said." }, "pasted");
  expect(events).toEqual(["build 1", "put 1 (1)"]);
  expect(await real.count()).toBe(1);
  expect(ing.summary().ingested).toBe(1);
});

// The sample articles in briefings/ (written for this project) in a store, as `npm start` loads them.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildCard } from "../../src/core/index.js";
import { articleFromText } from "../../src/ingest/index.js";
import type { BriefingStore } from "../../src/store/index.js";

export const BRIEFINGS = resolve(__dirname, "../../briefings");

export async function putSamples(store: BriefingStore): Promise<void> {
  for (const f of readdirSync(BRIEFINGS).filter((x) => x.endsWith(".md")).sort()) {
    const article = articleFromText(readFileSync(join(BRIEFINGS, f), "utf8"), join("briefings", f));
    await store.put(article, buildCard(article), Date.UTC(2026, 11, 10));
  }
}

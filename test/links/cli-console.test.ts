// `briefbot card <url>` and the console's `/brief <url>`: the real briefer and stores, a local page on
// 127.0.0.1 allowed by the test's config file only.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { startConsole } from "../../src/adapters/console.js";
import { createAsker } from "../../src/ask/index.js";
import { main } from "../../src/cli/index.js";
import { createLogger } from "../../src/log/index.js";
import { createMemoryStore, openStore } from "../../src/store/index.js";
import { memoryIo } from "../helpers/io.js";
import { startPages, STORY_TITLE, testLinks, type PageServer } from "./pages.js";

let pages: PageServer;
const tmp = mkdtempSync(join(tmpdir(), "briefbot-links-"));
beforeAll(async () => {
  pages = await startPages();
});
afterAll(async () => {
  await pages.close();
  rmSync(tmp, { recursive: true, force: true });
});

test("briefbot card <url> prints the card and stores the article; a private address is refused", async () => {
  const config = join(tmp, "links.yaml");
  writeFileSync(config, "links:\n  allow: [127.0.0.1]\n");
  const db = join(tmp, "cli.db");
  const io = memoryIo();
  expect(await main(["card", `${pages.base}/coast/lighthouse.html`, "--format", "text", "--config", config, "--db", db], io)).toBe(0);
  expect(io.out()).toMatch(new RegExp(`^${STORY_TITLE}\\n`));
  const store = await openStore(db);
  expect((await store.since(0, 5)).map((a) => a.card.title)).toEqual([STORY_TITLE]);
  await store.close();

  // Without the allowlist (the default config), 127.0.0.1 is refused like any private address.
  const refused = memoryIo();
  expect(await main(["card", `${pages.base}/coast/lighthouse.html`, "--db", db], refused)).toBe(1);
  expect(refused.err()).toMatch(/: private_address: that link points to a private or local network address/);
  expect(refused.out()).toBe("");
});

test("the console's /brief <url> prints the card, or the reason", async () => {
  const store = createMemoryStore();
  const wired = testLinks(store);
  const input = new PassThrough();
  let out = "";
  const logger = createLogger({ level: "silent", pretty: false });
  const running = startConsole({ asker: createAsker(store), links: wired.links, logger, input, write: (s) => void (out += s), interactive: false });
  input.end(`/brief ${pages.base}/coast/lighthouse.html\n/brief http://[::1]/\n/brief ${pages.base}/empty.html\n`);
  await running.done;
  await wired.close();
  expect(out).toContain(`${STORY_TITLE}\n`);
  expect(out).toContain("I did not brief that link: that link points to a private or local network address, which briefbot does not fetch.\n");
  expect(out).toContain("I did not brief that link: briefbot found no article to brief on that page.\n");
  expect(await store.count()).toBe(1);
});

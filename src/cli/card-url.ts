// briefbot card <url> [--config FILE] [--db PATH|URL]: fetches the page through the same SSRF guard
// and limits as chat links (links.allow in the config admits intranet hosts), prints the card and
// keeps the article in the store.
import type { BriefingCard } from "../core/index.js";
import { ConfigError, loadConfig } from "../config/index.js";
import { linksFromConfig } from "../links/index.js";
import { withStore } from "./db.js";
import type { Io } from "./io.js";
import { findRoot } from "./root.js";

export async function cardFromUrl(url: string, opts: { config?: string | undefined; db?: string | undefined }, print: (card: BriefingCard) => string, io: Io): Promise<number> {
  let config;
  try {
    config = loadConfig({ root: findRoot(__dirname), env: io.env ?? {}, ...(opts.config ? { file: opts.config } : {}) });
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    io.stderr(`briefbot card: ${err.message}\n`);
    return 1;
  }
  return withStore("card", opts.db, io, async (store) => {
    const wired = linksFromConfig(config, store, Date.now);
    try {
      const a = await wired.links.brief(url, { user: "cli", channel: "cli" });
      if (a.kind === "refused") {
        io.stderr(`briefbot card: ${url}: ${a.problem}: ${a.message}\n`);
        return 1;
      }
      io.stdout(print(a.card));
      if (a.status === "not_stored") io.stderr(`briefbot card: the card was not stored: the store did not answer\n`);
      return 0;
    } finally {
      await wired.close();
    }
  });
}

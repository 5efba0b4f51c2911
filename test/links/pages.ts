// A local news site on 127.0.0.1 for the link tests (allowlisted in the test config only), and the
// link briefer wired as the bot wires it, with a resolver that needs no DNS.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { linksConfigSchema, linksFromConfig, type WiredLinks } from "../../src/links/index.js";
import type { BriefingStore } from "../../src/store/index.js";

export const STORY_TITLE = "Lighthouse keepers return to Skerry Point";

export const STORY_HTML = `<!doctype html><html><head><title>${STORY_TITLE} | North Shore Gazette</title>
<meta property="og:site_name" content="North Shore Gazette">
<meta property="article:published_time" content="2031-09-14T06:00:00Z"></head><body>
<nav><a href="/">Home</a> <a href="/coast">Coast</a></nav>
<article><h1>${STORY_TITLE}</h1>
<p>Two keepers moved back into the Skerry Point lighthouse on Sunday, forty years after the light was automated, the coastal trust said.</p>
<p>"A machine can turn the lamp, but it cannot row out to a boat in trouble," said Oona Halloran, who runs the trust.</p>
<p>The trust raised 850,000 pounds for the repairs and will open the tower to visitors for 120 days a year.</p>
<p>Fishing crews in the bay welcomed the move, saying the rocks off the point claim a boat most winters.</p>
</article><footer>North Shore Gazette</footer></body></html>`;

export interface PageServer {
  base: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startPages(): Promise<PageServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/coast/lighthouse.html") return void res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(STORY_HTML);
    if (req.url === "/to-private") return void res.writeHead(302, { location: "http://10.0.0.1/admin" }).end();
    if (req.url === "/empty.html") return void res.writeHead(200, { "content-type": "text/html" }).end("<html><body></body></html>");
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Names for the tests: one intranet name (refused), one that does not resolve. */
const NAMES: Record<string, string[]> = { "wiki.corp.test": ["10.20.30.40"] };

export function testLinks(store: BriefingStore, now: () => number = Date.now, over: Record<string, unknown> = {}): WiredLinks {
  const links = linksConfigSchema.parse({ allow: ["127.0.0.1"], perUserPerMinute: 3, ...over });
  return linksFromConfig({ links, feeds: { urls: [], everyMinutes: 15, timeoutSeconds: 5, maxBytes: 1 << 20 } }, store, now, {
    resolve: async (host) => {
      const a = NAMES[host];
      if (!a) throw new Error("ENOTFOUND");
      return a;
    },
  });
}

// A local HTTP server for ingestion tests: pages, feeds and the ways fetching goes wrong.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";

export const PAGE = (title: string, body: string) => `<!doctype html>
<html><head><title>${title} | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="article:published_time" content="2026-05-04T07:00:00Z">
<link rel="canonical" href="/news/${title.toLowerCase().replace(/\W+/g, "-")}">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>${title}</h1>${body}</article>
<footer>Copyright The Valley Courier. All rights reserved.</footer>
</body></html>`;

const para = (s: string) => `<p>${s}</p>`;

export const FERRY_HTML = PAGE(
  "Ferry service returns to the islands",
  [
    "The ferry between Port Merrow and the outer islands will run again from Saturday, the harbour board said on Tuesday, after four months of repairs to the landing stage.",
    "“Islanders have waited long enough, and so have the shops that depend on them,” said Ines Calloway, who chairs the board.",
    "The crossing takes 50 minutes and will run six times a day in summer. About 2,400 people live on the islands year round.",
    "Fares will stay at their old level until the end of the season, the board added.",
  ]
    .map(para)
    .join("\n"),
);

export const BRIDGE_HTML = PAGE(
  "Old bridge closes for a safety check",
  [
    "The stone bridge over the Vell will close to traffic for three weeks while engineers check its arches, the county said.",
    "“We would rather close it for a month than lose it for a decade,” said county engineer Ravi Mendes.",
    "Around 9,000 vehicles cross the bridge each day, and a detour adds twelve minutes to most journeys.",
  ]
    .map(para)
    .join("\n"),
);

// Unclosed tags and stray markup: readers must still find the text.
export const BROKEN_HTML = `<html><head><title>Market hall reopens</title><body><div><p>The market hall in Vell reopened on Friday after a winter of repairs to its roof, and traders said the first morning was the busiest in years.
<p>"People came back the moment the doors opened," said stallholder Mara Quinn, who has sold cheese there for nineteen years.<p>The council spent 310,000 pounds on the work, which also added new lighting and wider aisles for prams and wheelchairs.
<div><span>More stories</div></span></p></table>`;

export function rss(base: string, links: string[]): string {
  const items = links.map((l, i) => `<item><title>Item ${i}</title><link>${base}${l}</link><guid>${l}</guid><pubDate>Mon, 04 May 2026 0${i}:00:00 GMT</pubDate></item>`);
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>${items.join("")}</channel></rss>`;
}

export const ATOM = (base: string) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier (Atom)</title>
<entry><title>Bridge</title><id>urn:bridge</id><link rel="alternate" href="${base}/bridge.html"/><updated>2026-05-04T08:00:00Z</updated></entry>
</feed>`;

/** A feed whose second item's page is gone: its description must stand in. */
export const GONE_ITEM_TEXT =
  "The night bus between Vell and Port Merrow will stop at the hospital from March, the transport board said. Nurses on late shifts had asked for the stop for two years.";
export const DESCRIBED_RSS = (base: string) => `<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Courier</title>
<item><title>Ferry</title><link>${base}/ferry.html</link><pubDate>Thu, 03 Dec 2026 10:00:00 GMT</pubDate><description>Short teaser.</description></item>
<item><title>Night bus stops at the hospital</title><link>${base}/gone</link><pubDate>Fri, 04 Dec 2026 06:30:00 +0100</pubDate>
<content:encoded><![CDATA[<p>${GONE_ITEM_TEXT}</p>]]></content:encoded></item>
</channel></rss>`;

export interface TestServer {
  base: string;
  hits: Map<string, number>;
  /** Set to make /feed.xml list these paths. */
  feedLinks: string[];
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const hits = new Map<string, number>();
  const state = { feedLinks: ["/ferry.html", "/bridge.html", "/missing"] };
  let base = "";
  let churn = 0;
  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
    "/ferry.html": (req, res) => {
      if (req.headers["if-none-match"] === '"ferry-1"') return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"ferry-1"' }).end(FERRY_HTML);
    },
    "/bridge.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end(BRIDGE_HTML),
    "/broken.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end(BROKEN_HTML),
    "/moved": (_req, res) => void res.writeHead(301, { location: "/ferry.html" }).end(),
    "/loop": (_req, res) => void res.writeHead(302, { location: "/loop" }).end(),
    "/forbidden": (_req, res) => void res.writeHead(403).end("no bots"),
    "/busy": (_req, res) => void res.writeHead(429, { "retry-after": "120" }).end("slow down"),
    "/broken-server": (_req, res) => void res.writeHead(500).end("oops"),
    "/huge": (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      const chunk = "<p>" + "word ".repeat(2000) + "</p>";
      for (let i = 0; i < 200; i++) res.write(chunk);
      res.end();
    },
    "/image.png": (_req, res) => void res.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1])),
    "/binary.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from([0x3c, 0x70, 0x3e, 0, 1, 2, 3, 0, 0, 0])),
    "/slow": (_req, res) => void setTimeout(() => res.writeHead(200, { "content-type": "text/html" }).end(FERRY_HTML), 1500).unref(),
    "/ua": (req, res) => {
      if (req.headers["user-agent"] !== "briefbot-test/1") return void res.writeHead(403).end();
      res.writeHead(200, { "content-type": "text/html" }).end(BRIDGE_HTML);
    },
    "/feed.xml": (req, res) => {
      const body = rss(base, state.feedLinks);
      const etag = `"feed-${state.feedLinks.length}"`;
      if (req.headers["if-none-match"] === etag) return void res.writeHead(304).end();
      res.writeHead(200, { "content-type": "application/rss+xml", etag }).end(body);
    },
    "/atom.xml": (_req, res) => void res.writeHead(200, { "content-type": "application/atom+xml" }).end(ATOM(base)),
    "/bad-feed.xml": (_req, res) => void res.writeHead(500).end(),
    // Hostile feeds (test/ingest/feed-failures.test.ts).
    "/malformed.xml": (_req, res) =>
      void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(base, ["/ferry.html", "/bridge.html"]).replace("</channel></rss>", "<item><title>Cut short")),
    "/many.xml": (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss(base, Array.from({ length: 10_000 }, (_, i) => `/missing?n=${i}`))),
    // 50 MB of feed, 50 kB on the wire.
    "/gzip-bomb.xml": (_req, res) => {
      const body = gzipSync(Buffer.from(rss(base, []).replace("</channel>", `<description>${" ".repeat(50 * 1024 * 1024)}</description></channel>`)));
      res.writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip", "content-length": String(body.length) }).end(body);
    },
    // A byte every 100 ms, for ever (until the client gives up).
    "/trickle.xml": (req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      const t = setInterval(() => res.write(" "), 100);
      req.socket.on("close", () => clearInterval(t));
    },
    // Every item gets a new guid on every request; links stay.
    "/churn.xml": (_req, res) => {
      churn += 1;
      const body = rss(base, ["/ferry.html", "/bridge.html"]).replace(/<guid>([^<]*)<\/guid>/g, (_m, g: string) => `<guid>${g}#poll-${churn}</guid>`);
      res.writeHead(200, { "content-type": "application/rss+xml" }).end(body);
    },
    "/x-rss.xml": (_req, res) => void res.writeHead(200, { "content-type": "application/x-rss+xml; charset=utf-8" }).end(rss(base, ["/bridge.html"])),
    "/described.xml": (_req, res) => void res.writeHead(200, { "content-type": "application/rss+xml" }).end(DESCRIBED_RSS(base)),
    // Latin-1 bytes with no charset anywhere: "café" is 0x63 0x61 0x66 0xE9.
    "/latin1.html": (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end(Buffer.from(BRIDGE_HTML.replace("said.", "said at the café."), "latin1")),
  };
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    hits,
    get feedLinks() {
      return state.feedLinks;
    },
    set feedLinks(v: string[]) {
      state.feedLinks = v;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

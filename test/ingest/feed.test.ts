import { isFeed, parseFeed, type Feed } from "../../src/ingest/index.js";

const cases: Array<[string, string, Feed]> = [
  [
    "RSS 2.0 with CDATA, guid and relative link",
    `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>
     <item><title><![CDATA[Ferry & islands]]></title><link>/news/ferry</link><guid isPermaLink="false">f-1</guid><pubDate>Mon, 04 May 2026 07:00:00 GMT</pubDate></item>
     <item><title>No link</title></item></channel></rss>`,
    { title: "Courier", items: [{ id: "f-1", link: "https://courier.example/news/ferry", title: "Ferry & islands", publishedAt: "2026-05-04T07:00:00Z" }] },
  ],
  [
    "Atom with alternate and self links",
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>Courier</title>
     <entry><title>Bridge</title><id>urn:b</id><link rel="self" href="https://courier.example/b.atom"/><link rel="alternate" href="https://courier.example/b"/><published>2026-05-04T08:00:00Z</published></entry></feed>`,
    { title: "Courier", items: [{ id: "urn:b", link: "https://courier.example/b", title: "Bridge", publishedAt: "2026-05-04T08:00:00Z" }] },
  ],
  [
    "RSS 1.0 (RDF) with dc:date",
    `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
     <channel><title>Courier</title></channel>
     <item rdf:about="https://courier.example/m"><title>Market</title><link>https://courier.example/m</link><dc:date>2026-05-01</dc:date></item></rdf:RDF>`,
    { title: "Courier", items: [{ id: "https://courier.example/m", link: "https://courier.example/m", title: "Market", publishedAt: "2026-05-01" }] },
  ],
];

test.each(cases)("%s", (_name, xml, feed) => {
  expect(isFeed("text/xml", xml)).toBe(true);
  expect(parseFeed(xml, "https://courier.example/feed")).toEqual(feed);
});

test("an item's own text: content:encoded, else description (RSS); content, else summary (Atom)", () => {
  const rssXml = `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
    <item><link>https://courier.example/a</link><description>&lt;p&gt;Teaser&lt;/p&gt;</description><content:encoded><![CDATA[<p>Full text.</p>]]></content:encoded></item>
    <item><link>https://courier.example/b</link><description>Only a teaser.</description></item></channel></rss>`;
  expect(parseFeed(rssXml).items.map((i) => i.content)).toEqual(["<p>Full text.</p>", "Only a teaser."]);
  const atomXml = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>e</id><link href="https://courier.example/e"/><summary type="html">&lt;p&gt;Gist&lt;/p&gt;</summary></entry></feed>`;
  expect(parseFeed(atomXml).items[0]?.content).toBe("<p>Gist</p>");
});

test.each([
  ["application/rss+xml", "", true],
  ["application/x-rss+xml", "", true],
  ["application/atom+xml; charset=utf-8", "", true],
  ["text/html", "<!doctype html><html><body>hi</body></html>", false],
  ["text/xml", '<?xml version="1.0"?>\n<!-- c --><rss version="2.0"/>', true],
])("isFeed(%s, ...) = %s", (type, body, want) => {
  expect(isFeed(type, body)).toBe(want);
});

test("a page is not a feed", () => {
  expect(() => parseFeed("<html><body>x</body></html>")).toThrow(/neither RSS nor Atom/);
});

// The SSRF guard: the refusal table from issue 15, with a resolver passed in (no real DNS) and a
// tripwire fetch, so no test sends traffic anywhere but 127.0.0.1.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createUrlGuard, fetchPage, FetchError, isPublicAddress, LinkRefusedError, type Resolve, type UrlGuard } from "../../src/ingest/index.js";
import { FERRY_HTML } from "./server.js";

let server: Server;
let port = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    if (req.url === "/to-private") return void res.writeHead(302, { location: "http://10.0.0.1/admin" }).end();
    if (req.url === "/to-name") return void res.writeHead(301, { location: "http://intranet.test/" }).end();
    if (req.url === "/to-file") return void res.writeHead(302, { location: "file:///etc/hostname" }).end();
    if (req.url === "/to-metadata") return void res.writeHead(307, { location: "http://[::ffff:169.254.169.254]/latest/meta-data/" }).end();
    res.writeHead(200, { "content-type": "text/html" }).end(FERRY_HTML);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});
beforeEach(() => {
  hits.length = 0;
});

const NAMES: Record<string, string[]> = {
  "intranet.test": ["10.1.2.3"],
  "mixed.test": ["93.184.215.14", "127.0.0.1"],
  "metadata.test": ["fd00:ec2::254"],
  "pages.test": ["127.0.0.1"],
};
const resolved: string[] = [];
const resolve: Resolve = async (host) => {
  resolved.push(host);
  const a = NAMES[host];
  if (!a) throw new Error(`ENOTFOUND ${host}`);
  return a;
};

/** Lets requests reach only 127.0.0.1 (by address or a test name): a broken guard fails here, not on the network. */
function tripwire(guard: UrlGuard): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const host = new URL(input instanceof Request ? input.url : input).hostname;
    if (host !== "127.0.0.1" && !host.endsWith(".test")) throw new Error(`tripwire: a request to ${host} left the guard`);
    return guard.fetch(input, init);
  }) as typeof fetch;
}

async function outcome(url: string, allow: string[] = [], res: Resolve = resolve): Promise<string> {
  const guard = createUrlGuard({ allow, resolve: res });
  try {
    // As the link service does: the first URL through the guard, then every hop through checkUrl.
    await guard.check(new URL(url));
    const r = await fetchPage(url, {}, { fetch: tripwire(guard), checkUrl: guard.check, timeoutMs: 5000 });
    return r.kind === "ok" ? `ok ${r.body.length > 1000 ? "page" : "short"}` : r.kind;
  } catch (err) {
    if (err instanceof LinkRefusedError) {
      // A short reason for people: no address, no host, no stack.
      expect(err.message).not.toMatch(/\d+\.\d+\.\d+|::|\.test|at .*\(|Error/);
      return `refused ${err.reason}`;
    }
    if (err instanceof FetchError) return `fetch ${err.code}`;
    throw err;
  } finally {
    await guard.close();
  }
}

describe("refused before any request", () => {
  test.each([
    ["http://127.0.0.1:PORT/", "refused private_address"],
    ["http://10.0.0.1/", "refused private_address"],
    ["http://169.254.169.254/latest/meta-data/", "refused private_address"],
    ["http://[::1]:PORT/", "refused private_address"],
    ["http://[::ffff:127.0.0.1]:PORT/", "refused private_address"],
    ["http://2130706433:PORT/", "refused private_address"],
    ["http://0x7f.1:PORT/", "refused private_address"],
    ["http://0177.0.0.1:PORT/", "refused private_address"],
    ["http://127.1:PORT/", "refused private_address"],
    ["http://0.0.0.0:PORT/", "refused private_address"],
    ["http://100.64.3.4/", "refused private_address"],
    ["http://192.168.1.1/", "refused private_address"],
    ["http://172.16.0.9/", "refused private_address"],
    ["http://224.0.0.1/", "refused private_address"],
    ["http://[fe80::1]/", "refused private_address"],
    ["http://[fd00:ec2::254]/", "refused private_address"],
    ["http://[64:ff9b::a00:1]/", "refused private_address"],
    ["http://intranet.test/", "refused private_address"],
    ["http://metadata.test/", "refused private_address"],
    ["http://mixed.test/", "refused private_address"],
    ["http://nowhere.test/", "refused unresolvable"],
    ["ftp://127.0.0.1/file", "refused scheme"],
    ["file:///etc/passwd", "refused scheme"],
    ["gopher://127.0.0.1:70/", "refused scheme"],
  ])("%s -> %s", async (url, want) => {
    expect(await outcome(url.replace("PORT", String(port)))).toBe(want);
    expect(hits).toEqual([]);
  });
});

test("a redirect to a private address, or to a name that resolves to one, is refused at the hop", async () => {
  const allow = ["127.0.0.1"];
  expect(await outcome(`http://127.0.0.1:${port}/to-private`, allow)).toBe("refused private_address");
  expect(await outcome(`http://127.0.0.1:${port}/to-name`, allow)).toBe("refused private_address");
  expect(await outcome(`http://127.0.0.1:${port}/to-metadata`, allow)).toBe("refused private_address");
  expect(await outcome(`http://127.0.0.1:${port}/to-file`, allow)).toBe("refused scheme");
  expect(hits).toEqual(["/to-private", "/to-name", "/to-metadata", "/to-file"]);
});

test("DNS rebinding: a name public when checked and loopback when connecting is refused at the connection", async () => {
  let calls = 0;
  const rebinding: Resolve = async () => (++calls === 1 ? ["93.184.215.14"] : ["127.0.0.1"]);
  expect(await outcome(`http://rebind.test:${port}/`, [], rebinding)).toBe("refused private_address");
  expect(calls).toBe(2);
  expect(hits).toEqual([]);
});

test("the allowlist lets intranet hosts through: by address, by name, by CIDR", async () => {
  expect(await outcome(`http://127.0.0.1:${port}/page`, ["127.0.0.1"])).toBe("ok page");
  expect(await outcome(`http://pages.test:${port}/page`, ["pages.test"])).toBe("ok page");
  expect(await outcome(`http://pages.test:${port}/page`, ["127.0.0.0/8"])).toBe("ok page");
  expect(await outcome(`http://pages.test:${port}/page`, ["*.test"])).toBe("ok page");
  expect(await outcome(`http://pages.test:${port}/page`, ["other.test"])).toBe("refused private_address");
  expect(hits).toEqual(["/page", "/page", "/page", "/page"]);
});

test.each([
  ["8.8.8.8", true],
  ["2606:4700::1111", true],
  ["::ffff:8.8.8.8", true],
  ["::ffff:10.0.0.1", false],
  ["203.0.113.9", false],
  ["255.255.255.255", false],
  ["2001:db8::1", false],
  ["2002:a00:1::", false],
  ["not an address", false],
])("isPublicAddress(%s) = %s", (a, want) => {
  expect(isPublicAddress(a)).toBe(want);
});

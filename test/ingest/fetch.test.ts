// Fetching from a local server on 127.0.0.1: redirects, validators, limits and HTTP errors.
import { fetchPage, FetchError, type FetchResult } from "../../src/ingest/index.js";
import { startServer, type TestServer } from "./server.js";

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(() => srv.close());

const fail = async (path: string, opts = {}): Promise<FetchError> => {
  const err = await fetchPage(srv.base + path, {}, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FetchError);
  return err as FetchError;
};

test("a page, with its validators; the same page again is 304 not modified", async () => {
  const r = (await fetchPage(srv.base + "/ferry.html")) as Extract<FetchResult, { kind: "ok" }>;
  expect(r.kind).toBe("ok");
  expect(r.body).toContain("Ferry service returns");
  expect(r.validators).toEqual({ etag: '"ferry-1"' });
  expect(await fetchPage(srv.base + "/ferry.html", r.validators)).toEqual({ kind: "not_modified", url: srv.base + "/ferry.html" });
});

test("redirects are followed, and a loop stops", async () => {
  const r = await fetchPage(srv.base + "/moved");
  expect(r.url).toBe(srv.base + "/ferry.html");
  const e = await fail("/loop", { maxRedirects: 3 });
  expect(e.code).toBe("too_many_redirects");
});

test.each([
  ["/forbidden", "forbidden", /403 Forbidden.*User-Agent "briefbot/],
  ["/busy", "rate_limited", /429 Too Many Requests.*wait 120 s/],
  ["/missing", "not_found", /404/],
  ["/broken-server", "http_status", /HTTP 500/],
  ["/image.png", "unsupported_type", /image\/png is not a page or a feed/],
  ["/binary.html", "unsupported_type", /binary data/],
])("%s fails with %s", async (path, code, message) => {
  const e = await fail(path);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(message);
});

test("429 keeps Retry-After for the caller", async () => {
  expect((await fail("/busy")).retryAfter).toBe("120");
});

test("a body over the size limit is cut off", async () => {
  const e = await fail("/huge", { maxBytes: 100_000 });
  expect(e.code).toBe("too_large");
});

test("a server that does not answer in time", async () => {
  const e = await fail("/slow", { timeoutMs: 200 });
  expect(e.code).toBe("timeout");
});

test("the configured User-Agent is sent", async () => {
  expect((await fail("/ua")).code).toBe("forbidden");
  expect((await fetchPage(srv.base + "/ua", {}, { userAgent: "briefbot-test/1" })).kind).toBe("ok");
});

test("only http and https", async () => {
  const e = await fetchPage("file:///etc/passwd").then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(FetchError);
  expect((e as FetchError).code).toBe("bad_url");
});

// Fetches a page or feed with Node's fetch: timeout, size limit, counted redirects, conditional
// requests (ETag / Last-Modified), our User-Agent, and clear errors for 403 / 404 / 429.
import { decodeText } from "./decode.js";
import { FetchError } from "./errors.js";

export interface FetchOptions {
  /** Per request (each redirect hop), including reading the body. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
  /** The fetch to use (Node's global by default). */
  fetch: typeof fetch;
  /** Called before every request, redirects included: throws to refuse the URL (guard.ts). */
  checkUrl?: (url: URL) => Promise<void>;
}

export const DEFAULT_FETCH_OPTIONS = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: "briefbot/0.1 (+https://github.com/briefbot/briefbot)",
} as const;

/** Cache validators from an earlier fetch of the same URL. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type FetchResult =
  | { kind: "ok"; url: string; body: string; contentType: string; validators: Validators }
  | { kind: "not_modified"; url: string };

// Feeds are served as application/rss+xml, application/atom+xml, and the older x-rss+xml / x-atom+xml.
const TEXT_TYPES = /^(text\/(html|plain|xml)|application\/(xhtml\+xml|(x-)?rss\+xml|(x-)?atom\+xml|rdf\+xml|xml))\b/i;

function statusError(res: Response, url: string, ua: string): FetchError {
  const s = res.status;
  const retryAfter = res.headers.get("retry-after") ?? undefined;
  if (s === 403) return new FetchError("forbidden", `${url}: 403 Forbidden: the site refused the request (User-Agent "${ua}"); it may block bots`, { status: s });
  if (s === 429) {
    const wait = retryAfter ? ` and asks to wait ${/^\d+$/.test(retryAfter) ? `${retryAfter} s` : `until ${retryAfter}`}` : "";
    return new FetchError("rate_limited", `${url}: 429 Too Many Requests: the site is rate-limiting briefbot${wait}`, { status: s, ...(retryAfter ? { retryAfter } : {}) });
  }
  if (s === 404 || s === 410) return new FetchError("not_found", `${url}: ${s} ${res.statusText || "Not Found"}`, { status: s });
  return new FetchError("http_status", `${url}: HTTP ${s} ${res.statusText}`.trim(), { status: s });
}

async function readBody(res: Response, url: string, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel();
    throw new FetchError("too_large", `${url}: the page is ${declared} bytes; the limit is ${max}`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (!res.body) return new Uint8Array();
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new FetchError("too_large", `${url}: the page is over the limit of ${max} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function decode(bytes: Uint8Array, contentType: string, url: string): string {
  // Binary served as text: NUL bytes near the start.
  if (bytes.subarray(0, 1024).includes(0)) throw new FetchError("unsupported_type", `${url}: the body is binary data, not text`);
  return decodeText(bytes, /charset=["']?([\w-]+)/i.exec(contentType)?.[1]);
}

export async function fetchPage(url: string, validators: Validators = {}, options: Partial<FetchOptions> = {}): Promise<FetchResult> {
  const opts = { ...DEFAULT_FETCH_OPTIONS, fetch: globalThis.fetch, ...options };
  let current: URL;
  try {
    current = new URL(url);
  } catch (err) {
    throw new FetchError("bad_url", `${url} is not a URL`, { cause: err });
  }
  if (current.protocol !== "http:" && current.protocol !== "https:") throw new FetchError("bad_url", `${url}: only http and https are fetched`);
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { "user-agent": opts.userAgent, accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/x-rss+xml,application/xml;q=0.9,text/plain;q=0.8" };
    if (validators.etag) headers["if-none-match"] = validators.etag;
    if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
    await opts.checkUrl?.(current);
    const signal = AbortSignal.timeout(opts.timeoutMs);
    let res: Response;
    try {
      res = await opts.fetch(current, { headers, redirect: "manual", signal });
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if (signal.aborted) throw new FetchError("timeout", `${current.href}: no answer within ${opts.timeoutMs} ms`, { cause: err });
      throw new FetchError("network", `${current.href}: ${(err as Error).message}${(err as Error).cause ? ` (${((err as Error).cause as Error).message})` : ""}`, { cause: err });
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      await res.body?.cancel();
      const loc = res.headers.get("location");
      if (!loc) throw new FetchError("http_status", `${current.href}: redirect ${res.status} without a Location`, { status: res.status });
      if (hop >= opts.maxRedirects) throw new FetchError("too_many_redirects", `${url}: more than ${opts.maxRedirects} redirects`);
      current = new URL(loc, current);
      continue;
    }
    if (res.status === 304) {
      await res.body?.cancel();
      return { kind: "not_modified", url: current.href };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw statusError(res, current.href, opts.userAgent);
    }
    const contentType = res.headers.get("content-type") ?? "text/html";
    if (!TEXT_TYPES.test(contentType)) {
      await res.body?.cancel();
      throw new FetchError("unsupported_type", `${current.href}: ${contentType.split(";")[0]} is not a page or a feed`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBody(res, current.href, opts.maxBytes);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      if (signal.aborted) throw new FetchError("timeout", `${current.href}: the body did not arrive within ${opts.timeoutMs} ms`, { cause: err });
      throw new FetchError("network", `${current.href}: ${(err as Error).message}`, { cause: err });
    }
    const got: Validators = {};
    const etag = res.headers.get("etag"), lastModified = res.headers.get("last-modified");
    if (etag) got.etag = etag;
    if (lastModified) got.lastModified = lastModified;
    return { kind: "ok", url: current.href, body: decode(bytes, contentType, current.href), contentType, validators: got };
  }
}

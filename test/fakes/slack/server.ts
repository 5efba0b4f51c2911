// A fake Slack on 127.0.0.1: the Web API methods briefbot uses, response_url posts, and a Socket Mode
// WebSocket (apps.connections.open, hello, envelopes, acks). It records every request it receives.
import { EventEmitter, once } from "node:events";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface Recorded {
  /** Web API method ("chat.postMessage"), "respond" for a response_url post, or "ws.ack" for a Socket Mode ack. */
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
  /** performance.now() when it arrived. */
  at: number;
}

export type Failure = { status: 429; retryAfter: number } | { status: 500 | 502 | 503 } | { error: string };

export interface FakeSlackOptions {
  botToken: string;
  appToken?: string;
  botUserId?: string;
  botId?: string;
  teamId?: string;
}

/** Fields Slack's Web API client sends as JSON inside a form body. */
const JSON_FIELDS = new Set(["blocks", "attachments", "metadata", "unfurls"]);

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function parseBody(req: IncomingMessage, bytes: Buffer): Record<string, unknown> {
  const raw = bytes.toString("utf8");
  if (!raw) return {};
  if ((req.headers["content-type"] ?? "").includes("json")) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) out[k] = JSON_FIELDS.has(k) ? JSON.parse(v) : v;
  return out;
}

/** A message the fake accepted, as conversations.history and conversations.replies show it. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text: unknown;
  blocks: unknown;
  metadata?: unknown;
  thread_ts?: string;
}

/** A file uploaded the files.uploadV2 way: URL asked for, bytes posted, then completed into a channel. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** The length given to files.getUploadURLExternal. */
  length: number;
  altText?: string;
  /** The file's bytes as posted to the upload URL (the file part of a multipart body). */
  bytes?: Buffer;
  /** The upload's content type ("multipart/form-data; boundary=..." from the web client). */
  contentType?: string;
  /** Set by files.completeUploadExternal. */
  shared?: { channel: string; thread_ts?: string; initial_comment?: string; title?: string };
}

export class FakeSlack {
  readonly requests: Recorded[] = [];
  /** Files by id, from files.getUploadURLExternal on. */
  readonly files = new Map<string, UploadedFile>();
  /** Every message chat.postMessage accepted, in order. */
  readonly messages: StoredMessage[] = [];
  /** Channels where chat.postMessage fails with this Slack error ("channel_not_found", "not_in_channel"). */
  readonly channelErrors = new Map<string, string>();
  /** users.info answers: admin and owner flags and the user's time zone (unknown ids: user_not_found). */
  readonly users = new Map<string, { is_admin?: boolean; is_owner?: boolean; tz?: string }>();
  /** usergroups.users.list answers: a group's member ids. */
  readonly usergroups = new Map<string, string[]>();
  /** Modals opened with views.open, with the trigger_id they were opened with. */
  readonly views: Array<{ trigger_id: string; view: Record<string, unknown> }> = [];
  /** trigger_ids Slack no longer accepts (Slack: a trigger_id expires after 3 seconds). */
  readonly expiredTriggers = new Set<string>();
  private readonly failures = new Map<string, Failure[]>();
  private readonly numbered = new Map<string, Failure>();
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private readonly pendingAcks = new Map<string, (body: Record<string, unknown>) => void>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private ts = 1_900_000_000;
  private envelopes = 0;
  private tickets = 0;

  private constructor(
    private readonly server: Server,
    readonly options: Required<FakeSlackOptions>,
  ) {
    this.events.setMaxListeners(0);
  }

  static async start(options: FakeSlackOptions): Promise<FakeSlack> {
    const opts = { appToken: "xapp-1-test", botUserId: "UBOT", botId: "BBOT", teamId: "T0001", ...options };
    const server = createServer();
    const fake = new FakeSlack(server, opts);
    server.on("request", (req, res) => void fake.onRequest(req, res));
    server.on("upgrade", (req, socket, head) => {
      if (!req.url?.startsWith("/link")) return socket.destroy();
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.onSocket(ws));
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }
  responseUrl(name: string): string {
    return `http://127.0.0.1:${this.port}/respond/${name}`;
  }

  /** The `nth` call of `method` (counting from 1, every call so far included) fails like this. */
  failCall(method: string, nth: number, failure: Failure): void {
    this.numbered.set(`${method}#${nth}`, failure);
  }

  /** The next calls of `method` fail like this, in order. */
  failNext(method: string, ...failures: Failure[]): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), ...failures]);
  }

  calls(method: string): Recorded[] {
    return this.requests.filter((r) => r.method === method);
  }

  /** Resolves once `count` calls of `method` have been recorded. */
  async waitFor(method: string, count = 1, timeoutMs = 8000): Promise<Recorded[]> {
    const have = () => this.calls(method).length >= count;
    if (!have()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.events.off("request", check);
          reject(new Error(`fake Slack: waited ${timeoutMs} ms for ${count} x ${method}, saw ${this.calls(method).length}`));
        }, timeoutMs);
        const check = () => {
          if (!have()) return;
          clearTimeout(timer);
          this.events.off("request", check);
          resolve();
        };
        this.events.on("request", check);
      });
    }
    return this.calls(method).slice(0, count);
  }

  private record(method: string, req: IncomingMessage | undefined, body: Record<string, unknown>): Recorded {
    const r: Recorded = { method, path: req?.url ?? "", headers: req?.headers ?? {}, body, at: performance.now() };
    this.requests.push(r);
    this.events.emit("request", r);
    return r;
  }

  private reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readRaw(req);
    const url = req.url ?? "";
    if (url.startsWith("/upload/")) return void (await this.onUpload(req, res, url.slice(8), bytes));
    const body = parseBody(req, bytes);
    const method = url.startsWith("/api/") ? url.slice(5).split("?")[0]! : url.startsWith("/respond/") ? "respond" : `unknown ${url}`;
    this.record(method, req, body);
    const failure = this.numbered.get(`${method}#${this.calls(method).length}`) ?? this.failures.get(method)?.shift();
    if (failure) {
      if ("error" in failure) return this.reply(res, 200, { ok: false, error: failure.error });
      const headers: Record<string, string> = failure.status === 429 ? { "retry-after": String(failure.retryAfter) } : {};
      return this.reply(res, failure.status, { ok: false, error: failure.status === 429 ? "ratelimited" : "fatal_error" }, headers);
    }
    if (method === "respond") return this.reply(res, 200, { ok: true });
    if (!url.startsWith("/api/")) return this.reply(res, 404, { ok: false, error: "not_found" });
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "") || String(body.token ?? "");
    const want = method === "apps.connections.open" ? this.options.appToken : this.options.botToken;
    if (token !== want) return this.reply(res, 200, { ok: false, error: "invalid_auth" });
    this.reply(res, 200, this.answer(method, body));
  }

  /** Slack: the upload URL takes the file's bytes (raw or multipart) and answers 200 with no JSON. */
  private async onUpload(req: IncomingMessage, res: ServerResponse, id: string, bytes: Buffer): Promise<void> {
    this.record("upload", req, { file_id: id, length: bytes.length });
    const file = this.files.get(id);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    const type = String(req.headers["content-type"] ?? "");
    file.contentType = type;
    file.bytes = bytes;
    if (type.startsWith("multipart/form-data")) {
      // The platform's own multipart parser (fetch's Response.formData), not one written here.
      const form = await new Response(bytes, { headers: { "content-type": type } }).formData();
      const part = [...form.values()].find((v) => typeof v !== "string") as Blob | undefined;
      if (!part) {
        res.writeHead(400).end("no file part");
        return;
      }
      file.bytes = Buffer.from(await part.arrayBuffer());
    }
    res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${file.bytes.length}`);
  }

  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    const o = this.options;
    switch (method) {
      case "files.getUploadURLExternal": {
        const length = Number(body.length);
        if (!body.filename || !Number.isInteger(length) || length <= 0) return { ok: false, error: "invalid_arguments" };
        const id = `F${this.ts++}`;
        const file: UploadedFile = { id, filename: String(body.filename), length };
        if (body.alt_text !== undefined) file.altText = String(body.alt_text);
        this.files.set(id, file);
        return { ok: true, upload_url: `http://127.0.0.1:${this.port}/upload/${id}`, file_id: id };
      }
      case "files.completeUploadExternal": {
        const listed = (typeof body.files === "string" ? JSON.parse(body.files) : body.files) as Array<{ id: string; title?: string }> | undefined;
        if (!Array.isArray(listed) || !listed.length) return { ok: false, error: "invalid_arguments" };
        const channel = body.channel_id === undefined ? undefined : String(body.channel_id);
        const error = channel ? this.channelErrors.get(channel) : undefined;
        if (error) return { ok: false, error };
        const done: Array<Record<string, unknown>> = [];
        for (const f of listed) {
          const file = this.files.get(f.id);
          // Slack: a file whose bytes never reached the upload URL cannot be completed.
          if (!file?.bytes) return { ok: false, error: "file_not_found" };
          if (channel) {
            file.shared = { channel };
            if (body.thread_ts !== undefined) file.shared.thread_ts = String(body.thread_ts);
            if (body.initial_comment !== undefined) file.shared.initial_comment = String(body.initial_comment);
            if (f.title !== undefined) file.shared.title = f.title;
          }
          done.push({ id: file.id, name: file.filename, title: f.title ?? file.filename, size: file.bytes.length });
        }
        return { ok: true, files: done };
      }
      case "auth.test":
        return { ok: true, url: "https://test.slack.example/", team: "Test", user: "briefbot", team_id: o.teamId, user_id: o.botUserId, bot_id: o.botId };
      case "chat.postMessage": {
        const error = this.channelErrors.get(String(body.channel));
        if (error) return { ok: false, error };
        const ts = `${this.ts++}.000100`;
        const stored: StoredMessage = { channel: String(body.channel), ts, text: body.text, blocks: body.blocks };
        if (body.metadata !== undefined) stored.metadata = body.metadata;
        if (body.thread_ts !== undefined) stored.thread_ts = String(body.thread_ts);
        this.messages.push(stored);
        return { ok: true, channel: body.channel, ts, message: { text: body.text, ts, bot_id: o.botId } };
      }
      case "conversations.history":
      case "conversations.replies": {
        const channel = String(body.channel);
        const error = this.channelErrors.get(channel);
        if (error) return { ok: false, error };
        const withMeta = String(body.include_all_metadata) === "true";
        const oldest = Number(body.oldest ?? 0);
        const limit = Number(body.limit ?? 100);
        // history: the channel's top-level messages, newest first; replies: the parent, then its thread, oldest first.
        const picked =
          method === "conversations.history"
            ? this.messages.filter((m) => m.channel === channel && !m.thread_ts && Number(m.ts) > oldest).reverse()
            : this.messages.filter((m) => m.channel === channel && (m.ts === body.ts || m.thread_ts === body.ts));
        const show = (m: StoredMessage) => ({
          type: "message", ts: m.ts, text: m.text, blocks: m.blocks, bot_id: o.botId,
          ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}), ...(withMeta && m.metadata ? { metadata: m.metadata } : {}),
        });
        return { ok: true, messages: picked.slice(0, limit).map(show), has_more: picked.length > limit, response_metadata: { next_cursor: "" } };
      }
      case "chat.unfurl": {
        // Slack: the unfurls are keyed by the shared URL; a message (channel + ts) or a composer unfurl_id.
        if (typeof body.unfurls !== "object" || body.unfurls === null) return { ok: false, error: "invalid_unfurls" };
        if (!(body.channel && body.ts) && !(body.unfurl_id && body.source)) return { ok: false, error: "cannot_unfurl_message" };
        return { ok: true };
      }
      case "chat.postEphemeral": {
        const error = this.channelErrors.get(String(body.channel));
        return error ? { ok: false, error } : { ok: true, message_ts: `${this.ts++}.000200` };
      }
      case "users.info": {
        const u = this.users.get(String(body.user));
        if (!u) return { ok: false, error: "user_not_found" };
        return { ok: true, user: { id: body.user, team_id: o.teamId, name: "someone", deleted: false, is_bot: false, is_admin: !!u.is_admin, is_owner: !!u.is_owner, is_primary_owner: false, ...(u.tz ? { tz: u.tz } : {}) } };
      }
      case "usergroups.users.list": {
        const members = this.usergroups.get(String(body.usergroup));
        return members ? { ok: true, users: members } : { ok: false, error: "no_such_subteam" };
      }
      case "conversations.info": {
        const error = this.channelErrors.get(String(body.channel));
        return error ? { ok: false, error } : { ok: true, channel: { id: body.channel, name: "a-channel", is_channel: true, is_member: true } };
      }
      case "views.open": {
        const trigger = String(body.trigger_id ?? "");
        const view = (typeof body.view === "string" ? JSON.parse(body.view) : body.view) as Record<string, unknown> | undefined;
        if (!trigger || this.expiredTriggers.has(trigger)) return { ok: false, error: "expired_trigger_id" };
        if (!view || view.type !== "modal" || !Array.isArray(view.blocks)) return { ok: false, error: "invalid_arguments" };
        this.views.push({ trigger_id: trigger, view });
        return { ok: true, view: { id: `V${this.ts++}`, ...view } };
      }
      case "apps.connections.open":
        return { ok: true, url: `ws://127.0.0.1:${this.port}/link/?ticket=t${++this.tickets}` };
      default:
        return { ok: false, error: "unknown_method" };
    }
  }

  // ---- Socket Mode ----

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => this.sockets.delete(ws));
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as Record<string, unknown>;
      this.record("ws.ack", undefined, msg);
      const id = String(msg.envelope_id);
      this.pendingAcks.get(id)?.(msg);
      this.pendingAcks.delete(id);
    });
    ws.send(JSON.stringify({ type: "hello", num_connections: 1, debug_info: { host: "fake" }, connection_info: { app_id: "A0001" } }));
    this.events.emit("socket");
  }

  get openSockets(): number {
    return this.sockets.size;
  }

  /** Resolves when a Socket Mode client is connected (at once if one is). */
  async socketConnected(timeoutMs = 8000): Promise<void> {
    if (this.sockets.size) return;
    await Promise.race([
      once(this.events, "socket"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("fake Slack: no Socket Mode connection")), timeoutMs).unref()),
    ]);
  }

  /** Sends an envelope down the socket; resolves with the ack and how long it took. */
  async sendEnvelope(type: "slash_commands" | "events_api" | "interactive", payload: Record<string, unknown>): Promise<{ ack: Record<string, unknown>; ms: number }> {
    const ws = [...this.sockets][0];
    if (!ws) throw new Error("fake Slack: no Socket Mode connection");
    const envelope_id = `env-${++this.envelopes}`;
    const started = performance.now();
    const acked = new Promise<Record<string, unknown>>((resolve) => this.pendingAcks.set(envelope_id, resolve));
    ws.send(JSON.stringify({ envelope_id, type, payload, accepts_response_payload: type !== "events_api", retry_attempt: 0, retry_reason: "" }));
    const ack = await acked;
    return { ack, ms: performance.now() - started };
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

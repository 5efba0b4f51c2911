// A fake Discord on 127.0.0.1: the REST routes briefbot uses and a gateway WebSocket.
// Records everything the real discord.js (or our HTTP-mode code) sends, for exact assertions.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, without the query. */
  path: string;
  query: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** When the request arrived (the fake's clock, `now`). */
  at: number;
  /** Files of a multipart request (files[n] parts), in order. */
  files?: UploadedFile[];
}

export interface UploadedFile {
  /** The form field ("files[0]"). */
  field: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
}

export interface GatewayFrame {
  dir: "in" | "out";
  op: number;
  t?: string | null;
  d: unknown;
}

interface Failure {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export interface FakeDiscordOptions {
  botId: string;
  applicationId: string;
  guildIds: string[];
  /** Short so tests see heartbeats and their ACKs. */
  heartbeatIntervalMs: number;
  /** The clock channel message ids (snowflakes) are made from: pass the test's clock. */
  now: () => number;
  /** Role ids the guilds have (discord.js keeps a member's roles only when the guild lists them). */
  roles: string[];
}

const DEFAULTS = { botId: "900000000000000001", applicationId: "900000000000000001", guildIds: ["800000000000000001"], heartbeatIntervalMs: 200, now: () => Date.now(), roles: [] as string[] } as const;

type Waiter = { pred: () => boolean; resolve: () => void };

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly frames: GatewayFrame[] = [];
  /** Registered commands by scope ("global" or a guild id), as the last bulk overwrite left them. */
  readonly commands = new Map<string, Array<Record<string, unknown>>>();
  readonly options: FakeDiscordOptions;
  /** Messages created in channels (POST /channels/:id/messages), in order; a repeated enforced nonce adds none. */
  readonly channelMessages: Array<Record<string, unknown>> = [];
  /** Channels whose message routes fail: Discord's JSON error code (10003, 50001, 50013) and HTTP status. */
  readonly channelErrors = new Map<string, { status: number; code: number; message: string }>();
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  /** Sockets whose session is live (READY or RESUMED sent): dispatches go to these only, as on Discord. */
  private readonly live = new Set<WebSocket>();
  /** Every dispatch sent (the session's events), so that a RESUME gets those after its `seq` replayed. */
  private readonly dispatched: Array<{ t: string; s: number; d: unknown }> = [];
  private readonly failures: Failure[] = [];
  private readonly waiters: Waiter[] = [];
  private seq = 0;
  private acksToWithhold = 0;
  private nextId = 1000;
  port = 0;

  constructor(options: Partial<FakeDiscordOptions> = {}) {
    this.options = { ...DEFAULTS, ...options, guildIds: options.guildIds ?? [...DEFAULTS.guildIds] };
    this.server = createServer((req, res) => void this.onRequest(req, res));
    this.wss = new WebSocketServer({ server: this.server, path: "/gateway" });
    this.wss.on("connection", (ws) => this.onSocket(ws));
  }

  static async start(options: Partial<FakeDiscordOptions> = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** What to give discord.js as `rest.api` (and briefbot as `apiUrl`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** The next request matching answers `status` with `body` instead (once). */
  failNext(method: string, path: RegExp, status: number, body: unknown, headers: Record<string, string> = {}): void {
    this.failures.push({ method, path, status, body, headers });
  }

  /**
   * Sends a gateway dispatch (op 0) to every client whose session is live. One that is reconnecting (a
   * missed heartbeat ACK makes discord.js close and RESUME) gets it replayed when it resumes, as Discord does.
   */
  dispatch(t: string, d: unknown): void {
    const event = { t, s: ++this.seq, d };
    this.dispatched.push(event);
    for (const ws of this.live) this.send(ws, { op: 0, ...event });
  }

  /** The next `n` heartbeats get no ACK: discord.js then takes the connection for dead, reconnects and resumes. */
  withholdAcks(n: number): void {
    this.acksToWithhold = n;
  }

  get connections(): number {
    return this.sockets.size;
  }

  /** Resolves once `pred` holds (checked after every recorded request and frame). */
  waitFor(pred: () => boolean, what = "condition", timeoutMs = 5000): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        clearInterval(poll);
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
      };
      const timer = setTimeout(() => (done(), reject(new Error(`fake discord: timed out waiting for ${what}`))), timeoutMs);
      // Also polled, for conditions on things the fake does not see (log lines).
      const poll = setInterval(() => pred() && (done(), resolve()), 10);
      const waiter: Waiter = { pred, resolve: () => (done(), resolve()) };
      this.waiters.push(waiter);
    });
  }

  /** Resolves with the first request (counting from `from`) matching method and path. */
  async request(method: string, path: RegExp, from = 0): Promise<RecordedRequest> {
    const find = () => this.requests.slice(from).find((r) => r.method === method && path.test(r.path));
    await this.waitFor(() => find() !== undefined, `${method} ${path}`);
    return find()!;
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method && path.test(r.path));
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const w of [...this.waiters]) {
      if (w.pred()) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private send(ws: WebSocket, payload: { op: number; t?: string | null; s?: number | null; d: unknown }): void {
    this.frames.push({ dir: "out", op: payload.op, t: payload.t ?? null, d: payload.d });
    ws.send(JSON.stringify({ t: null, s: null, ...payload }));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on("close", () => (this.sockets.delete(ws), this.live.delete(ws)));
    ws.on("message", (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: unknown };
      this.frames.push({ dir: "in", op: msg.op, d: msg.d });
      if (msg.op === 1) {
        if (this.acksToWithhold > 0) this.acksToWithhold--;
        else this.send(ws, { op: 11, d: null }); // heartbeat -> ACK
      }
      if (msg.op === 2) this.onIdentify(ws);
      if (msg.op === 6) this.onResume(ws, msg.d as { session_id?: string; seq?: number | null });
      this.notify();
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs } });
  }

  private onIdentify(ws: WebSocket): void {
    const { botId, applicationId, guildIds } = this.options;
    this.send(ws, {
      op: 0, t: "READY", s: ++this.seq,
      d: {
        v: 10, session_id: "fake-session", resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
        user: { id: botId, username: "briefbot", discriminator: "0", global_name: null, avatar: null, bot: true },
        guilds: guildIds.map((id) => ({ id, unavailable: true })),
        application: { id: applicationId, flags: 0 }, shard: [0, 1],
      },
    });
    // With the Guilds intent discord.js waits for a GUILD_CREATE per guild listed in READY.
    for (const id of guildIds) this.send(ws, { op: 0, t: "GUILD_CREATE", s: ++this.seq, d: guildPayload(id, this.options.roles) });
    this.live.add(ws);
  }

  /**
   * RESUME (op 6): the dispatches sent after the client's last `seq` again, then RESUMED, as Discord
   * answers. discord.js resumes when a heartbeat's ACK did not come before the next heartbeat was due,
   * which a busy machine's stalled event loop causes; an unknown session is told to identify anew (op 9).
   */
  private onResume(ws: WebSocket, d: { session_id?: string; seq?: number | null }): void {
    if (d.session_id !== "fake-session") {
      this.send(ws, { op: 9, d: false });
      return;
    }
    for (const e of this.dispatched) if (e.s > (d.seq ?? 0)) this.send(ws, { op: 0, ...e });
    this.send(ws, { op: 0, t: "RESUMED", s: ++this.seq, d: {} });
    this.live.add(ws);
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString("utf8");
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    // discord.js sends "@original" percent-encoded; Discord reads both.
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, "");
    const method = req.method ?? "GET";
    const type = req.headers["content-type"] ?? "";
    let body: unknown = raw;
    let files: UploadedFile[] | undefined;
    if (type.startsWith("multipart/form-data")) ({ body, files } = await readMultipart(bytes, type));
    else if (/json/.test(type) && raw) body = JSON.parse(raw);
    this.requests.push({ method, path, query: url.search, headers: req.headers, body, at: this.options.now(), ...(files ? { files } : {}) });
    try {
      const fail = this.failures.findIndex((f) => f.method === method && f.path.test(path));
      if (fail >= 0) {
        const f = this.failures.splice(fail, 1)[0]!;
        return json(res, f.status, f.body, f.headers);
      }
      this.route(method, path, body, res, url.search, files);
    } finally {
      this.notify();
    }
  }

  private route(method: string, path: string, body: unknown, res: ServerResponse, query = "", files: UploadedFile[] = []): void {
    let m: RegExpExecArray | null;
    if (method === "GET" && (path === "/gateway/bot" || path === "/gateway")) {
      return json(res, 200, {
        url: `ws://127.0.0.1:${this.port}/gateway`, shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === "POST" && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      // Discord: 204 with no body, so no JSON content type either.
      res.writeHead(204).end();
      return;
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path)) && (method === "PATCH" || method === "POST")) {
      const bad = badAttachments(body, files);
      if (bad) return json(res, 400, bad);
      return json(res, 200, this.message("0", body, files));
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && (method === "POST" || method === "GET")) {
      const channel = m[1]!;
      const error = this.channelErrors.get(channel);
      if (error) return json(res, error.status, { message: error.message, code: error.code });
      if (method === "GET") {
        // Newest first, like Discord; `after` is a snowflake, and ids here only grow.
        const q = new URLSearchParams(query);
        const after = BigInt(q.get("after") ?? "0");
        const mine = this.channelMessages.filter((x) => x.channel_id === channel && BigInt(String(x.id)) > after).reverse();
        return json(res, 200, mine.slice(0, Number(q.get("limit") ?? 50)));
      }
      const b = (body ?? {}) as Record<string, unknown>;
      const bad = badAttachments(body, files);
      if (bad) return json(res, 400, bad);
      // Discord: with enforce_nonce, a nonce seen recently from the same author returns that message, creating none.
      const same = b.enforce_nonce === true && b.nonce !== undefined ? this.channelMessages.find((x) => x.channel_id === channel && x.nonce === b.nonce) : undefined;
      if (same) return json(res, 200, same);
      // A snowflake: creation time (ms since 2015) above 22 bits of sequence, so `after` works.
      const id = ((BigInt(Math.max(0, this.options.now() - 1_420_070_400_000)) << BigInt(22)) + BigInt(++this.nextId % 4096)).toString();
      const created = { ...this.message(channel, body, files), id, ...(b.nonce !== undefined ? { nonce: b.nonce } : {}) };
      this.channelMessages.push(created);
      return json(res, 200, created);
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const scope = m[2] ?? "global";
      if (method === "PUT") {
        const previous = this.commands.get(scope) ?? [];
        // Bulk overwrite: the list becomes exactly what was sent; a command keeps its id by name.
        const next = (body as Array<Record<string, unknown>>).map((c) => ({
          ...c, id: previous.find((p) => p.name === c.name)?.id ?? String(++this.nextId), application_id: m![1], version: "1",
        }));
        this.commands.set(scope, next);
        return json(res, 200, next);
      }
      if (method === "GET") return json(res, 200, this.commands.get(scope) ?? []);
    }
    json(res, 404, { message: "404: Not Found", code: 0 });
  }

  private message(channelId: string, body: unknown, files: UploadedFile[] = []): Record<string, unknown> {
    const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
    // Discord: uploaded files become attachments on its CDN, and an embed's attachment://name image points there.
    const attachments = files.map((f, i) => ({
      id: String(++this.nextId), filename: f.filename, size: f.bytes.length, content_type: f.contentType,
      url: `https://cdn.discord.example/attachments/${channelId}/${this.nextId}/${f.filename}`, proxy_url: `https://media.discord.example/${f.filename}`, index: i,
    }));
    const embeds = ((b.embeds ?? []) as Array<Record<string, unknown>>).map((e) => {
      const img = (e.image as { url?: string } | undefined)?.url;
      const at = img?.startsWith("attachment://") ? attachments.find((a) => a.filename === img.slice(13)) : undefined;
      return at ? { ...e, image: { url: at.url, proxy_url: at.proxy_url } } : e;
    });
    return {
      id: String(++this.nextId), channel_id: channelId, type: 0, content: b.content ?? "", embeds,
      components: b.components ?? [], attachments: attachments.map(({ index: _i, ...a }) => a), mentions: [], mention_roles: [], mention_everyone: false,
      pinned: false, tts: false, timestamp: new Date(0).toISOString(), edited_timestamp: null, flags: b.flags ?? 0,
      author: { id: this.options.botId, username: "briefbot", discriminator: "0", global_name: null, avatar: null, bot: true },
    };
  }
}

/** A multipart message: payload_json is the body, files[n] the uploads (parsed by fetch's own formData). */
async function readMultipart(bytes: Buffer, type: string): Promise<{ body: unknown; files: UploadedFile[] }> {
  const form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  const payload = form.get("payload_json");
  const files: UploadedFile[] = [];
  for (const [field, v] of form.entries()) {
    if (typeof v === "string") continue;
    const blob = v as Blob & { name?: string };
    files.push({ field, filename: blob.name ?? "", contentType: blob.type, bytes: Buffer.from(await blob.arrayBuffer()) });
  }
  return { body: typeof payload === "string" ? JSON.parse(payload) : {}, files };
}

/** Discord: every attachment:// an embed names and every attachments[] entry must match a file sent with it. */
function badAttachments(body: unknown, files: UploadedFile[]): Record<string, unknown> | undefined {
  const b = (body && typeof body === "object" ? body : {}) as { embeds?: Array<{ image?: { url?: string } }>; attachments?: Array<{ id: number; filename: string }> };
  const names = new Set(files.map((f) => f.filename));
  for (const a of b.attachments ?? []) if (!files[Number(a.id)] || files[Number(a.id)]!.filename !== a.filename) return { message: "Invalid Form Body", code: 50035, errors: { attachments: a } };
  for (const e of b.embeds ?? []) {
    const url = e.image?.url;
    if (url?.startsWith("attachment://") && !names.has(url.slice(13))) return { message: "Invalid Form Body", code: 50035, errors: { embeds: url } };
  }
  return undefined;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}

function guildPayload(id: string, roles: readonly string[] = []): Record<string, unknown> {
  return {
    id, name: `guild ${id}`, icon: null, owner_id: "700000000000000001", afk_channel_id: null, afk_timeout: 300,
    verification_level: 0, default_message_notifications: 0, explicit_content_filter: 0, emojis: [],
    roles: roles.map((r, i) => ({ id: r, name: `role ${i}`, color: 0, hoist: false, position: i + 1, permissions: "0", managed: false, mentionable: false, flags: 0 })),
    features: [], mfa_level: 0, application_id: null, system_channel_id: null, system_channel_flags: 0,
    rules_channel_id: null, vanity_url_code: null, description: null, banner: null, premium_tier: 0,
    preferred_locale: "en-US", public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null, stickers: [], joined_at: new Date(0).toISOString(), large: false, unavailable: false,
    member_count: 2, voice_states: [], members: [], presences: [], stage_instances: [], guild_scheduled_events: [],
    threads: [], channels: [{ id: "810000000000000001", type: 0, guild_id: id, name: "general", position: 0, permission_overwrites: [] }],
  };
}

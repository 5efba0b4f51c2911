// HTTP mode: a Bolt Receiver that checks Slack's signature with our clock (`now` comes in, so tests need no
// fake timers), refuses requests more than five minutes off either way (replays), serves GET /healthz, and
// hands verified requests to Bolt's own HTTPReceiver for acks and responses.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HTTPReceiver, verifySlackRequest, type App, type Logger as BoltLogger, type Receiver } from "@slack/bolt";
import type { Logger } from "../../log/index.js";

export interface HttpReceiverOptions {
  signingSecret: string;
  port: number;
  host: string;
  now: () => number;
  log: Logger;
  boltLogger: BoltLogger;
  /** Where Slack posts commands, events and interactions. */
  path: string;
  maxBodyBytes: number;
}

/** Slack: requests whose timestamp is more than five minutes from now are refused. */
const MAX_SKEW_SECONDS = 5 * 60;

class Refused extends Error {}

export class VerifiedHttpReceiver implements Receiver {
  private readonly bolt: HTTPReceiver;
  private server: Server | undefined;
  private stopping = false;

  constructor(private readonly o: HttpReceiverOptions) {
    // Bolt's own check reads Date.now(); ours runs first with `now`, so Bolt's is switched off.
    this.bolt = new HTTPReceiver({ signingSecret: o.signingSecret, signatureVerification: false, endpoints: [o.path], logger: o.boltLogger });
  }

  init(app: App): void {
    this.bolt.init(app);
  }

  get port(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async start(): Promise<Server> {
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.o.port, this.o.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    return server;
  }

  /** Stops taking requests; those in progress finish. */
  async stop(): Promise<void> {
    this.stopping = true;
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    this.server = undefined;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      res.writeHead(this.stopping ? 503 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: this.stopping ? "stopping" : "ok" }));
      return;
    }
    if (req.method !== "POST" || path !== this.o.path) {
      res.writeHead(404).end();
      return;
    }
    if (this.stopping) {
      // Slack retries events elsewhere or later; a stopping bot takes no new work.
      res.writeHead(503).end();
      return;
    }
    let body: Buffer;
    try {
      body = await this.readBody(req);
    } catch {
      res.writeHead(413).end();
      return;
    }
    const text = body.toString("utf8");
    // Slack's ssl_check pings are unsigned and carry nothing to act on.
    if (/^ssl_check=1(&|$)/.test(text) && (req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) {
      res.writeHead(200).end();
      return;
    }
    try {
      this.verify(req, text);
    } catch (err) {
      this.o.log.warn({ reason: (err as Error).message, path }, "refused an HTTP request that Slack did not sign");
      res.writeHead(401).end();
      return;
    }
    Object.assign(req, { rawBody: body });
    try {
      this.bolt.requestListener(req, res);
    } catch (err) {
      this.o.log.error({ err }, "Bolt could not take the request");
      if (!res.headersSent) res.writeHead(500).end();
    }
  }

  private verify(req: IncomingMessage, body: string): void {
    const signature = req.headers["x-slack-signature"];
    const stamp = req.headers["x-slack-request-timestamp"];
    if (typeof signature !== "string" || typeof stamp !== "string" || !/^\d+$/.test(stamp)) throw new Refused("missing or malformed signature headers");
    const nowMs = this.o.now();
    const timestamp = Number(stamp);
    if (Math.abs(nowMs / 1000 - timestamp) > MAX_SKEW_SECONDS) throw new Refused("timestamp more than five minutes from now (a replay?)");
    verifySlackRequest({
      signingSecret: this.o.signingSecret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
      nowMilliseconds: nowMs,
    });
  }

  private async readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > this.o.maxBodyBytes) throw new Refused("body too large");
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }
}

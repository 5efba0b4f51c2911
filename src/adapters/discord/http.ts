// HTTP interactions mode: Discord posts signed interactions to our endpoint; no gateway connection,
// so any number of replicas can stand behind a load balancer.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Routes } from "discord.js";
import { closeRest, createRest } from "./commands.js";
import { DiscordAdapterError } from "./errors.js";
import { createInteractionHandler } from "./handler.js";
import type { DiscordManage } from "./manage.js";
import { parseInteraction } from "./incoming.js";
import { watchRest } from "./log.js";
import { MESSAGE_BACKOFF_MS, withBackoff } from "./retry.js";
import { checkSignature, publicKeyFromHex } from "./signature.js";
import type { CallbackBody, Logger, ResolvedDiscordConfig, RunningDiscord } from "./types.js";
import type { Asker } from "../../ask/index.js";
import type { LinkAsker } from "../../links/index.js";

/** Interactions are small; anything this big is not one. */
const MAX_BODY = 256 * 1024;

interface HttpDeps {
  asker: Asker;
  manage?: DiscordManage;
  links?: LinkAsker;
  logger: Logger;
  config: ResolvedDiscordConfig;
  now: () => number;
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (res.headersSent) return;
  if (body === undefined) res.writeHead(status).end();
  else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new DiscordAdapterError("bad_request", `request body over ${MAX_BODY} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function startHttp(deps: HttpDeps): Promise<RunningDiscord> {
  const { asker, logger, config, now } = deps;
  if (!config.publicKey) throw new DiscordAdapterError("bad_config", "HTTP mode needs the application's public key (DISCORD_PUBLIC_KEY)");
  const key = publicKeyFromHex(config.publicKey);
  const path = config.path;
  const rest = createRest(config.token, config.apiUrl);
  watchRest(rest, logger);
  const handle = createInteractionHandler({ asker, logger, deferAfterMs: config.deferAfterMs, ...(deps.manage ? { manage: deps.manage } : {}), ...(deps.links ? { links: deps.links } : {}) });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && url === "/healthz") return send(res, stopping ? 503 : 200, { ok: !stopping });
    if (url !== path) return send(res, 404, { error: "not found" });
    if (req.method !== "POST") return send(res, 405, { error: "POST only" });
    if (stopping) return send(res, 503, { error: "shutting down" });
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      return send(res, 413, { error: "too large" });
    }
    const sig = req.headers["x-signature-ed25519"], ts = req.headers["x-signature-timestamp"];
    const check = checkSignature(key, typeof sig === "string" ? sig : undefined, typeof ts === "string" ? ts : undefined, body, now());
    if (!check.ok) {
      logger.warn({ reason: check.reason }, "discord: refused an interaction request without a valid signature");
      return send(res, 401, { error: `invalid request signature (${check.reason})` });
    }
    let parsed: ReturnType<typeof parseInteraction>;
    try {
      parsed = parseInteraction(JSON.parse(body.toString("utf8")));
    } catch {
      parsed = undefined;
    }
    if (!parsed) return send(res, 400, { error: "not an interaction" });
    if (parsed.kind === "ping") return send(res, 200, { type: 1 });
    const interaction = parsed;
    let answered = false;
    const work = handle(interaction, {
      // The first answer is the HTTP response itself.
      respond: async (cb: CallbackBody) => {
        answered = true;
        send(res, 200, cb);
      },
      edit: async (message, files) => {
        await withBackoff("edit", MESSAGE_BACKOFF_MS, logger, () =>
          rest.patch(Routes.webhookMessage(config.applicationId, interaction.token, "@original"), { body: message, auth: false, ...(files?.length ? { files } : {}) }),
        );
      },
    }).finally(() => {
      inFlight.delete(work);
      if (!answered) send(res, 500, { error: "no answer" });
    });
    inFlight.add(work);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((err: unknown) => {
      logger.error({ err }, "discord: interaction request failed");
      send(res, 500, { error: "internal error" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, path }, "discord: HTTP interactions endpoint listening");

  let stopped: Promise<void> | undefined;
  return {
    mode: "http",
    port,
    stop() {
      stopping = true;
      stopped ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.allSettled([...inFlight]);
        server.closeIdleConnections();
        await closed;
        closeRest(rest);
        logger.info({}, "discord: HTTP endpoint stopped");
      })();
      return stopped;
    },
  };
}

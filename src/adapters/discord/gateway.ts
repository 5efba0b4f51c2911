// Gateway mode: a discord.js Client holds the WebSocket; answers go out over its REST queue
// (which waits out 429s and retries 5xx), with the same payloads HTTP mode sends.
import { Client, GatewayIntentBits, Partials, Routes, type Interaction, type Message } from "discord.js";
import type { Asker } from "../../ask/index.js";
import { findLinks, type LinkAsker } from "../../links/index.js";
import { linksMessage } from "./links.js";
import { textMessage, type DiscordMessage, type Embed } from "../../render/discord/index.js";
import { answerWithChart } from "./chart.js";
import { DiscordAdapterError } from "./errors.js";
import { createInteractionHandler } from "./handler.js";
import type { DiscordManage } from "./manage.js";
import { describeError, watchRest } from "./log.js";
import { CALLBACK_BACKOFF_MS, MESSAGE_BACKOFF_MS, REST_RETRIES, withBackoff } from "./retry.js";
import type { Incoming, Logger, MessageFile, ResolvedDiscordConfig, Responder, RunningDiscord } from "./types.js";

interface GatewayDeps {
  asker: Asker;
  manage?: DiscordManage;
  links?: LinkAsker;
  logger: Logger;
  config: ResolvedDiscordConfig;
}

/** discord.js's interaction to the shape both modes share. */
export function fromDiscordJs(i: Interaction): Incoming {
  const base = { id: i.id, token: i.token };
  if (i.isChatInputCommand()) {
    const options: Record<string, string | number | boolean> = {};
    const subcommand = i.options.getSubcommand(false);
    const data = subcommand ? (i.options.data[0]?.options ?? []) : i.options.data;
    for (const o of data) if (o.value !== undefined && o.value !== null) options[o.name] = o.value;
    const out: Extract<Incoming, { kind: "command" }> = { ...base, kind: "command", name: i.commandName, options, userId: i.user.id, channelId: i.channelId };
    if (subcommand) out.subcommand = subcommand;
    if (i.member) {
      // An uncached member arrives as Discord's JSON (role ids); a cached one as a GuildMember.
      const roles = Array.isArray(i.member.roles) ? i.member.roles : [...i.member.roles.cache.keys()];
      out.member = { permissions: i.memberPermissions?.bitfield.toString() ?? "0", roles };
    }
    if (i.appPermissions) out.appPermissions = i.appPermissions.bitfield.toString();
    return out;
  }
  if (i.isAutocomplete()) {
    const f = i.options.getFocused(true);
    return { ...base, kind: "autocomplete", name: i.commandName, focused: { name: f.name, value: String(f.value) } };
  }
  if (i.isButton()) {
    return { ...base, kind: "button", customId: i.customId, embeds: i.message.embeds.map((e) => e.toJSON() as Embed) };
  }
  return { ...base, kind: "other", type: i.type };
}

export async function startGateway(deps: GatewayDeps): Promise<RunningDiscord> {
  const { asker, logger, config, links } = deps;
  const intents = [GatewayIntentBits.Guilds];
  const mentions = config.mentions;
  // Discord sends the content of messages that mention the bot even without the privileged intent.
  if (mentions) intents.push(GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages);
  if (config.messageContent) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    rest: { api: config.apiUrl, retries: REST_RETRIES },
    // DM channels are not cached; without this partial discord.js drops direct messages.
    partials: [Partials.Channel],
    ...(config.shards !== undefined ? { shards: config.shards } : {}),
    ...(config.shardCount !== undefined ? { shardCount: config.shardCount } : {}),
  });
  const handle = createInteractionHandler({ asker, logger, deferAfterMs: config.deferAfterMs, ...(deps.manage ? { manage: deps.manage } : {}), ...(links ? { links } : {}) });
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const track = (p: Promise<void>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  };

  watchRest(client.rest, logger);
  client.on("warn", (m) => logger.warn({}, `discord: ${m}`));
  client.on("error", (err) => logger.error({ err: describeError(err) }, "discord: client error"));
  client.on("shardDisconnect", (ev, shard) => logger.warn({ shard, code: ev.code }, "discord: shard disconnected"));

  client.on("interactionCreate", (i) => {
    if (stopping) return;
    const incoming = fromDiscordJs(i);
    const responder: Responder = {
      respond: (body) =>
        withBackoff("interaction callback", CALLBACK_BACKOFF_MS, logger, () => client.rest.post(Routes.interactionCallback(i.id, i.token), { body, auth: false })).then(() => {}),
      edit: (message, files) =>
        withBackoff("edit", MESSAGE_BACKOFF_MS, logger, () =>
          client.rest.patch(Routes.webhookMessage(config.applicationId, i.token, "@original"), { body: message, auth: false, ...(files?.length ? { files } : {}) }),
        ).then(() => {}),
    };
    track(handle(incoming, responder));
  });

  if (mentions) {
    client.on("messageCreate", (m) => {
      if (stopping || m.author.bot || !client.user) return;
      const mention = new RegExp(`<@!?${client.user.id}>`, "g");
      if (!mention.test(m.content) && !(m.channel.isDMBased() && m.content)) return;
      track(answerMention(m, m.content.replace(mention, " ").trim()));
    });
  }

  async function answerMention(m: Message, question: string): Promise<void> {
    try {
      const urls = links ? findLinks(question) : [];
      let files: MessageFile[] = [];
      let message: DiscordMessage;
      if (links && urls.length) message = await linksMessage(links, logger, urls, { user: m.author.id, channel: m.channelId }, false);
      else if (question) ({ message, files } = await answerWithChart(await asker.ask(question), false, logger));
      else message = textMessage("Ask me with a question after the mention, or use /brief, /whosaid, /figures and /trend.", false);
      const body = { ...message, allowed_mentions: { parse: [], replied_user: false }, message_reference: { message_id: m.id, fail_if_not_exists: false } };
      await withBackoff("reply", MESSAGE_BACKOFF_MS, logger, () => client.rest.post(Routes.channelMessages(m.channelId), { body, ...(files.length ? { files } : {}) }));
    } catch (err) {
      logger.error({ err: describeError(err), channel: m.channelId }, "discord: could not answer a mention");
    }
  }

  const ready = new Promise<void>((resolve) => client.once("clientReady", () => resolve()));
  try {
    await client.login(config.token);
    await ready;
  } catch (err) {
    await client.destroy();
    const why = (err as { code?: unknown }).code === "TokenInvalid" ? "Discord refused the bot token (DISCORD_TOKEN)" : "could not connect to the Discord gateway";
    throw new DiscordAdapterError("connect_failed", why, { cause: err });
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord: connected to the gateway");

  let stopped: Promise<void> | undefined;
  return {
    mode: "gateway",
    stop() {
      stopping = true;
      stopped ??= (async () => {
        await Promise.allSettled([...inFlight]);
        await client.destroy();
        logger.info({}, "discord: disconnected from the gateway");
      })();
      return stopped;
    },
  };
}

// Raw interaction JSON (HTTP mode) to the Incoming both modes share.
import type { Embed } from "../../render/discord/index.js";
import type { Incoming } from "./types.js";

interface RawOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: RawOption[];
}

interface RawInteraction {
  id: string;
  token: string;
  type: number;
  data?: { name?: string; options?: RawOption[]; custom_id?: string };
  message?: { embeds?: Embed[] };
  member?: { user?: { id: string }; permissions?: string; roles?: string[] };
  channel_id?: string;
  app_permissions?: string;
  user?: { id: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Interaction types: 1 ping, 2 command, 3 component, 4 autocomplete. */
export function parseInteraction(body: unknown): Incoming | { kind: "ping" } | undefined {
  if (!isObject(body) || typeof body.type !== "number") return undefined;
  if (body.type === 1) return { kind: "ping" };
  if (typeof body.id !== "string" || typeof body.token !== "string") return undefined;
  const raw = body as unknown as RawInteraction;
  const { id, token } = raw;
  // A subcommand (type 1) carries the options typed after it.
  const top = raw.data?.options ?? [];
  const subcommand = top[0]?.type === 1 ? top[0] : undefined;
  const options = subcommand ? (subcommand.options ?? []) : top;
  if (raw.type === 2) {
    const out: Extract<Incoming, { kind: "command" }> = { kind: "command", id, token, name: raw.data?.name ?? "", options: Object.fromEntries(options.filter((o) => o.value !== undefined).map((o) => [o.name, o.value!])) };
    const userId = raw.member?.user?.id ?? raw.user?.id;
    if (userId) out.userId = userId;
    if (subcommand) out.subcommand = subcommand.name;
    if (raw.channel_id) out.channelId = raw.channel_id;
    if (raw.member) out.member = { permissions: raw.member.permissions ?? "0", roles: raw.member.roles ?? [] };
    if (raw.app_permissions) out.appPermissions = raw.app_permissions;
    return out;
  }
  if (raw.type === 4) {
    const f = options.find((o) => o.focused);
    return { kind: "autocomplete", id, token, name: raw.data?.name ?? "", focused: { name: f?.name ?? "", value: String(f?.value ?? "") } };
  }
  if (raw.type === 3) return { kind: "button", id, token, customId: raw.data?.custom_id ?? "", embeds: raw.message?.embeds ?? [] };
  return { kind: "other", id, token, type: raw.type };
}

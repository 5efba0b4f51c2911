// Discord signs every interaction it posts: Ed25519 over timestamp + body, with the application's key.
import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { DiscordAdapterError } from "./errors.js";

// DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow.
const SPKI_ED25519 = Buffer.from("302a300506032b6570032100", "hex");

/** Requests whose timestamp is further than this from our clock are refused (replays). */
export const MAX_SKEW_SECONDS = 300;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) {
    throw new DiscordAdapterError("bad_config", "the Discord public key must be 64 hex characters (DISCORD_PUBLIC_KEY)");
  }
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519, Buffer.from(hex, "hex")]), format: "der", type: "spki" });
}

export type SignatureCheck = { ok: true } | { ok: false; reason: "unsigned" | "stale" | "forged" };

export function checkSignature(
  key: KeyObject,
  signature: string | undefined,
  timestamp: string | undefined,
  body: Buffer,
  nowMs: number,
): SignatureCheck {
  if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) {
    return { ok: false, reason: "unsigned" };
  }
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return { ok: false, reason: "stale" };
  const signed = verify(null, Buffer.concat([Buffer.from(timestamp, "utf8"), body]), key, Buffer.from(signature, "hex"));
  return signed ? { ok: true } : { ok: false, reason: "forged" };
}

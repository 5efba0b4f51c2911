// Signs requests the way Discord does: Ed25519 over timestamp + body.
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

export interface SigningKey {
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function signingKey(): SigningKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // The raw key is the last 32 bytes of the SPKI DER encoding.
  const der = publicKey.export({ format: "der", type: "spki" });
  return { publicKeyHex: der.subarray(der.length - 32).toString("hex"), privateKey };
}

export function signatureHeaders(key: SigningKey, body: string, timestampSeconds: number): Record<string, string> {
  const ts = String(timestampSeconds);
  const signature = sign(null, Buffer.from(ts + body), key.privateKey).toString("hex");
  return { "x-signature-ed25519": signature, "x-signature-timestamp": ts, "content-type": "application/json" };
}

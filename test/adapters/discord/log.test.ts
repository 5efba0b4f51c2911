import { checkSignature, describeError, publicKeyFromHex, redactingLogger, redactText } from "../../../src/adapters/discord/index.js";
import { FAKE_TOKEN, memoryLogger } from "../../fakes/discord/logger.js";
import { signatureHeaders, signingKey } from "../../fakes/discord/signing.js";

describe("token redaction", () => {
  test.each<[string, string]>([
    [`login with ${FAKE_TOKEN} failed`, "login with [redacted] failed"],
    ["PATCH /webhooks/900000000000000001/aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQ/messages/@original", "PATCH /webhooks/900000000000000001/[redacted]/messages/@original"],
    ["POST /interactions/1300000000000000001/interaction-token-abcdefghijklmnopqrstuvwxyz/callback", "POST /interactions/1300000000000000001/[redacted]/callback"],
    ["a plain line", "a plain line"],
  ])("%s", (input, want) => expect(redactText(input, [])).toBe(want));

  test("secrets are scrubbed from fields, nested values, errors and the message", () => {
    const mem = memoryLogger();
    const log = redactingLogger(mem, ["s3cret-value"]);
    log.error({ err: new Error("bad s3cret-value"), nested: { authorization: "Bot x", list: ["s3cret-value"] }, token: "anything" }, "failed with s3cret-value");
    expect(mem.lines).toEqual([{
      level: "error",
      fields: { err: { name: "Error", message: "bad [redacted]" }, nested: { authorization: "[redacted]", list: ["[redacted]"] }, token: "[redacted]" },
      msg: "failed with [redacted]",
    }]);
  });

  test("Discord errors say what to do", () => {
    const err = Object.assign(new Error("Missing Permissions"), { code: 50013, status: 403, method: "POST", url: "/channels/1/messages" });
    expect(describeError(err)).toEqual({
      name: "Error", message: "Missing Permissions", code: 50013, status: 403, method: "POST", url: "/channels/1/messages",
      hint: "missing permissions: the bot needs View Channel, Send Messages, Embed Links, Attach Files and Read Message History there",
    });
  });
});

describe("checkSignature", () => {
  const key = signingKey();
  const pub = publicKeyFromHex(key.publicKeyHex);
  const body = '{"type":1}';
  const now = 1_780_000_000_000;
  const h = signatureHeaders(key, body, now / 1000);
  const check = (sig: string | undefined, ts: string | undefined, b = body, at = now) => checkSignature(pub, sig, ts, Buffer.from(b), at);

  test.each<[string, () => ReturnType<typeof checkSignature>, ReturnType<typeof checkSignature>]>([
    ["valid", () => check(h["x-signature-ed25519"], h["x-signature-timestamp"]), { ok: true }],
    ["no signature", () => check(undefined, h["x-signature-timestamp"]), { ok: false, reason: "unsigned" }],
    ["not hex", () => check("zz".repeat(64), h["x-signature-timestamp"]), { ok: false, reason: "unsigned" }],
    ["other body", () => check(h["x-signature-ed25519"], h["x-signature-timestamp"], '{"type":2}'), { ok: false, reason: "forged" }],
    ["other timestamp", () => check(h["x-signature-ed25519"], String(now / 1000 + 1)), { ok: false, reason: "forged" }],
    ["stale", () => check(h["x-signature-ed25519"], h["x-signature-timestamp"], body, now + 301_000), { ok: false, reason: "stale" }],
    ["just in time", () => check(h["x-signature-ed25519"], h["x-signature-timestamp"], body, now + 300_000), { ok: true }],
  ])("%s", (_name, run, want) => expect(run()).toEqual(want));

  test("a malformed public key is a config error", () => {
    expect(() => publicKeyFromHex("abc")).toThrow(expect.objectContaining({ code: "bad_config" }));
  });
});

// Article ids are stableHash(normalizeText(text)) and stores keep them: the hash of a text never changes.
import { normalizeText, stableHash } from "../../../src/core/index.js";

describe("stableHash", () => {
  it("gives the ids stores already hold (values fixed before the hash was reworked for the optimiser)", () => {
    expect(stableHash("")).toBe("488bdcb81aee8d83");
    expect(stableHash("a")).toBe("501c2ba782c97901");
    expect(stableHash("The harbour board met on Tuesday.")).toBe("ba582f19aa15de4e");
    expect(stableHash("Ünïcödé “quotes” — dash")).toBe("d8d30f24a74b5916");
    expect(stableHash("x".repeat(5000))).toBe("79ac7e5049271672");
  });

  it("is 16 hex digits and the same for a re-spaced, re-quoted copy once normalised", () => {
    const a = stableHash(normalizeText("The  “harbour” board\n met – on Tuesday."));
    const b = stableHash(normalizeText('The "harbour" board met - on Tuesday.'));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(a).toBe(b);
    expect(stableHash("The harbour board met on Wednesday.")).not.toBe(stableHash("The harbour board met on Tuesday."));
  });

  it("answers the same over many calls, as optimised code runs it (long texts, every code unit)", () => {
    const text = Array.from({ length: 4000 }, (_, i) => String.fromCharCode(32 + ((i * 7919) % 65000))).join("");
    const first = stableHash(text);
    for (let i = 0; i < 300; i++) expect(stableHash(text)).toBe(first);
  });
});

import { createHash, createHmac } from "node:crypto";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { hmacSha256Hex, sha256Hex } from "./sha256.js";

// The pure hashes must give exactly what node:crypto gave, or every stored record stops verifying.
describe("sha256Hex and hmacSha256Hex", () => {
  it("match the FIPS 180-4 test vector", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("match node:crypto on any text, including non-ASCII", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.string({ unit: "grapheme" }), (key, text) => {
        expect(sha256Hex(text)).toBe(createHash("sha256").update(text).digest("hex"));
        expect(hmacSha256Hex(key, text)).toBe(createHmac("sha256", key).update(text).digest("hex"));
      }),
    );
  });
});

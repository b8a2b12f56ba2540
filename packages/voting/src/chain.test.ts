import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { appendEntry, canonicalJson, GENESIS_HASH, hashEntry, nextEntry } from "./chain.js";

describe("hash chain", () => {
  it("canonicalises JSON per RFC 8785 (sorted keys, no whitespace)", () => {
    expect(canonicalJson({ b: 1, a: [true, null, "x"], c: { z: 1.5, y: 1e21 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"y":1e+21,"z":1.5}}',
    );
  });

  it("hashes SHA-256 over the previous hash then the canonical entry", () => {
    const entry = { seq: 0, type: "opened" as const, at: "2025-01-06T19:00:00.000Z", payload: { voteId: "v" } };
    const expected = createHash("sha256")
      .update(`${GENESIS_HASH}{"at":"2025-01-06T19:00:00.000Z","payload":{"voteId":"v"},"seq":0,"type":"opened"}`)
      .digest("hex");
    expect(hashEntry(GENESIS_HASH, entry)).toBe(expected);
    expect(nextEntry(null, "opened", { voteId: "v" }, new Date("2025-01-06T19:00:00.000Z"))).toEqual({
      ...entry,
      prevHash: GENESIS_HASH,
      hash: expected,
    });
  });

  it("links each entry to the one before, computable from the previous row alone", () => {
    const chain = appendEntry(
      appendEntry([], "opened", { a: 1 }, "2025-01-06T19:00:00Z"),
      "ballot",
      { b: 2 },
      "2025-01-06T19:01:00Z",
    );
    const [first, second] = chain;
    expect(second?.prevHash).toBe(first?.hash);
    expect(second?.seq).toBe(1);
    const fromRow = nextEntry({ seq: 0, hash: first?.hash ?? "" }, "ballot", { b: 2 }, "2025-01-06T19:01:00Z");
    expect(fromRow).toEqual(second);
  });
});

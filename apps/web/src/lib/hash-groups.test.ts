import { describe, expect, it } from "vitest";

import { groupHash } from "./hash-groups";

describe("groupHash", () => {
  it("splits a hash into groups of four, the last group shorter when it must be", () => {
    expect(groupHash("3f2a9c01be7d")).toBe("3f2a 9c01 be7d");
    expect(groupHash("3f2a9c")).toBe("3f2a 9c");
    expect(groupHash("")).toBe("");
  });
});

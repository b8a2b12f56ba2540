import { describe, expect, it } from "vitest";

import { defined } from "./defined";

describe("defined", () => {
  it("passes a present value through, including falsy ones", () => {
    expect(defined(0, "a count")).toBe(0);
    expect(defined("", "a name")).toBe("");
    expect(defined(false, "a flag")).toBe(false);
  });

  it("names what was missing", () => {
    expect(() => defined(undefined, "the inserted meeting")).toThrow(
      "Expected the inserted meeting, but it is missing",
    );
    expect(() => defined(null, "the ward's chair")).toThrow("Expected the ward's chair, but it is missing");
  });
});

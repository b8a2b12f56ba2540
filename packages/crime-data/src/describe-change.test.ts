import { describe, expect, it } from "vitest";

import { assessChange, describeChange, isChangeMeaningful } from "./describe-change";

const label = { one: "crime or ASB incident", other: "crimes and ASB incidents" };

describe("is a change big enough to mean anything", () => {
  it("follows the 2·√previous rule above small counts", () => {
    // 2·√27 ≈ 10.4
    expect(isChangeMeaningful(32, 27)).toBe(false);
    expect(isChangeMeaningful(38, 27)).toBe(true);
    expect(isChangeMeaningful(17, 27)).toBe(false);
    expect(isChangeMeaningful(16, 27)).toBe(true);
    expect(assessChange(3, 8).verdict).toBe("too-few");
    expect(assessChange(12, 0).verdict).toBe("meaningful");
    expect(() => assessChange(-1, 2)).toThrow(RangeError);
  });

  it("writes the headline sentence", () => {
    expect(describeChange(32, 27, label)).toBe(
      "32 crimes and ASB incidents this month, 5 more than last month — a change too small to mean much.",
    );
    expect(describeChange(40, 27, label)).toBe(
      "40 crimes and ASB incidents this month, 13 more than last month — a rise bigger than the usual month-to-month ups and downs.",
    );
    expect(describeChange(10, 27, "burglaries")).toBe(
      "10 burglaries this month, 17 fewer than last month — a fall bigger than the usual month-to-month ups and downs.",
    );
    expect(describeChange(1, 4, label)).toBe(
      "1 crime or ASB incident this month, 3 fewer than last month — numbers this small go up and down by chance.",
    );
    expect(describeChange(12, 12, label, { comparison: "December" })).toBe(
      "12 crimes and ASB incidents this month, the same as December.",
    );
  });
});

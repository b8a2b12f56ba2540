import { describe, expect, it } from "vitest";

import { parseDatetime, validDuring } from "./time-filter";

/** The `datetime` parameter against a priority's validity [effective, expire). */
const filterOf = (text: string) => {
  const result = parseDatetime(text);
  if (!result.ok || !result.filter) throw new Error(`expected a filter from ${text}`);
  return result.filter;
};

describe("datetime (OGC API – Features §7.15.4)", () => {
  const effective = "2027-05-31T23:00:00.000Z"; // London midnight, 1 June 2027 (BST)
  const expire = "2027-09-01T23:00:00.000Z";

  it("selects at an instant from the start, inclusive, to the end, exclusive", () => {
    expect(validDuring(filterOf("2027-05-31T22:59:59.999Z"), effective, expire)).toBe(false);
    expect(validDuring(filterOf("2027-06-01T00:00:00+01:00"), effective, expire)).toBe(true);
    expect(validDuring(filterOf("2027-09-01T23:59:59.999+01:00"), effective, expire)).toBe(true);
    expect(validDuring(filterOf("2027-09-01T23:00:00Z"), effective, expire)).toBe(false);
    expect(validDuring(filterOf("2040-01-01T00:00:00Z"), effective, null)).toBe(true);
  });

  it("selects over an interval that meets the validity, with open ends", () => {
    expect(validDuring(filterOf("2027-01-01T00:00:00Z/2027-05-31T23:00:00Z"), effective, expire)).toBe(true);
    expect(validDuring(filterOf("2027-01-01T00:00:00Z/2027-05-31T22:59:59Z"), effective, expire)).toBe(false);
    expect(validDuring(filterOf("2027-09-01T23:00:00Z/.."), effective, expire)).toBe(false);
    expect(validDuring(filterOf("2027-09-01T22:59:59Z/"), effective, expire)).toBe(true);
    expect(validDuring(filterOf("../.."), effective, expire)).toBe(true);
  });

  it("is no filter when absent, and names what is wrong otherwise", () => {
    expect(parseDatetime(undefined)).toEqual({ ok: true, filter: null });
    for (const [text, message] of [
      ["2027-06-01", /RFC 3339 date-time with a UTC offset/],
      ["2027-06-01T00:00:00", /RFC 3339/],
      ["2027-02-30T00:00:00Z/..", /RFC 3339/],
      ["a/b/c", /more than one/],
      ["2027-06-02T00:00:00Z/2027-06-01T00:00:00Z", /ends before it starts/],
      ["", /RFC 3339/],
    ] as const) {
      const result = parseDatetime(text);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message, text).toMatch(message);
    }
  });
});

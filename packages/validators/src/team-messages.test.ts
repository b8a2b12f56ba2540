import { describe, expect, it } from "vitest";

import { durationInWords, isWithinTarget, responseDue, timeLeftInWords } from "./team-messages";

const HOUR = 3_600_000;
const RECEIVED = new Date("2026-11-02T09:00:00Z");

describe("the response target", () => {
  it("is due target hours after receipt, and a reply at exactly that instant is within it", () => {
    expect(responseDue(RECEIVED, 72)).toEqual(new Date("2026-11-05T09:00:00Z"));
    expect(isWithinTarget(RECEIVED, new Date(RECEIVED.getTime() + 72 * HOUR), 72)).toBe(true);
    expect(isWithinTarget(RECEIVED, new Date(RECEIVED.getTime() + 72 * HOUR + 1), 72)).toBe(false);
  });

  it("says the time left, or how long overdue, in plain words rounded down", () => {
    const due = responseDue(RECEIVED, 72);
    expect(timeLeftInWords(due, RECEIVED)).toBe("3 days left");
    expect(timeLeftInWords(due, new Date(due.getTime() - 27 * HOUR - 59 * 60_000))).toBe("1 day 3 hours left");
    expect(timeLeftInWords(due, new Date(due.getTime() - 40 * 60_000))).toBe("40 minutes left");
    expect(timeLeftInWords(due, new Date(due.getTime() + 5 * HOUR))).toBe("overdue by 5 hours");
    expect(durationInWords(30_000)).toBe("1 minute");
  });
});

import { describe, expect, it } from "vitest";

import { isBotSubmission } from "./public-form";

const now = new Date("2030-03-10T12:00:00Z");
const secondsAgo = (seconds: number) => now.getTime() - seconds * 1000;

describe("isBotSubmission", () => {
  it("lets a person's form through, and answers a filled-in hidden field as a bot", () => {
    expect(isBotSubmission({ website: "", openedAt: secondsAgo(20), now })).toBe(false);
    expect(isBotSubmission({ website: "http://spam.example", openedAt: secondsAgo(20), now })).toBe(true);
  });

  it("refuses a form sent too quickly or opened over a day ago, saying what to do, rather than dropping it", () => {
    expect(() => isBotSubmission({ website: "", openedAt: secondsAgo(1), now })).toThrow(/press Send again/);
    expect(() => isBotSubmission({ website: "", openedAt: secondsAgo(25 * 3600), now })).toThrow(
      /opened more than a day ago\. Reload the page/,
    );
  });
});

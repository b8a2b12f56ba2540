import { describe, expect, it } from "vitest";

import { priorityReview } from "./priority-review";

const active = { status: "active" as const, reviewDate: null };

describe("priorityReview", () => {
  it("takes the latest review and is out of date only after 90 days", () => {
    const facts = { ...active, reviewedOn: ["2026-06-01", null, "2026-09-01", "2026-08-10"] };
    expect(priorityReview(facts, "2026-11-30")).toEqual({
      lastReviewed: "2026-09-01",
      nextReviewBy: "2026-11-30",
      isOutOfDate: false,
    });
    expect(priorityReview(facts, "2026-12-01").isOutOfDate).toBe(true);
  });

  it("asks for the panel's review date when it comes sooner, never later than 90 days", () => {
    expect(
      priorityReview({ ...active, reviewedOn: ["2026-09-01"], reviewDate: "2026-10-15" }, "2026-09-02"),
    ).toMatchObject({ nextReviewBy: "2026-10-15" });
    expect(
      priorityReview({ ...active, reviewedOn: ["2026-09-01"], reviewDate: "2027-03-01" }, "2026-09-02"),
    ).toMatchObject({ nextReviewBy: "2026-11-30" });
    // A review date already passed and reviewed since: 90 days from the review.
    expect(
      priorityReview({ ...active, reviewedOn: ["2026-09-01"], reviewDate: "2026-08-01" }, "2026-09-02"),
    ).toMatchObject({ nextReviewBy: "2026-11-30" });
  });

  it("counts across a clock change and a leap day by calendar days", () => {
    expect(priorityReview({ ...active, reviewedOn: ["2028-01-15"] }, "2028-04-14")).toMatchObject({
      nextReviewBy: "2028-04-14",
      isOutOfDate: false,
    });
    expect(priorityReview({ ...active, reviewedOn: ["2028-01-15"] }, "2028-04-15").isOutOfDate).toBe(true);
  });

  it("never marks a draft or ended priority out of date", () => {
    for (const status of ["draft", "achieved", "withdrawn", "superseded"] as const) {
      expect(priorityReview({ status, reviewDate: null, reviewedOn: ["2020-01-01"] }, "2026-12-15")).toEqual({
        lastReviewed: "2020-01-01",
        nextReviewBy: null,
        isOutOfDate: false,
      });
    }
  });
});

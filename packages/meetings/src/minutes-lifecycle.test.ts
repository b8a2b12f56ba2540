import { DomainError, MINUTES_STATUSES } from "@wardpanel/validators";
import { describe, expect, it } from "vitest";

import { MINUTES_LIFECYCLE, type MinutesAction, type MinutesStatus, publishingStep } from "./minutes-lifecycle";

/** What each status allows, written out by hand: the policy, not a copy of the table. */
const ALLOWED: Record<MinutesStatus, MinutesAction[]> = {
  draft: ["edit", "circulate", "changeRecord"],
  circulated: ["returnToDraft", "approve", "publishCorrection"],
  approved: ["publish", "publishCorrection"],
  published: ["startCorrection"],
};

const TRANSITIONS: [MinutesStatus, MinutesStatus][] = [
  ["draft", "circulated"],
  ["circulated", "draft"],
  ["circulated", "approved"],
  ["circulated", "published"],
  ["approved", "published"],
];

const ACTIONS = Object.keys(MINUTES_LIFECYCLE.steps) as MinutesAction[];

describe("the minutes lifecycle", () => {
  it("allows in each status exactly the steps written here", () => {
    for (const status of MINUTES_STATUSES) {
      expect(MINUTES_LIFECYCLE.allowedActions(status).sort(), status).toEqual([...ALLOWED[status]].sort());
    }
  });

  it("refuses every other step with a conflict in words, and lets the allowed ones through", () => {
    for (const status of MINUTES_STATUSES) {
      for (const action of ACTIONS) {
        const guard = () => MINUTES_LIFECYCLE.assert(status, action);
        if (ALLOWED[status].includes(action)) {
          expect(guard, `${status} → ${action}`).not.toThrow();
        } else {
          expect(guard, `${status} → ${action}`).toThrow(DomainError);
          expect(guard).toThrow(
            expect.objectContaining({ kind: "conflict", message: MINUTES_LIFECYCLE.refusal(status, action) }),
          );
        }
      }
    }
  });

  it("moves only along the arrows", () => {
    for (const from of MINUTES_STATUSES) {
      for (const to of MINUTES_STATUSES) {
        const expected = TRANSITIONS.some(([f, t]) => f === from && t === to);
        expect(MINUTES_LIFECYCLE.canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("publishes a first version once approved, a correction once circulated", () => {
    expect(publishingStep(1)).toBe("publish");
    expect(publishingStep(2)).toBe("publishCorrection");
    expect(MINUTES_LIFECYCLE.allows("circulated", publishingStep(1))).toBe(false);
    expect(MINUTES_LIFECYCLE.refusal("circulated", publishingStep(1))).toBe(
      "Minutes are published once approved at the next meeting",
    );
    expect(MINUTES_LIFECYCLE.allows("circulated", publishingStep(2))).toBe(true);
    expect(MINUTES_LIFECYCLE.refusal("draft", "approve")).toBe(
      "Circulate the minutes to the panel before they are approved",
    );
    expect(MINUTES_LIFECYCLE.refusal("published", "edit")).toMatch(/start a correction instead/);
  });
});

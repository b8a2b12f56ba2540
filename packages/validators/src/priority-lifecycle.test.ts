import { describe, expect, it } from "vitest";

import { DomainError } from "./errors";
import { PRIORITY_OUTCOMES } from "./priorities";
import {
  ENDING_STEP,
  PRIORITY_LIFECYCLE,
  PRIORITY_STATUSES,
  type PriorityAction,
  type PriorityStatus,
} from "./priority-lifecycle";

/** What each status allows, written out by hand: the policy, not a copy of the table. */
const ALLOWED: Record<PriorityStatus, PriorityAction[]> = {
  draft: ["edit", "publish", "flagForCallHandling"],
  active: ["edit", "flagForCallHandling", "achieve", "withdraw", "supersede", "reportProgress"],
  achieved: ["reportProgress"],
  withdrawn: ["reportProgress"],
  superseded: ["reportProgress"],
};

const TRANSITIONS: [PriorityStatus, PriorityStatus][] = [
  ["draft", "active"],
  ["active", "achieved"],
  ["active", "withdrawn"],
  ["active", "superseded"],
];

const ACTIONS = Object.keys(PRIORITY_LIFECYCLE.steps) as PriorityAction[];

describe("the priority lifecycle", () => {
  it("allows in each status exactly the steps written here", () => {
    for (const status of PRIORITY_STATUSES) {
      expect(PRIORITY_LIFECYCLE.allowedActions(status).sort(), status).toEqual([...ALLOWED[status]].sort());
    }
  });

  it("refuses every other step with a conflict in words, and lets the allowed ones through", () => {
    for (const status of PRIORITY_STATUSES) {
      for (const action of ACTIONS) {
        const guard = () => PRIORITY_LIFECYCLE.assert(status, action);
        if (ALLOWED[status].includes(action)) {
          expect(guard, `${status} → ${action}`).not.toThrow();
        } else {
          expect(guard, `${status} → ${action}`).toThrow(DomainError);
          expect(guard).toThrow(
            expect.objectContaining({ kind: "conflict", message: PRIORITY_LIFECYCLE.refusal(status, action) }),
          );
        }
      }
    }
  });

  it("moves only along the arrows", () => {
    for (const from of PRIORITY_STATUSES) {
      for (const to of PRIORITY_STATUSES) {
        const expected = TRANSITIONS.some(([f, t]) => f === from && t === to);
        expect(PRIORITY_LIFECYCLE.canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("ends an active priority with each outcome, landing on that outcome", () => {
    for (const outcome of PRIORITY_OUTCOMES) {
      expect(PRIORITY_LIFECYCLE.steps[ENDING_STEP[outcome]].to).toBe(outcome);
    }
    expect(PRIORITY_LIFECYCLE.refusal("draft", "achieve")).toBe("Only an active priority can be ended");
    expect(PRIORITY_LIFECYCLE.refusal("withdrawn", "edit")).toBe(
      "This priority has ended, so it can no longer be changed",
    );
  });
});

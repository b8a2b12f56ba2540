import { describe, expect, it } from "vitest";

import { DomainError } from "./errors";
import { PACK_LIFECYCLE, PACK_STATUSES, type PackAction, type PackStatus } from "./pack-lifecycle";

/** What each status allows, written out by hand: the policy, not a copy of the table. */
const ALLOWED: Record<PackStatus, PackAction[]> = {
  draft: ["editText", "publish"],
  published: [],
};

const ACTIONS = Object.keys(PACK_LIFECYCLE.steps) as PackAction[];

describe("the pack lifecycle", () => {
  it("allows in each status exactly the steps written here, and refuses the rest in words", () => {
    for (const status of PACK_STATUSES) {
      expect(PACK_LIFECYCLE.allowedActions(status).sort(), status).toEqual([...ALLOWED[status]].sort());
      for (const action of ACTIONS) {
        const guard = () => PACK_LIFECYCLE.assert(status, action);
        if (ALLOWED[status].includes(action)) expect(guard, `${status} → ${action}`).not.toThrow();
        else
          expect(guard, `${status} → ${action}`).toThrow(
            expect.objectContaining({ kind: "conflict", message: PACK_LIFECYCLE.refusal(status, action) }),
          );
      }
    }
    expect(() => PACK_LIFECYCLE.assert("published", "publish")).toThrow(DomainError);
    expect(PACK_LIFECYCLE.refusal("published", "publish")).toBe("This pack has already been published");
    expect(PACK_LIFECYCLE.refusal("published", "editText")).toBe(
      "This pack is published, so its commentary can no longer be changed",
    );
  });

  it("moves only from draft to published", () => {
    expect(PACK_LIFECYCLE.canTransition("draft", "published")).toBe(true);
    expect(PACK_LIFECYCLE.canTransition("published", "draft")).toBe(false);
    expect(PACK_LIFECYCLE.canTransition("draft", "draft")).toBe(false);
    expect(PACK_LIFECYCLE.canTransition("published", "published")).toBe(false);
  });
});

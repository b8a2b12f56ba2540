import { describe, expect, it } from "vitest";

import { VOTE_LIFECYCLE, VOTE_STATUSES, type VoteAction, type VoteStatus } from "./vote-lifecycle";

/** What each status allows, written out by hand: the policy, not a copy of the table. */
const ALLOWED: Record<VoteStatus, VoteAction[]> = {
  draft: ["changeSettings", "open"],
  open: ["castBallot", "close"],
  closed: ["decideTie", "publish"],
  published: [],
};

const TRANSITIONS: [VoteStatus, VoteStatus][] = [
  ["draft", "open"],
  ["open", "closed"],
  ["closed", "published"],
];

const ACTIONS = Object.keys(VOTE_LIFECYCLE.steps) as VoteAction[];

describe("the vote lifecycle", () => {
  it("allows in each status exactly the steps written here", () => {
    for (const status of VOTE_STATUSES) {
      expect(VOTE_LIFECYCLE.allowedActions(status).sort(), status).toEqual([...ALLOWED[status]].sort());
    }
  });

  it("refuses every other step with a conflict in words, and lets the allowed ones through", () => {
    for (const status of VOTE_STATUSES) {
      for (const action of ACTIONS) {
        const guard = () => VOTE_LIFECYCLE.assert(status, action);
        if (ALLOWED[status].includes(action)) {
          expect(guard, `${status} → ${action}`).not.toThrow();
        } else {
          expect(guard, `${status} → ${action}`).toThrow(
            expect.objectContaining({
              name: "DomainError",
              kind: "conflict",
              message: VOTE_LIFECYCLE.refusal(status, action),
            }),
          );
        }
      }
    }
  });

  it("moves only along the arrows", () => {
    for (const from of VOTE_STATUSES) {
      for (const to of VOTE_STATUSES) {
        const expected = TRANSITIONS.some(([f, t]) => f === from && t === to);
        expect(VOTE_LIFECYCLE.canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("tells a member whether the vote has yet to open or has closed", () => {
    expect(VOTE_LIFECYCLE.refusal("draft", "castBallot")).toBe("The vote has not opened yet");
    expect(VOTE_LIFECYCLE.refusal("closed", "castBallot")).toBe("The vote has closed");
    expect(VOTE_LIFECYCLE.refusal("open", "changeSettings")).toBe(
      "The vote is open: its method and settings are fixed and can no longer change",
    );
    expect(VOTE_LIFECYCLE.refusal("open", "publish")).toBe("Close the vote before publishing its result");
  });
});

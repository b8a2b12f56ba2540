import { DomainError, MEETING_STATUSES } from "@wardpanel/validators";
import { describe, expect, it } from "vitest";

import { MEETING_LIFECYCLE, type MeetingAction, type MeetingStatus } from "./meeting-lifecycle";

/** What each status allows, written out by hand: the policy, not a copy of the table. */
const ALLOWED: Record<MeetingStatus, MeetingAction[]> = {
  draft: ["edit", "publish", "cancel", "editAgenda"],
  published: ["edit", "cancel", "editAgenda", "publishAgenda", "takeAttendance", "start"],
  held: ["takeAttendance", "record", "openVote", "draftMinutes", "approveEarlierMinutes", "publishMinutes"],
  minutes_published: ["takeAttendance", "publishMinutes"],
  cancelled: [],
};

const TRANSITIONS: [MeetingStatus, MeetingStatus][] = [
  ["draft", "published"],
  ["draft", "cancelled"],
  ["published", "cancelled"],
  ["published", "held"],
  ["held", "minutes_published"],
];

const ACTIONS = Object.keys(MEETING_LIFECYCLE.steps) as MeetingAction[];

describe("the meeting lifecycle", () => {
  it("allows in each status exactly the steps written here", () => {
    for (const status of MEETING_STATUSES) {
      expect(MEETING_LIFECYCLE.allowedActions(status).sort(), status).toEqual([...ALLOWED[status]].sort());
    }
  });

  it("refuses every other step with a conflict in words, and lets the allowed ones through", () => {
    for (const status of MEETING_STATUSES) {
      for (const action of ACTIONS) {
        const guard = () => MEETING_LIFECYCLE.assert(status, action);
        if (ALLOWED[status].includes(action)) {
          expect(guard, `${status} → ${action}`).not.toThrow();
          expect(MEETING_LIFECYCLE.refusal(status, action)).toBeNull();
        } else {
          expect(guard, `${status} → ${action}`).toThrow(DomainError);
          expect(guard).toThrow(
            expect.objectContaining({ kind: "conflict", message: MEETING_LIFECYCLE.refusal(status, action) }),
          );
          expect(MEETING_LIFECYCLE.refusal(status, action)).toMatch(/^[A-Z].{20,}[^.]$/);
        }
      }
    }
  });

  it("moves only along the arrows", () => {
    for (const from of MEETING_STATUSES) {
      for (const to of MEETING_STATUSES) {
        const expected = TRANSITIONS.some(([f, t]) => f === from && t === to);
        expect(MEETING_LIFECYCLE.canTransition(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it("says what to do next where the step comes too early", () => {
    expect(MEETING_LIFECYCLE.refusal("draft", "publishAgenda")).toBe(
      "Publish the meeting first: an agenda is published for an advertised meeting",
    );
    expect(MEETING_LIFECYCLE.refusal("held", "publishAgenda")).toBe(
      "This meeting has been held or cancelled, so its agenda can no longer be changed",
    );
    expect(MEETING_LIFECYCLE.refusal("published", "record")).toBe(
      "Start the meeting first: notes, decisions and actions are recorded once it is under way",
    );
    expect(MEETING_LIFECYCLE.refusal("cancelled", "record")).toBe("This meeting was cancelled, so it has no record");
    expect(MEETING_LIFECYCLE.refusal("held", "cancel")).toBe(
      "Only a meeting that has not happened yet can be cancelled",
    );
  });
});

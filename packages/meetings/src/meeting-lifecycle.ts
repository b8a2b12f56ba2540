import { MEETING_STATUSES, type MeetingStatus } from "@wardpanel/validators";
import { defineLifecycle } from "@wardpanel/validators/lifecycle";

/**
 * The life of a meeting (docs/architecture.md "Meetings"; domain.md: advertised public meetings,
 * a clear agenda, a formal record). The statuses are the stored `meetings.status` values:
 *
 *   draft ──publish──▶ published ──start──▶ held ──publishMinutes──▶ minutes_published
 *     └──────cancel──────┴──▶ cancelled
 *
 * "published" is the meeting advertised; "held" starts when the chair starts the live meeting
 * and lasts until its minutes are published. Steps with no `to` keep the status: they say what
 * work each status allows. Refusals are the words a DomainError("conflict") carries to the person.
 */
export const MEETING_LIFECYCLE = defineLifecycle(MEETING_STATUSES, {
  edit: {
    from: ["draft", "published"],
    refusal: "This meeting has been held or cancelled, so it can no longer be changed",
  },
  publish: { from: ["draft"], to: "published", refusal: "Only a draft meeting can be published" },
  cancel: {
    from: ["draft", "published"],
    to: "cancelled",
    refusal: "Only a meeting that has not happened yet can be cancelled",
  },
  editAgenda: {
    from: ["draft", "published"],
    refusal: "This meeting has been held or cancelled, so its agenda can no longer be changed",
  },
  // The public reads an agenda only for an advertised meeting.
  publishAgenda: {
    from: ["published"],
    refusal: (status) =>
      status === "draft"
        ? "Publish the meeting first: an agenda is published for an advertised meeting"
        : "This meeting has been held or cancelled, so its agenda can no longer be changed",
  },
  // Attendance is taken on the day or after (late apologies); a cancelled meeting has none.
  takeAttendance: {
    from: ["published", "held", "minutes_published"],
    refusal: "Attendance is taken for an advertised meeting that has not been cancelled",
  },
  start: {
    from: ["published"],
    to: "held",
    refusal: "Only an advertised meeting that has not been cancelled can be started",
  },
  // Notes, decisions, actions and concerns handed over are recorded while the meeting is held.
  record: { from: ["held"], refusal: refusedRecord },
  openVote: { from: ["held"], refusal: "A vote opens at a meeting that is under way" },
  draftMinutes: { from: ["held"], refusal: "Minutes are drafted once the meeting has been held" },
  // Minutes of an earlier meeting are approved at a later one (the query checks it is later) under way or held.
  approveEarlierMinutes: {
    from: ["held"],
    refusal: "Minutes of an earlier meeting are approved at a meeting that is under way or has been held",
  },
  // A correction is published again over minutes already published.
  publishMinutes: {
    from: ["held", "minutes_published"],
    to: "minutes_published",
    refusal: "Minutes are published once the meeting has been held",
  },
});

export type MeetingAction = keyof typeof MEETING_LIFECYCLE.steps;
export type { MeetingStatus };

function refusedRecord(status: MeetingStatus): string {
  if (status === "cancelled") return "This meeting was cancelled, so it has no record";
  if (status === "minutes_published")
    return "The minutes are published, so the meeting's record can no longer be changed";
  return "Start the meeting first: notes, decisions and actions are recorded once it is under way";
}

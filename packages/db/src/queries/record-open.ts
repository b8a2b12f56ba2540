import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { MINUTES_LIFECYCLE } from "@wardpanel/meetings/minutes-lifecycle";
import { DomainError } from "@wardpanel/validators";
import { desc, eq } from "drizzle-orm";

import type { Db } from "../client";
import { minutesVersions } from "../schema";
import type { Meeting } from "./meetings";

/**
 * Whether the meeting's decisions, actions and concerns may still change: while the meeting is
 * held and its minutes are not drafted or still a draft. Once the minutes are circulated the record
 * is what the panel read, so a change waits for the minutes to go back to draft.
 *
 * @throws DomainError("conflict") naming why, from the meeting's or the minutes' lifecycle.
 */
export function assertRecordOpen(db: Db, meeting: Meeting): void {
  MEETING_LIFECYCLE.assert(meeting.status, "record");
  const latest = db
    .select({ status: minutesVersions.status })
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meeting.id))
    .orderBy(desc(minutesVersions.version))
    .get();
  if (latest) MINUTES_LIFECYCLE.assert(latest.status, "changeRecord");
}

/** The refusal of a live note once the minutes exist: the draft took its own copy of the notes. */
export const NOTES_IN_MINUTES = "The minutes are drafted: edit the notes in the minutes";

/**
 * Whether an item's notes may still be saved on the live screen: only until the minutes are drafted.
 * Drafting copies each item's notes into the minutes, so a later live note would never reach them.
 *
 * @throws DomainError("conflict", NOTES_IN_MINUTES) once any version of the minutes exists.
 */
export function assertLiveNotesOpen(db: Db, meeting: Meeting): void {
  if (hasMinutes(db, meeting.id)) throw new DomainError("conflict", NOTES_IN_MINUTES);
}

/** Whether any version of the meeting's minutes exists (drafted, whatever its status since). */
export function hasMinutes(db: Db, meetingId: number): boolean {
  const drafted = db
    .select({ id: minutesVersions.id })
    .from(minutesVersions)
    .where(eq(minutesVersions.meetingId, meetingId))
    .get();
  return drafted !== undefined;
}

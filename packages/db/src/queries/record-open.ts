import { MEETING_LIFECYCLE } from "@wardpanel/meetings/meeting-lifecycle";
import { MINUTES_LIFECYCLE } from "@wardpanel/meetings/minutes-lifecycle";
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

import type { Meeting } from "@wardpanel/db/queries/meetings";
import { describeLondonSpan, londonParts } from "@wardpanel/meetings/london-time";
import { meetingPlace, publicJoinLink } from "@wardpanel/meetings/meeting-place";
import { MEETING_KIND_LABELS, MEETING_KINDS, MEETING_STATUSES } from "@wardpanel/validators";
import { z } from "zod";

/** A meeting as pages show it: London date and times, and a plain-English "when". */
export const MeetingView = z.object({
  id: z.number(),
  kind: z.enum(MEETING_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  when: z.string(),
  venueName: z.string(),
  venueAddress: z.string(),
  stepFreeAccess: z.boolean(),
  hearingLoop: z.boolean(),
  nearestTransport: z.string(),
  onlineUrl: z.string(),
  /** Online only, in a room, or both: pages show a room's step-free access and hearing loop only for a room. */
  place: z.enum(["online", "in_person", "hybrid"]),
  invited: z.string(),
  status: z.enum(MEETING_STATUSES),
  cancellationReason: z.string().nullable(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export function toMeetingView(m: Meeting): MeetingView {
  const start = londonParts(m.startsAt);
  return {
    id: m.id,
    kind: m.kind,
    kindLabel: MEETING_KIND_LABELS[m.kind],
    title: m.title,
    date: start.date,
    startTime: start.time,
    endTime: londonParts(m.endsAt).time,
    when: describeLondonSpan(m.startsAt, m.endsAt),
    venueName: m.venueName,
    venueAddress: m.venueAddress,
    stepFreeAccess: m.stepFreeAccess,
    hearingLoop: m.hearingLoop,
    nearestTransport: m.nearestTransport,
    onlineUrl: m.onlineUrl,
    place: meetingPlace(m),
    invited: m.invited,
    status: m.status,
    cancellationReason: m.cancellationReason,
  };
}

/** A meeting as the public read it: as `toMeetingView`, without the join link once it is cancelled. */
export function toPublicMeetingView(m: Meeting): MeetingView {
  return { ...toMeetingView(m), onlineUrl: publicJoinLink(m) };
}

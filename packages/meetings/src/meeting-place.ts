import type { MEETING_KINDS, MeetingStatus } from "@wardpanel/validators";

/** Where a meeting happens: only online, only in a room, or both at once (hybrid). */
export type MeetingPlace = "online" | "in_person" | "hybrid";

type Placed = { kind: (typeof MEETING_KINDS)[number]; venueName: string; venueAddress: string; onlineUrl: string };

/**
 * A meeting is online when it has a way to join online (a link, or the kind "online meeting") and no
 * venue; hybrid when it has both; in person otherwise. Facts about a room (step-free access, a
 * hearing loop) mean nothing for an online meeting, so pages and calendars leave them out then.
 */
export function meetingPlace(m: Placed): MeetingPlace {
  const hasVenue = m.venueName.trim() !== "" || m.venueAddress.trim() !== "";
  const hasLink = m.onlineUrl !== "" || m.kind === "online_meeting";
  if (!hasLink) return "in_person";
  return hasVenue ? "hybrid" : "online";
}

/**
 * The link the public may use to join, or "" for none: a cancelled meeting's link is withheld from
 * its page, the ward's meeting list and calendars, so nobody joins a call that is not happening.
 */
export function publicJoinLink(m: { status: MeetingStatus; onlineUrl: string }): string {
  return m.status === "cancelled" ? "" : m.onlineUrl;
}

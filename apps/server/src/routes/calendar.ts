import type { Db } from "@wardpanel/db/client";
import type { Meeting } from "@wardpanel/db/queries/meetings";
import { getPublicMeeting, listCalendarMeetings } from "@wardpanel/db/queries/public-meetings";
import { getWard } from "@wardpanel/db/queries/wards";
import { meetingsCalendar } from "@wardpanel/meetings/ics";
import { meetingPlace, publicJoinLink } from "@wardpanel/meetings/meeting-place";
import { DomainError, MEETING_KIND_LABELS, MeetingRef, WardCode } from "@wardpanel/validators";
import type { FastifyInstance, FastifyReply } from "fastify";

/** The event's description: a cancelled meeting's join link and an online meeting's room facts are left out. */
function describe(m: Meeting, pageUrl: string) {
  const joinUrl = publicJoinLink(m);
  const inRoom = meetingPlace(m) !== "online";
  return [
    m.cancellationReason ? `Cancelled: ${m.cancellationReason}` : null,
    MEETING_KIND_LABELS[m.kind],
    m.status === "held" ? "This meeting has been held. Its minutes are not published yet." : null,
    m.status === "minutes_published" ? `This meeting has been held. Read its minutes: ${pageUrl}` : null,
    m.invited ? `Who is invited: ${m.invited}` : null,
    joinUrl ? `Join online: ${joinUrl}` : null,
    inRoom && m.stepFreeAccess ? "Step-free access." : null,
    inRoom && m.hearingLoop ? "Hearing loop." : null,
    m.nearestTransport ? `Nearest transport: ${m.nearestTransport}` : null,
  ]
    .filter(Boolean)
    .join("\n");
}

/** One meeting as an event: the same UID in the ward's feed and in a single meeting's file. */
function toEvent(m: Meeting, origin: string) {
  const url = `${origin}/wards/${m.wardCode}/meetings/${m.id}`;
  return {
    uid: m.uid,
    sequence: m.sequence,
    title: m.title,
    description: describe(m, url),
    location:
      meetingPlace(m) === "online"
        ? publicJoinLink(m) || "Online"
        : [m.venueName, m.venueAddress].filter(Boolean).join(", "),
    url,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    isCancelled: m.status === "cancelled",
    updatedAt: m.updatedAt,
  };
}

function sendCalendar(reply: FastifyReply, fileName: string, body: string) {
  return reply
    .type("text/calendar; charset=utf-8")
    .header("content-disposition", `inline; filename="${fileName}"`)
    .header("cache-control", "public, max-age=300")
    .send(body);
}

function wardCodeOf(raw: string) {
  const code = WardCode.safeParse(raw);
  if (!code.success)
    throw new DomainError("not_found", "There is no such ward: a ward code looks like E05000138", "wardCode");
  return code.data;
}

/**
 * Public: a ward's meetings as an iCalendar feed, for anyone's calendar app, and one meeting as a
 * file to add to a calendar. Held and minuted meetings stay in the feed for 12 months with the UID
 * they were advertised with (`listCalendarMeetings`), so they do not vanish from calendars.
 */
export function registerCalendarRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { wardCode: string } }>("/wards/:wardCode/meetings.ics", async (request, reply) => {
    const ward = getWard(db, wardCodeOf(request.params.wardCode));
    const origin = `${request.protocol}://${request.host}`;
    const meetings = listCalendarMeetings(db, { wardCode: ward.code, now: new Date() });
    const body = meetingsCalendar({
      name: `${ward.name} ward meetings (${ward.boroughName})`,
      meetings: meetings.map((m) => toEvent(m, origin)),
    });
    return sendCalendar(reply, `${ward.code}-meetings.ics`, body);
  });

  app.get<{ Params: { wardCode: string; meetingId: string } }>(
    "/wards/:wardCode/meetings/:meetingId(^\\d+).ics",
    async (request, reply) => {
      const ref = MeetingRef.safeParse({
        wardCode: wardCodeOf(request.params.wardCode),
        meetingId: Number(request.params.meetingId),
      });
      if (!ref.success) throw new DomainError("not_found", "There is no such meeting for this ward", "meetingId");
      const ward = getWard(db, ref.data.wardCode);
      const meeting = getPublicMeeting(db, ward.code, ref.data.meetingId);
      const body = meetingsCalendar({
        name: `${meeting.title} (${ward.name} ward)`,
        meetings: [toEvent(meeting, `${request.protocol}://${request.host}`)],
      });
      return sendCalendar(reply, `${ward.code}-meeting-${meeting.id}.ics`, body);
    },
  );
}

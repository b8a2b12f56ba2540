import type { Db } from "@wardpanel/db/client";
import { listPublicMeetings } from "@wardpanel/db/queries/meetings";
import { getWard } from "@wardpanel/db/queries/wards";
import { meetingsCalendar } from "@wardpanel/meetings/ics";
import { DomainError, MEETING_KIND_LABELS, WardCode } from "@wardpanel/validators";
import type { FastifyInstance } from "fastify";

const NINETY_DAYS_MS = 90 * 24 * 60 * 60 * 1000;

function describe(m: {
  kind: keyof typeof MEETING_KIND_LABELS;
  invited: string;
  stepFreeAccess: boolean;
  hearingLoop: boolean;
  nearestTransport: string;
  onlineUrl: string;
  cancellationReason: string | null;
}) {
  return [
    m.cancellationReason ? `Cancelled: ${m.cancellationReason}` : null,
    MEETING_KIND_LABELS[m.kind],
    m.invited ? `Who is invited: ${m.invited}` : null,
    m.onlineUrl ? `Join online: ${m.onlineUrl}` : null,
    m.stepFreeAccess ? "Step-free access." : null,
    m.hearingLoop ? "Hearing loop." : null,
    m.nearestTransport ? `Nearest transport: ${m.nearestTransport}` : null,
  ]
    .filter(Boolean)
    .join("\n");
}

/** Public: a ward's advertised meetings as an iCalendar feed, for anyone's calendar app. */
export function registerCalendarRoutes(app: FastifyInstance, db: Db): void {
  app.get<{ Params: { wardCode: string } }>("/wards/:wardCode/meetings.ics", async (request, reply) => {
    const code = WardCode.safeParse(request.params.wardCode);
    if (!code.success)
      throw new DomainError("not_found", "There is no such ward: a ward code looks like E05000138", "wardCode");
    const ward = getWard(db, code.data);
    const origin = `${request.protocol}://${request.host}`;
    const meetings = listPublicMeetings(db, ward.code, new Date(Date.now() - NINETY_DAYS_MS));
    const body = meetingsCalendar({
      name: `${ward.name} ward meetings (${ward.boroughName})`,
      meetings: meetings.map((m) => ({
        uid: m.uid,
        sequence: m.sequence,
        title: m.title,
        description: describe(m),
        location: m.kind === "online_meeting" ? m.onlineUrl : [m.venueName, m.venueAddress].filter(Boolean).join(", "),
        url: `${origin}/wards/${ward.code}`,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        isCancelled: m.status === "cancelled",
        updatedAt: m.updatedAt,
      })),
    });
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", `inline; filename="${ward.code}-meetings.ics"`)
      .header("cache-control", "public, max-age=300")
      .send(body);
  });
}

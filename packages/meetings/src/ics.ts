import ical, { ICalEventStatus } from "ical-generator";

type CalendarMeeting = {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  location: string | null;
  url: string;
  startsAt: Date;
  endsAt: Date;
  isCancelled: boolean;
  updatedAt: Date;
};

/**
 * A ward's meetings as an RFC 5545 calendar. Times are written in UTC, so every calendar shows the
 * right London time on both sides of a clock change. Each meeting keeps its UID for life and its
 * SEQUENCE rises with each change, so calendar apps update or cancel the event they already have
 * (RFC 5545 §3.8.7.4; cancellations as STATUS:CANCELLED, §3.8.1.11).
 */
export function meetingsCalendar({ name, meetings }: { name: string; meetings: CalendarMeeting[] }): string {
  const calendar = ical({ name, prodId: { company: "Ward Panel", product: "Ward Panel", language: "EN" } });
  for (const meeting of meetings) {
    calendar.createEvent({
      id: meeting.uid,
      sequence: meeting.sequence,
      summary: meeting.isCancelled ? `Cancelled: ${meeting.title}` : meeting.title,
      description: meeting.description,
      location: meeting.location,
      url: meeting.url,
      start: meeting.startsAt,
      end: meeting.endsAt,
      stamp: meeting.updatedAt,
      status: meeting.isCancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

import { londonParts } from "@wardpanel/meetings/london-time";
import { monthlyDates } from "@wardpanel/meetings/series";
import { defined } from "@wardpanel/validators";

import type { Db } from "../client";
import { listAgendaItems, publishAgenda } from "../queries/agenda";
import { addGuest, getRoster, markAttendance, setPublicCount } from "../queries/attendance";
import { addAction, addDecision, endMeeting, recordMeetingConcern, saveItemNotes, startMeeting } from "../queries/live";
import { getMeetingInWard, publishMeeting, scheduleSeries } from "../queries/meetings";
import { approveMinutes, circulateMinutes, draftMinutes, publishMinutes } from "../queries/minutes";
import { buildMeetingDetails } from "../testing/factories";
import { BELSIZE_PLACES } from "./demo-places";
import { seedDemoRankedVote, seedDemoVote } from "./demo-vote";

const DAY_MS = 86_400_000;

/**
 * A ward's year of meetings as a newcomer should see it: the last two or three already held (each
 * one's minutes approved at the next and published; the latest's circulated, awaiting approval),
 * and the next ones advertised, the first with its agenda published and actions carried over.
 */
export function seedDemoMeetings(db: Db, wardCode: string, wardName: string, now: Date): void {
  // The demo's lead ward is Belsize (Camden's first by name): its meetings are held there.
  const details = buildMeetingDetails({
    title: `${wardName} ward panel meeting`,
    venueName: BELSIZE_PLACES.venue.name,
    venueAddress: BELSIZE_PLACES.venue.address,
    nearestTransport: "Belsize Park station; bus C11",
  });
  const month = (offset: number) => {
    const [y, m] = londonParts(now).date.split("-").map(Number) as [number, number];
    const d = new Date(Date.UTC(y, m - 1 + offset, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
  };
  // Second Tuesday of each month, from two months ago; drop any that fall within the next day.
  const rule = { ordinal: 2 as const, weekday: 2 as const, firstMonth: month(-2), months: 8 };
  const dates = monthlyDates(rule);
  const advertisedAt = new Date(now.getTime() - 90 * DAY_MS);
  const { meetingIds } = scheduleSeries(db, { wardCode, rule, details, createdBy: null, now: advertisedAt });
  meetingIds.forEach((id) => publishMeeting(db, { wardCode, meetingId: id, now: advertisedAt }));

  const isPast = (i: number) => Date.parse(`${dates[i]}T23:59:59Z`) < now.getTime();
  const held = meetingIds.filter((_, i) => isPast(i));
  held.forEach((meetingId, index) =>
    runDemoMeeting(db, wardCode, meetingId, index, { ranked: index === 0, approval: index === held.length - 1 }),
  );
  // Each meeting's minutes are approved at the next; the latest meeting's wait in circulation.
  held.forEach((meetingId, index) => {
    draftMinutes(db, { wardCode, meetingId, by: null, now });
    circulateMinutes(db, { wardCode, meetingId, by: null, now });
    const nextHeld = held[index + 1];
    if (nextHeld === undefined) return;
    approveMinutes(db, { wardCode, meetingId, atMeetingId: nextHeld, by: null, now });
    publishMinutes(db, { wardCode, meetingId, by: null, now });
  });
  const next = meetingIds.find((_, i) => !isPast(i));
  if (next !== undefined) publishAgenda(db, { wardCode, meetingId: next, publishedBy: null, now });
}

const NOTES = [
  {
    crime: "Burglary is down on last year. Most reports were of sheds and bike stores in back gardens.",
    concern: {
      description: "Motorbikes ridden on the pavement late at night",
      location: "Belsize Park Gardens",
      category: "anti-social-behaviour" as const,
    },
    action: {
      description: "Ask the council to fix the street light outside 14 Belsize Lane",
      owner: "PCSO on the team",
      due: 20,
    },
  },
  {
    crime: "Phone snatches near the stations rose over the summer and have fallen since the patrols began.",
    concern: {
      description: "Drug dealing by the children's play area in the evenings",
      location: "Belsize Wood",
      category: "drugs" as const,
    },
    action: { description: "Bring the council's CCTV review to the next meeting", owner: "Chair", due: 60 },
  },
];

/** One held meeting; the first held runs the ranked (STV) vote, the latest the approval vote. */
function runDemoMeeting(
  db: Db,
  wardCode: string,
  meetingId: number,
  index: number,
  votes: { ranked: boolean; approval: boolean },
): void {
  const items = listAgendaItems(db, meetingId);
  const meeting = { wardCode, meetingId };
  const startsAt = getMeetingInWard(db, wardCode, meetingId).startsAt.getTime();
  const at = (minutes: number) => new Date(startsAt + minutes * 60_000);
  startMeeting(db, { ...meeting, now: at(0) });
  getRoster(db, { id: meetingId, wardCode }).forEach((member, i) =>
    markAttendance(db, {
      ...meeting,
      userId: member.userId,
      status: i % 4 === 3 ? "apologies" : "present",
      now: at(1),
    }),
  );
  addGuest(db, {
    ...meeting,
    kind: "police",
    name: "Safer Neighbourhoods sergeant",
    organisation: "Metropolitan Police",
    now: at(1),
  });
  addGuest(db, {
    ...meeting,
    kind: "partner",
    name: "Community safety officer",
    organisation: "Camden Council",
    now: at(1),
  });
  setPublicCount(db, { ...meeting, count: 9 + index * 4, now: at(2) });
  const crime = defined(
    items.find((i) => i.kind === "crime_update"),
    "the crime update item",
  );
  const concerns = defined(
    items.find((i) => i.kind === "community_concerns"),
    "the community concerns item",
  );
  const notes = defined(NOTES[index % NOTES.length], "the demo notes");
  saveItemNotes(db, { ...meeting, itemId: crime.id, notes: notes.crime, baseVersion: 0, by: null, now: at(30) });
  addDecision(db, {
    ...meeting,
    itemId: crime.id,
    text: "The team will share monthly burglary figures by street.",
    now: at(35),
  });
  recordMeetingConcern(db, {
    ...meeting,
    concern: { ...notes.concern, hasConsent: false, raisedBy: "", contactEmail: "" },
    now: at(50),
  });
  const due = londonParts(new Date(startsAt + notes.action.due * DAY_MS)).date;
  addAction(db, {
    ...meeting,
    itemId: concerns.id,
    action: { description: notes.action.description, owner: notes.action.owner, dueDate: due },
    now: at(55),
  });
  if (votes.ranked) seedDemoRankedVote(db, wardCode, meetingId, at(62));
  if (votes.approval) seedDemoVote(db, wardCode, meetingId, at(70));
  endMeeting(db, { ...meeting, now: at(90) });
}

import {
  assessChange,
  type ChangeAssessment,
  CRIME_TYPES,
  describeChange,
  OUTCOME_GROUPS,
  type OutcomeGroup,
} from "@wardpanel/crime-data";
import type { PackData } from "@wardpanel/db/queries/packs-data";
import { isRailwayForce, policeForceIdOf } from "@wardpanel/validators";

import { type PackMap, projectMap } from "./map";

/**
 * The one view model every output renders (web page, PDF, e-mail), built from a pack's data by a
 * pure function: the same frozen data always gives the same pack.
 */
export type PackView = {
  ward: { code: string; name: string; boroughName: string };
  month: string;
  monthLabel: string;
  title: string;
  headline: {
    total: number;
    sentence: string;
    comparisons: Comparison[];
  };
  categories: { slug: string; name: string; count: number; previous: number | null }[];
  /**
   * Crimes other forces reported in the ward this month, one line per force, not in the figures
   * above: "Railway crime, British Transport Police: 2 (Theft from the person 1, Public order 1)".
   */
  otherForces: { force: string; label: string; total: number; sentence: string }[];
  trend: { month: string; label: string; total: number | null }[];
  map: PackMap;
  outcomes: {
    thisMonth: OutcomeLine[];
    /** Crimes this month that have outcomes (everything but ASB). */
    crimesWithOutcomes: number;
    asb: number;
    updates: OutcomeLine[];
    updatesTotal: number;
    updatesFrom: string[];
  };
  priorities: {
    title: string;
    where: string;
    problem: string;
    wantedAction: string;
    isCallHandlingFlagged: boolean;
    progress: { policeAction: string; partnerAction: string; whatChanged: string }[];
  }[];
  calls: { received: number; within60: number; sentence: string };
  commentary: string[];
  partnerActions: string[];
  team: PackData["team"];
  nextMeeting: { title: string; when: string; venue: string; path: string } | null;
  paths: { page: string; pdf: string };
  attribution: string[];
};

export type Comparison = { label: string; value: number | null; difference: number | null; verdict: string };
export type OutcomeLine = { group: OutcomeGroup; label: string; count: number };

const CRIMES_LABEL = { one: "crime or ASB incident", other: "crimes and ASB incidents" };

const OGL = "Contains public sector information licensed under the Open Government Licence v3.0.";

/** Who the figures come from: the force by name when known ("Crime data: Leicestershire Police, on data.police.uk."). */
function attributionOf(force: string | null | undefined): string[] {
  const crimeData = force ? `Crime data: ${force}, on data.police.uk. ${OGL}` : `Crime data: data.police.uk. ${OGL}`;
  return [crimeData, ...ATTRIBUTION];
}

const ATTRIBUTION = [
  "Ward boundaries: Office for National Statistics, licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2022.",
  "Locations are approximate: police.uk moves each crime to a nearby anonymous point, and a crime near the ward edge may be counted in the next ward.",
];

function monthLabel(month: string, style: "long" | "short" = "long"): string {
  const [y = 1970, m = 1] = month.split("-").map(Number);
  return new Intl.DateTimeFormat("en-GB", {
    month: style,
    year: style === "long" ? "numeric" : undefined,
    timeZone: "UTC",
  }).format(Date.UTC(y, m - 1, 1));
}

export function buildPackView(data: PackData): PackView {
  const current = data.months.at(-1);
  if (!current || current.month !== data.month) throw new RangeError("pack data must end with the pack month");
  const previous = data.months.at(-2) ?? null;
  const lastYear = data.months[0] ?? null;
  const earlier = data.months.slice(0, -1).filter((m) => m.covered);
  const average = earlier.length > 0 ? earlier.reduce((sum, m) => sum + m.total, 0) / earlier.length : null;
  const label = monthLabel(data.month);

  const sentences: string[] = [];
  if (previous?.covered) sentences.push(describeChange(current.total, previous.total, CRIMES_LABEL));
  else
    sentences.push(
      `${current.total} ${current.total === 1 ? CRIMES_LABEL.one : CRIMES_LABEL.other} this month. There are no figures for last month to compare with.`,
    );
  if (lastYear?.covered && lastYear !== previous) {
    const change = assessChange(current.total, lastYear.total);
    sentences.push(`In ${monthLabel(lastYear.month)} there were ${lastYear.total}: ${verdictText(change)}.`);
  }
  if (average !== null) {
    sentences.push(
      `Over the ${earlier.length === 12 ? "previous 12 months" : `${earlier.length} earlier ${earlier.length === 1 ? "month" : "months"} we hold`} the average was ${formatAverage(average)} a month.`,
    );
  }

  const comparisons: Comparison[] = [
    comparison("Last month", current.total, previous?.covered ? previous.total : null),
    comparison(
      `${monthLabel(lastYear?.month ?? data.month)}`,
      current.total,
      lastYear?.covered ? lastYear.total : null,
    ),
    {
      label: "12-month average",
      value: average === null ? null : Math.round(average * 10) / 10,
      difference: average === null ? null : Math.round((current.total - average) * 10) / 10,
      verdict: "",
    },
  ];

  const categories = CRIME_TYPES.map((t) => ({
    slug: t.slug,
    name: t.name,
    count: current.byCategory[t.slug] ?? 0,
    previous: previous?.covered ? (previous.byCategory[t.slug] ?? 0) : null,
  }))
    .filter((c) => c.count > 0 || (c.previous ?? 0) > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  const outcomeLines = (counts: Record<string, number>): OutcomeLine[] =>
    OUTCOME_GROUPS.map((g) => ({ group: g.id, label: g.label, count: counts[g.id] ?? 0 })).filter((l) => l.count > 0);
  const updateCounts: Record<string, number> = {};
  for (const u of data.outcomeUpdates) updateCounts[u.outcomeGroup] = (updateCounts[u.outcomeGroup] ?? 0) + u.count;
  const thisMonth = outcomeLines(data.outcomesThisMonth);
  const updates = outcomeLines(updateCounts);

  const page = `/wards/${data.ward.code}/packs/${data.month}`;
  return {
    ward: { code: data.ward.code, name: data.ward.name, boroughName: data.ward.boroughName },
    month: data.month,
    monthLabel: label,
    title: `${data.ward.name} ward: crime and policing update, ${label}`,
    headline: { total: current.total, sentence: sentences.join(" "), comparisons },
    categories,
    otherForces: (data.otherForces ?? []).map(otherForceLine),
    trend: data.months.map((m) => ({
      month: m.month,
      label: monthLabel(m.month, "short"),
      total: m.covered ? m.total : null,
    })),
    map: projectMap(data.ward.boundary, data.points),
    outcomes: {
      thisMonth,
      crimesWithOutcomes: thisMonth.reduce((s, l) => s + l.count, 0),
      asb: data.outcomesThisMonth[""] ?? 0,
      updates,
      updatesTotal: updates.reduce((s, l) => s + l.count, 0),
      updatesFrom: [...new Set(data.outcomeUpdates.map((u) => monthLabel(u.month)))],
    },
    priorities: data.priorities.map((p) => ({
      title: p.title,
      where: p.placeName,
      problem: p.problem,
      wantedAction: p.wantedAction,
      isCallHandlingFlagged: p.isCallHandlingFlagged,
      progress: p.progress,
    })),
    calls: { ...data.calls, sentence: callSentence(data.calls) },
    commentary: paragraphs(data.commentary),
    partnerActions: paragraphs(data.partnerActions),
    team: data.team,
    nextMeeting: data.nextMeeting
      ? {
          title: data.nextMeeting.title,
          when: describeLondonSpan(new Date(data.nextMeeting.startsAt), new Date(data.nextMeeting.endsAt)),
          venue: [data.nextMeeting.venueName, data.nextMeeting.venueAddress].filter(Boolean).join(", "),
          path: `/wards/${data.ward.code}/meetings/${data.nextMeeting.meetingId}`,
        }
      : null,
    paths: { page, pdf: `${page}.pdf` },
    attribution: attributionOf(data.force),
  };
}

/** "Railway crime, British Transport Police" for the BTP; the force's own name for any other. */
function otherForceLine(entry: NonNullable<PackData["otherForces"]>[number]): PackView["otherForces"][number] {
  const id = policeForceIdOf(entry.force);
  const label = id !== null && isRailwayForce(id) ? `Railway crime, ${entry.force}` : entry.force;
  const types = CRIME_TYPES.filter((t) => (entry.byCategory[t.slug] ?? 0) > 0)
    .sort((a, b) => (entry.byCategory[b.slug] ?? 0) - (entry.byCategory[a.slug] ?? 0) || a.name.localeCompare(b.name))
    .map((t) => `${t.name} ${entry.byCategory[t.slug] ?? 0}`);
  return {
    force: entry.force,
    label,
    total: entry.total,
    sentence: `${label}: ${entry.total}${types.length > 0 ? ` (${types.join(", ")})` : ""}`,
  };
}

/** Said under the figures whenever other forces' crimes are listed. */
export const OTHER_FORCES_NOTE = "Reported in the ward by another police force, and not counted in the figures above.";

function comparison(label: string, value: number, other: number | null): Comparison {
  if (other === null) return { label, value: null, difference: null, verdict: "No figures held" };
  const change = assessChange(value, other);
  return { label, value: other, difference: change.difference, verdict: shortVerdict(change) };
}

function verdictText(change: ChangeAssessment): string {
  if (change.direction === "same") return "the same as this month";
  const more = change.direction === "up" ? "more" : "fewer";
  const amount = `${Math.abs(change.difference)} ${more} this month`;
  if (change.verdict === "meaningful") return `${amount}, a real ${change.direction === "up" ? "rise" : "fall"}`;
  if (change.verdict === "within-normal-variation") return `${amount}, a change too small to mean much`;
  return `${amount}; numbers this small go up and down by chance`;
}

function shortVerdict(change: ChangeAssessment): string {
  if (change.direction === "same") return "No change";
  if (change.verdict === "meaningful") return change.direction === "up" ? "A real rise" : "A real fall";
  if (change.verdict === "within-normal-variation") return "Too small to mean much";
  return "Too few to read a trend into";
}

function formatAverage(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function callSentence({ received, within60 }: { received: number; within60: number }): string {
  if (received === 0) return "No priority calls reported yet.";
  const share = Math.round((within60 / received) * 100);
  return `${within60} of ${received} ${received === 1 ? "call" : "calls"} about the ward's priorities ${received === 1 ? "was" : "were"} attended within 60 minutes (${share}%).`;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** "Tuesday 8 December 2026, 7pm to 8:30pm" in London time, without a date library. */
function describeLondonSpan(start: Date, end: Date): string {
  const dateParts = new Intl.DateTimeFormat("en-GB", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).formatToParts(start);
  const part = (type: Intl.DateTimeFormatPartTypes) => dateParts.find((p) => p.type === type)?.value ?? "";
  const date = `${part("weekday")} ${part("day")} ${part("month")} ${part("year")}`;
  const clock = (d: Date) => {
    const parts = new Intl.DateTimeFormat("en-GB", {
      hour: "numeric",
      minute: "2-digit",
      hour12: true,
      timeZone: "Europe/London",
    }).formatToParts(d);
    const hour = parts.find((p) => p.type === "hour")?.value ?? "";
    const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
    const period = (parts.find((p) => p.type === "dayPeriod")?.value ?? "")
      .toLowerCase()
      .replace(/\./g, "")
      .replace(/\s/g, "");
    return `${hour}${minute === "00" ? "" : `:${minute}`}${period}`;
  };
  return `${date}, ${clock(start)} to ${clock(end)}`;
}

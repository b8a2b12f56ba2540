import {
  assessChange,
  type ChangeAssessment,
  CRIME_TYPES,
  OUTCOME_GROUPS,
  type OutcomeGroup,
} from "@wardpanel/crime-data";
import { type PackCalls, packCallsOf, type PackData } from "@wardpanel/db/queries/packs-data";
import { wardNameFor } from "@wardpanel/db/queries/ward-name-in";
import { SOURCE_LANGUAGE, type Translate } from "@wardpanel/i18n";
import { translatorFor } from "@wardpanel/i18n/node";
import { type ForceWords, forceWordsOf, isRailwayForce, policeForceIdOf } from "@wardpanel/validators";

import { type PackMap, projectMap } from "./map";
import { londonSpan, monthLabel } from "./pack-words";

/**
 * The one view model every output renders (web page, PDF, e-mail), built from a pack's data by a
 * pure function: the same frozen data always gives the same pack.
 */
export type PackView = {
  /** The catalogue code every sentence and label below is written in ("en", "cy"); the renderers write their own fixed text in it too. */
  language: string;
  /** The words of the ward's force's area (issue 13): London's ("Safer Neighbourhoods Team") or elsewhere's. */
  forceWords?: ForceWords;
  /**
   * `name` is the English name; `nameWelsh` the Welsh one where held (null otherwise, and for packs
   * frozen before it was kept); `shown`, the name in the view's language: the Welsh name in a Welsh
   * view where held, else the English name. Every renderer writes `shown`.
   */
  ward: { code: string; name: string; nameWelsh: string | null; boroughName: string; shown: string };
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
  /** `targetMinutes`: the force's call-handling response target frozen with the pack (60 for older packs). */
  calls: { received: number; withinTarget: number; targetMinutes: number; sentence: string };
  commentary: string[];
  partnerActions: string[];
  team: PackData["team"];
  nextMeeting: { title: string; when: string; venue: string; path: string } | null;
  paths: { page: string; pdf: string };
  attribution: string[];
};

export type Comparison = { label: string; value: number | null; difference: number | null; verdict: string };
export type OutcomeLine = { group: OutcomeGroup; label: string; count: number };

/**
 * The view of a pack in one language (a catalogue code; English by default): every sentence the
 * pack composes from its figures (headline, comparisons, calls, other forces, dates, crime types,
 * outcomes, attribution) is written here from the catalogues (`packView.*`) with `translatorFor`.
 * What staff wrote (commentary, priorities, "You said – We did" wording, names) stays as written.
 */
export function buildPackView(data: PackData, language: string = SOURCE_LANGUAGE): PackView {
  const forceWords = forceWordsOf(data.force ? policeForceIdOf(data.force) : null);
  const t = translatorFor(language, forceWords);
  const current = data.months.at(-1);
  if (!current || current.month !== data.month) throw new RangeError("pack data must end with the pack month");
  const previous = data.months.at(-2) ?? null;
  const lastYear = data.months[0] ?? null;
  const earlier = data.months.slice(0, -1).filter((m) => m.covered);
  const average = earlier.length > 0 ? earlier.reduce((sum, m) => sum + m.total, 0) / earlier.length : null;
  const label = monthLabel(t, data.month);

  const sentences: string[] = [];
  const crimes = t("packView.crimes", { count: current.total });
  if (previous?.covered) sentences.push(lastMonthSentence(t, crimes, assessChange(current.total, previous.total)));
  else sentences.push(t("packView.noLastMonth", { crimes }));
  if (lastYear?.covered && lastYear !== previous) {
    const change = yearChange(t, assessChange(current.total, lastYear.total));
    sentences.push(t("packView.lastYear", { month: monthLabel(t, lastYear.month), count: lastYear.total, change }));
  }
  if (average !== null) {
    const words = { average: formatAverage(average) };
    sentences.push(
      earlier.length === 12
        ? t("packView.averageYear", words)
        : t("packView.averageHeld", { ...words, count: earlier.length }),
    );
  }

  const comparisons: Comparison[] = [
    comparison(t, t("packView.lastMonth"), current.total, previous?.covered ? previous.total : null),
    comparison(
      t,
      monthLabel(t, lastYear?.month ?? data.month),
      current.total,
      lastYear?.covered ? lastYear.total : null,
    ),
    {
      label: t("packView.average"),
      value: average === null ? null : Math.round(average * 10) / 10,
      difference: average === null ? null : Math.round((current.total - average) * 10) / 10,
      verdict: "",
    },
  ];

  const categories = CRIME_TYPES.map((type) => ({
    slug: type.slug,
    name: t(`packView.crimeTypes.${type.slug}`),
    count: current.byCategory[type.slug] ?? 0,
    previous: previous?.covered ? (previous.byCategory[type.slug] ?? 0) : null,
  }))
    .filter((c) => c.count > 0 || (c.previous ?? 0) > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));

  const outcomeLines = (counts: Record<string, number>): OutcomeLine[] =>
    OUTCOME_GROUPS.map((g) => ({
      group: g.id,
      label: t(`packView.outcomes.${g.id}`),
      count: counts[g.id] ?? 0,
    })).filter((l) => l.count > 0);
  const updateCounts: Record<string, number> = {};
  for (const u of data.outcomeUpdates) updateCounts[u.outcomeGroup] = (updateCounts[u.outcomeGroup] ?? 0) + u.count;
  const thisMonth = outcomeLines(data.outcomesThisMonth);
  const updates = outcomeLines(updateCounts);

  const page = `/wards/${data.ward.code}/packs/${data.month}`;
  // Packs frozen before the Welsh name was kept have none: the English name stands in.
  const nameWelsh = data.ward.nameWelsh?.trim() || null;
  const wardName = wardNameFor({ name: data.ward.name, nameWelsh }, language);
  // The reader's language travels in the links (the e-mail's, the page's PDF link): English needs none.
  const query = language === SOURCE_LANGUAGE ? "" : `?lang=${encodeURIComponent(language)}`;
  return {
    language,
    forceWords,
    ward: {
      code: data.ward.code,
      name: data.ward.name,
      nameWelsh,
      boroughName: data.ward.boroughName,
      shown: wardName,
    },
    month: data.month,
    monthLabel: label,
    title: t("packView.title", { ward: wardName, month: label }),
    headline: { total: current.total, sentence: sentences.join(" "), comparisons },
    categories,
    otherForces: (data.otherForces ?? []).map((entry) => otherForceLine(t, entry)),
    trend: data.months.map((m) => ({
      month: m.month,
      label: monthLabel(t, m.month, "short"),
      total: m.covered ? m.total : null,
    })),
    map: projectMap(data.ward.boundary, data.points),
    outcomes: {
      thisMonth,
      crimesWithOutcomes: thisMonth.reduce((s, l) => s + l.count, 0),
      asb: data.outcomesThisMonth[""] ?? 0,
      updates,
      updatesTotal: updates.reduce((s, l) => s + l.count, 0),
      updatesFrom: [...new Set(data.outcomeUpdates.map((u) => monthLabel(t, u.month)))],
    },
    priorities: data.priorities.map((p) => ({
      title: p.title,
      where: p.placeName,
      problem: p.problem,
      wantedAction: p.wantedAction,
      isCallHandlingFlagged: p.isCallHandlingFlagged,
      progress: p.progress,
    })),
    calls: withCallSentence(t, packCallsOf(data.calls)),
    commentary: paragraphs(data.commentary),
    partnerActions: paragraphs(data.partnerActions),
    team: data.team,
    nextMeeting: data.nextMeeting
      ? {
          title: data.nextMeeting.title,
          when: londonSpan(t, new Date(data.nextMeeting.startsAt), new Date(data.nextMeeting.endsAt)),
          venue: [data.nextMeeting.venueName, data.nextMeeting.venueAddress].filter(Boolean).join(", "),
          path: `/wards/${data.ward.code}/meetings/${data.nextMeeting.meetingId}`,
        }
      : null,
    paths: { page: `${page}${query}`, pdf: `${page}.pdf${query}` },
    attribution: [
      data.force
        ? t("packView.attribution.crimeDataByForce", { force: data.force })
        : t("packView.attribution.crimeData"),
      t("packView.attribution.boundaries"),
      t("packView.attribution.locations"),
    ],
  };
}

/** "Railway crime, British Transport Police" for the BTP; the force's own name for any other. */
function otherForceLine(
  t: Translate,
  entry: NonNullable<PackData["otherForces"]>[number],
): PackView["otherForces"][number] {
  const id = policeForceIdOf(entry.force);
  const label = id !== null && isRailwayForce(id) ? t("packView.railway", { force: entry.force }) : entry.force;
  const types = CRIME_TYPES.filter((type) => (entry.byCategory[type.slug] ?? 0) > 0)
    .map((type) => ({ name: t(`packView.crimeTypes.${type.slug}`), count: entry.byCategory[type.slug] ?? 0 }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .map((type) => `${type.name} ${type.count}`);
  return {
    force: entry.force,
    label,
    total: entry.total,
    sentence: `${label}: ${entry.total}${types.length > 0 ? ` (${types.join(", ")})` : ""}`,
  };
}

function comparison(t: Translate, label: string, value: number, other: number | null): Comparison {
  if (other === null) return { label, value: null, difference: null, verdict: t("packView.noFigures") };
  const change = assessChange(value, other);
  return { label, value: other, difference: change.difference, verdict: shortVerdict(t, change) };
}

/** "32 crimes and ASB incidents this month, 5 more than last month — a change too small to mean much." */
function lastMonthSentence(t: Translate, crimes: string, change: ChangeAssessment): string {
  if (change.direction === "same") return t("packView.sameAsLastMonth", { crimes });
  const verdict =
    change.verdict === "meaningful"
      ? t(change.direction === "up" ? "packView.realRise" : "packView.realFall")
      : change.verdict === "within-normal-variation"
        ? t("packView.tooSmall")
        : t("packView.byChance");
  const words = { crimes, amount: Math.abs(change.difference), verdict };
  return change.direction === "up" ? t("packView.moreThanLastMonth", words) : t("packView.fewerThanLastMonth", words);
}

/** The same month last year against this one: "4 more this month, a change too small to mean much". */
function yearChange(t: Translate, change: ChangeAssessment): string {
  if (change.direction === "same") return t("packView.yearSame");
  const amount = { amount: Math.abs(change.difference) };
  const up = change.direction === "up";
  if (change.verdict === "meaningful") return t(up ? "packView.yearRise" : "packView.yearFall", amount);
  if (change.verdict === "within-normal-variation")
    return t(up ? "packView.yearSmallMore" : "packView.yearSmallFewer", amount);
  return t(up ? "packView.yearChanceMore" : "packView.yearChanceFewer", amount);
}

function shortVerdict(t: Translate, change: ChangeAssessment): string {
  if (change.direction === "same") return t("packView.noChange");
  if (change.verdict === "meaningful")
    return t(change.direction === "up" ? "packView.aRealRise" : "packView.aRealFall");
  if (change.verdict === "within-normal-variation") return t("packView.tooSmallShort");
  return t("packView.tooFew");
}

function formatAverage(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function withCallSentence(t: Translate, calls: Required<PackCalls>): PackView["calls"] {
  const { received, withinTarget, targetMinutes } = calls;
  if (received === 0) return { ...calls, sentence: t("packView.noCalls") };
  const share = Math.round((withinTarget / received) * 100);
  return {
    ...calls,
    sentence: t("packView.calls", { within: withinTarget, count: received, minutes: targetMinutes, share }),
  };
}

function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

import type { MEETING_KINDS } from "@wardpanel/validators";
import type { TFunction } from "i18next";

import { formatClockTime, formatWeekdayDate } from "../lib/dates";

type MeetingKind = (typeof MEETING_KINDS)[number];

/** "Panel meeting", "Cyfarfod panel": a meeting's kind in the page's language. */
export function meetingKindInWords(t: TFunction, kind: MeetingKind): string {
  return t(`meetingKinds.${kind}`);
}

/**
 * "Tuesday 15 December 2026, 7pm to 8:30pm" in the page's language, from a meeting's London
 * calendar day ("2026-12-15") and clock times ("19:00", "20:30"): the server's English `when`,
 * written by the web app so it follows the language switch.
 */
export function meetingWhenInWords(t: TFunction, m: { date: string; startTime: string; endTime: string }): string {
  return t("meetingList.span", {
    day: formatWeekdayDate(m.date),
    start: formatClockTime(m.startTime),
    end: formatClockTime(m.endTime),
  });
}

import cy from "@wardpanel/i18n/locales/cy.json";
import en from "@wardpanel/i18n/locales/en.json";
import { describeLondonSpan } from "@wardpanel/meetings/london-time";
import i18next from "i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  formatClockTime,
  formatDate,
  formatDateTime,
  formatMinutes,
  formatMonth,
  formatTime,
  formatWeekdayDate,
  isoDate,
  isoMonth,
  machineDate,
} from "./dates";

beforeAll(async () => {
  await i18next.init({ lng: "en", fallbackLng: "en", resources: { en: { translation: en }, cy: { translation: cy } } });
});

describe("dates", () => {
  it("shows a calendar day as itself, whatever the time zone", () => {
    expect(formatDate("2026-12-15")).toBe("15 December 2026");
    expect(formatWeekdayDate("2026-12-15")).toBe("Tuesday 15 December 2026");
    expect(formatDate("2026-03-29")).toBe("29 March 2026");
  });

  it("shows an instant on the London calendar and clock", () => {
    // 23:30 UTC in summer is 00:30 the next day in London.
    expect(formatDate("2026-06-30T23:30:00Z")).toBe("1 July 2026");
    expect(formatTime("2026-06-30T23:30:00Z")).toBe("12:30am");
    expect(formatDate(new Date("2026-12-15T19:00:00Z"))).toBe("15 December 2026");
    expect(formatWeekdayDate("2026-12-15T19:00:00Z")).toBe("Tuesday 15 December 2026");
    expect(formatDateTime("2026-12-15T19:30:00Z")).toBe("15 December 2026, 7:30pm");
  });

  it("writes times as meetings' spans do: 7pm, 8:30pm, 12pm", () => {
    const start = new Date("2026-12-15T19:00:00Z");
    const end = new Date("2026-12-15T20:30:00Z");
    expect(`${formatWeekdayDate(start)}, ${formatTime(start)} to ${formatTime(end)}`).toBe(
      describeLondonSpan(start, end),
    );
    expect(formatTime("2026-12-15T12:00:00Z")).toBe("12pm");
    expect(formatTime("2026-12-15T00:05:00Z")).toBe("12:05am");
    // A meeting's London clock times, stored as "HH:MM", read the same way.
    expect(`${formatClockTime("19:00")} to ${formatClockTime("20:30")}`).toBe("7pm to 8:30pm");
    expect([formatClockTime("00:05"), formatClockTime("12:00"), formatClockTime("soon")]).toEqual([
      "12:05am",
      "12pm",
      "soon",
    ]);
  });

  it("shows a month, and gives machine forms for inputs and <time>", () => {
    expect(formatMonth("2026-12")).toBe("December 2026");
    expect(isoDate("2026-06-30T23:30:00Z")).toBe("2026-07-01");
    expect(isoMonth("2026-12-31T23:30:00Z")).toBe("2026-12");
    expect(machineDate("2026-12-15")).toBe("2026-12-15");
    expect(machineDate("2026-12")).toBe("2026-12");
    expect(machineDate(new Date("2026-12-15T19:00:00Z"))).toBe("2026-12-15T19:00:00.000Z");
  });

  it("never shows Invalid Date: empty is empty, nonsense is shown as given", () => {
    expect(formatDate(null)).toBe("");
    expect(formatDate("")).toBe("");
    expect(formatDateTime(undefined)).toBe("");
    expect(formatDate("soon")).toBe("soon");
    expect(formatMonth("December")).toBe("December");
  });

  it("gives a number of minutes in words", () => {
    expect(formatMinutes(1)).toBe("1 minute");
    expect(formatMinutes(15)).toBe("15 minutes");
  });
});

describe("dates in Welsh", () => {
  beforeAll(async () => {
    await i18next.changeLanguage("cy");
  });
  afterAll(async () => {
    await i18next.changeLanguage("en");
  });

  it("follow the language the page is shown in, with the same signatures", () => {
    expect(formatDate("2026-12-15")).toBe("15 Rhagfyr 2026");
    expect(formatWeekdayDate("2026-12-15")).toBe("Dydd Mawrth 15 Rhagfyr 2026");
    expect(formatMonth("2026-03")).toBe("Mawrth 2026");
    expect(formatDate("2027-02-01")).toBe("1 Chwefror 2027");
    expect(formatDate("2026-06-30T23:30:00Z")).toBe("1 Gorffennaf 2026");
    expect(formatTime("2026-12-15T19:30:00Z")).toBe("7:30yh");
    expect(formatTime("2026-12-15T09:00:00Z")).toBe("9yb");
    expect(formatClockTime("19:30")).toBe("7:30yh");
    expect(formatDateTime("2026-12-15T19:00:00Z")).toBe("15 Rhagfyr 2026, 7yh");
    expect(formatMinutes(1)).toBe("1 munud");
    expect(formatMinutes(15)).toBe("15 munud");
    // The catalogue's month and day names are CLDR's (Node's full Intl has Welsh; Chromium's has not).
    for (let month = 1; month <= 12; month++) {
      const cldr = new Intl.DateTimeFormat("cy", { month: "long", year: "numeric", timeZone: "UTC" });
      expect(formatMonth(`2026-${String(month).padStart(2, "0")}`)).toBe(cldr.format(Date.UTC(2026, month - 1, 1)));
    }
    for (let day = 14; day <= 20; day++) {
      const cldr = new Intl.DateTimeFormat("cy", { weekday: "long", day: "numeric", month: "long", year: "numeric" });
      expect(formatWeekdayDate(`2026-12-${day}`)).toBe(cldr.format(new Date(2026, 11, day)).replace(",", ""));
    }
    // Machine forms never change with the language.
    expect(isoDate("2026-06-30T23:30:00Z")).toBe("2026-07-01");
  });
});

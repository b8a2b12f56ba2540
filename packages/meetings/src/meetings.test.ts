import ICAL from "ical.js";
import { describe, expect, it } from "vitest";

import { meetingsCalendar } from "./ics";
import { describeLondonSpan, londonInstant, londonParts } from "./london-time";
import { describeRule, monthlyDates } from "./series";

describe("London wall-clock times", () => {
  it("are right on both sides of the October and March clock changes", () => {
    // BST ends 25 October 2026 and begins 28 March 2027.
    expect(londonInstant("2026-10-13", "19:00").toISOString()).toBe("2026-10-13T18:00:00.000Z");
    expect(londonInstant("2026-11-10", "19:00").toISOString()).toBe("2026-11-10T19:00:00.000Z");
    expect(londonInstant("2027-03-23", "19:00").toISOString()).toBe("2027-03-23T19:00:00.000Z");
    expect(londonInstant("2027-04-13", "19:00").toISOString()).toBe("2027-04-13T18:00:00.000Z");
    expect(londonParts(new Date("2027-04-13T18:00:00Z"))).toEqual({ date: "2027-04-13", time: "19:00" });
  });

  it("refuses a time skipped when the clocks go forward", () => {
    expect(() => londonInstant("2027-03-28", "01:30")).toThrow("does not exist in London");
    expect(() => londonInstant("2027-02-30", "19:00")).toThrow("not a valid date");
  });

  it("are described in plain English", () => {
    expect(describeLondonSpan(londonInstant("2026-12-08", "19:00"), londonInstant("2026-12-08", "20:30"))).toBe(
      "Tuesday 8 December 2026, 7pm to 8:30pm",
    );
  });
});

describe("monthly series", () => {
  it("finds the second Tuesday of each month for six months", () => {
    const rule = { ordinal: 2, weekday: 2, firstMonth: "2026-12", months: 6 } as const;
    expect(monthlyDates(rule)).toEqual([
      "2026-12-08",
      "2027-01-12",
      "2027-02-09",
      "2027-03-09",
      "2027-04-13",
      "2027-05-11",
    ]);
    expect(describeRule(rule)).toBe("the second Tuesday of each month for 6 months");
  });

  it("finds the last Friday, including in February", () => {
    expect(monthlyDates({ ordinal: -1, weekday: 5, firstMonth: "2027-02", months: 1 })).toEqual(["2027-02-26"]);
  });
});

describe("calendar feed", () => {
  const meeting = (uid: string, date: string, isCancelled = false) => ({
    uid,
    sequence: isCancelled ? 2 : 0,
    title: "Bloomsbury ward panel meeting",
    description: "Agree the ward's policing priorities, with the Safer Neighbourhoods Team.",
    location: "Holborn Library, 32-38 Theobalds Road, London WC1X 8PA",
    url: "https://wardpanel.example/wards/E05013653",
    startsAt: londonInstant(date, "19:00"),
    endsAt: londonInstant(date, "20:30"),
    isCancelled,
    updatedAt: new Date("2026-11-25T10:00:00Z"),
  });

  it("parses with an independent iCalendar parser, with stable UIDs, cancellations and London times", () => {
    const text = meetingsCalendar({
      name: "Bloomsbury ward meetings",
      meetings: [meeting("m-1@wardpanel", "2026-10-13"), meeting("m-2@wardpanel", "2026-11-10", true)],
    });
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["m-1@wardpanel", "m-2@wardpanel"]);
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual([
      "2026-10-13T18:00:00.000Z",
      "2026-11-10T19:00:00.000Z",
    ]);
    const [first, second] = calendar.getAllSubcomponents("vevent");
    expect(first!.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(second!.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(second!.getFirstPropertyValue("sequence")).toBe(2);
    expect(events[0]!.location).toContain("Holborn Library");
  });
});

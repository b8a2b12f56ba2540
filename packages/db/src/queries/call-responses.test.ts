import type { DomainError } from "@wardpanel/validators";
import { describe, expect, it } from "vitest";

import { buildPriorityFields, createTestDb, seedActivePriority } from "../testing";
import { createApiKey } from "./api-keys";
import { type CallResponseReport, getResponseStats, recordCallResponses } from "./call-responses";
import { createPriority, endPriority } from "./priorities";

const CAMDEN = "E09000007";
const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const ST_JAMES = "E05013806"; // Westminster
const NOW = new Date("2026-11-25T12:00:00Z");
const at = (minutes: number) => new Date(Date.parse("2026-11-20T09:00:00Z") + minutes * 60_000);

describe("call responses", () => {
  it("records reports idempotently, lets a later report add the arrival, and refuses out-of-scope or unpublished priorities", () => {
    const db = createTestDb();
    const key = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: NOW });
    const priorityId = seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW });
    const westminster = seedActivePriority(db, { wardCode: ST_JAMES, now: NOW });
    const draft = createPriority(db, { wardCode: BLOOMSBURY, fields: buildPriorityFields(), now: NOW });
    const report: CallResponseReport = { callReference: "CAD-1", priorityId, receivedAt: at(0), arrivedAt: null };
    const record = (reports: CallResponseReport[]) =>
      recordCallResponses(db, { apiKeyId: key.id, boroughCodes: [CAMDEN], reports, now: NOW });

    record([report]);
    record([report]);
    expect(getResponseStats(db, { wardCodes: null }).byPriority[0]).toMatchObject({
      reported: 1,
      attendedInTime: 0,
      notAttended: 1,
    });
    record([{ ...report, arrivedAt: at(42) }]);
    expect(getResponseStats(db, { wardCodes: null }).byPriority[0]).toMatchObject({
      reported: 1,
      attendedInTime: 1,
      share: 1,
    });

    expect(() => record([report, { ...report, callReference: "CAD-2", priorityId: westminster }])).toThrow(
      expect.objectContaining({ kind: "forbidden", field: "responses[1].priorityId" }),
    );
    expect(() => record([{ ...report, priorityId: draft }])).toThrow(
      expect.objectContaining({ kind: "not_found", field: "responses[0].priorityId" }),
    );
    expect(() => record([{ ...report, arrivedAt: at(-1) }])).toThrow(
      expect.objectContaining({ field: "responses[0].arrivedAt" }),
    );
  });

  it("refuses, naming the field, times outside the priority's active period, in the future, or an arrival before the call", () => {
    const db = createTestDb();
    const key = createApiKey(db, { name: "Camden CAD", boroughCodes: [CAMDEN], now: NOW });
    // Starts 1 November 2026 (buildPriorityFields), published 25 November.
    const active = seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW });
    const ended = seedActivePriority(db, { wardCode: HOLBORN, now: NOW });
    endPriority(db, {
      wardCode: HOLBORN,
      priorityId: ended,
      outcome: "achieved",
      date: "2026-11-22",
      reason: "Done",
      supersededById: null,
      now: NOW,
    });
    const record = (report: Partial<CallResponseReport>, priorityId = active) =>
      recordCallResponses(db, {
        apiKeyId: key.id,
        boroughCodes: [CAMDEN],
        reports: [{ callReference: "CAD-9", priorityId, receivedAt: at(0), arrivedAt: null, ...report }],
        now: NOW,
      });
    const refusal = (report: Partial<CallResponseReport>, priorityId = active) => {
      try {
        record(report, priorityId);
      } catch (error) {
        return { field: (error as DomainError).field, message: (error as DomainError).message };
      }
      return null;
    };

    expect(refusal({ receivedAt: new Date("0001-01-01T00:00:00Z") })).toEqual({
      field: "responses[0].receivedAt",
      message: `The call was received before priority ${active} was active (from 2026-11-01)`,
    });
    expect(refusal({ receivedAt: new Date("2999-01-01T00:00:00Z") })).toEqual({
      field: "responses[0].receivedAt",
      message: "The call's received time is in the future",
    });
    expect(refusal({ arrivedAt: new Date("2999-01-01T00:00:00Z") })).toEqual({
      field: "responses[0].arrivedAt",
      message: "The unit's arrival time is in the future",
    });
    expect(refusal({ arrivedAt: at(-1) })).toEqual({
      field: "responses[0].arrivedAt",
      message: "A unit cannot arrive before the call was received",
    });
    expect(refusal({ receivedAt: new Date("2026-10-30T12:00:00Z") })?.field).toBe("responses[0].receivedAt");
    expect(refusal({ receivedAt: new Date("2026-11-24T12:00:00Z") }, ended)).toEqual({
      field: "responses[0].receivedAt",
      message: `The call was received after priority ${ended} ended (2026-11-22)`,
    });
    expect(getResponseStats(db, { wardCodes: null }).byBorough).toEqual([]);

    // Within the slack: a day either side of the period, and a few minutes of clock skew.
    expect(record({ callReference: "CAD-1", receivedAt: new Date("2026-10-31T12:00:00Z") })).toEqual({ recorded: 1 });
    expect(record({ callReference: "CAD-2", receivedAt: new Date("2026-11-23T10:00:00Z") }, ended)).toEqual({
      recorded: 1,
    });
    expect(record({ callReference: "CAD-3", receivedAt: new Date(NOW.getTime() + 2 * 60_000) })).toEqual({
      recorded: 1,
    });
  });

  it("gives the share attended within the force's target (60 minutes by default) per priority, ward and borough, and lists the misses newest first", () => {
    const db = createTestDb();
    const key = createApiKey(db, { name: "All London", boroughCodes: [], now: NOW });
    const bloomsbury = seedActivePriority(db, { wardCode: BLOOMSBURY, now: NOW, fields: { title: "Dealing" } });
    const holborn = seedActivePriority(db, { wardCode: HOLBORN, now: NOW, fields: { title: "Phone snatching" } });
    recordCallResponses(db, {
      apiKeyId: key.id,
      boroughCodes: [],
      now: NOW,
      reports: [
        { callReference: "C1", priorityId: bloomsbury, receivedAt: at(0), arrivedAt: at(60) },
        { callReference: "C2", priorityId: bloomsbury, receivedAt: at(10), arrivedAt: at(71) },
        { callReference: "C3", priorityId: bloomsbury, receivedAt: at(20), arrivedAt: null },
        { callReference: "C4", priorityId: holborn, receivedAt: at(30), arrivedAt: at(35) },
      ],
    });
    const all = getResponseStats(db, { wardCodes: null });
    expect(all.byBorough).toEqual([
      { boroughCode: CAMDEN, boroughName: "Camden", reported: 4, attendedInTime: 2, notAttended: 1, share: 0.5 },
    ]);
    expect(all.byWard.map((w) => [w.wardCode, w.reported, w.attendedInTime])).toEqual([
      [BLOOMSBURY, 3, 1],
      [HOLBORN, 1, 1],
    ]);
    expect(all.misses.map((m) => [m.callReference, m.minutesToArrive])).toEqual([
      ["C3", null],
      ["C2", 61],
    ]);

    const holbornOnly = getResponseStats(db, { wardCodes: [HOLBORN] });
    expect(holbornOnly.byPriority.map((p) => p.title)).toEqual(["Phone snatching"]);
    expect(holbornOnly.misses).toEqual([]);
    expect(getResponseStats(db, { wardCodes: [] }).byBorough).toEqual([]);
    expect(getResponseStats(db, { wardCodes: null, from: at(15) }).byBorough[0]!.reported).toBe(2);
    expect(all.targetMinutes).toBe(60);

    // A force whose target is 45 minutes: C1 (60 minutes) becomes a miss too.
    const tighter = getResponseStats(db, { wardCodes: null, targetMinutes: 45 });
    expect(tighter.targetMinutes).toBe(45);
    expect(tighter.byBorough[0]).toMatchObject({ reported: 4, attendedInTime: 1, share: 0.25 });
    expect(tighter.misses.map((m) => m.callReference)).toEqual(["C3", "C2", "C1"]);
  });
});

import { describe, expect, it } from "vitest";

import type { ChainEntry } from "./chain.js";
import { honestRecord, makeConfig, times } from "./testing.js";
import {
  ballotTrackers,
  checkTrackerList,
  normaliseTracker,
  publishedTrackers,
  RANDOM_TRACKER,
  randomTracker,
  recordTrackers,
  trackerFromHash,
  trackerOfEntry,
} from "./tracker.js";
import { verifyVoteRecord } from "./verify.js";

const config = makeConfig({ kind: "ranked" }, ["Speeding", "Litter", "Parking"]);
const record = honestRecord(config, [...times(5, { ranking: ["speeding"] }), ...times(4, { ranking: ["litter"] })]);
const entry = (seq: number, hash: string) => ({ seq, type: "ballot" as const, hash });

describe("trackerFromHash", () => {
  it("is the first 10 Crockford base32 characters of the hash, grouped in fours", () => {
    // 0xff… is all ones: every 5 bits is 31, "Z".
    expect(trackerFromHash("f".repeat(64))).toBe("ZZZZ-ZZZZ-ZZ");
    expect(trackerFromHash("0".repeat(64))).toBe("0000-0000-00");
    // 0x08421… is 00001 repeated: "1" each time.
    const ones = "08421".repeat(13).slice(0, 64);
    expect(trackerFromHash(ones)).toBe("1111-1111-11");
    expect(trackerFromHash(ones, 12)).toBe("1111-1111-1111");
    expect(() => trackerFromHash("xyz")).toThrow(TypeError);
  });
});

describe("ballotTrackers", () => {
  it("gives each ballot of a record a stable tracker derivable from the record alone", () => {
    const trackers = ballotTrackers(record.entries);
    expect(trackers).toHaveLength(9);
    const again = ballotTrackers(JSON.parse(JSON.stringify(record.entries)) as ChainEntry[]);
    expect(again).toEqual(trackers);
    for (const { seq, tracker } of trackers) {
      expect(tracker).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/);
      expect(trackerOfEntry(record.entries, seq)).toBe(tracker);
      expect(tracker).toBe(trackerFromHash(record.entries[seq]?.hash ?? ""));
    }
    expect(new Set(trackers.map((t) => t.tracker)).size).toBe(9);
    expect(publishedTrackers(record.entries)).toEqual(trackers.map((t) => t.tracker).sort());
    expect(() => trackerOfEntry(record.entries, 0)).toThrow(RangeError);
  });

  it("lengthens a tracker that would repeat an earlier one in the vote, so all are unique", () => {
    // 16 hex "f"s are 64 one-bits: the first 12 characters of each are all "Z".
    const shared = "f".repeat(16);
    const trackers = ballotTrackers([
      entry(1, shared + "0".repeat(48)),
      entry(2, shared + "f".repeat(48)),
      entry(3, shared + "0".repeat(47) + "1"),
    ]);
    expect(trackers.map((t) => t.tracker)).toEqual(["ZZZZ-ZZZZ-ZZ", "ZZZZ-ZZZZ-ZZZZ", "ZZZZ-ZZZZ-ZZZZ-Y0"]);
  });
});

describe("checking the published tracker list", () => {
  const list = publishedTrackers(record.entries);

  it("accepts the record's own list and names what differs in a doctored one", () => {
    expect(checkTrackerList(record.entries, list)).toBeNull();
    expect(checkTrackerList(record.entries, list.slice(1))).toBe(
      `The ballot with tracker ${list[0]} is in the record but missing from the list.`,
    );
    expect(checkTrackerList(record.entries, [...list, "ABCD-EFGH-JK"])).toBe(
      "Tracker ABCD-EFGH-JK is not the tracker of any ballot in the record.",
    );
    expect(checkTrackerList(record.entries, [...list, list[0] ?? ""])).toBe(`Tracker ${list[0]} is listed twice.`);
  });

  it("is part of verifyVoteRecord", () => {
    const ok = verifyVoteRecord(record, { publishedTrackers: list });
    expect(ok).toMatchObject({ ok: true, trackers: list });
    expect(verifyVoteRecord(record, { publishedTrackers: list.slice(1) })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^The published list of ballot trackers does not match the record: The ballot/),
    });
  });
});

describe("normaliseTracker", () => {
  it("reads a tracker as people type it", () => {
    expect(normaliseTracker(" k3f9 2qxa-7m")).toBe("K3F92QXA7M");
    expect(normaliseTracker("O1L-I")).toBe("0111");
  });
});

describe("secret votes: random trackers listed apart from the ballots", () => {
  const secret = makeConfig({ kind: "ranked" }, ["Speeding", "Litter", "Parking"], { ballotSecrecy: "secret" });
  const ballots = [...times(3, { ranking: ["speeding", "litter"] }), ...times(2, { ranking: ["parking"] })];
  const taken = new Set<string>();
  const cast = ballots.map(() => {
    const tracker = randomTracker(taken);
    taken.add(tracker);
    return tracker;
  });
  const tracked = honestRecord(secret, ballots, [], 0, cast);
  const sorted = [...cast].sort();

  it("draws trackers in the usual form, never one already taken", () => {
    for (const tracker of cast) expect(tracker).toMatch(RANDOM_TRACKER);
    expect(new Set(cast).size).toBe(cast.length);
  });

  it("puts the sorted list in a version 3 record that verifies, one tracker per ballot", () => {
    expect(tracked.version).toBe(3);
    expect(recordTrackers(tracked.entries)).toEqual({ kind: "cast", trackers: sorted });
    expect(verifyVoteRecord(tracked, { publishedTrackers: sorted })).toMatchObject({ ok: true, trackers: sorted });
    expect(checkTrackerList(tracked.entries, sorted.slice(1))).toBe(
      `Tracker ${sorted[0]} is in the record but missing from the list.`,
    );
  });

  it("cannot be found in any ballot entry", () => {
    const ballotEntries = tracked.entries.filter((e) => e.type === "ballot");
    const derived = new Set(ballotTrackers(tracked.entries).map((t) => t.tracker));
    for (const tracker of cast) {
      expect(derived.has(tracker)).toBe(false);
      for (const e of ballotEntries) expect(JSON.stringify(e)).not.toContain(tracker);
    }
  });

  it("fails the record when a tracker is dropped or added, listed twice, or unsorted", () => {
    const expectFails = (list: string[], reason: RegExp) =>
      expect(verifyVoteRecord(honestRecord(secret, ballots, [], 0, list))).toMatchObject({
        ok: false,
        reason: expect.stringMatching(reason),
      });
    expectFails(cast.slice(1), /lists 4 trackers but the chain holds 5 ballots/);
    expectFails([...cast, randomTracker(taken)], /lists 6 trackers but the chain holds 5 ballots/);
    expectFails([...cast.slice(1), cast[1] ?? ""], /is listed twice/);
    expectFails([...cast.slice(1), "not-a-tracker"], /"not-a-tracker" is not a tracker/);
  });

  it("refuses a list of trackers in an open vote, and a version 3 secret record without one", () => {
    const open = makeConfig({ kind: "ranked" }, ["Speeding", "Litter", "Parking"], { ballotSecrecy: "open" });
    expect(verifyVoteRecord(honestRecord(open, ballots, [], 0, cast))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/an open vote's trackers come from its ballot entries/),
    });
    const untracked = honestRecord(secret, ballots);
    expect(verifyVoteRecord({ ...untracked, version: 3 })).toMatchObject({
      ok: false,
      reason: "This secret vote's record (version 3) has no list of trackers.",
    });
    // A secret record from before version 3 still verifies, with trackers from its ballot entries.
    expect(verifyVoteRecord(untracked)).toMatchObject({ ok: true, trackers: publishedTrackers(untracked.entries) });
  });
});

import { describe, expect, it } from "vitest";

import { POLICE_FORCES } from "./forces";
import {
  forcesWhereMay,
  type HeldRole,
  holdsAdmin,
  mayForForce,
  mayInWard,
  WARD_ROLE_GROUPS,
  wardsWhereMay,
} from "./role-groups";

const BLOOMSBURY = "E05013653";
const HOLBORN = "E05013662";
const ward = (role: HeldRole["role"], wardCode = BLOOMSBURY): HeldRole => ({ role, wardCode, force: null });

describe("role groups", () => {
  it("give a ward's role only for that ward", () => {
    const sergeant = [ward("sergeant")];
    expect(mayInWard(sergeant, "managePriorities", BLOOMSBURY)).toBe(true);
    expect(mayInWard(sergeant, "managePriorities", HOLBORN)).toBe(false);
  });

  it("offer a panel member the ward's records and a ballot, never priority editing or the agenda", () => {
    const member = [ward("panel_member")];
    const allowed = (Object.keys(WARD_ROLE_GROUPS) as (keyof typeof WARD_ROLE_GROUPS)[]).filter((g) =>
      mayInWard(member, g, BLOOMSBURY),
    );
    expect(allowed).toEqual(["seeWard", "castVotes"]);
  });

  it("keep the 60-minute flag and the packs' commentary to the sergeant", () => {
    expect(mayInWard([ward("chair")], "flagForCallHandling", BLOOMSBURY)).toBe(false);
    expect(mayInWard([ward("chair")], "reviewPacks", BLOOMSBURY)).toBe(false);
    expect(mayInWard([ward("chair")], "seePackDrafts", BLOOMSBURY)).toBe(true);
    expect(mayInWard([ward("sergeant")], "reviewPacks", BLOOMSBURY)).toBe(true);
  });

  it("let the minute-taker keep the record but not run the meeting", () => {
    const minuteTaker = [ward("minute_taker")];
    expect(mayInWard(minuteTaker, "keepRecord", BLOOMSBURY)).toBe(true);
    expect(mayInWard(minuteTaker, "runLiveMeeting", BLOOMSBURY)).toBe(false);
    expect(mayInWard(minuteTaker, "castVotes", BLOOMSBURY)).toBe(false);
  });

  it("give crime data to the force's analysts, and everything to an admin", () => {
    const analyst: HeldRole[] = [{ role: "analyst", wardCode: null, force: "metropolitan" }];
    expect(mayForForce(analyst, "importCrimeData", "metropolitan")).toBe(true);
    expect(mayForForce(analyst, "importCrimeData", "city-of-london")).toBe(false);
    expect(forcesWhereMay(analyst, "importCrimeData")).toEqual(["metropolitan"]);
    expect(mayInWard(analyst, "seeWard", BLOOMSBURY)).toBe(false);
    expect(forcesWhereMay([ward("sergeant")], "importCrimeData")).toEqual([]);

    const admin: HeldRole[] = [{ role: "admin", wardCode: null, force: null }];
    expect(holdsAdmin(admin)).toBe(true);
    expect(mayInWard(admin, "flagForCallHandling", HOLBORN)).toBe(true);
    // Every force police.uk publishes for, British Transport Police included.
    expect(forcesWhereMay(admin, "importCrimeData")).toEqual(POLICE_FORCES.map(({ id }) => id));
    expect(forcesWhereMay(admin, "importCrimeData")).toEqual(
      expect.arrayContaining(["metropolitan", "city-of-london", "leicestershire", "btp"]),
    );
  });

  it("list the wards where a person may see the response record: each once, none for a panel member, every ward for an admin", () => {
    const twoWards = [ward("sergeant"), ward("chair"), ward("sergeant", HOLBORN), ward("panel_member", "E05013806")];
    expect(wardsWhereMay(twoWards, "seeCallResponses")).toEqual([BLOOMSBURY, HOLBORN]);
    expect(wardsWhereMay([ward("panel_member")], "seeCallResponses")).toEqual([]);
    expect(wardsWhereMay([{ role: "admin", wardCode: null, force: null }], "seeCallResponses")).toBeNull();
  });
});

import { TRPCError } from "@trpc/server";
import { seedPanel, seedUser } from "@wardpanel/db/testing";
import { beforeAll, describe, expect, it } from "vitest";

import { ACCOUNT_ENTRIES } from "./role-matrix/accounts";
import { CRIME_DATA_ENTRIES } from "./role-matrix/crime-data";
import { CRIME_PACK_ENTRIES } from "./role-matrix/crime-packs";
import { FEED_ENTRIES } from "./role-matrix/feed";
import { MESSAGE_ENTRIES } from "./role-matrix/messages";
import { PERSONAL_DATA_ENTRIES } from "./role-matrix/personal-data";
import { PRIORITY_ENTRIES } from "./role-matrix/priorities";
import {
  ADMIN,
  agendaFields,
  ANY_ADMIN,
  EVERYONE,
  itemA,
  type MatrixEntries,
  meetingA,
  meetingDetails,
  type Persona,
  PERSONAS,
  SIGNED_IN,
  unique,
  WARD_A,
  WARD_A_ADMINS,
  WARD_A_CONTACT_EDITORS,
  WARD_A_ORGANISERS,
  WARD_A_RECORDERS,
  WARD_A_STAFF,
  WARD_B,
} from "./role-matrix/shared";
import { SUBSCRIPTION_ENTRIES } from "./role-matrix/subscriptions";
import { appRouter } from "./root";
import { callerFor, createTestDb } from "./testing";
import type { Meta } from "./trpc";

/**
 * Who may call each procedure, written out by hand: the policy, not a copy of the code. Each entry
 * gives an input that acts on ward A. A new procedure fails this test until it is added here.
 */
const MATRIX: MatrixEntries = {
  ...PRIORITY_ENTRIES,
  ...FEED_ENTRIES,
  ...CRIME_PACK_ENTRIES,
  ...ACCOUNT_ENTRIES,
  ...CRIME_DATA_ENTRIES,
  ...PERSONAL_DATA_ENTRIES,
  ...SUBSCRIPTION_ENTRIES,
  ...MESSAGE_ENTRIES,
  "auth.me": { allowed: EVERYONE, input: () => undefined },
  "auth.signIn": { allowed: EVERYONE, input: () => ({ email: `nobody${unique()}@example.test`, password: "wrong" }) },
  "auth.signOut": { allowed: SIGNED_IN, input: () => undefined },
  "auth.invitation": { allowed: EVERYONE, input: () => ({ token: "x".repeat(27) }) },
  "auth.acceptInvite": {
    allowed: EVERYONE,
    input: () => ({ token: "x".repeat(27), password: "long enough password", confirmPassword: "long enough password" }),
  },
  "me.wards": { allowed: SIGNED_IN, input: () => undefined },
  "site.mapTiles": { allowed: EVERYONE, input: () => undefined },
  "site.localForces": { allowed: EVERYONE, input: () => undefined },
  "site.callResponseTargetMinutes": { allowed: EVERYONE, input: () => undefined },
  "site.loadedData": { allowed: EVERYONE, input: () => undefined },
  "people.list": { allowed: ANY_ADMIN, input: () => undefined },
  "people.invite": {
    allowed: WARD_A_ADMINS,
    input: () => ({
      email: `invitee${unique()}@example.test`,
      name: "Invitee",
      grant: { role: "panel_member", wardCode: WARD_A },
    }),
  },
  "people.assignRole": {
    allowed: WARD_A_ADMINS,
    input: () => ({ userId: 999_999, grant: { role: "panel_member", wardCode: WARD_A } }),
  },
  "people.removeRole": { allowed: ANY_ADMIN, input: () => ({ assignmentId: 999_999 }) },
  "people.setActive": { allowed: ANY_ADMIN, input: () => ({ userId: 999_999, isActive: true }) },
  "meetings.forWard": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A }) },
  "meetings.create": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, date: "2030-01-08", ...meetingDetails }),
  },
  "meetings.scheduleSeries": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({
      wardCode: WARD_A,
      rule: { ordinal: 2, weekday: 2, firstMonth: "2030-01", months: 2 },
      ...meetingDetails,
    }),
  },
  "meetings.update": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, meetingId: 999_999, date: "2030-01-08", ...meetingDetails }),
  },
  "meetings.publish": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, meetingId: 999_999 }) },
  "meetings.publishSeries": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, seriesId: 999_999 }) },
  "meetings.cancel": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, meetingId: 999_999, reason: "Venue closed" }),
  },
  "agenda.forMeeting": { allowed: WARD_A_STAFF, input: () => ({ ...meetingA }) },
  "agenda.addItem": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, ...agendaFields }) },
  "agenda.updateItem": { allowed: WARD_A_ORGANISERS, input: () => ({ ...itemA, ...agendaFields }) },
  "agenda.moveItem": { allowed: WARD_A_ORGANISERS, input: () => ({ ...itemA, direction: "up" }) },
  "agenda.removeItem": { allowed: WARD_A_ORGANISERS, input: () => ({ ...itemA }) },
  "agenda.restoreItem": { allowed: WARD_A_ORGANISERS, input: () => ({ ...itemA }) },
  "agenda.removePaper": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, paperId: 999_999 }) },
  "agenda.restorePaper": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, paperId: 999_999 }) },
  "agenda.withdrawPaper": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ ...meetingA, paperId: 999_999, reason: "Names a witness" }),
  },
  "agenda.publish": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "attendance.forMeeting": { allowed: WARD_A_STAFF, input: () => ({ ...meetingA }) },
  "attendance.mark": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA, userId: 999_999, status: "present" }) },
  "attendance.addGuest": {
    allowed: WARD_A_RECORDERS,
    input: () => ({ ...meetingA, kind: "police", name: "PC Jones", organisation: "" }),
  },
  "attendance.removeGuest": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA, guestId: 999_999 }) },
  "attendance.setPublicCount": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA, count: 3 }) },
  "attendance.addPublicSignIn": {
    allowed: WARD_A_RECORDERS,
    input: () => ({ ...meetingA, name: "Resident", email: "resident@example.test", consent: true }),
  },
  "attendance.setQuorumRule": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, rule: { kind: "more_than_half" } }),
  },
  "attendance.memberHistory": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A, userId: 999_999 }) },
  "live.view": { allowed: WARD_A_STAFF, input: () => ({ ...meetingA }) },
  "live.start": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "live.setCurrentItem": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, itemId: null }) },
  "live.end": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "live.pauseTimer": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "live.resumeTimer": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "live.saveNotes": { allowed: WARD_A_RECORDERS, input: () => ({ ...itemA, notes: "Noted", baseVersion: 0 }) },
  "live.addDecision": { allowed: WARD_A_RECORDERS, input: () => ({ ...itemA, text: "Agreed" }) },
  "live.removeDecision": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA, decisionId: 999_999 }) },
  "live.addAction": {
    allowed: WARD_A_RECORDERS,
    input: () => ({ ...itemA, description: "Do it", owner: "Chair", dueDate: "2030-01-31" }),
  },
  "live.recordConcern": {
    allowed: WARD_A_RECORDERS,
    input: () => ({
      ...meetingA,
      description: "Speeding",
      location: "Gower Street",
      category: "road-safety",
      hasConsent: false,
      raisedBy: "",
      contactEmail: "",
    }),
  },
  "actions.forWard": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A }) },
  "actions.setStatus": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, actionId: 999_999, status: "done", note: "" }),
  },
  "minutes.forMeeting": { allowed: WARD_A_STAFF, input: () => ({ ...meetingA }) },
  "minutes.draft": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA }) },
  "minutes.editItem": {
    allowed: WARD_A_RECORDERS,
    input: () => ({ ...meetingA, itemIndex: 0, notes: "Edited", baseVersion: 0 }),
  },
  "minutes.circulate": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "minutes.returnToDraft": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, reason: "Wrong date" }) },
  "minutes.approve": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, atMeetingId: 999_998 }) },
  "minutes.publish": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA }) },
  "minutes.startCorrection": { allowed: WARD_A_ORGANISERS, input: () => ({ ...meetingA, note: "Spelling" }) },
  "record.removed": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA }) },
  "record.editDecision": {
    allowed: WARD_A_RECORDERS,
    input: () => ({ ...meetingA, decisionId: 999_999, text: "Agreed" }),
  },
  "record.editAction": {
    allowed: WARD_A_RECORDERS,
    input: () => ({ ...meetingA, actionId: 999_999, description: "Do it", owner: "Chair", dueDate: "2030-01-31" }),
  },
  "record.editConcern": {
    allowed: WARD_A_RECORDERS,
    input: () => ({
      ...meetingA,
      concernId: 999_999,
      description: "Speeding",
      location: "Gower Street",
      category: "road-safety",
    }),
  },
  "record.remove": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA, kind: "action", id: 999_999 }) },
  "record.restore": { allowed: WARD_A_RECORDERS, input: () => ({ ...meetingA, removalId: 999_999 }) },
  "oversight.wards": { allowed: ADMIN, input: () => ({ boroughCode: null }) },
  "publicMeeting.view": { allowed: EVERYONE, input: () => ({ ...meetingA }) },
  "publicMeeting.past": { allowed: EVERYONE, input: () => ({ wardCode: WARD_A, page: 1 }) },
  "wards.search": { allowed: EVERYONE, input: () => ({ query: "Bloom" }) },
  "wards.atPoint": { allowed: EVERYONE, input: () => ({ lat: 51.5246, lon: -0.1262 }) },
  "wards.boroughs": { allowed: EVERYONE, input: () => undefined },
  "wards.adminList": { allowed: ANY_ADMIN, input: () => ({ query: "Bloom" }) },
  "wards.page": { allowed: EVERYONE, input: () => ({ wardCode: WARD_A }) },
  "wards.panel": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A }) },
  "wards.addOfficer": {
    allowed: WARD_A_CONTACT_EDITORS,
    input: () => ({ wardCode: WARD_A, name: "PC Role Matrix", rank: "Police Constable", email: "" }),
  },
  // Officer 999999 is in no ward: a caller let in is refused as not found, one not let in as forbidden.
  "wards.updateOfficer": {
    allowed: WARD_A_CONTACT_EDITORS,
    input: () => ({ wardCode: WARD_A, officerId: 999999, name: "PC Role Matrix", rank: "PCSO", email: "" }),
  },
  "wards.removeOfficer": { allowed: WARD_A_CONTACT_EDITORS, input: () => ({ wardCode: WARD_A, officerId: 999999 }) },
  "wards.updateTeamContacts": {
    allowed: WARD_A_CONTACT_EDITORS,
    input: () => ({
      wardCode: WARD_A,
      baseName: "Holborn Police Station",
      baseAddress: "",
      email: "",
      phone: "101",
      publicNote: "",
    }),
  },
};

type Procedures = Record<string, { _def: { meta?: Meta } }>;
const procedures = appRouter._def.procedures as unknown as Procedures;

describe("role matrix: every procedure × every role", () => {
  const db = createTestDb();
  const ids = {} as Record<Persona, number | null>;

  beforeAll(async () => {
    seedPanel(db, WARD_A);
    seedPanel(db, WARD_B);
    ids.public = null;
    ids.admin = (await seedUser(db, { roles: [{ role: "admin" }] })).id;
    ids.sergeantA = (await seedUser(db, { roles: [{ role: "sergeant", wardCode: WARD_A }] })).id;
    ids.teamMemberA = (await seedUser(db, { roles: [{ role: "team_member", wardCode: WARD_A }] })).id;
    ids.chairA = (await seedUser(db, { roles: [{ role: "chair", wardCode: WARD_A }] })).id;
    ids.memberA = (await seedUser(db, { roles: [{ role: "panel_member", wardCode: WARD_A }] })).id;
    ids.minuteTakerA = (await seedUser(db, { roles: [{ role: "minute_taker", wardCode: WARD_A }] })).id;
    ids.sergeantB = (await seedUser(db, { roles: [{ role: "sergeant", wardCode: WARD_B }] })).id;
    ids.analystMet = (await seedUser(db, { roles: [{ role: "analyst", force: "metropolitan" }] })).id;
    ids.analystCity = (await seedUser(db, { roles: [{ role: "analyst", force: "city-of-london" }] })).id;
    // Ward A is in Camden (E09000007); Islington is E09000019.
    const boroughAdmin = (boroughCode: string) => seedUser(db, { roles: [{ role: "borough_admin", boroughCode }] });
    ids.boroughAdminCamden = (await boroughAdmin("E09000007")).id;
    ids.boroughAdminIslington = (await boroughAdmin("E09000019")).id;
  });

  it("lists every procedure of the router, and every procedure declares who may call it", () => {
    expect(Object.keys(procedures).sort()).toEqual(Object.keys(MATRIX).sort());
    for (const [path, procedure] of Object.entries(procedures)) {
      expect(procedure._def.meta?.access, `${path} declares no access`).toBeDefined();
    }
  });

  for (const [path, { allowed, input }] of Object.entries(MATRIX)) {
    for (const persona of PERSONAS) {
      const expected = allowed.includes(persona) ? "allowed" : "refused";
      it(`${path} is ${expected} for ${persona}`, async () => {
        const caller = callerFor(db, ids[persona]) as unknown as Record<
          string,
          Record<string, (i: unknown) => Promise<unknown>>
        >;
        const [namespace, name] = path.split(".") as [string, string];
        const outcome = await caller[namespace]![name]!(input()).then(
          () => "allowed",
          (error: unknown) => {
            if (!(error instanceof TRPCError)) throw error;
            // Any refusal other than "who you are" (not found, conflict, bad input) means the caller got in.
            if (error.code === "UNAUTHORIZED")
              return persona === "public" ? "refused" : `wrongly unauthorised: ${error.message}`;
            if (error.code === "FORBIDDEN" && /admin|role for this (ward|police force)/.test(error.message))
              return "refused";
            return "allowed";
          },
        );
        expect(outcome).toBe(expected);
      });
    }
  }
});

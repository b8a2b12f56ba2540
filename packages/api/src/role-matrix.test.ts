import { TRPCError } from "@trpc/server";
import { buildMeetingDetails, seedPanel, seedUser } from "@wardpanel/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root";
import { callerFor, createTestDb } from "./testing";
import type { Meta } from "./trpc";

const WARD_A = "E05013653"; // Bloomsbury, Camden
const WARD_B = "E05013662"; // Holborn & Covent Garden, Camden

const PERSONAS = ["public", "admin", "sergeantA", "chairA", "memberA", "minuteTakerA", "sergeantB"] as const;
type Persona = (typeof PERSONAS)[number];

const EVERYONE = PERSONAS;
const SIGNED_IN = PERSONAS.filter((p) => p !== "public");
const ADMIN = ["admin"] as const;
const WARD_A_STAFF = ["admin", "sergeantA", "chairA", "memberA", "minuteTakerA"] as const;
const WARD_A_SERGEANT = ["admin", "sergeantA"] as const;
const WARD_A_ORGANISERS = ["admin", "sergeantA", "chairA"] as const;

const meetingDetails = buildMeetingDetails();

let n = 0;
const unique = () => ++n;

/**
 * Who may call each procedure, written out by hand: the policy, not a copy of the code. Each entry
 * gives an input that acts on ward A. A new procedure fails this test until it is added here.
 */
const MATRIX: Record<string, { allowed: readonly Persona[]; input: () => unknown }> = {
  "auth.me": { allowed: EVERYONE, input: () => undefined },
  "auth.signIn": { allowed: EVERYONE, input: () => ({ email: `nobody${unique()}@example.test`, password: "wrong" }) },
  "auth.signOut": { allowed: SIGNED_IN, input: () => undefined },
  "auth.invitation": { allowed: EVERYONE, input: () => ({ token: "x".repeat(27) }) },
  "auth.acceptInvite": {
    allowed: EVERYONE,
    input: () => ({ token: "x".repeat(27), password: "long enough password", confirmPassword: "long enough password" }),
  },
  "me.wards": { allowed: SIGNED_IN, input: () => undefined },
  "people.list": { allowed: ADMIN, input: () => undefined },
  "people.invite": {
    allowed: ADMIN,
    input: () => ({ email: `invitee${unique()}@example.test`, name: "Invitee", grant: { role: "panel_member", wardCode: WARD_A } }),
  },
  "people.reissueInvitation": { allowed: ADMIN, input: () => ({ userId: 999_999 }) },
  "people.assignRole": { allowed: ADMIN, input: () => ({ userId: 999_999, grant: { role: "panel_member", wardCode: WARD_A } }) },
  "people.removeRole": { allowed: ADMIN, input: () => ({ assignmentId: 999_999 }) },
  "people.setActive": { allowed: ADMIN, input: () => ({ userId: 999_999, isActive: true }) },
  "meetings.forWard": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A }) },
  "meetings.create": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, date: "2030-01-08", ...meetingDetails }) },
  "meetings.scheduleSeries": {
    allowed: WARD_A_ORGANISERS,
    input: () => ({ wardCode: WARD_A, rule: { ordinal: 2, weekday: 2, firstMonth: "2030-01", months: 2 }, ...meetingDetails }),
  },
  "meetings.update": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, meetingId: 999_999, date: "2030-01-08", ...meetingDetails }) },
  "meetings.publish": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, meetingId: 999_999 }) },
  "meetings.cancel": { allowed: WARD_A_ORGANISERS, input: () => ({ wardCode: WARD_A, meetingId: 999_999, reason: "Venue closed" }) },
  "wards.search": { allowed: EVERYONE, input: () => ({ query: "Bloom" }) },
  "wards.boroughs": { allowed: EVERYONE, input: () => undefined },
  "wards.page": { allowed: EVERYONE, input: () => ({ wardCode: WARD_A }) },
  "wards.panel": { allowed: WARD_A_STAFF, input: () => ({ wardCode: WARD_A }) },
  "wards.updateTeamContacts": {
    allowed: WARD_A_SERGEANT,
    input: () => ({ wardCode: WARD_A, baseName: "Holborn Police Station", baseAddress: "", email: "", phone: "101", publicNote: "" }),
  },
};

type Procedures = Record<string, { _def: { meta?: Meta } }>;
const procedures = (appRouter._def.procedures as unknown as Procedures);

describe("role matrix: every procedure × every role", () => {
  const db = createTestDb();
  const ids = {} as Record<Persona, number | null>;

  beforeAll(async () => {
    seedPanel(db, WARD_A);
    seedPanel(db, WARD_B);
    ids.public = null;
    ids.admin = (await seedUser(db, { roles: [{ role: "admin" }] })).id;
    ids.sergeantA = (await seedUser(db, { roles: [{ role: "sergeant", wardCode: WARD_A }] })).id;
    ids.chairA = (await seedUser(db, { roles: [{ role: "chair", wardCode: WARD_A }] })).id;
    ids.memberA = (await seedUser(db, { roles: [{ role: "panel_member", wardCode: WARD_A }] })).id;
    ids.minuteTakerA = (await seedUser(db, { roles: [{ role: "minute_taker", wardCode: WARD_A }] })).id;
    ids.sergeantB = (await seedUser(db, { roles: [{ role: "sergeant", wardCode: WARD_B }] })).id;
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
        const caller = callerFor(db, ids[persona]) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
        const [namespace, name] = path.split(".") as [string, string];
        const outcome = await caller[namespace]![name]!(input()).then(
          () => "allowed",
          (error: unknown) => {
            if (!(error instanceof TRPCError)) throw error;
            // Any refusal other than "who you are" (not found, conflict, bad input) means the caller got in.
            if (error.code === "UNAUTHORIZED") return persona === "public" ? "refused" : `wrongly unauthorised: ${error.message}`;
            if (error.code === "FORBIDDEN" && /admin|role for this ward/.test(error.message)) return "refused";
            return "allowed";
          },
        );
        expect(outcome).toBe(expected);
      });
    }
  }
});

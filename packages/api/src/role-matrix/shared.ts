/**
 * The personas of the role-matrix test and the groups they fall into. Each domain lists its
 * procedures in its own file here, so the policy for a domain is read in one place.
 */
import { buildMeetingDetails } from "@wardpanel/db/testing";

export const WARD_A = "E05013653"; // Bloomsbury, Camden
export const WARD_B = "E05013662"; // Holborn & Covent Garden, Camden

export const PERSONAS = [
  "public",
  "admin",
  "sergeantA",
  "teamMemberA",
  "chairA",
  "memberA",
  "minuteTakerA",
  "sergeantB",
  "analystMet",
  "analystCity",
  "boroughAdminCamden",
  "boroughAdminIslington",
] as const;
export type Persona = (typeof PERSONAS)[number];

export const EVERYONE = PERSONAS;
export const SIGNED_IN = PERSONAS.filter((p) => p !== "public");
export const ADMIN = ["admin"] as const;
/** Admins for the whole force or a borough (decision 0040): the procedure narrows to the borough. */
export const ANY_ADMIN = ["admin", "boroughAdminCamden", "boroughAdminIslington"] as const;
/** Who may give roles for ward A (Camden): force-wide admins and Camden's borough admin. */
export const WARD_A_ADMINS = ["admin", "boroughAdminCamden"] as const;
/** Everyone who sees ward A's work (`seeWard`): team members attend the panel's meetings too. */
export const WARD_A_STAFF = [
  "admin",
  "boroughAdminCamden",
  "sergeantA",
  "teamMemberA",
  "chairA",
  "memberA",
  "minuteTakerA",
] as const;
/** Who keeps ward A's team contacts and officers (`editTeamContacts`): its sergeant and Camden's admins. */
export const WARD_A_CONTACT_EDITORS = ["admin", "boroughAdminCamden", "sergeantA"] as const;
/** Ward A's Safer Neighbourhoods Team on Ward Panel: who answers its messages (`answerMessages`). */
export const WARD_A_TEAM = ["admin", "sergeantA", "teamMemberA"] as const;
export const WARD_A_SERGEANT = ["admin", "sergeantA"] as const;
export const WARD_A_ORGANISERS = ["admin", "sergeantA", "chairA"] as const;
export const WARD_A_RECORDERS = ["admin", "sergeantA", "chairA", "minuteTakerA"] as const;
/** Ward A (Camden) is policed by the Metropolitan Police Service. */
export const MET_ANALYSTS = ["admin", "analystMet"] as const;

export const meetingDetails = buildMeetingDetails();
// Acting on a meeting that does not exist: "not found" shows the caller got past the role check.
export const meetingA = { wardCode: WARD_A, meetingId: 999_999 };
export const itemA = { ...meetingA, itemId: 999_999 };
export const agendaFields = { title: "Parking", description: "", presenter: "", minutesAllowed: 5 };

export type MatrixEntries = Record<string, { allowed: readonly Persona[]; input: () => unknown }>;

let n = 0;
/** A fresh number per call, for inputs that must not collide (e-mail addresses). */
export const unique = () => ++n;

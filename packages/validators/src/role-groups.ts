import { POLICE_FORCES, type PoliceForceId } from "./forces";
import type { ForceRole, Role, WardRole } from "./roles";

/**
 * Who may do what, written once (decision 0017). The tRPC procedures declare their
 * access with these groups (`wardProcedure("editAgenda")`), and the web app asks the same groups
 * before it offers a button or a form, so a panel member is never shown a form the server refuses.
 *
 * The words follow the domain glossary ("who is who"): the sergeant runs the team and
 * publishes the agreed priorities; the chair runs the panel and its meetings; panel members decide
 * the priorities (they vote); the minute-taker keeps the record; team members (constables and PCSOs)
 * answer residents' messages and attend meetings. Admins hold every group for every
 * ward and force. What only an admin may do (people and roles, oversight, control rooms' keys,
 * personal-data requests) is `holdsAdmin`, the procedures' `adminProcedure`.
 */
export const WARD_ROLE_GROUPS = {
  /** See the ward's meetings, agendas, attendance, live record, minutes, actions, priorities, votes and panel. */
  seeWard: ["sergeant", "team_member", "chair", "panel_member", "minute_taker"],
  /** Schedule, change, advertise and cancel meetings; set the panel's quorum rule. */
  arrangeMeetings: ["sergeant", "chair"],
  /** Edit the agenda, attach and withdraw papers, publish it. */
  editAgenda: ["sergeant", "chair"],
  /** Start and end the live meeting and move through its items. */
  runLiveMeeting: ["sergeant", "chair"],
  /** Keep the record in the room: attendance, notes, decisions, actions, concerns handed over; draft the minutes. */
  keepRecord: ["sergeant", "chair", "minute_taker"],
  /** Circulate the minutes, record their approval, publish and correct them. */
  manageMinutes: ["sergeant", "chair"],
  /** Mark the ward's actions done or dropped. */
  manageActions: ["sergeant", "chair"],
  /** Work the concern queue: record, merge, reject, shortlist. */
  manageConcerns: ["sergeant", "chair"],
  /** Write, edit, publish and end priorities, report progress, set the ward's limit. */
  managePriorities: ["sergeant", "chair"],
  /** Flag a priority for the 60-minute response: it commits the control room, so the sergeant's call. */
  flagForCallHandling: ["sergeant"],
  /** Set up, open, close and publish the panel's vote; enter paper ballots; make the casting decision. */
  runVotes: ["sergeant", "chair"],
  /** Cast a ballot: the panel's voting members. */
  castVotes: ["chair", "panel_member"],
  /** Read the ward's monthly crime-update packs before they are published. */
  seePackDrafts: ["sergeant", "chair"],
  /** Write a pack's commentary and publish it. */
  reviewPacks: ["sergeant"],
  /** Change where the team is based and how to reach it (Policing Pledge point 2). */
  editTeamContacts: ["sergeant"],
  /** See the ward's 60-minute response record. */
  seeCallResponses: ["sergeant", "chair"],
  /** Read the team's inbox of messages from residents and reply to them: the whole Safer Neighbourhoods Team. */
  answerMessages: ["sergeant", "team_member"],
  /** Give a message to a team member to answer: the sergeant runs the team. */
  assignMessages: ["sergeant"],
} as const satisfies Record<string, readonly WardRole[]>;

export type WardRoleGroup = keyof typeof WARD_ROLE_GROUPS;

/** Force-wide work: a police.uk month covers every ward a force polices (decision 0014). */
export const FORCE_ROLE_GROUPS = {
  /** Import the monthly police.uk files, read the import log, restore a replaced month. */
  importCrimeData: ["analyst"],
  /** Draft the packs of many wards at once, for boroughs the force polices. */
  draftPacksAcrossWards: ["analyst"],
} as const satisfies Record<string, readonly ForceRole[]>;

export type ForceRoleGroup = keyof typeof FORCE_ROLE_GROUPS;

/**
 * A role as a person holds it, and where: the shape of the viewer's roles on the server and in `auth.me`.
 * `boroughCode` is the borough a borough admin holds (for a ward role, the ward's borough; optional
 * for callers that only know the ward).
 */
export type HeldRole = { role: Role; wardCode: string | null; force: string | null; boroughCode?: string | null };

/** A force-wide admin: every ward, every force, every person (decision 0040 keeps this unchanged). */
export function holdsAdmin(held: readonly HeldRole[]): boolean {
  return held.some((r) => r.role === "admin");
}

/**
 * What a borough admin may do in the wards of their borough, deny by default (decision 0040): see
 * the ward's work (so they can check whom they give roles to) and keep the team's contacts and
 * officers. People and roles are `people.*`, scoped in the router.
 */
export const BOROUGH_ADMIN_WARD_GROUPS: readonly WardRoleGroup[] = ["seeWard", "editTeamContacts"];

/** The borough codes the person is a borough admin for (empty when none). */
export function adminBoroughs(held: readonly HeldRole[]): string[] {
  return [...new Set(held.flatMap((r) => (r.role === "borough_admin" && r.boroughCode ? [r.boroughCode] : [])))];
}

/** Whether the person is an admin (force-wide, or for a borough). */
export function holdsAnyAdmin(held: readonly HeldRole[]): boolean {
  return holdsAdmin(held) || adminBoroughs(held).length > 0;
}

/** Whether the person is a force-wide admin or a borough admin for `boroughCode`. */
export function adminsBorough(held: readonly HeldRole[], boroughCode: string | null | undefined): boolean {
  return holdsAdmin(held) || (boroughCode != null && adminBoroughs(held).includes(boroughCode));
}

/** Admins act on every ward; anyone else only where they hold one of `roles` for that ward. */
export function holdsWardRole(held: readonly HeldRole[], wardCode: string, roles: readonly WardRole[]): boolean {
  return holdsAdmin(held) || held.some((r) => r.wardCode === wardCode && (roles as readonly Role[]).includes(r.role));
}

/** Admins act on every force's data; anyone else only on a force (police.uk id) they hold one of `roles` for. */
export function holdsForceRole(held: readonly HeldRole[], force: string, roles: readonly ForceRole[]): boolean {
  return holdsAdmin(held) || held.some((r) => r.force === force && (roles as readonly Role[]).includes(r.role));
}

/**
 * Whether the person may do what `group` names for this ward. `wardBoroughCode`, the ward's
 * borough, lets a borough admin in for the groups in BOROUGH_ADMIN_WARD_GROUPS; without it they
 * are refused (deny by default).
 */
export function mayInWard(
  held: readonly HeldRole[],
  group: WardRoleGroup,
  wardCode: string,
  wardBoroughCode?: string | null,
): boolean {
  if (holdsWardRole(held, wardCode, WARD_ROLE_GROUPS[group])) return true;
  return (
    BOROUGH_ADMIN_WARD_GROUPS.includes(group) &&
    wardBoroughCode != null &&
    adminBoroughs(held).includes(wardBoroughCode)
  );
}

/** Whether the person may do what `group` names for this police force's data. */
export function mayForForce(held: readonly HeldRole[], group: ForceRoleGroup, force: string): boolean {
  return holdsForceRole(held, force, FORCE_ROLE_GROUPS[group]);
}

/** The forces whose data the person may work on as `group` names: every force for an admin. */
export function forcesWhereMay(held: readonly HeldRole[], group: ForceRoleGroup): PoliceForceId[] {
  return POLICE_FORCES.filter((f) => mayForForce(held, group, f.id)).map((f) => f.id);
}

/**
 * The wards where the person may do what `group` names: null for an admin (every ward), else the
 * ward codes of their roles in the group (empty when none). For reports that span a person's wards.
 */
export function wardsWhereMay(held: readonly HeldRole[], group: WardRoleGroup): string[] | null {
  if (holdsAdmin(held)) return null;
  const roles: readonly Role[] = WARD_ROLE_GROUPS[group];
  return [...new Set(held.flatMap((r) => (r.wardCode && roles.includes(r.role) ? [r.wardCode] : [])))];
}

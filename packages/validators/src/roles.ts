import { z } from "zod";

/**
 * The roles a person can hold. `admin` is held everywhere; `analyst` is held for one police force
 * (it imports that force's police.uk crime data, which covers every ward the force polices); every
 * `borough_admin` is an admin held for one borough (decision 0040); every
 * other role is held for one ward (a sergeant may hold it for several wards, one assignment per ward).
 */
export const ROLES = [
  "admin",
  "borough_admin",
  "analyst",
  "sergeant",
  "team_member",
  "chair",
  "panel_member",
  "minute_taker",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** `team_member`: a constable or PCSO of the ward's Safer Neighbourhoods Team, who answers messages to the team. */
export const WARD_ROLES = ["sergeant", "team_member", "chair", "panel_member", "minute_taker"] as const;
export type WardRole = (typeof WARD_ROLES)[number];

export const FORCE_ROLES = ["analyst"] as const;
export type ForceRole = (typeof FORCE_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  borough_admin: "Borough admin",
  analyst: "Crime data analyst",
  sergeant: "Sergeant",
  team_member: "Team member (constable or PCSO)",
  chair: "Chair",
  panel_member: "Panel member",
  minute_taker: "Minute-taker",
};

export function isWardRole(role: Role): role is WardRole {
  return (WARD_ROLES as readonly string[]).includes(role);
}

export function isForceRole(role: Role): role is ForceRole {
  return (FORCE_ROLES as readonly string[]).includes(role);
}

/** An admin for one borough: held with a borough code, like an analyst with a force (decision 0040). */
export function isBoroughRole(role: Role): role is "borough_admin" {
  return role === "borough_admin";
}

import { z } from "zod";

/**
 * The roles a person can hold. `admin` is held everywhere; every other role is held for one ward
 * (a sergeant may hold it for several wards, one assignment per ward).
 */
export const ROLES = ["admin", "sergeant", "chair", "panel_member", "minute_taker"] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const WARD_ROLES = ["sergeant", "chair", "panel_member", "minute_taker"] as const;
export type WardRole = (typeof WARD_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  sergeant: "Sergeant",
  chair: "Chair",
  panel_member: "Panel member",
  minute_taker: "Minute-taker",
};

export function isWardRole(role: Role): role is WardRole {
  return role !== "admin";
}

import {
  adminBoroughs,
  type ForceRoleGroup,
  forcesWhereMay,
  holdsAdmin,
  holdsAnyAdmin,
  mayInWard,
  type WardRoleGroup,
  wardsWhereMay,
} from "@wardpanel/validators";

import { useViewer } from "./use-viewer";

/**
 * What the signed-in person may do, read from the role groups the procedures declare
 * (@wardpanel/validators role-groups.ts), so a page offers only what the server will accept.
 * The server still checks every call; nobody signed in may do nothing.
 */
export function useAccess() {
  const { viewer } = useViewer();
  const held = viewer?.roles ?? [];
  return {
    /** A force-wide admin. */
    isAdmin: holdsAdmin(held),
    /** An admin for the force or for a borough (decision 0040): manages people and roles. */
    isAnyAdmin: holdsAnyAdmin(held),
    /** The boroughs the person is a borough admin for (empty when none). */
    adminBoroughs: adminBoroughs(held),
    /** `wardBoroughCode`, the ward's borough, lets a borough admin in where their role allows. */
    mayInWard: (group: WardRoleGroup, wardCode: string, wardBoroughCode?: string | null) =>
      mayInWard(held, group, wardCode, wardBoroughCode),
    forcesWhereMay: (group: ForceRoleGroup) => forcesWhereMay(held, group),
    /** null: every ward (admins); else the ward codes, empty when none. */
    wardsWhereMay: (group: WardRoleGroup) => wardsWhereMay(held, group),
  };
}

/**
 * The same for one ward: `const may = useWardAccess(wardCode); may("editAgenda")`. Give the ward's
 * borough when known, so a borough admin is offered what the server lets them do there.
 */
export function useWardAccess(wardCode: string, wardBoroughCode?: string | null) {
  const { mayInWard } = useAccess();
  return (group: WardRoleGroup) => mayInWard(group, wardCode, wardBoroughCode);
}

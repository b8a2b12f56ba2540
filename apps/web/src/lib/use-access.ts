import {
  type ForceRoleGroup,
  forcesWhereMay,
  holdsAdmin,
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
    isAdmin: holdsAdmin(held),
    mayInWard: (group: WardRoleGroup, wardCode: string) => mayInWard(held, group, wardCode),
    forcesWhereMay: (group: ForceRoleGroup) => forcesWhereMay(held, group),
    /** null: every ward (admins); else the ward codes, empty when none. */
    wardsWhereMay: (group: WardRoleGroup) => wardsWhereMay(held, group),
  };
}

/** The same for one ward: `const may = useWardAccess(wardCode); may("editAgenda")`. */
export function useWardAccess(wardCode: string) {
  const { mayInWard } = useAccess();
  return (group: WardRoleGroup) => mayInWard(group, wardCode);
}

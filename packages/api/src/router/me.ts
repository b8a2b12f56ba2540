import { listWardsForUser } from "@wardpanel/db/queries/people";
import { ROLE_LABELS } from "@wardpanel/validators";

import { isAdmin } from "../auth/viewer";
import { createTRPCRouter, signedInProcedure } from "../trpc";

export const meRouter = createTRPCRouter({
  /** The wards a person works on, each with the roles they hold there: their dashboard. */
  wards: signedInProcedure.query(({ ctx }) => {
    const rows = listWardsForUser(ctx.db, ctx.viewer.id);
    const byWard = new Map<string, { code: string; name: string; boroughName: string; roles: string[] }>();
    for (const row of rows) {
      const ward = byWard.get(row.code) ?? { code: row.code, name: row.name, boroughName: row.boroughName, roles: [] };
      ward.roles.push(ROLE_LABELS[row.role]);
      byWard.set(row.code, ward);
    }
    return { isAdmin: isAdmin(ctx.viewer), wards: [...byWard.values()] };
  }),
});

import { getOversight } from "@wardpanel/db/queries/oversight";
import { OversightInput } from "@wardpanel/validators";

import { adminProcedure, createTRPCRouter } from "../trpc";

/** The central unit's monthly check, for a borough or all of London. */
export const oversightRouter = createTRPCRouter({
  wards: adminProcedure
    .input(OversightInput)
    .query(({ ctx, input }) => getOversight(ctx.db, { boroughCode: input.boroughCode, now: ctx.now() })),
});

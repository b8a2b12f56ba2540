import { exportPersonalData } from "@wardpanel/db/queries/personal-data";
import { erasePersonalData } from "@wardpanel/db/queries/personal-data-erase";
import { PersonalDataRequest } from "@wardpanel/validators";

import { adminProcedure, createTRPCRouter } from "../trpc";

/** Subject access and erasure requests (UK GDPR Articles 15 and 17): admins only, as the data controller's staff. */
export const personalDataRouter = createTRPCRouter({
  /** Everything held about an e-mail address, as JSON; also what an erasure would touch. */
  export: adminProcedure
    .input(PersonalDataRequest)
    .query(({ ctx, input }) => exportPersonalData(ctx.db, { email: input.email, now: ctx.now() })),

  /** Erases it (the page asks for confirmation first). An admin cannot erase their own account. */
  erase: adminProcedure
    .input(PersonalDataRequest)
    .mutation(({ ctx, input }) => erasePersonalData(ctx.db, { email: input.email, actingUserId: ctx.viewer.id })),
});

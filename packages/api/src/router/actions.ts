import { listWardActions, setActionStatus } from "@wardpanel/db/queries/actions";
import { SetActionStatusInput } from "@wardpanel/validators";

import { createTRPCRouter, wardProcedure } from "../trpc";

export const actionsRouter = createTRPCRouter({
  /** Open actions first by due date; overdue ones flagged for the chair and sergeant. */
  forWard: wardProcedure("seeWard").query(({ ctx, input }) => listWardActions(ctx.db, input.wardCode, ctx.now())),

  setStatus: wardProcedure("manageActions")
    .input(SetActionStatusInput)
    .mutation(({ ctx, input }) => {
      setActionStatus(ctx.db, { ...input, now: ctx.now() });
      return { actionId: input.actionId, status: input.status };
    }),
});

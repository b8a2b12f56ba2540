import { listWardActions, setActionStatus } from "@wardpanel/db/queries/actions";
import { SetActionStatusInput } from "@wardpanel/validators";
import { createTRPCRouter } from "../trpc";
import { organiser, wardStaff } from "./roles";

export const actionsRouter = createTRPCRouter({
  /** Open actions first by due date; overdue ones flagged for the chair and sergeant. */
  forWard: wardStaff.query(({ ctx, input }) => listWardActions(ctx.db, input.wardCode, ctx.now())),

  setStatus: organiser.input(SetActionStatusInput).mutation(({ ctx, input }) => {
    setActionStatus(ctx.db, { ...input, now: ctx.now() });
    return { actionId: input.actionId, status: input.status };
  }),
});

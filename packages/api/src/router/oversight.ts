import { getMessageOversight, listRecourse, respondToRecourse } from "@wardpanel/db/queries/message-figures";
import { getOversight } from "@wardpanel/db/queries/oversight";
import { ManagerResponseInput, MessageOversightInput, OversightInput } from "@wardpanel/validators";

import { adminProcedure, createTRPCRouter } from "../trpc";

/** The central unit's monthly check, for a borough or all of London; and the team's managers' view of messages. */
export const oversightRouter = createTRPCRouter({
  wards: adminProcedure
    .input(OversightInput)
    .query(({ ctx, input }) => getOversight(ctx.db, { boroughCode: input.boroughCode, now: ctx.now() })),

  /** Messages to the teams: the share answered within the response target per ward and borough, and the overdue list. */
  messages: adminProcedure
    .input(MessageOversightInput)
    .query(({ ctx, input }) =>
      getMessageOversight(ctx.db, { ...input, targetHours: ctx.responseTargetHours, now: ctx.now() }),
    ),

  /** Replies residents said were not good enough, waiting for the manager's response. */
  recourse: adminProcedure.input(MessageOversightInput).query(({ ctx, input }) => listRecourse(ctx.db, input)),

  /** The manager's response to a "not good enough", e-mailed to the resident. */
  respond: adminProcedure.input(ManagerResponseInput).mutation(({ ctx, input }) => {
    respondToRecourse(ctx.db, { ...input, authorId: ctx.viewer.id, now: ctx.now() });
    return { messageId: input.messageId };
  }),
});

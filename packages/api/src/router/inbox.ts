import {
  assignTeamMessage,
  closeTeamMessage,
  getTeamMessage,
  listMessageAnswerers,
  listTeamInbox,
  listWaitingAcrossWards,
  replyToTeamMessage,
} from "@wardpanel/db/queries/team-inbox";
import {
  AssignMessageInput,
  MessageRefInput,
  type Role,
  TeamReplyInput,
  WARD_ROLE_GROUPS,
} from "@wardpanel/validators";

import { createTRPCRouter, signedInProcedure, wardProcedure } from "../trpc";

/** The roles whose holders answer a ward's messages. */
const ANSWERERS: readonly Role[] = WARD_ROLE_GROUPS.answerMessages;

/** The Safer Neighbourhoods Team's inbox of messages from residents: the sergeant and team members. */
export const inboxRouter = createTRPCRouter({
  /** The signed-in person's messages waiting across every ward they answer for (their dashboard); none for others. */
  mine: signedInProcedure.query(({ ctx }) => {
    const wardCodes = ctx.viewer.roles.flatMap((r) => (r.wardCode && ANSWERERS.includes(r.role) ? [r.wardCode] : []));
    return listWaitingAcrossWards(ctx.db, { wardCodes, targetHours: ctx.responseTargetHours }).map((m) => ({
      ...m,
      isMine: m.assigneeId === ctx.viewer.id,
    }));
  }),

  /** Open messages first, by time left against the response target; each with its assignee. */
  forWard: wardProcedure("answerMessages").query(({ ctx, input }) => ({
    targetHours: ctx.responseTargetHours,
    messages: listTeamInbox(ctx.db, { wardCode: input.wardCode, targetHours: ctx.responseTargetHours }),
    answerers: listMessageAnswerers(ctx.db, input.wardCode),
  })),

  message: wardProcedure("answerMessages")
    .input(MessageRefInput)
    .query(({ ctx, input }) => getTeamMessage(ctx.db, { ...input, targetHours: ctx.responseTargetHours })),

  /** The sergeant gives a message to a team member (or themself) to answer. */
  assign: wardProcedure("assignMessages")
    .input(AssignMessageInput)
    .mutation(({ ctx, input }) => {
      assignTeamMessage(ctx.db, { ...input, byUserId: ctx.viewer.id, now: ctx.now() });
      return { messageId: input.messageId };
    }),

  /** A reply, recorded in the thread and e-mailed to the resident when they gave an address with consent. */
  reply: wardProcedure("answerMessages")
    .input(TeamReplyInput)
    .mutation(({ ctx, input }) => {
      replyToTeamMessage(ctx.db, { ...input, authorId: ctx.viewer.id, now: ctx.now() });
      return { messageId: input.messageId };
    }),

  close: wardProcedure("answerMessages")
    .input(MessageRefInput)
    .mutation(({ ctx, input }) => {
      closeTeamMessage(ctx.db, { ...input, byUserId: ctx.viewer.id, now: ctx.now() });
      return { messageId: input.messageId };
    }),
});

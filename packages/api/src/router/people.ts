import { invitePerson, reissueInvitation } from "@wardpanel/db/queries/invitations";
import { getAssignments, grantRole, listPeople, revokeRole, setUserActive } from "@wardpanel/db/queries/people";
import { deleteSessionsOfUser } from "@wardpanel/db/queries/sessions";
import { AssignRoleInput, DomainError, InviteInput, RemoveRoleInput, UserId } from "@wardpanel/validators";
import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "../trpc";

export const peopleRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listPeople(ctx.db)),

  /** Creates the person with their first role and an invitation link to choose a password. */
  invite: adminProcedure
    .input(InviteInput)
    .mutation(({ ctx, input }) =>
      invitePerson(ctx.db, { email: input.email, name: input.name, grants: [input.grant], invitedBy: ctx.viewer.id, now: ctx.now() }),
    ),

  /** A fresh link for someone who lost theirs or let it expire. */
  reissueInvitation: adminProcedure
    .input(UserId)
    .mutation(({ ctx, input }) => reissueInvitation(ctx.db, { userId: input.userId, createdBy: ctx.viewer.id, now: ctx.now() })),

  assignRole: adminProcedure.input(AssignRoleInput).mutation(({ ctx, input }) => {
    grantRole(ctx.db, { userId: input.userId, ...input.grant, grantedBy: ctx.viewer.id });
    return getAssignments(ctx.db, input.userId);
  }),

  removeRole: adminProcedure.input(RemoveRoleInput).mutation(({ ctx, input }) => {
    revokeRole(ctx.db, input.assignmentId);
    return { removed: true };
  }),

  /** Deactivating signs the person out everywhere; their record and history stay. */
  setActive: adminProcedure.input(UserId.extend({ isActive: z.boolean() })).mutation(({ ctx, input }) => {
    if (input.userId === ctx.viewer.id && !input.isActive) {
      throw new DomainError("conflict", "You cannot deactivate your own account");
    }
    ctx.db.transaction(() => {
      setUserActive(ctx.db, input.userId, input.isActive);
      if (!input.isActive) deleteSessionsOfUser(ctx.db, input.userId);
    });
    return { isActive: input.isActive };
  }),
});

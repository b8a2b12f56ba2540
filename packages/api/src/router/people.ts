import { generateToken, hashToken } from "@wardpanel/auth";
import {
  createInvitation,
  createUser,
  getAssignments,
  grantRole,
  listPeople,
  revokeRole,
  setUserActive,
} from "@wardpanel/db/queries/people";
import { deleteSessionsOfUser } from "@wardpanel/db/queries/sessions";
import { AssignRoleInput, DomainError, InviteInput, RemoveRoleInput, UserId } from "@wardpanel/validators";
import { z } from "zod";
import { adminProcedure, createTRPCRouter } from "../trpc";

const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/** A new invitation link for a person; only its hash is kept, so the link is shown once. */
function issueInvitation(db: Parameters<typeof createInvitation>[0], userId: number, createdBy: number, now: Date) {
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS);
  createInvitation(db, { userId, tokenHash: hashToken(token), expiresAt, createdBy });
  return { invitePath: `/invite/${token}`, expiresAt };
}

export const peopleRouter = createTRPCRouter({
  list: adminProcedure.query(({ ctx }) => listPeople(ctx.db)),

  /** Creates the person with their first role and an invitation link to choose a password. */
  invite: adminProcedure.input(InviteInput).mutation(({ ctx, input }) =>
    ctx.db.transaction(() => {
      const userId = createUser(ctx.db, { email: input.email, name: input.name });
      grantRole(ctx.db, { userId, role: input.grant.role, wardCode: input.grant.wardCode, grantedBy: ctx.viewer.id });
      return { userId, ...issueInvitation(ctx.db, userId, ctx.viewer.id, ctx.now()) };
    }),
  ),

  /** A fresh link for someone who lost theirs or let it expire. */
  reissueInvitation: adminProcedure.input(UserId).mutation(({ ctx, input }) => {
    const person = listPeople(ctx.db).find((p) => p.id === input.userId);
    if (!person) throw new DomainError("not_found", "That person no longer exists");
    if (person.hasPassword) throw new DomainError("conflict", `${person.name} has already chosen a password`);
    return issueInvitation(ctx.db, input.userId, ctx.viewer.id, ctx.now());
  }),

  assignRole: adminProcedure.input(AssignRoleInput).mutation(({ ctx, input }) => {
    grantRole(ctx.db, { userId: input.userId, role: input.grant.role, wardCode: input.grant.wardCode, grantedBy: ctx.viewer.id });
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

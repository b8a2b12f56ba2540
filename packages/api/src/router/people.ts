import { invitePerson, issueNewAccountLink } from "@wardpanel/db/queries/invitations";
import {
  getAssignment,
  getAssignments,
  grantRole,
  listPeople,
  revokeRole,
  setUserActive,
} from "@wardpanel/db/queries/people";
import { deleteSessionsOfUser } from "@wardpanel/db/queries/sessions";
import { AssignRoleInput, DomainError, InviteInput, RemoveRoleInput, UserId } from "@wardpanel/validators";
import { z } from "zod";

import { invitationMail, passwordResetMail, trySend } from "../auth/account-mail";
import { assertMayActOnPerson, assertMayGrant, assertMayRemove, scopePeople } from "../auth/borough-scope";
import { anyAdminProcedure, createTRPCRouter } from "../trpc";

export const peopleRouter = createTRPCRouter({
  /** Everyone for a force-wide admin; a borough admin sees their borough's people (decision 0040). */
  list: anyAdminProcedure.query(({ ctx }) => scopePeople(ctx.viewer, listPeople(ctx.db))),

  /**
   * Creates the person with their first role and e-mails them an invitation link to choose a
   * password. The person is saved before the e-mail is tried; `emailed` says whether it went, and
   * the admin can copy `link` (absolute, from PUBLIC_BASE_URL) either way.
   */
  invite: anyAdminProcedure.input(InviteInput).mutation(async ({ ctx, input }) => {
    assertMayGrant(ctx.db, ctx.viewer, input.grant);
    const invited = invitePerson(ctx.db, {
      email: input.email,
      name: input.name,
      grants: [input.grant],
      invitedBy: ctx.viewer.id,
      now: ctx.now(),
    });
    const link = new URL(invited.invitePath, ctx.publicBaseUrl).href;
    const emailed = await trySend(
      ctx.mail,
      invitationMail({
        to: input.email,
        name: input.name,
        link,
        expiresAt: invited.expiresAt,
        invitedBy: ctx.viewer.name,
      }),
    );
    return { ...invited, link, emailed };
  }),

  /**
   * A new link for someone, e-mailed to them, voiding their older links: an invitation when they
   * have no password yet, otherwise a link to choose a new one (their password works until it is used).
   */
  sendAccountLink: anyAdminProcedure.input(UserId).mutation(async ({ ctx, input }) => {
    assertMayActOnPerson(ctx.db, ctx.viewer, input.userId);
    const issued = issueNewAccountLink(ctx.db, { userId: input.userId, createdBy: ctx.viewer.id, now: ctx.now() });
    const link = new URL(issued.path, ctx.publicBaseUrl).href;
    const mail = { to: issued.email, name: issued.name, link, expiresAt: issued.expiresAt };
    const message =
      issued.purpose === "invitation"
        ? invitationMail({ ...mail, invitedBy: ctx.viewer.name })
        : passwordResetMail({ ...mail, sentBy: ctx.viewer.name });
    const emailed = await trySend(ctx.mail, message);
    return { purpose: issued.purpose, link, expiresAt: issued.expiresAt, emailed };
  }),

  assignRole: anyAdminProcedure.input(AssignRoleInput).mutation(({ ctx, input }) => {
    assertMayGrant(ctx.db, ctx.viewer, input.grant);
    assertMayActOnPerson(ctx.db, ctx.viewer, input.userId);
    grantRole(ctx.db, { userId: input.userId, ...input.grant, grantedBy: ctx.viewer.id });
    return getAssignments(ctx.db, input.userId);
  }),

  removeRole: anyAdminProcedure.input(RemoveRoleInput).mutation(({ ctx, input }) => {
    assertMayRemove(ctx.viewer, getAssignment(ctx.db, input.assignmentId));
    revokeRole(ctx.db, input.assignmentId);
    return { removed: true };
  }),

  /** Deactivating signs the person out everywhere; their record and history stay. */
  setActive: anyAdminProcedure.input(UserId.extend({ isActive: z.boolean() })).mutation(({ ctx, input }) => {
    if (input.userId === ctx.viewer.id && !input.isActive) {
      throw new DomainError("conflict", "You cannot deactivate your own account");
    }
    assertMayActOnPerson(ctx.db, ctx.viewer, input.userId);
    ctx.db.transaction(() => {
      setUserActive(ctx.db, input.userId, input.isActive);
      if (!input.isActive) deleteSessionsOfUser(ctx.db, input.userId);
    });
    return { isActive: input.isActive };
  }),
});

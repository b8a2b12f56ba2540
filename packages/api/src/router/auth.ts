import { getDecoyHash, hashPassword, verifyPassword } from "@wardpanel/auth";
import { deadLinkMessage, findUsableLink, setPasswordWithLink } from "@wardpanel/db/queries/account-links";
import { findUserByEmail, recordSignIn } from "@wardpanel/db/queries/people";
import { deleteSession } from "@wardpanel/db/queries/sessions";
import { AcceptInviteInput, DomainError, InviteToken, SignInInput } from "@wardpanel/validators";
import { z } from "zod";

import { assertPasswordAllowed } from "../auth/password-rules";
import { createSession } from "../auth/sessions";
import { createTRPCRouter, publicProcedure, signedInProcedure } from "../trpc";

/** The same words for an unknown email, a wrong password and a deactivated account: nothing to learn from them. */
const WRONG_DETAILS = "The email address or password is not right. Check them and try again.";

export const authRouter = createTRPCRouter({
  /** The signed-in person and their roles, or null. */
  me: publicProcedure.query(({ ctx }) =>
    ctx.viewer ? { id: ctx.viewer.id, name: ctx.viewer.name, email: ctx.viewer.email, roles: ctx.viewer.roles } : null,
  ),

  signIn: publicProcedure.input(SignInInput).mutation(async ({ ctx, input }) => {
    // Counted before the password is checked, so parallel tries cannot all slip under the limit.
    const attempt = await ctx.signInLimiter.begin(input.email, ctx.clientAddress);
    const user = findUserByEmail(ctx.db, input.email);
    const ok = await verifyPassword(user?.passwordHash ?? (await getDecoyHash()), input.password);
    if (!user || !user.passwordHash || !ok || !user.isActive) {
      throw new DomainError("invalid", WRONG_DETAILS);
    }
    await attempt.succeeded();
    const now = ctx.now();
    const session = createSession(ctx.db, user.id, now);
    recordSignIn(ctx.db, user.id, now);
    ctx.sessionCookie.set(session.token, session.expiresAt);
    return { name: user.name };
  }),

  signOut: signedInProcedure.mutation(({ ctx }) => {
    deleteSession(ctx.db, ctx.viewer.sessionId);
    ctx.sessionCookie.clear();
    return { signedOut: true };
  }),

  /** Who an invitation link is for, so the page can greet them before they choose a password. */
  invitation: publicProcedure.input(z.object({ token: InviteToken })).query(({ ctx, input }) => {
    const invitation = findUsableLink(ctx.db, { token: input.token, purpose: "invitation", now: ctx.now() });
    if (!invitation) throw new DomainError("not_found", deadLinkMessage("invitation"), "token");
    return { name: invitation.name, email: invitation.email };
  }),

  /** Spends an invitation link on a first password and signs the person in; any other session of theirs ends. */
  acceptInvite: publicProcedure.input(AcceptInviteInput).mutation(async ({ ctx, input }) => {
    assertPasswordAllowed(input.password);
    const passwordHash = await hashPassword(input.password);
    const now = ctx.now();
    const session = ctx.db.transaction(() => {
      const person = setPasswordWithLink(ctx.db, { token: input.token, purpose: "invitation", passwordHash, now });
      recordSignIn(ctx.db, person.userId, now);
      return createSession(ctx.db, person.userId, now);
    });
    ctx.sessionCookie.set(session.token, session.expiresAt);
    return { signedIn: true };
  }),
});

import { hashPassword, verifyPassword } from "@wardpanel/auth";
import {
  deadLinkMessage,
  findUsableLink,
  issuePasswordReset,
  setPassword,
  setPasswordWithLink,
} from "@wardpanel/db/queries/account-links";
import { findUserByEmail } from "@wardpanel/db/queries/people";
import {
  ChangePasswordInput,
  DomainError,
  PasswordResetRequestInput,
  ResetPasswordInput,
  ResetToken,
} from "@wardpanel/validators";
import { z } from "zod";

import { passwordResetMail } from "../auth/account-mail";
import { assertPasswordAllowed } from "../auth/password-rules";
import { createTRPCRouter, publicProcedure, signedInProcedure } from "../trpc";

/** A person's own password: forgotten (a link by e-mail) or changed while signed in. */
export const accountRouter = createTRPCRouter({
  /**
   * "Forgot your password?": e-mails a one-hour link to the account with this address, if there
   * is one, and answers the same either way (OWASP Forgot Password Cheat Sheet). Limited per
   * address and per connection (429).
   */
  requestPasswordReset: publicProcedure.input(PasswordResetRequestInput).mutation(async ({ ctx, input }) => {
    await ctx.passwordResetLimiter.consume(input.email, ctx.clientAddress);
    const reset = issuePasswordReset(ctx.db, { email: input.email, now: ctx.now() });
    if (reset) {
      const link = new URL(reset.path, ctx.publicBaseUrl).href;
      // Not awaited, so an address with an account is answered as fast as one without. The
      // server's mail port logs a failure; the person can ask again.
      ctx.mail
        .send(passwordResetMail({ to: reset.email, name: reset.name, link, expiresAt: reset.expiresAt }))
        .catch(() => undefined);
    }
    return {
      message: `If ${input.email} is the address of a Ward Panel account, we have sent a link to it. The link works for 1 hour.`,
    };
  }),

  /** Who a reset link is for, so the page can greet them, or not_found when it no longer works. */
  resetLink: publicProcedure.input(z.object({ token: ResetToken })).query(({ ctx, input }) => {
    const link = findUsableLink(ctx.db, { token: input.token, purpose: "reset", now: ctx.now() });
    if (!link) throw new DomainError("not_found", deadLinkMessage("reset"), "token");
    return { name: link.name, email: link.email };
  }),

  /** Spends a reset link on a new password; every session of the person ends, and they sign in again. */
  resetPassword: publicProcedure.input(ResetPasswordInput).mutation(async ({ ctx, input }) => {
    assertPasswordAllowed(input.password);
    const passwordHash = await hashPassword(input.password);
    const person = setPasswordWithLink(ctx.db, { token: input.token, purpose: "reset", passwordHash, now: ctx.now() });
    return { email: person.email };
  }),

  /** A signed-in person's new password, given their current one; their other sessions end. */
  changePassword: signedInProcedure.input(ChangePasswordInput).mutation(async ({ ctx, input }) => {
    const user = findUserByEmail(ctx.db, ctx.viewer.email);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new DomainError("invalid", "Your current password is not right", "currentPassword");
    }
    assertPasswordAllowed(input.password);
    setPassword(ctx.db, {
      userId: user.id,
      passwordHash: await hashPassword(input.password),
      keepSessionId: ctx.viewer.sessionId,
    });
    return { changed: true };
  }),
});

import { TRPCError } from "@trpc/server";
import { unsubscribeTokenFor } from "@wardpanel/auth";
import {
  confirmSubscription,
  findSubscriptionByUnsubscribeToken,
  requestSubscription,
  type SubscriptionView,
  unsubscribe,
} from "@wardpanel/db/queries/subscriptions";
import { wardNameFor } from "@wardpanel/db/queries/ward-name-in";
import { getWard } from "@wardpanel/db/queries/wards";
import { chooseLanguage } from "@wardpanel/i18n";
import { availableLanguages, translatorFor } from "@wardpanel/i18n/node";
import { forceWordsOf, SubscribeToWardInput, SubscriptionLinkInput } from "@wardpanel/validators";
import { z } from "zod";

import { createTRPCRouter, publicProcedure } from "../trpc";
import { subscriptionConfirmMail } from "./subscription-mail";

/** What a subscriber's link page shows. The address is empty once only its hash is kept. */
const Subscription = z.object({
  wardCode: z.string(),
  wardName: z.string(),
  email: z.string(),
  isUnsubscribed: z.boolean(),
});
const shown = ({ wardCode, wardName, email, isUnsubscribed }: SubscriptionView) => ({
  wardCode,
  wardName,
  email,
  isUnsubscribed,
});

/**
 * Residents' e-mail subscriptions to a ward's monthly pack: double opt-in (a confirmation link by
 * e-mail) and unsubscribe from the link in every e-mail. Mail programs' one-click unsubscribe
 * (RFC 8058) is a plain HTTP POST with no cookie (apps/server/src/routes/packs/unsubscribe-route.ts).
 */
export const subscriptionsRouter = createTRPCRouter({
  /**
   * Step one: e-mails a confirmation link, answering the same whether or not the address was
   * already subscribed. Limited per recipient and per client address (429), like every e-mail
   * anyone can ask us to send. The e-mails are written in the language asked for (English when
   * there is no catalogue for it), and so are the monthly updates that follow.
   */
  request: publicProcedure
    .input(SubscribeToWardInput)
    .output(z.object({ message: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const email = input.email.trim().toLowerCase();
      const ward = getWard(ctx.db, input.wardCode);
      await ctx.subscriptionLimiter.consume(email, ctx.clientAddress);
      const unsubscribeToken = unsubscribeTokenFor(ctx.unsubscribeTokenSecret, ward.code, email);
      const language = chooseLanguage(availableLanguages(), [input.language]);
      const { confirmToken } = requestSubscription(ctx.db, {
        wardCode: ward.code,
        email,
        unsubscribeToken,
        language,
        now: ctx.now(),
      });
      if (confirmToken) {
        const link = new URL(`/subscriptions/confirm/${confirmToken}`, ctx.publicBaseUrl).href;
        // The server's mail port has logged why; the person can simply try again.
        await ctx.mail
          .send(
            subscriptionConfirmMail({
              to: email,
              wardName: wardNameFor(ward, language),
              link,
              t: translatorFor(language, forceWordsOf(ctx.policeForceId)),
            }),
          )
          .catch(() => {
            throw new TRPCError({
              code: "SERVICE_UNAVAILABLE",
              message: "We could not send the confirmation e-mail just now. Try again in a few minutes.",
            });
          });
      }
      return { message: `Check your inbox: we have sent a link to ${email} to confirm.` };
    }),

  /** Step two: the link in the confirmation e-mail (a POST, so link scanners that only GET do not confirm). */
  confirm: publicProcedure
    .input(SubscriptionLinkInput)
    .output(Subscription)
    .mutation(({ ctx, input }) => shown(confirmSubscription(ctx.db, { token: input.token, now: ctx.now() }))),

  /** The subscription an unsubscribe link belongs to, for the page that asks "stop these e-mails?". */
  byUnsubscribeLink: publicProcedure
    .input(SubscriptionLinkInput)
    .output(Subscription)
    .query(({ ctx, input }) => shown(findSubscriptionByUnsubscribeToken(ctx.db, input.token))),

  /** Unsubscribes; doing it twice is still unsubscribed. */
  unsubscribe: publicProcedure
    .input(SubscriptionLinkInput)
    .output(Subscription)
    .mutation(({ ctx, input }) => shown(unsubscribe(ctx.db, { token: input.token, now: ctx.now() }))),
});

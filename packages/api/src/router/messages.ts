import {
  addResidentReply,
  getMessageThread,
  sayNotGoodEnough,
  sendTeamMessage,
} from "@wardpanel/db/queries/team-messages";
import {
  DomainError,
  MessageTokenInput,
  NotGoodEnoughInput,
  ResidentReplyInput,
  SendMessageInput,
} from "@wardpanel/validators";
import { z } from "zod";

import { createTRPCRouter, publicProcedure } from "../trpc";
import { MessageThreadOutput, messageThreadPath, SentMessageOutput } from "./message-output";

/** A person takes a few seconds to fill the form in; a script posts at once. */
const MIN_FORM_SECONDS = 3;
const Done = z.object({ ok: z.literal(true) });

/** "Message your team": the resident's side, with no account; the private link is the key. */
export const messagesRouter = createTRPCRouter({
  /** The public form. Spam is turned away as the concern form does: a hidden field, a minimum time and a rate limit. */
  send: publicProcedure
    .input(SendMessageInput)
    .output(SentMessageOutput)
    .mutation(async ({ ctx, input: { wardCode, website, openedAt, ...message } }) => {
      await ctx.messageLimiter.consume(ctx.clientAddress);
      const seconds = (ctx.now().getTime() - openedAt) / 1000;
      // Answer a bot as if it succeeded, so it learns nothing; keep nothing.
      if (website !== "" || seconds < MIN_FORM_SECONDS)
        return { received: true as const, reference: null, threadPath: null, isEmailed: false };
      if (seconds > 24 * 60 * 60)
        throw new DomainError(
          "invalid",
          "This form was opened more than a day ago. Reload the page and send it again.",
        );
      if (message.hasConsent && message.contactEmail === "" && message.contactPhone === "")
        throw new DomainError(
          "invalid",
          "Enter an e-mail address or phone number, or untick the box to keep your details",
          "contactEmail",
        );
      const sent = sendTeamMessage(ctx.db, {
        wardCode,
        message,
        tokenSecret: ctx.unsubscribeTokenSecret,
        now: ctx.now(),
      });
      return {
        received: true as const,
        reference: sent.reference,
        threadPath: messageThreadPath(sent.threadToken),
        isEmailed: message.hasConsent && message.contactEmail !== "",
      };
    }),

  /** The private thread page: only the unguessable link from the confirmation and the e-mails opens it. */
  thread: publicProcedure
    .input(MessageTokenInput)
    .output(MessageThreadOutput)
    .query(({ ctx, input }) => getMessageThread(ctx.db, { token: input.token, targetHours: ctx.responseTargetHours })),

  /** The resident answers the team on the private page. */
  reply: publicProcedure
    .input(ResidentReplyInput)
    .output(Done)
    .mutation(({ ctx, input }) => {
      addResidentReply(ctx.db, { ...input, now: ctx.now() });
      return { ok: true as const };
    }),

  /** "The reply was not good enough" (the Neighbourhood Policing Guarantee's recourse): to the manager's list. */
  notGoodEnough: publicProcedure
    .input(NotGoodEnoughInput)
    .output(Done)
    .mutation(({ ctx, input }) => {
      sayNotGoodEnough(ctx.db, { ...input, now: ctx.now() });
      return { ok: true as const };
    }),
});

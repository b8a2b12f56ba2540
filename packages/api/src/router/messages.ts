import {
  addResidentReply,
  getMessageThread,
  sayNotGoodEnough,
  sendTeamMessage,
} from "@wardpanel/db/queries/team-messages";
import { chooseLanguage } from "@wardpanel/i18n";
import { availableLanguages } from "@wardpanel/i18n/node";
import {
  DomainError,
  formMessage,
  MessageTokenInput,
  NotGoodEnoughInput,
  ResidentReplyInput,
  SendMessageInput,
} from "@wardpanel/validators";
import { z } from "zod";

import { isBotSubmission } from "../public-form";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { MessageThreadOutput, messageThreadPath, SentMessageOutput } from "./message-output";

const Done = z.object({ ok: z.literal(true) });

/** "Message your team": the resident's side, with no account; the private link is the key. */
export const messagesRouter = createTRPCRouter({
  /** The public form. Spam is turned away as the concern form does: a hidden field, a minimum time and a rate limit. */
  send: publicProcedure
    .input(SendMessageInput)
    .output(SentMessageOutput)
    .mutation(async ({ ctx, input: { wardCode, website, openedAt, ...message } }) => {
      await ctx.messageLimiter.consume(ctx.clientAddress);
      if (isBotSubmission({ website, openedAt, now: ctx.now() }))
        return { received: true as const, reference: null, threadPath: null, isEmailed: false };
      if (message.hasConsent && message.contactEmail === "" && message.contactPhone === "")
        throw new DomainError("invalid", formMessage("contactForReply"), "contactEmail");
      // The language they wrote in, recorded for the team and the e-mails (English without a catalogue for it).
      const language = chooseLanguage(availableLanguages(), [message.language]);
      const sent = sendTeamMessage(ctx.db, {
        wardCode,
        message: { ...message, language },
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
